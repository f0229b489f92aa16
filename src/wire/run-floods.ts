/**
 * T-VDOS-1 end to end (draft §4.3; issue 20 Deliver 3): an insider coalition floods path B (BFD
 * Control over UDP, the datagrams an XDP program can drop) at each flood factor with valid keys;
 * the broker's CPU attacked / baseline (the same N vantages unattacked, same limiter) with no
 * limit, the draft §4.1 bucket in user space (the pipeline's), and the bucket as an XDP program in
 * front of the socket (its kernel run time added to the broker's CPU, since the kernel charges it
 * to no broker thread). Beside: draft §4.3's bound and the token-bucket bound
 * (model/vdos-bounds.ts), and the honest vantages' packets lost by the limiter and by the kernel.
 */
import type { CostConstants } from '../../model/constants.js';
import type { FloodScenario } from '../../model/flood.js';
import { DEFAULT_POLICY } from '../../model/token-bucket.js';
import { draftBound, tokenBucketBound } from '../../model/vdos-bounds.js';
import type { FloodRow, NotCarried, XdpInfo } from './document.js';
import { measuredUsPerSecond } from './ledger.js';
import type { WindowResult, WireSession } from './session.js';
import type { TrafficJob } from './traffic-plan.js';
import type { XdpLimiter } from './xdp.js';

/** A limiter design. */
export type Limiter = FloodRow['limiter'];

/** The XDP limiter as the flood runner uses it: its counters. */
export type XdpStatsSource = Pick<XdpLimiter, 'stats'>;

/** What the floods run. */
export interface FloodOptions {
  readonly n: number;
  readonly coalition: number;
  readonly tickMs: number;
  readonly durationMs: number;
  readonly warmupMs: number;
  readonly factors: readonly number[];
  readonly idleUsPerS: number;
  readonly draft: CostConstants;
  /** Constants of the corrected bound (calibrated, c_xdp as measured). */
  readonly corrected: CostConstants;
  readonly onProgress?: (line: string) => void;
}

/** What one limiter's series produced. */
export interface FloodSeries {
  readonly rows: FloodRow[];
  readonly notCarried: NotCarried[];
  /** The window of the highest factor carried (drop-path figures). */
  readonly top: WindowResult | null;
  readonly xdpRun: { run_cnt: number; run_time_ns: number };
  readonly parity: XdpInfo['parity'];
  /** The unattacked window: broker CPU (idle out, kernel XDP time in) per second and path B packets per second. */
  readonly baseline: { readonly cpu_us_per_s: number; readonly packets_per_s: number };
}

const SEQ_BASE = 10_000_000;
/** Time for an emptied draft §4.2 bucket to refill (burst budget / rate = 8 / 4 s), plus margin, ms. */
const REFILL_MS = 2200;

/** Runs LIMITER's series on SESSION (XDP: the attached limiter's stats). */
export async function runFloodSeries(
  session: WireSession,
  limiter: Limiter,
  o: FloodOptions,
  xdp: XdpStatsSource | null = null,
): Promise<FloodSeries> {
  const policy = limiter === 'user-space' ? DEFAULT_POLICY : null;
  const job = (f: number, seqBase: number, durationMs = o.durationMs): TrafficJob => ({
    path: 'B',
    n: o.n,
    tickMs: o.tickMs,
    durationMs,
    coalition: o.coalition, // at factor 1 the coalition sends as the honest do
    floodFactor: f,
    seqBase,
  });
  const total = { run_cnt: 0, run_time_ns: 0 };
  const measure = async (f: number, durationMs = o.durationMs) => {
    const expected = o.n * (1000 / o.tickMs) * (durationMs / 1000) * (1 + (o.coalition / o.n) * (f - 1));
    const sampleEvery = Math.max(1, Math.floor(expected / 3000));
    await session.configure({ n: o.n, tickMs: o.tickMs, policy, coalition: o.coalition, sampleEvery });
    await session.window('admit', job(1, 0, o.warmupMs));
    if (xdp) await new Promise((r) => setTimeout(r, REFILL_MS)); // the kernel's buckets full again
    const before = xdp ? await xdp.stats() : null;
    const w = await session.window('admit', job(f, SEQ_BASE, durationMs), xdp && f > 1 ? DEFAULT_POLICY : null);
    const after = xdp ? await xdp.stats() : null;
    const kernelNs = before && after ? after.run_time_ns - before.run_time_ns : 0;
    if (before && after) {
      total.run_cnt += after.run_cnt - before.run_cnt;
      total.run_time_ns += kernelNs;
    }
    const cpu = Math.max(0, measuredUsPerSecond(w.broker) - o.idleUsPerS) + kernelNs / 1000 / w.broker.wall_s;
    return { w, cpu };
  };
  o.onProgress?.(`flood ${limiter}: baseline`);
  // the baseline is small (N natural streams): three times as long, so its noise weighs less in every ratio
  const baseline = await measure(1, 3 * o.durationMs);
  const rows: FloodRow[] = [];
  const notCarried: NotCarried[] = [];
  let top: WindowResult | null = null;
  let parity: XdpInfo['parity'] = null;
  for (const f of o.factors) {
    o.onProgress?.(`flood ${limiter}: factor ${f}`);
    const { w, cpu } = await measure(f);
    if (w.sent.sent < 0.95 * w.sent.intended) {
      notCarried.push({
        path: 'B',
        n: o.n,
        tick_ms: o.tickMs,
        intended_pps: w.sent.intended / (o.durationMs / 1000),
        why: `flood ${f} with limiter ${limiter} not carried: sent ${w.sent.sent} of ${w.sent.intended}`,
      });
      break;
    }
    top = w;
    rows.push({
      limiter,
      flood_factor: f,
      ratio_measured: cpu / baseline.cpu,
      ...honestLoss(limiter, w),
      ...floodBounds(o, f, o.corrected),
    });
    if (xdp && w.sent.model_admitted_per_vantage && w.broker.accepted_b_per_vantage) parity = parityOf(w);
  }
  const b = baseline.w.broker;
  return {
    rows,
    notCarried,
    top,
    xdpRun: total,
    parity,
    baseline: { cpu_us_per_s: baseline.cpu, packets_per_s: b.paths.B.received / b.wall_s },
  };
}

/** Draft §4.3's bound (draft constants) and the token-bucket bound (CORRECTED constants) at flood factor F. */
export function floodBounds(
  o: Pick<FloodOptions, 'n' | 'coalition' | 'tickMs' | 'durationMs' | 'draft'>,
  f: number,
  corrected: CostConstants,
): { bound_draft: number; bound_corrected: number } {
  const s: FloodScenario = {
    n: o.n,
    tickMs: o.tickMs,
    coalition: o.coalition,
    floodFactor: f,
    durationTicks: Math.max(1, Math.round(o.durationMs / o.tickMs)),
  };
  return {
    bound_draft: draftBound(s, DEFAULT_POLICY, o.draft),
    bound_corrected: tokenBucketBound(s, DEFAULT_POLICY, corrected),
  };
}

/** Honest path B packets sent and lost: by the limiter, and by the kernel before the socket. */
export function honestLoss(limiter: Limiter, w: WindowResult) {
  const h = w.broker.honest_b;
  const sent = w.sent.honest_sent;
  const beforeSocket = Math.max(0, sent - h.received);
  let kernel = beforeSocket;
  if (limiter === 'xdp') {
    // XDP drops and socket-buffer drops both happen before the socket: the kernel's share is the RcvbufErrors share
    const drops = w.broker.kernel.rcvbuf_errors;
    kernel = drops === 0 ? 0 : Math.min(beforeSocket, Math.round((drops * sent) / Math.max(1, w.sent.sent)));
  }
  const byLimiter = limiter === 'user-space' ? h.rate_limited : limiter === 'xdp' ? beforeSocket - kernel : 0;
  return {
    honest_sent: sent,
    honest_lost: Math.max(0, sent - h.accepted),
    honest_lost_limiter: byLimiter,
    honest_lost_kernel: kernel,
  };
}

/** Per vantage, the XDP limiter's forwards (the broker's accepts, no user-space limit) against the model's bucket. */
function parityOf(w: WindowResult): NonNullable<XdpInfo['parity']> {
  const model = w.sent.model_admitted_per_vantage!;
  const fwd = w.broker.accepted_b_per_vantage!;
  const mismatches = model.reduce((a, m, v) => a + Math.abs(m - (fwd[v] ?? 0)), 0);
  return {
    packets: w.sent.sent,
    admitted_model: model.reduce((a, b) => a + b, 0),
    forwarded_xdp: fwd.reduce((a, b) => a + b, 0),
    mismatches,
    explained:
      'model: model/token-bucket.ts over the generator clock at send time (batch time, µs); XDP: the kernel clock at ' +
      'arrival; a packet near a token boundary can fall on either side. Kernel drops: ' +
      `${w.broker.kernel.rcvbuf_errors} in the window`,
  };
}
