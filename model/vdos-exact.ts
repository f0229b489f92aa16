/**
 * The per-packet simulator of T-VDOS-1: every packet of every vantage, in time order, through its
 * token bucket. Slow and literal; it handles jitter, any phase, and both bucket scopes.
 */
import { arrivals, checkScenario, FLOOD_PATHS, type FloodPath, type FloodScenario } from './flood.js';
import { bucketParams, TokenBucket, type BucketParams, type RateLimitPolicy } from './token-bucket.js';

/** Something that admits or drops each arriving packet (the token bucket, or a test's broken one). */
export interface Limiter {
  offer(tUs: number): boolean;
}

/** The draft §4.1 limiter: a token bucket. */
export const tokenBucket = (b: BucketParams): Limiter => new TokenBucket(b);
import type { FloodCounts } from './vdos-cost.js';

/** Admitted and arrived packets per path; `policy` null means no rate limiter (all admitted). */
export function simulateExact(
  s: FloodScenario,
  policy: RateLimitPolicy | null,
  limiter: (b: BucketParams) => Limiter = tokenBucket,
): FloodCounts {
  checkScenario(s);
  const arrived = { A: 0, B: 0 };
  const admitted = { A: 0, B: 0 };
  const params = policy ? bucketParams(Math.round(s.tickMs * 1000), policy) : null;
  for (let v = 0; v < s.n; v++) {
    const streams = FLOOD_PATHS.map((p) => arrivals(s, v, p).map((t) => ({ t, p })));
    // draft §4.1 keys the bucket by (operator, vantage); §4.2 gives its rate per path: both readings.
    const queues: Array<Array<{ t: number; p: FloodPath }>> =
      policy?.scope === 'per-vantage'
        ? // sort is stable: on a tie path A (listed first) goes first
          [[...streams[0]!, ...streams[1]!].sort((a, b) => a.t - b.t)]
        : streams;
    for (const q of queues) {
      const bucket = params ? limiter(params) : null;
      for (const { t, p } of q) {
        arrived[p]++;
        if (!bucket || bucket.offer(t)) admitted[p]++;
      }
    }
  }
  return { arrived, admitted };
}
