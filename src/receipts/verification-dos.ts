/**
 * Receipt B.2 (draft Appendix B.2, perfsec-verification-dos-receipt-v1): T-VDOS-1 simulated at the
 * §4.4 setting, with and without the rate limit, per flood factor; every row above the bound the
 * draft states is listed in bound_violations.
 */
import type { ConstantsFile, CostConstants } from '../../model/constants.js';
import type { FloodScenario } from '../../model/flood.js';
import { DEFAULT_POLICY, type RateLimitPolicy } from '../../model/token-bucket.js';
import { simulateAggregated } from '../../model/vdos-aggregate.js';
import { baselineUsPerSecond, draftBound, draftSlope, tokenBucketBound } from '../../model/vdos-bounds.js';
import { floodCost } from '../../model/vdos-cost.js';
import { checkFloodBudget, floodWork } from '../lib/work-budget.js';
import { DRAFT_HANDLE, orderedConstants, rfc3339Z } from './common.js';

/** The value of B.2's "schema" field. */
export const VERIFICATION_DOS_RECEIPT_SCHEMA = 'perfsec-verification-dos-receipt-v1';

/** The flood factors of the rows of the draft §4.4 table. */
export const TABLE_FLOOD_FACTORS = [1, 4, 16, 64, 256, 1024] as const;

/**
 * The draft §4.4 setting: N = 1000, T_tick = 50 ms, every vantage flooding; 60 s simulated (the draft states no
 * duration).
 */
export const SETTING = { n: 1000, tickMs: 50, durationS: 60 } as const;

/** One flood factor's result. */
export interface FloodRow {
  readonly flood_factor: number;
  readonly ratio: number;
  readonly attacked_us_per_s: number;
  readonly cores: number;
  readonly arrived: number;
  readonly admitted: number;
  readonly dropped: number;
}

/** A row with the rate limit, beside the bound the draft states and the one the token-bucket algebra gives. */
export interface LimitedRow extends FloodRow {
  readonly bound_predicted: number;
  readonly token_bucket_bound: number;
}

/** A row whose ratio exceeds the draft's bound. */
export interface BoundViolation {
  readonly flood_factor: number;
  readonly ratio: number;
  readonly bound_predicted: number;
  readonly excess: number;
}

/** A perfsec-verification-dos-receipt-v1 document. */
export interface VerificationDosReceipt {
  readonly schema: typeof VERIFICATION_DOS_RECEIPT_SCHEMA;
  readonly issued_at: string;
  readonly draft: typeof DRAFT_HANDLE;
  readonly theorem: 'T-VDOS-1';
  readonly constants_us: CostConstants;
  readonly scenario_n: number;
  readonly scenario_t_tick_ms: number;
  readonly rate_limit_factor: number;
  readonly burst_factor: number;
  /** c_xdp / c_path (draft §4.3 (b)). */
  readonly analytical_slope: number;
  readonly with_rate_limit: readonly LimitedRow[];
  readonly without_rate_limit: readonly FloodRow[];
  readonly baseline: {
    readonly us_per_s: number;
    readonly pct_one_core: number;
    readonly definition: string;
    readonly simulated_s: number;
    readonly bucket_scope: RateLimitPolicy['scope'];
    readonly budget_reading: RateLimitPolicy['capacity'];
    readonly xdp_charged: string;
  };
  readonly with_ratio_at_max_flood: number;
  readonly without_ratio_at_max_flood: number;
  readonly bound_violations: readonly BoundViolation[];
  readonly verdict: 'PASS' | 'FAIL';
}

function row(s: FloodScenario, c: CostConstants, policy: RateLimitPolicy | null): FloodRow {
  const r = floodCost(s, simulateAggregated(s, policy), c, { rateLimited: policy !== null });
  const arrived = r.counts.arrived.A + r.counts.arrived.B;
  const admitted = r.counts.admitted.A + r.counts.admitted.B;
  return {
    flood_factor: s.floodFactor,
    ratio: r.ratio,
    attacked_us_per_s: r.usPerSecond,
    cores: r.usPerSecond / 1e6,
    arrived,
    admitted,
    dropped: arrived - admitted,
  };
}

/** Builds receipt B.2 from CONSTANTS, issued at ISSUEDAT. */
export function buildVerificationDosReceipt(constants: ConstantsFile, issuedAt: Date): VerificationDosReceipt {
  const c = orderedConstants(constants.constants_us);
  const policy = DEFAULT_POLICY; // draft §4.2 defaults: 4 sustained, 8 burst
  const at = (f: number): FloodScenario => ({
    n: SETTING.n,
    tickMs: SETTING.tickMs,
    coalition: SETTING.n,
    floodFactor: f,
    durationTicks: (SETTING.durationS * 1000) / SETTING.tickMs,
  });
  // issue 16 Deliver 3: the receipt's simulations are fixed (the §4.4 setting), but their cost is still checked before
  // they run.
  checkFloodBudget(
    TABLE_FLOOD_FACTORS.flatMap((f) => [floodWork(at(f), policy), floodWork(at(f), null)]),
    'receipt B.2',
    'the §4.4 setting is fixed',
  );
  const withRl: LimitedRow[] = TABLE_FLOOD_FACTORS.map((f) => ({
    ...row(at(f), c, policy),
    bound_predicted: draftBound(at(f), policy, c),
    token_bucket_bound: tokenBucketBound(at(f), policy, c),
  }));
  const withoutRl = TABLE_FLOOD_FACTORS.map((f) => row(at(f), c, null));
  const baselineUs = baselineUsPerSecond(SETTING.n, SETTING.tickMs, c); // draft §4.3: P * c_path
  const violations = withRl
    .filter((r) => r.ratio > r.bound_predicted)
    .map((r) => ({
      flood_factor: r.flood_factor,
      ratio: r.ratio,
      bound_predicted: r.bound_predicted,
      excess: r.ratio - r.bound_predicted,
    }));
  return {
    schema: VERIFICATION_DOS_RECEIPT_SCHEMA,
    issued_at: rfc3339Z(issuedAt),
    draft: DRAFT_HANDLE,
    theorem: 'T-VDOS-1',
    constants_us: c,
    scenario_n: SETTING.n,
    scenario_t_tick_ms: SETTING.tickMs,
    rate_limit_factor: policy.rateLimitFactor,
    burst_factor: policy.burstFactor,
    analytical_slope: draftSlope(c),
    with_rate_limit: withRl,
    without_rate_limit: withoutRl,
    baseline: {
      us_per_s: baselineUs,
      pct_one_core: baselineUs / 1e4,
      definition: 'N * natural tick rate * c_path: paths A and B, no flood, no rate limiter (draft §4.3)',
      simulated_s: SETTING.durationS,
      bucket_scope: policy.scope,
      budget_reading: policy.capacity,
      xdp_charged: 'on every packet that reaches the rate limiter, both paths',
    },
    with_ratio_at_max_flood: withRl.at(-1)!.ratio,
    without_ratio_at_max_flood: withoutRl.at(-1)!.ratio,
    bound_violations: violations,
    verdict: violations.length === 0 ? 'PASS' : 'FAIL',
  };
}
