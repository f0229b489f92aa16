/**
 * The per-vantage token bucket of draft §4.1-§4.2, placed before verification. Arithmetic is in
 * integers (time in µs, tokens in fixed units) so the per-packet and the aggregated simulators can
 * agree exactly.
 */

/** Which key a bucket is kept under: the text allows both (draft §4.1 keys by vantage; §4.2 rates per path). */
import { DomainError } from './domain-error.js';
import { isWholeIn } from './whole-units.js';

export type BucketScope = 'per-path' | 'per-vantage';

/**
 * What the burst budget counts. §4.2 writes burst_factor * natural_tick_rate, a rate (packets/s)
 * used as a capacity: read literally it is that many packets ('rate-times-1s'); the §4.3 proof's
 * burst term (burst_factor / duration_s) fits a budget of burst_factor packets ('ticks').
 */
export type CapacityReading = 'rate-times-1s' | 'ticks';

/** A rate-limit policy (draft §4.2). */
export interface RateLimitPolicy {
  /** Sustained rate as a multiple of the natural tick rate (default 4, REQUIRED >= 2). */
  readonly rateLimitFactor: number;
  /** Burst budget as a multiple of the natural tick rate (default 8, REQUIRED >= 2). */
  readonly burstFactor: number;
  readonly scope: BucketScope;
  readonly capacity: CapacityReading;
}

/** The draft's defaults, under the readings the code uses (one bucket per path, §4.2 capacity literally). */
export const DEFAULT_POLICY: RateLimitPolicy = {
  rateLimitFactor: 4,
  burstFactor: 8,
  scope: 'per-path',
  capacity: 'rate-times-1s',
};

/** A policy outside the draft's domain; the message names the parameter. */
export class RateLimitError extends DomainError {
  override readonly name = 'RateLimitError';
}

/** Factors are modelled to 1/100 so that token arithmetic stays in integers. */
const FACTOR_SCALE = 100;

/** Throws RateLimitError unless both factors are >= 2 (draft §4.2) and given to 0.01. */
export function checkPolicy(p: RateLimitPolicy): RateLimitPolicy {
  for (const [name, v] of [
    ['rate_limit_factor', p.rateLimitFactor],
    ['burst_factor', p.burstFactor],
  ] as const) {
    if (!Number.isFinite(v) || v < 2) throw new RateLimitError(`${name} must be >= 2 (draft §4.2), got ${v}`);
    if (!isWholeIn(v, FACTOR_SCALE)) throw new RateLimitError(`${name} must be a multiple of 0.01, got ${v}`);
  }
  return p;
}

/** The integer parameters of one bucket: 1 token = unitsPerToken; refill in units per µs. */
export interface BucketParams {
  readonly unitsPerToken: number;
  readonly refillPerUs: number;
  readonly capacityUnits: number;
}

/** Bucket parameters for a tick period in whole µs (draft §4.2: rate and budget scale with 1000 / T_tick_ms). */
export function bucketParams(tickUs: number, p: RateLimitPolicy): BucketParams {
  checkPolicy(p);
  const rlf = Math.round(p.rateLimitFactor * FACTOR_SCALE);
  const bf = Math.round(p.burstFactor * FACTOR_SCALE);
  // rate = rlf / T tokens per µs; scaling tokens by T * 100 makes it rlf * 100 units per µs.
  const unitsPerToken = tickUs * FACTOR_SCALE;
  const capacityUnits =
    p.capacity === 'rate-times-1s'
      ? bf * 1_000_000 // bf * (1e6 / T) tokens: the §4.2 budget read as packets
      : bf * tickUs; // bf tokens: bf ticks of natural traffic
  return { unitsPerToken, refillPerUs: rlf, capacityUnits };
}

/** One token bucket, full at time 0. */
export class TokenBucket {
  private units: number;
  private lastUs = 0;

  constructor(private readonly b: BucketParams) {
    this.units = b.capacityUnits;
  }

  /** Offers a packet arriving at tUs (non-decreasing); true when a token was taken (draft §4.1 steps 2-3). */
  offer(tUs: number): boolean {
    this.units = Math.min(this.b.capacityUnits, this.units + (tUs - this.lastUs) * this.b.refillPerUs);
    this.lastUs = tUs;
    if (this.units < this.b.unitsPerToken) return false;
    this.units -= this.b.unitsPerToken;
    return true;
  }
}
