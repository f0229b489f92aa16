/**
 * The T-VDOS-1 quantities the draft prints (§2.2, §4.3, §4.4, §9), computed by the flood model:
 * the aggregated simulator for ratios, the §4.3 formula for the stated bound. Scenario parameters
 * that the claims search as open choices (spec/claims/t-vdos-1.json `choices`): duration_s,
 * xdp_per_pair (c_xdp on every packet, 0, or once per (snapshot, push) pair, 1), budget_reading
 * (the §4.2 budget literally, 'rate-times-1s', or burst_factor packets, 'ticks') and
 * baseline_reading (JOINT_baseline = P * c_path, 'p-c-path', or the printed figure, 'printed').
 */
import type { CostConstants } from '../../model/constants.js';
import { floodCost, cPath, type FloodCounts } from '../../model/vdos-cost.js';
import { simulateAggregated } from '../../model/vdos-aggregate.js';
import { bucketParams, DEFAULT_POLICY, type CapacityReading, type RateLimitPolicy } from '../../model/token-bucket.js';
import { baselineUsPerSecond, capacityTokens, draftBoundOf, draftSlope, floodAdded } from '../../model/vdos-bounds.js';
import { tickUs, type FloodScenario } from '../../model/flood.js';
import { param, type Quantities, type ClaimsScenario } from './claims.js';
import { checkInDomain, type DomainName } from './domains.js';
import { InputError } from './errors.js';
import { checkFloodBudget, floodWork } from './work-budget.js';

/** A scenario parameter within its documented domain (src/lib/domains.ts); InputError names the scenario. */
const inDomain = (s: ClaimsScenario, name: DomainName): number =>
  checkInDomain(name, param(s, name), `scenario '${s.label}'`);

/** A string choice of a scenario: one of VALUES, or the first when absent; InputError otherwise. */
function pick<T extends string | number>(s: ClaimsScenario, name: string, values: readonly T[]): T {
  const v = s[name];
  if (v === undefined) return values[0]!;
  const found = values.find((x) => x === v);
  if (found === undefined)
    throw new InputError(`scenario '${s.label}': ${name} must be one of ${values.join(', ')}, got ${String(v)}`);
  return found;
}

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

/** The rate-limit policy of a claims scenario (one bucket per path; the budget as `budget_reading` reads §4.2). */
export function policyOf(s: ClaimsScenario): RateLimitPolicy {
  return {
    ...DEFAULT_POLICY,
    rateLimitFactor: inDomain(s, 'rate_limit_factor'),
    burstFactor: inDomain(s, 'burst_factor'),
    capacity: pick<CapacityReading>(s, 'budget_reading', ['rate-times-1s', 'ticks']),
  };
}

/**
 * The constants as a scenario charges them: `xdp_per_pair: 1` is the §4.3 proof's one lookup per (snapshot, push)
 * pair, 0 (the default) §4.1's lookup of every arriving packet.
 */
const charged = (s: ClaimsScenario, c: CostConstants): CostConstants =>
  pick(s, 'xdp_per_pair', [0, 1]) === 1 ? { ...c, c_xdp: c.c_xdp / 2 } : c;

/** Simulated counts, by flood, duration and policy: the choice search asks for the same ones many times. */
const countsCache = new Map<string, FloodCounts>();
const CACHE_LIMIT = 200_000;

/**
 * simulateAggregated(F, P), computed on one vantage of each kind and scaled: without phases every flooding vantage
 * sees the same arrivals and so does every honest one, and the simulator treats vantages independently, so the
 * counts are coalition x one flooder's plus (n - coalition) x one honest vantage's (integers: exact; checked
 * against the full simulation in test/choices.test.ts).
 */
function countsOf(f: FloodScenario, p: RateLimitPolicy | null): FloodCounts {
  const policy = p ? `${p.rateLimitFactor} ${p.burstFactor} ${p.capacity} ${p.scope}` : 'none';
  const key = `${f.tickMs} ${f.floodFactor} ${f.durationTicks} ${f.n} ${f.coalition} ${policy}`;
  const hit = countsCache.get(key);
  if (hit) return hit;
  const one = (coalition: number) => simulateAggregated({ ...f, n: 1, coalition }, p);
  const flooder = f.coalition > 0 ? one(1) : undefined;
  const honest = f.n > f.coalition ? one(0) : undefined;
  const sum = (k: 'arrived' | 'admitted', path: 'A' | 'B') =>
    f.coalition * (flooder?.[k][path] ?? 0) + (f.n - f.coalition) * (honest?.[k][path] ?? 0);
  const counts: FloodCounts = {
    arrived: { A: sum('arrived', 'A'), B: sum('arrived', 'B') },
    admitted: { A: sum('admitted', 'A'), B: sum('admitted', 'B') },
  };
  if (countsCache.size >= CACHE_LIMIT) countsCache.clear();
  countsCache.set(key, counts);
  return counts;
}

const ratio = (s: ClaimsScenario, c: CostConstants, limited: boolean) => {
  const f = floodScenarioOf(s);
  const p = limited ? policyOf(s) : null;
  // issue 16 Deliver 3: every evaluation, cached or not, is checked against the budget of the full simulation
  checkFloodBudget([floodWork(f, p)], `scenario '${s.label}'`, 'lower its n, coalition, flood_factor or duration_s');
  return floodCost(f, countsOf(f, p), charged(s, c), { rateLimited: limited });
};

/**
 * Cores occupied under a flood: JOINT_attacked in cores, or, when `baseline_reading` is 'printed', the ratio times
 * the baseline as printed (`baseline_printed_pct`, draft §4.4).
 */
const cores = (s: ClaimsScenario, c: CostConstants, limited: boolean) => {
  const r = ratio(s, c, limited);
  if (pick(s, 'baseline_reading', ['p-c-path', 'printed']) === 'printed')
    return (r.ratio * param(s, 'baseline_printed_pct')) / 100;
  return r.usPerSecond / 1e6; // draft §4.3: JOINT_baseline = P * c_path
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
  // draft §4.3 proof: the model's burst budget spread over the flood (tokens / duration_s, per vantage and path) as
  // a multiple of the proof's burst_factor / duration_s; the duration cancels
  burst_term_ratio: (s) => {
    const f = floodScenarioOf(s);
    return capacityTokens(bucketParams(tickUs(f), policyOf(s))) / inDomain(s, 'burst_factor');
  },
  baseline_pct: (s, c) => baselineUsPerSecond(param(s, 'n'), param(s, 't_tick_ms'), c) / 1e4, // draft §4.3: P * c_path
  cores_no_rl: (s, c) => cores(s, c, false),
  cores_with_rl: (s, c) => cores(s, c, true),
  // draft §2.2: k insiders at `insider_pps` each, every packet verified (no rate limit)
  insider_ms_per_s: (s, c) => (param(s, 'insider_pps') * cPath(c)) / 1000,
  insider_pct: (s, c) => (param(s, 'insider_pps') * cPath(c)) / 1e4,
  insider_cores: (s, c) => (param(s, 'coalition') * param(s, 'insider_pps') * cPath(c)) / 1e6,
  // draft §4.2: the compounded worst legitimate burst
  legit_worst_case: (s) => param(s, 'jitter') * param(s, 'bgp') * param(s, 'recalibration'),
};
