/**
 * The aggregated simulator of T-VDOS-1: each (vantage, path) token bucket integrated in closed form
 * from its periodic arrivals, so Regime D scale (N = 100 000, flood 1024, 60 s) runs in
 * milliseconds. One bucket per path, no jitter; a bucket outside the closed form's conditions is
 * enumerated packet by packet. The per-packet simulator must agree exactly (properties/t-vdos-1).
 */
import { arrivals, checkScenario, FloodError, floods, phaseOf, tickUs, type FloodPath, type FloodScenario } from './flood.js';
import { bucketParams, TokenBucket, type BucketParams, type RateLimitPolicy } from './token-bucket.js';
import type { FloodCounts } from './vdos-cost.js';

/** Packets a flooder sends on one path: i >= 0 with phase + floor(i * T / f) < D. */
function floodArrivals(endUs: number, phase: number, t100: number, f100: number): number {
  return phase >= endUs ? 0 : Math.floor(((endUs - phase) * f100 + t100 - 1) / t100);
}

/** Admitted packets of one flooding bucket, in closed form where it applies. */
function floodAdmitted(s: FloodScenario, v: number, p: FloodPath, b: BucketParams, f100: number): number {
  const t100 = tickUs(s) * 100;
  const phase = phaseOf(s, v, p);
  const n = floodArrivals(tickUs(s) * s.durationTicks, phase, t100, f100);
  const { unitsPerToken: U, refillPerUs: R, capacityUnits: C } = b;
  if (n === 0 || C < U) return 0; // a bucket that never holds a whole token admits nothing
  const maxGap = Math.ceil(t100 / f100);
  if (f100 <= R && C >= 2 * U + R) return n; // refill keeps up: every packet finds a token
  if (f100 > R && C >= 2 * U && R * maxGap <= U) {
    // Draining bucket, never capped after the first packet: A = min(n, floor((C + R * (t_last - t_0)) / U)).
    const last = phase + Math.floor(((n - 1) * t100) / f100);
    return Math.min(n, Math.floor((C + R * (last - phase)) / U));
  }
  const bucket = new TokenBucket(b);
  return arrivals(s, v, p).filter((t) => bucket.offer(t)).length;
}

/** Admitted and arrived packets per path, aggregated; `policy` null means no rate limiter. */
export function simulateAggregated(s: FloodScenario, policy: RateLimitPolicy | null): FloodCounts {
  checkScenario(s);
  if ((s.jitterUs ?? 0) > 0) throw new FloodError('the aggregated simulator models no jitter; use simulateExact');
  if (policy?.scope === 'per-vantage') throw new FloodError('the aggregated simulator models one bucket per path; use simulateExact');
  const f100 = Math.round(s.floodFactor * 100);
  const t100 = tickUs(s) * 100;
  const endUs = tickUs(s) * s.durationTicks;
  const b = policy ? bucketParams(tickUs(s), policy) : null;
  const honest = s.n - s.coalition;
  // An honest bucket gets rate_limit_factor >= 2 tokens per packet: it admits all once it holds one token.
  const honestAdmitted = !b || b.capacityUnits >= b.unitsPerToken ? honest * s.durationTicks : 0;
  const arrived = { A: honest * s.durationTicks, B: honest * s.durationTicks };
  const admitted = { A: honestAdmitted, B: honestAdmitted };
  for (let v = 0; v < s.coalition; v++) { // vantages 0..k-1 flood (model/flood.ts floods())
    for (const p of ['A', 'B'] as const) {
      const n = floodArrivals(endUs, phaseOf(s, v, p), t100, f100);
      arrived[p] += n;
      admitted[p] += b ? floodAdmitted(s, v, p, b, f100) : n;
    }
  }
  return { arrived, admitted };
}
