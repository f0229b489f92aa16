/**
 * The real XDP limiter (issue 20): the per-vantage token bucket of draft §4.1-§4.2 as an XDP
 * program (src/wire/xdp/limiter.bpf.c), built with clang at run time, attached natively to a
 * network interface with `ip link set dev IF xdpdrv obj F sec xdp`, configured from the model's
 * policy object (model/token-bucket.ts bucketParams: the same integers the model and the pipeline
 * use) and measured with the kernel's BPF statistics (run_time_ns / run_cnt: c_xdp).
 */
import { execFile, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { bucketParams, type RateLimitPolicy } from '../../model/token-bucket.js';
import { holdBpfStats, releaseBpfStats } from './xdp/bpf-stats.js';
import { fromHexBytes, hexBytes, mapDump, mapUpdates, progMaps, progStats } from './xdp/bpftool.js';
import { buildLimiter, type LimiterMutant } from './xdp/build.js';

const run = promisify(execFile);

/** What an attached limiter has counted. */
export interface XdpStats {
  /** Program runs and their summed duration by the kernel's clock (kernel.bpf_stats_enabled). */
  readonly run_cnt: number;
  readonly run_time_ns: number;
  /** Limited (BFD) packets forwarded, and dropped by their bucket. */
  readonly passed: number;
  readonly dropped: number;
  /** BFD packets dropped because no bucket has their discriminator. */
  readonly unkeyed: number;
  /** Other traffic (not UDP/IPv4, other port, not BFD-shaped), passed untouched. */
  readonly other: number;
}

/** An attached limiter. */
export interface XdpLimiter {
  readonly progId: number;
  stats(): Promise<XdpStats>;
  /** Kernel time (bpf_ktime_get_ns) of each bucket's last packet, by discriminator (0: none yet). */
  lastArrivals(): Promise<Map<number, bigint>>;
  detach(): Promise<void>;
}

/** How to attach. */
export interface AttachOptions {
  readonly ifname: string;
  readonly policy: RateLimitPolicy;
  readonly tickMs: number;
  /** Buckets for discriminators 0x10000 + i, i < vantages (src/pipeline/traffic.ts); at most 65536. */
  readonly vantages: number;
  /** Limit only this UDP destination port (keyed as admission.ts: 8 bytes suffice); default any port, BFD-shaped. */
  readonly udpPort?: number;
  /** The first discriminator (default 0x10000). */
  readonly discBase?: number;
  /** A deliberately wrong bucket (tests and the parity check's mutants only). */
  readonly mutant?: LimiterMutant;
}

/**
 * Whether this process can build, attach and measure the limiter, or why not (one line). PERFSEC_NO_XDP=1 turns it
 * off on purpose (a run without XDP rows, and the test of that path where XDP works).
 */
export function xdpSupport(): { ok: true } | { ok: false; why: string } {
  if (process.env.PERFSEC_NO_XDP === '1') return { ok: false, why: 'XDP turned off by PERFSEC_NO_XDP=1' };
  if (process.platform !== 'linux') return { ok: false, why: `XDP needs Linux (this is ${process.platform})` };
  if (typeof process.getuid === 'function' && process.getuid() !== 0)
    return { ok: false, why: 'XDP is not permitted: loading BPF programs needs root' };
  for (const [tool, args] of [
    ['clang', ['--version']],
    ['bpftool', ['version']],
    ['ip', ['-V']],
  ] as const) {
    const r = spawnSync(tool, args, { stdio: 'ignore', timeout: 10_000 });
    if (r.error || r.status !== 0) return { ok: false, why: `XDP is not available: \`${tool}\` is not installed` };
  }
  if (!existsSync('/usr/include/bpf/bpf_helpers.h'))
    return { ok: false, why: 'XDP is not available: libbpf headers (libbpf-dev) are not installed' };
  try {
    accessSync('/proc/sys/kernel/bpf_stats_enabled', constants.R_OK | constants.W_OK);
  } catch {
    return { ok: false, why: 'XDP is not measurable: kernel.bpf_stats_enabled is not writable here' };
  }
  // root without CAP_BPF / CAP_SYS_ADMIN (a container) cannot even list programs
  const list = spawnSync('bpftool', ['prog', 'show'], { encoding: 'utf8', timeout: 10_000 });
  if (list.error || list.status !== 0)
    return {
      ok: false,
      why: `XDP is not permitted: ${(list.stderr || 'bpftool prog show failed').trim().split('\n')[0]}`,
    };
  return { ok: true };
}

/** The XDP program id attached to IFNAME. */
async function attachedProg(ifname: string): Promise<number> {
  const { stdout } = await run('ip', ['-j', '-d', 'link', 'show', 'dev', ifname], { timeout: 10_000 });
  const id = (JSON.parse(stdout) as Array<{ xdp?: { prog?: { id?: number } } }>)[0]?.xdp?.prog?.id;
  if (typeof id !== 'number') throw new Error(`no XDP program found on ${ifname} after attaching`);
  return id;
}

/** The first line of a failed load, and the verifier reason (the line before "processed N insns") if any. */
function attachReason(text: string): string {
  const lines = text.trim().split('\n');
  const at = lines.findIndex((l) => l.startsWith('processed '));
  return at > 0 ? `${lines[0]} (verifier: ${lines[at - 1]})` : (lines[0] ?? '');
}

function checkOptions(o: AttachOptions): void {
  if (!/^[\w.-]{1,15}$/.test(o.ifname)) throw new Error('ifname must be an interface name (1-15 characters)');
  if (!Number.isInteger(o.vantages) || o.vantages < 1 || o.vantages > 65536)
    throw new Error(`vantages must be an integer in [1, 65536], got ${o.vantages}`);
  if (o.udpPort !== undefined && (!Number.isInteger(o.udpPort) || o.udpPort < 1 || o.udpPort > 65535))
    throw new Error(`udpPort must be in [1, 65535], got ${o.udpPort}`);
  if (!Number.isFinite(o.tickMs) || !(Math.round(o.tickMs * 1000) >= 1))
    throw new Error(`tickMs must be at least 0.001 (one whole µs), got ${o.tickMs}`);
  const base = o.discBase ?? 0x10000;
  if (!Number.isInteger(base) || base < 0 || base + o.vantages > 2 ** 32)
    throw new Error(`discBase must be an integer with discBase + vantages <= 2^32, got ${base}`);
}

/**
 * Builds, attaches natively (driver mode) and configures the limiter on IFNAME: one full bucket per
 * vantage (the model's buckets are full at time 0), then the parameters with their `ready` flag;
 * until that flag is set the program passes everything.
 */
export async function attachLimiter(o: AttachOptions): Promise<XdpLimiter> {
  checkOptions(o);
  const b = bucketParams(Math.round(o.tickMs * 1000), o.policy); // the model's integers (throws outside §4.2)
  const obj = await buildLimiter(o.mutant);
  await run('ip', ['link', 'set', 'dev', o.ifname, 'xdpdrv', 'obj', obj, 'sec', 'xdp'], { timeout: 60_000 }).catch(
    (e: { stderr?: string; message: string }) => {
      throw new Error(`XDP attach on ${o.ifname} failed: ${attachReason(e.stderr || e.message)}`, { cause: e });
    },
  );
  let held = false;
  const detach = async (): Promise<void> => {
    await run('ip', ['link', 'set', 'dev', o.ifname, 'xdpdrv', 'off'], { timeout: 30_000 }).catch(() => undefined);
    if (held) releaseBpfStats();
    held = false;
  };
  try {
    const progId = await attachedProg(o.ifname);
    const maps = await progMaps(progId);
    const [cfg, buckets, counters] = ['config', 'buckets', 'counters'].map((n) => {
      const id = maps.get(n);
      if (id === undefined) throw new Error(`the limiter program has no map named ${n}`);
      return id;
    }) as [number, number, number];
    const base = o.discBase ?? 0x10000;
    // units scaled by 1000 so that time can be ns (limiter.bpf.c); refillPerUs is then units per ns
    const config = [
      hexBytes(BigInt(b.unitsPerToken) * 1000n, 8),
      hexBytes(BigInt(b.refillPerUs), 8),
      hexBytes(BigInt(b.capacityUnits) * 1000n, 8),
      hexBytes(BigInt(o.udpPort ?? 0), 4),
      hexBytes(1n, 4),
    ].join(' ');
    const full = hexBytes(0n, 8); // lock and pad zero, units (any), last_ns 0 = never seen: full
    const fresh = [full, hexBytes(BigInt(b.capacityUnits) * 1000n, 8), hexBytes(0n, 8)].join(' ');
    await mapUpdates(
      buckets,
      Array.from({ length: o.vantages }, (_, i) => [hexBytes(BigInt(base + i), 4), fresh] as const),
    );
    await mapUpdates(cfg, [[hexBytes(0n, 4), config]]);
    holdBpfStats();
    held = true;
    return {
      progId,
      detach,
      async stats() {
        const p = await progStats(progId);
        const c = await mapDump(counters);
        const sum = (i: number) =>
          Number(
            (c.find((e) => Number(fromHexBytes(e.key)) === i)?.values ?? []).reduce(
              (s, v) => s + fromHexBytes(v.value),
              0n,
            ),
          );
        return {
          run_cnt: p.run_cnt,
          run_time_ns: p.run_time_ns,
          passed: sum(0),
          dropped: sum(1),
          unkeyed: sum(2),
          other: sum(3),
        };
      },
      async lastArrivals() {
        const m = new Map<number, bigint>();
        for (const e of await mapDump(buckets))
          m.set(Number(fromHexBytes(e.key)), fromHexBytes(e.value!.slice(16, 24)));
        return m;
      },
    };
  } catch (e) {
    await detach();
    throw e;
  }
}
