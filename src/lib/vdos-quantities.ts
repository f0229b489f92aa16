/**
 * The T-VDOS-1 quantities the draft prints (§2.2, §4.3, §4.4, §9), computed by the flood model:
 * the aggregated simulator for ratios, the §4.3 formula for the stated bound.
 */
import type { CostConstants } from '../../model/constants.js';
import { floodCost, cPath } from '../../model/vdos-cost.js';
import { simulateAggregated } from '../../model/vdos-aggregate.js';
import { bucketParams, DEFAULT_POLICY, type RateLimitPolicy } from '../../model/token-bucket.js';
import { baselineUsPerSecond, capacityTokens, draftBoundOf, draftSlope, floodAdded } from '../../model/vdos-bounds.js';
import { tickUs, type FloodScenario } from '../../model/flood.js';
import { param, type Quantities, type ClaimsScenario } from './claims.js';
import { checkInDomain, type DomainName } from './domains.js';
import { checkFloodBudget, floodWork } from './work-budget.js';

/** A scenario parameter within its documented domain (src/lib/domains.ts); InputError names the scenario. */
const inDomain = (s: ClaimsScenario, name: DomainName): number =>
  checkInDomain(name, param(s, name), `scenario '${s.label}'`);

/** The flood experiment a claims scenario describes (every vantage floods unless `coalition` says otherwise). */
export function floodScenarioOf(s: ClaimsScenario): FloodScenario {
  const tickMs = inDomain(s, 't_tick_ms');
  const n = inDomain(s, 'n');
  for (const name of ['flood_factor', 'duration_s'] as const) inDomain(s, name);
  return {
    n,
    tickMs,
    coalition: typeof s.coalition === 'number' ? s.coalition : n,
    floodFactor: param(s, 'flood_factor'),
    durationTicks: Math.round((param(s, 'duration_s') * 1000) / tickMs),
  };
}

/** The rate-limit policy of a claims scenario (the code's readings: one bucket per path, §4.2 budget literally). */
export function policyOf(s: ClaimsScenario): RateLimitPolicy {
  const capacity = s.budget_reading === 'ticks' ? 'ticks' : 'rate-times-1s';
  return {
    ...DEFAULT_POLICY,
    rateLimitFactor: inDomain(s, 'rate_limit_factor'),
    burstFactor: inDomain(s, 'burst_factor'),
    capacity,
  };
}

/**
 * The constants as a scenario charges them: `xdp_per_pair: 1` is the §4.3 proof's one lookup per (snapshot, push)
 * pair.
 */
const charged = (s: ClaimsScenario, c: CostConstants): CostConstants =>
  s.xdp_per_pair === 1 ? { ...c, c_xdp: c.c_xdp / 2 } : c;

const ratio = (s: ClaimsScenario, c: CostConstants, limited: boolean) => {
  const f = floodScenarioOf(s);
  const p = limited ? policyOf(s) : null;
  // issue 16 Deliver 3
  checkFloodBudget([floodWork(f, p)], `scenario '${s.label}'`, 'lower its n, coalition, flood_factor or duration_s');
  return floodCost(f, simulateAggregated(f, p), charged(s, c), { rateLimited: limited });
};

/** The quantities T-VDOS-1 claims may name. */
export const VDOS_QUANTITIES: Quantities = {
  c_path_us: (_s, c) => cPath(c),
  slope: (_s, c) => draftSlope(c), // draft §4.3 (b)
  flood_added: (s, c) => floodAdded(param(s, 'flood_factor'), c),
  bound_predicted: (s, c) => draftBoundOf(param(s, 'rate_limit_factor'), param(s, 'flood_factor'), c), // draft §4.3
  ratio_no_rl: (s, c) => ratio(s, c, false).ratio,
  ratio_with_rl: (s, c) => ratio(s, c, true).ratio,
  natural_rate: (s) => 1000 / param(s, 't_tick_ms'), // draft §4.2: natural_tick_rate
  baseline_pps: (s) => (param(s, 'n') * 1000) / param(s, 't_tick_ms'), // draft §1.3: PPS_t
  // draft §4.3 proof: the burst budget spread over the flood, in accepted packets per second (per vantage and path)
  burst_term_pps: (s) => {
    const f = floodScenarioOf(s);
    return capacityTokens(bucketParams(tickUs(f), policyOf(s))) / param(s, 'duration_s');
  },
  baseline_pct: (s, c) => baselineUsPerSecond(param(s, 'n'), param(s, 't_tick_ms'), c) / 1e4, // draft §4.3: P * c_path
  cores_no_rl: (s, c) => ratio(s, c, false).usPerSecond / 1e6,
  cores_with_rl: (s, c) => ratio(s, c, true).usPerSecond / 1e6,
  // draft §2.2: k insiders at `insider_pps` each, every packet verified (no rate limit)
  insider_ms_per_s: (s, c) => (param(s, 'insider_pps') * cPath(c)) / 1000,
  insider_pct: (s, c) => (param(s, 'insider_pps') * cPath(c)) / 1e4,
  insider_cores: (s, c) => (param(s, 'coalition') * param(s, 'insider_pps') * cPath(c)) / 1e6,
  // draft §4.2: the compounded worst legitimate burst
  legit_worst_case: (s) => param(s, 'jitter') * param(s, 'bgp') * param(s, 'recalibration'),
};
