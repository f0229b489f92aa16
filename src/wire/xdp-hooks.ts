/**
 * The bench's access to the veth pair (src/wire/netns.ts) and the XDP limiter (src/wire/xdp.ts): both,
 * or the one line saying why not (not root, no namespaces, XDP or BPF statistics not permitted), so the
 * bench still runs without its XDP rows.
 */
import { netnsSupport, withVethPair } from './netns.js';
import { attachLimiter, xdpSupport } from './xdp.js';

/** What the bench uses from netns.ts and xdp.ts. */
export interface XdpHooks {
  readonly withVethPair: typeof withVethPair;
  readonly attachLimiter: typeof attachLimiter;
}

/** The hooks, or why not (one line). */
export function loadXdpHooks(): { ok: true; hooks: XdpHooks } | { ok: false; why: string } {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return { ok: false, why: 'not root' };
  for (const s of [netnsSupport(), xdpSupport()]) if (!s.ok) return { ok: false, why: s.why };
  return { ok: true, hooks: { withVethPair, attachLimiter } };
}
