/**
 * The aggregated simulator of T-VDOS-1: each (vantage, path) token bucket integrated in closed form
 * from its periodic arrivals, so Regime D scale (N = 100 000, flood 1024, 60 s) runs in
 * milliseconds. One bucket per path, no jitter; a bucket outside the closed form's conditions is
 * enumerated packet by packet. The per-packet simulator must agree exactly (properties/t-vdos-1).
 */
import { arrivals, checkScenario, FloodError, phaseOf, tickUs, type FloodPath, type FloodScenario } from './flood.js';
import { bucketParams, TokenBucket, type BucketParams, type RateLimitPolicy } from './token-bucket.js';
import type { FloodCounts } from './vdos-cost.js';

/** Packets a flooder sends on one path: i >= 0 with phase + floor(i * T / f) < D (phase < T <= D: at least one). */
function floodArrivals(endUs: number, phase: number, t100: number, f100: number): number {
  return Math.floor(((endUs - phase) * f100 + t100 - 1) / t100);
}

/** One flooding bucket: n packets, the first at `phase`, one every T / f (t100 = T * 100, f100 = f * 100). */
export interface FloodStream {
  readonly n: number;
  readonly phase: number;
  readonly t100: number;
  readonly f100: number;
}

/**
 * Packets a flooding bucket admits, in closed form, or undefined outside the two cases the closed
 * form covers (the caller then enumerates). Regime D scale relies on these two cases.
 */
export function closedFormAdmitted(f: FloodStream, b: BucketParams): number | undefined {
  const { unitsPerToken: U, refillPerUs: R, capacityUnits: C } = b;
  if (C < U) return 0; // a bucket that never holds a whole token admits nothing
  // Refill keeps up (one token or more per packet) and the budget absorbs the rounding of the gaps.
  if (f.f100 <= R && C >= 2 * U + R) return f.n;
  // Draining bucket never capped after the first packet: A = min(n, floor((C + R * (t_last - t_0)) / U)).
  if (f.f100 > R && C >= 2 * U && R * Math.ceil(f.t100 / f.f100) <= U) {
    const last = Math.floor(((f.n - 1) * f.t100) / f.f100);
    return Math.min(f.n, Math.floor((C + R * last) / U));
  }
  return undefined;
}

/** Admitted packets of one flooding bucket, in closed form where it applies. */
function floodAdmitted(s: FloodScenario, v: number, p: FloodPath, b: BucketParams, f100: number): number {
  const t100 = tickUs(s) * 100;
  const phase = phaseOf(s, v, p);
  const n = floodArrivals(tickUs(s) * s.durationTicks, phase, t100, f100);
  const closed = closedFormAdmitted({ n, phase, t100, f100 }, b);
  if (closed !== undefined) return closed;
  const bucket = new TokenBucket(b);
  return arrivals(s, v, p).filter((t) => bucket.offer(t)).length;
}

/**
 * Packets over both paths, an upper bound computed exactly in bigint: honest vantages D per path, flooders at most
 * ceil(f D) per path (floodArrivals with phase 0 reaches it). Callers add the two paths, so the sum must stay exact.
 */
export function packetBoundBothPaths(s: FloodScenario): bigint {
  const d = BigInt(s.durationTicks);
  const f100 = BigInt(Math.round(s.floodFactor * 100));
  const flooder = (f100 * d + 99n) / 100n; // ceil(f100 * D / 100)
  return 2n * (BigInt(s.n - s.coalition) * d + BigInt(s.coalition) * flooder);
}

/** Admitted and arrived packets per path, aggregated; `policy` null means no rate limiter. */
export function simulateAggregated(s: FloodScenario, policy: RateLimitPolicy | null): FloodCounts {
  checkScenario(s);
  if ((s.jitterUs ?? 0) > 0) throw new FloodError('the aggregated simulator models no jitter; use simulateExact');
  if (policy?.scope === 'per-vantage')
    throw new FloodError('the aggregated simulator models one bucket per path; use simulateExact');
  // Counts summed over paths A and B (dimension, receipts) are exact integers only up to 2^53 - 1: refuse beyond.
  if (packetBoundBothPaths(s) > BigInt(Number.MAX_SAFE_INTEGER))
    throw new FloodError(
      `durationTicks ${s.durationTicks} (tickMs ${s.tickMs}, floodFactor ${s.floodFactor}, n ${s.n}, ` +
        `coalition ${s.coalition}) takes packet counts over both paths past 2^53, where integers stop being exact`,
    );
  const f100 = Math.round(s.floodFactor * 100);
  const t100 = tickUs(s) * 100;
  const endUs = tickUs(s) * s.durationTicks;
  const b = policy ? bucketParams(tickUs(s), policy) : null;
  // Token units (capacity + refill over the whole flood) are exact integers only below 2^53.
  if (b && b.capacityUnits + endUs * b.refillPerUs > Number.MAX_SAFE_INTEGER)
    throw new FloodError(
      `durationTicks ${s.durationTicks} (tickMs ${s.tickMs}, rate_limit_factor ${policy!.rateLimitFactor}) ` +
        'takes token counts past 2^53, where integers stop being exact',
    );
  const honest = s.n - s.coalition;
  // An honest bucket gets rate_limit_factor >= 2 tokens per packet: it admits all once it holds one token.
  const honestAdmitted = !b || b.capacityUnits >= b.unitsPerToken ? honest * s.durationTicks : 0;
  const arrived = { A: honest * s.durationTicks, B: honest * s.durationTicks };
  const admitted = { A: honestAdmitted, B: honestAdmitted };
  for (let v = 0; v < s.coalition; v++) {
    // vantages 0..k-1 flood (model/flood.ts floods())
    for (const p of ['A', 'B'] as const) {
      const n = floodArrivals(endUs, phaseOf(s, v, p), t100, f100);
      arrived[p] += n;
      admitted[p] += b ? floodAdmitted(s, v, p, b, f100) : n;
    }
  }
  return { arrived, admitted };
}
