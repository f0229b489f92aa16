/**
 * The per-packet simulator of T-VDOS-1: every packet of every vantage, in time order, through its
 * token bucket. Slow and literal; it handles jitter, any phase, and both bucket scopes.
 */
import { arrivals, checkScenario, type FloodPath, type FloodScenario } from './flood.js';
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
    const [a, b] = [arrivals(s, v, 'A'), arrivals(s, v, 'B')];
    // draft §4.1 keys the bucket by (operator, vantage); §4.2 gives its rate per path: both readings.
    if (policy?.scope === 'per-vantage') {
      // one bucket, both streams merged in time order; on a tie path A goes first
      const bucket = limiter(params!);
      for (let i = 0, j = 0; i < a.length || j < b.length;) {
        const p: FloodPath = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? 'A' : 'B';
        const t = p === 'A' ? a[i++]! : b[j++]!;
        arrived[p]++;
        if (bucket.offer(t)) admitted[p]++;
      }
    } else
      for (const [p, q] of [['A', a] as const, ['B', b] as const]) {
        const bucket = params ? limiter(params) : null;
        arrived[p] += q.length;
        if (!bucket) admitted[p] += q.length;
        else for (const t of q) if (bucket.offer(t)) admitted[p]++;
      }
  }
  return { arrived, admitted };
}
