/**
 * The per-vantage rate limit of draft §4.1 as the fast path runs it: one token bucket per
 * (integer vantage key, path) in two flat Float64Arrays (tokens in units, last refill time),
 * indexed by key * 2 + path, instead of an object per bucket in a string-keyed map. Arithmetic is
 * exactly model/token-bucket.ts TokenBucket's (integers below 2^53), so decisions are identical
 * (test/pipeline.test.ts).
 */
import type { BucketParams } from '../../model/token-bucket.js';

/** Path index in the table: A (CWT snapshot) 0, B (BFD push) 1 (draft §3.1). */
export const PATH_INDEX = { A: 0, B: 1 } as const;

/** A compact table of token buckets, all with the same parameters, all full at time 0. */
export class RateLimitTable {
  private readonly units: Float64Array;
  private readonly lastUs: Float64Array;

  constructor(
    readonly vantages: number,
    private readonly b: BucketParams,
  ) {
    this.units = new Float64Array(vantages * 2).fill(b.capacityUnits);
    this.lastUs = new Float64Array(vantages * 2);
  }

  /** draft §4.1 steps 1-3: refill, then take a token (true: forward to the verifier) or drop (false). */
  offer(vantage: number, path: 0 | 1, tUs: number): boolean {
    const i = vantage * 2 + path;
    const b = this.b;
    const refilled = this.units[i]! + (tUs - this.lastUs[i]!) * b.refillPerUs;
    const u = refilled < b.capacityUnits ? refilled : b.capacityUnits;
    this.lastUs[i] = tUs;
    if (u < b.unitsPerToken) {
      this.units[i] = u;
      return false;
    }
    this.units[i] = u - b.unitsPerToken;
    return true;
  }
}
