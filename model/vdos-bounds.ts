/**
 * T-VDOS-1 bounds: the one draft §4.3 states, and the one the token-bucket algebra gives. Both are
 * ratios JOINT_attacked / JOINT_baseline.
 */
import type { CostConstants } from './constants.js';
import { tickUs, type FloodScenario } from './flood.js';
import { bucketParams, type BucketParams, type RateLimitPolicy } from './token-bucket.js';
import { cPath } from './vdos-cost.js';

/** Draft §4.3: rate_limit_factor + flood_factor * c_xdp / c_path. */
export function draftBound(s: FloodScenario, p: RateLimitPolicy, c: CostConstants): number {
  return p.rateLimitFactor + (s.floodFactor * c.c_xdp) / cPath(c);
}

/** Burst budget in tokens. */
export function capacityTokens(b: BucketParams): number {
  return b.capacityUnits / b.unitsPerToken;
}

/**
 * The bound the token-bucket algebra gives, for one bucket per path over D = durationTicks ticks
 * (x = c_xdp / c_path, kappa = k / N, sigma = budget in tokens):
 *   (1 - kappa)(1 + 2x) + kappa * (min(f + 1/D, rlf + sigma/D) + 2x (f + 1/D)).
 * An honest vantage sends D packets per path and pays c_xdp on each; a flooder sends at most
 * f * D + 1 packets per path, each paying c_xdp (two per (snapshot, push) pair), and gets at most
 * sigma + rlf * D of them verified.
 */
export function tokenBucketBound(s: FloodScenario, p: RateLimitPolicy, c: CostConstants): number {
  const x = c.c_xdp / cPath(c);
  const d = s.durationTicks;
  const kappa = s.coalition / s.n;
  const sigma = capacityTokens(bucketParams(tickUs(s), p));
  const offered = s.floodFactor + 1 / d;
  return (1 - kappa) * (1 + 2 * x) + kappa * (Math.min(offered, p.rateLimitFactor + sigma / d) + 2 * x * offered);
}

/**
 * Whether greedy admission from a full bucket admits every arrival: each window i..j holds at most C + R (t_j - t_i)
 * units.
 */
export function conforms(arrivalsUs: readonly number[], b: BucketParams): boolean {
  let best = -Infinity; // max over i <= j of R t_i - i U
  for (const [j, t] of arrivalsUs.entries()) {
    best = Math.max(best, b.refillPerUs * t - j * b.unitsPerToken);
    if ((j + 1) * b.unitsPerToken - b.refillPerUs * t + best > b.capacityUnits) return false;
  }
  return true;
}
