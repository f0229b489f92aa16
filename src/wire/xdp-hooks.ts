/**
 * The bench's access to the veth pair and the XDP limiter (src/wire/netns.ts, src/wire/xdp.ts,
 * another helper's files; interface in the session contract), loaded at run time so the bench
 * still runs, without its XDP rows, where they are missing, not permitted, or not root. Whatever
 * stops them is said in one line (`why`).
 */
import type { RateLimitPolicy } from '../../model/token-bucket.js';
import type { XdpStatsSource } from './run-floods.js';

/** The veth pair of netns.ts. */
export interface VethPair {
  readonly ns: string;
  readonly hostIf: string;
  readonly nsIf: string;
  readonly hostIp: string;
  readonly nsIp: string;
}

/** An attached limiter (xdp.ts XdpLimiter). */
export interface XdpLimiterHandle extends XdpStatsSource {
  detach(): Promise<void>;
}

/** What the bench needs from netns.ts and xdp.ts. */
export interface XdpHooks {
  withVethPair<T>(fn: (p: VethPair) => Promise<T>): Promise<T>;
  attachLimiter(o: {
    ifname: string;
    policy: RateLimitPolicy;
    tickMs: number;
    vantages: number;
    /** Limit only datagrams to this UDP port (the broker's path B socket). */
    udpPort?: number;
  }): Promise<XdpLimiterHandle>;
}

type Support = () => { ok: true } | { ok: false; why: string };

/** The hooks, or why not (one line). */
export async function loadXdpHooks(): Promise<{ ok: true; hooks: XdpHooks } | { ok: false; why: string }> {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return { ok: false, why: 'not root' };
  let netns: { withVethPair: XdpHooks['withVethPair']; netnsSupport: Support };
  let xdp: { attachLimiter: XdpHooks['attachLimiter']; xdpSupport: Support };
  try {
    // specifiers in variables: these modules belong to another helper and may not exist yet
    const n = './netns.js';
    const x = './xdp.js';
    netns = (await import(n)) as typeof netns;
    xdp = (await import(x)) as typeof xdp;
  } catch (e) {
    return {
      ok: false,
      why: `src/wire/netns.ts or xdp.ts not loadable: ${String((e as Error).message).split('\n')[0]}`,
    };
  }
  for (const s of [netns.netnsSupport(), xdp.xdpSupport()]) if (!s.ok) return { ok: false, why: s.why };
  return { ok: true, hooks: { withVethPair: netns.withVethPair, attachLimiter: xdp.attachLimiter } };
}
