/**
 * T-VDOS-1 (draft §4): a per-vantage token bucket in front of verification bounds what an insider
 * coalition with valid keys can make the broker spend, at rate_limit_factor + flood_factor *
 * c_xdp / c_path times the baseline, against a ratio linear in flood_factor without it.
 *
 * Model: model/token-bucket.ts (bucket, integer arithmetic), model/flood.ts (the coalition and its
 * packets), model/vdos-exact.ts (per packet), model/vdos-aggregate.ts (closed form per bucket),
 * model/vdos-cost.ts (c_xdp on every arriving packet, verification on admitted ones),
 * model/vdos-bounds.ts, model/legit-traffic.ts. Readings used: one bucket per path and the §4.2
 * budget read literally (burst_factor * natural rate packets), and the other budget reading where a
 * claim says so. Generators: properties/flood-generators.ts. Printed numbers (§2.2, §4.2-§4.4, §9):
 * spec/claims/t-vdos-1.json.
 */
import { legitArrivals } from '../model/legit-traffic.js';
import { bucketParams, DEFAULT_POLICY, type BucketParams, type RateLimitPolicy } from '../model/token-bucket.js';
import { tickUs, type FloodScenario } from '../model/flood.js';
import { simulateAggregated } from '../model/vdos-aggregate.js';
import { capacityTokens, conforms, draftBound, draftSlope, tokenBucketBound } from '../model/vdos-bounds.js';
import { floodCost, type FloodCounts } from '../model/vdos-cost.js';
import { simulateExact, tokenBucket, type Limiter } from '../model/vdos-exact.js';
import { printedExamples } from '../src/lib/claims.js';
import { loadConstants } from '../src/lib/constants.js';
import { VDOS_QUANTITIES } from '../src/lib/vdos-quantities.js';
import {
  factorPair,
  floodScenario,
  legitStream,
  policy,
  policyOrNone,
  steadyTicks,
  steadyTickMs,
  wholeCoalitionFlood,
} from './flood-generators.js';
import { costConstants, draftConstants } from './generators.js';
import { claim } from '../src/engine/claim.js';
import { near, within } from '../src/lib/tolerance.js';
import { theorem } from '../src/engine/declare-theorem.js';

/** What T-VDOS-1's properties check: both simulators, the limiter, and the CPU accounting. */
export interface FloodSubject {
  readonly exact: (s: FloodScenario, p: RateLimitPolicy | null) => FloodCounts;
  readonly aggregated: (s: FloodScenario, p: RateLimitPolicy | null) => FloodCounts;
  readonly limiter: (b: BucketParams) => Limiter;
  readonly cost: typeof floodCost;
}

const drops = (arrivals: readonly number[], limiter: Limiter) => arrivals.filter((t) => !limiter.offer(t)).length;
const EPS = 1e-9;
/** The §4.3 (b) setting: one hour (72 000 ticks of 50 ms), both of two vantages flooding at flood factor F. */
const hourOfFlood = (f: number): FloodScenario => ({
  n: 2,
  tickMs: 50,
  coalition: 2,
  floodFactor: f,
  durationTicks: 72_000,
});

export default theorem<FloodSubject>(import.meta, {
  id: 'T-VDOS-1',
  section: '§4',
  title: 'verification-DoS bound of the per-vantage rate limit',
  model: { exact: simulateExact, aggregated: simulateAggregated, limiter: tokenBucket, cost: floodCost },
  claims: ({ exact, aggregated, limiter, cost }) => [
    claim(
      'T-VDOS-1.sims-agree',
      '§4.1-§4.2 model: the per-packet and the aggregated simulators admit exactly the same packets ' +
        '(one bucket per path, no jitter)',
      [floodScenario({ longTicks: true }), policyOrNone()],
      (s, p) => JSON.stringify(exact(s, p)) === JSON.stringify(aggregated(s, p)),
      { numRuns: 80 },
    ),
    // §4.3: in CX-T-VDOS-1-001 one vantage floods at f = 1.01 for a single 5 ms tick (rate_limit_factor 2,
    // burst_factor 2, budget read literally), and the ratio already exceeds the printed bound.
    claim(
      'T-VDOS-1.bound',
      '§4.3 claim: with the rate limit, JOINT_attacked / JOINT_baseline <= ' +
        'rate_limit_factor + flood_factor * c_xdp / c_path',
      [floodScenario({ jitter: true }), policy(), draftConstants],
      (s, p, c) => cost(s, exact(s, p), c, { rateLimited: true }).ratio <= draftBound(s, p, c) + EPS,
      { refutedBy: 'CX-T-VDOS-1-001' },
    ),
    claim(
      'T-VDOS-1.bound-corrected',
      'corrected §4.3: ratio <= (1-k/N)(1+2x) + (k/N)(min(f + 1/D, rate_limit_factor + budget/D) + 2x(f + 1/D)), ' +
        'x = c_xdp/c_path, D in ticks (model/vdos-bounds.ts)',
      [floodScenario({ jitter: true }), policy(), costConstants()],
      (s, p, c) => cost(s, exact(s, p), c, { rateLimited: true }).ratio <= tokenBucketBound(s, p, c) * (1 + EPS),
      { numRuns: 80, corrects: 'T-VDOS-1.bound' },
    ),
    claim(
      'T-VDOS-1.no-rl-linear',
      '§4.3 claim: without the rate limit the ratio is linear in flood_factor: (1-k/N) + (k/N) f, ' +
        'slope 1 when every vantage floods (a phase shifts it by at most one packet per path)',
      [floodScenario(), costConstants()],
      (s, c) => {
        const r = cost(s, exact(s, null), c, { rateLimited: false }).ratio;
        const kappa = s.coalition / s.n;
        const d = s.durationTicks;
        // a flooder whose first packet comes late in the first tick sends between f (D - 1) and f D + 1 packets
        return (
          r >= (1 - kappa + kappa * s.floodFactor * (1 - 1 / d)) * (1 - EPS) &&
          r <= (1 - kappa + kappa * (s.floodFactor + 1 / d)) * (1 + EPS)
        );
      },
    ),
    // §4.3 (a): in CX-T-VDOS-1-002 one vantage floods at f = 1 <= rate_limit_factor 2 for one 5 ms tick;
    // the ratio does not sit at rate_limit_factor.
    claim(
      'T-VDOS-1.claim-a',
      '§4.3 (a) claim: for flood_factor <= rate_limit_factor the ratio sits at rate_limit_factor, ' +
        'whatever flood_factor',
      [wholeCoalitionFlood(), policy({ capacity: 'rate-times-1s' }), costConstants()],
      (s, p, c) =>
        s.floodFactor > p.rateLimitFactor ||
        near(cost(s, exact(s, p), c, { rateLimited: true }).ratio, p.rateLimitFactor, 0.01),
      { refutedBy: 'CX-T-VDOS-1-002' },
    ),
    claim(
      'T-VDOS-1.claim-a-corrected',
      'corrected §4.3 (a): for flood_factor <= rate_limit_factor nothing is dropped (no jitter, budget >= 2 tokens), ' +
        'so the ratio grows with flood_factor',
      [floodScenario(), policy()],
      (s, p) => {
        const b = bucketParams(tickUs(s), p);
        if (s.floodFactor > p.rateLimitFactor || capacityTokens(b) < 2 + b.refillPerUs / b.unitsPerToken) return true;
        const n = exact(s, p);
        return n.admitted.A === n.arrived.A && n.admitted.B === n.arrived.B;
      },
      { corrects: 'T-VDOS-1.claim-a' },
    ),
    // §4.3 (b): in CX-T-VDOS-1-003 (an hour of flood, the default policy, the draft's constants) the slope
    // between f = 5 and f = 5.01 is 0.0115, twice the printed c_xdp / c_path = 0.0057.
    claim(
      'T-VDOS-1.claim-b',
      '§4.3 (b) claim: above rate_limit_factor the ratio grows with slope c_xdp / c_path in flood_factor',
      [factorPair, draftConstants],
      ([f1, f2], c) => {
        const at = (f: number) =>
          cost(hourOfFlood(f), aggregated(hourOfFlood(f), DEFAULT_POLICY), c, { rateLimited: true }).ratio;
        return within((at(f2) - at(f1)) / (f2 - f1), draftSlope(c), 0.05);
      },
      { refutedBy: 'CX-T-VDOS-1-003' },
    ),
    // The same sentence under the proof's accounting, where cost(v) charges c_xdp once per accepted or dropped
    // (snapshot, push) pair, as c_path is per pair: half the per-packet lookups.
    claim(
      'T-VDOS-1.claim-b-per-pair',
      '§4.3 (b) claim, c_xdp charged once per (snapshot, push) pair as the proof charges it: above ' +
        'rate_limit_factor the ratio grows with slope c_xdp / c_path in flood_factor',
      [factorPair, draftConstants],
      ([f1, f2], c) => {
        const perPair = { ...c, c_xdp: c.c_xdp / 2 }; // one lookup per pair of packets
        const at = (f: number) =>
          cost(hourOfFlood(f), aggregated(hourOfFlood(f), DEFAULT_POLICY), perPair, { rateLimited: true }).ratio;
        return within((at(f2) - at(f1)) / (f2 - f1), draftSlope(c), 0.05);
      },
    ),
    claim(
      'T-VDOS-1.claim-b-corrected',
      'corrected §4.3 (b): above rate_limit_factor (one hour, every vantage flooding) the slope is 2 c_xdp / c_path, ' +
        'one lookup for each packet of a (snapshot, push) pair',
      [factorPair, costConstants()],
      ([f1, f2], c) => {
        const at = (f: number) =>
          cost(hourOfFlood(f), aggregated(hourOfFlood(f), DEFAULT_POLICY), c, { rateLimited: true }).ratio;
        // x 2 is exact in floating point
        return within((at(f2) - at(f1)) / (f2 - f1), 2 * draftSlope(c), 0.05);
      },
      { corrects: 'T-VDOS-1.claim-b' },
    ),
    // §4.2: in CX-T-VDOS-1-004 (T_tick 1 s) jitter 1.5x and a 5 s BGP batch 3x start together during a
    // 1.3x recalibration; within 4 ticks the default bucket drops an honest packet.
    claim(
      'T-VDOS-1.legit',
      '§4.2 claim: the default factors (4 sustained, 8 burst) cover the legitimate bursts it names ' +
        '(jitter, BGP batches of up to 5 s, recalibration; each once, compounded as its 1.5 * 3 * 1.3 worst case): ' +
        'no honest packet is dropped',
      [legitStream()],
      (st) => drops(legitArrivals(st), limiter(bucketParams(st.tickMs * 1000, DEFAULT_POLICY))) === 0,
      { refutedBy: 'CX-T-VDOS-1-004' },
    ),
    // The same sentence with "a few seconds" read as at most three: the budget holds the excess of the worst case.
    claim(
      'T-VDOS-1.legit-3s',
      '§4.2 claim, BGP batches and jitter of "one to a few seconds" read as at most 3 s: the default factors ' +
        '(4 sustained, 8 burst) cover the legitimate bursts it names, compounded as 1.5 * 3 * 1.3: no honest ' +
        'packet is dropped',
      [legitStream({ burstSeconds: 3 })],
      (st) => drops(legitArrivals(st), limiter(bucketParams(st.tickMs * 1000, DEFAULT_POLICY))) === 0,
      { numRuns: 200 },
    ),
    claim(
      'T-VDOS-1.legit-corrected',
      'corrected §4.2: a legitimate stream is dropped exactly when some window of it holds more than ' +
        'budget + rate * window packets (the arrival curve of the bucket)',
      [legitStream(), policy()],
      (st, p) => {
        const b = bucketParams(st.tickMs * 1000, p);
        const a = legitArrivals(st);
        return (drops(a, limiter(b)) === 0) === conforms(a, b);
      },
      { corrects: 'T-VDOS-1.legit' },
    ),
    // §4.2: in CX-T-VDOS-1-005 (T_tick 2.5 s, burst_factor 2, budget read literally) the bucket holds
    // 2 * 1000 / 2500 = 0.8 token, so the first honest packet at the natural rate is dropped.
    claim(
      'T-VDOS-1.steady-honest',
      '§4.2 claim: any factors >= 2 pass honest traffic at the natural rate (the REQUIRED minimum leaves headroom)',
      [steadyTickMs, policy({ capacity: 'rate-times-1s' }), steadyTicks],
      (tickMs, p, ticks) =>
        drops(
          legitArrivals({ tickMs, phaseUs: 0, episodes: [], durationTicks: ticks }),
          limiter(bucketParams(tickMs * 1000, p)),
        ) === 0,
      { refutedBy: 'CX-T-VDOS-1-005' },
    ),
    claim(
      'T-VDOS-1.steady-honest-corrected',
      'corrected §4.2: honest traffic at the natural rate passes iff the burst budget holds one whole token ' +
        '(burst_factor * 1000 / T_tick_ms >= 1 under the literal reading; ' +
        'always when the budget is burst_factor ticks)',
      [steadyTickMs, policy(), steadyTicks],
      (tickMs, p, ticks) => {
        const b = bucketParams(tickMs * 1000, p);
        const passes =
          drops(legitArrivals({ tickMs, phaseUs: 0, episodes: [], durationTicks: ticks }), limiter(b)) === 0;
        return passes === capacityTokens(b) >= 1;
      },
      { corrects: 'T-VDOS-1.steady-honest' },
    ),
  ],
  // draft §2.2, §4.2-§4.4, §9: every printed number, with its pinned verdict.
  examples: () => printedExamples('t-vdos-1', VDOS_QUANTITIES, loadConstants().constants_us),
});
