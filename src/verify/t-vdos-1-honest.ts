/**
 * T-VDOS-1's §4.2 claims about honest traffic as verify targets (issue 19, Deliver 1): legitimate bursty streams
 * and steady streams at the natural rate, stepped one tick at a time (breadth first meets the shortest violating
 * stream first), checked by the property's own predicate (properties/t-vdos-1.prop.ts).
 */
import { legitArrivals, type LegitStream } from '../../model/legit-traffic.js';
import { bucketParams, DEFAULT_POLICY, type CapacityReading, type RateLimitPolicy } from '../../model/token-bucket.js';
import { capacityTokens, conforms } from '../../model/vdos-bounds.js';
import type { FloodSubject } from '../../properties/t-vdos-1.prop.js';
import { streamModel } from './box.js';
import { FACTORS, firstSorted, policies } from './t-vdos-1-scenarios.js';
import { get, param, setText } from './scope.js';
import { claimOf } from './t-vdos-1-scope.js';
import { LEGIT_TICKS, STARTS, STEADY_MAX_TICKS, STEADY_TICKS, legitBox, steadyBox } from './t-vdos-1-streams.js';
import type { Explorable } from './explore.js';
import type { ScopeParam, VerifyTarget } from './target.js';

/** Packets of ARRIVALS the limiter of SUBJECT drops under bucket B. */
function dropped(subject: FloodSubject, arrivals: readonly number[], p: RateLimitPolicy, tickMs: number): number {
  const limiter = subject.limiter(bucketParams(tickMs * 1000, p));
  return arrivals.filter((t) => !limiter.offer(t)).length;
}

/** The figures of a legit violation: drops of the stream under the policy, and whether it conforms. */
function legitFigures(subject: FloodSubject, args: readonly unknown[]): string {
  const st = args[0] as LegitStream;
  const p = (args[1] as RateLimitPolicy | undefined) ?? DEFAULT_POLICY;
  const a = legitArrivals(st);
  const conform = conforms(a, bucketParams(st.tickMs * 1000, p));
  const curve = `arrival curve ${conform ? 'met' : 'exceeded'}`;
  return `${dropped(subject, a, p, st.tickMs)} of ${a.length} honest packets dropped, ${curve}`;
}

/** What distinguishes one legit target. */
interface LegitClaim {
  readonly id: string;
  readonly burstSeconds: number;
  readonly depth: number;
  readonly tickValues: number;
  readonly starts: number;
  readonly multipliers: number;
  readonly withPolicy?: boolean;
  readonly refutedWithin?: number;
}

/** The legit target of claim L against SUBJECT. */
export function legitTarget(subject: FloodSubject, l: LegitClaim): VerifyTarget {
  const grid: Record<string, ScopeParam> = {
    'tick-values': param(l.tickValues, 1, LEGIT_TICKS.length, `T_tick values, the first of ${setText(LEGIT_TICKS)} ms`),
    phases: param(2, 1, 4, 'phase grid points per tick: 0, ..., T - 1 us'),
    starts: param(l.starts, 1, STARTS.length, `episode start ticks, the first of ${setText(STARTS)}`),
    lengths: param(2, 1, 3, 'points of each episode length range: the longest, then the shortest, then the middle'),
    multipliers: param(
      l.multipliers,
      1,
      3,
      'points of each multiplier range of §4.2: the highest, then the lowest, the middle',
    ),
    ...(l.withPolicy ? { factors: param(4, 1, FACTORS.length, 'factors, the first of {2, 4, 8, 3, ...}') } : {}),
    depth: param(l.depth, 0, 1639, 'ticks added to a one-tick stream (legitStream draws up to 8 s + 40 ticks)'),
  };
  const bounds = (scope: Record<string, number>) => ({
    tickCount: get(scope, 'tick-values'),
    phases: get(scope, 'phases'),
    starts: get(scope, 'starts'),
    lengths: get(scope, 'lengths'),
    multipliers: get(scope, 'multipliers'),
    burstSeconds: l.burstSeconds,
    ...(l.withPolicy ? { policies: policies(get(scope, 'factors')) } : {}),
  });
  return {
    claim: l.id,
    scope: grid,
    describe: (scope) =>
      `T_tick ${setText(firstSorted(LEGIT_TICKS, get(scope, 'tick-values')))} ms, ${get(scope, 'phases')}-point ` +
      `phase grid, each of jitter / BGP (up to ${l.burstSeconds} s) / recalibration absent or starting at ` +
      `${setText(firstSorted(STARTS, get(scope, 'starts')))} with ${get(scope, 'lengths')} length(s) and ` +
      `${get(scope, 'multipliers')} multiplier(s) of its §4.2 range, ` +
      (l.withPolicy ? `${policies(get(scope, 'factors')).length} policies, ` : 'default policy, ') +
      `streams of 1 to ${get(scope, 'depth') + 1} ticks; order: ticks, T_tick, phase, jitter, BGP, recalibration` +
      (l.withPolicy ? ', policy' : ''),
    model: (scope) =>
      streamModel(claimOf(subject, l.id), {
        ...legitBox(bounds(scope)),
        explain: (args) => legitFigures(subject, args),
      }) as Explorable<unknown, unknown>,
    ...(l.refutedWithin === undefined ? {} : { refutedWithin: l.refutedWithin }),
  };
}

/** The steady-stream target of claim ID against SUBJECT, over the budget readings CAPACITIES. */
export function steadyTarget(
  subject: FloodSubject,
  id: string,
  capacities: readonly CapacityReading[],
  refutedWithin?: number,
): VerifyTarget {
  return {
    claim: id,
    scope: {
      'tick-values': param(5, 1, STEADY_TICKS.length, `T_tick values, the first of ${setText(STEADY_TICKS)} ms`),
      factors: param(FACTORS.length, 1, FACTORS.length, `factors, the first of ${setText(FACTORS)}`),
      depth: param(STEADY_MAX_TICKS - 1, 0, STEADY_MAX_TICKS - 1, 'ticks added to a one-tick stream (up to 20)'),
    },
    describe: (scope) =>
      `T_tick ${setText(firstSorted(STEADY_TICKS, get(scope, 'tick-values')))} ms, rate_limit_factor and ` +
      `burst_factor in ${setText(firstSorted(FACTORS, get(scope, 'factors')))} (rlf <= 8), ` +
      `budget ${capacities.join(' and ')}, streams of 1 to ${get(scope, 'depth') + 1} ticks; ` +
      'order: ticks, T_tick, rlf, bf, reading',
    model: (scope) => {
      const box = steadyBox(get(scope, 'tick-values'), policies(get(scope, 'factors'), capacities));
      const explain = (args: readonly unknown[]) => {
        const [tickMs, p, ticks] = args as [number, RateLimitPolicy, number];
        const a = legitArrivals({ tickMs, phaseUs: 0, episodes: [], durationTicks: ticks });
        const tokens = capacityTokens(bucketParams(tickMs * 1000, p));
        return `${dropped(subject, a, p, tickMs)} of ${a.length} dropped, budget ${tokens} token(s)`;
      };
      return streamModel(claimOf(subject, id), { ...box, explain }) as Explorable<unknown, unknown>;
    },
    ...(refutedWithin === undefined ? {} : { refutedWithin }),
  };
}

/** The honest-traffic claims of T-VDOS-1 as targets against SUBJECT. */
export function honestTargets(subject: FloodSubject): VerifyTarget[] {
  return [
    // CX-T-VDOS-1-004 is a stream of 4 ticks (T_tick 1 s): 3 ticks added to a one-tick stream (exhaustive; fast-check
    // had shrunk to 43 ticks of 100 ms)
    // T_tick 50 ms, 100 ms and 1 s: every stream length legitStream() draws there (up to 200 ticks)
    legitTarget(subject, {
      id: 'T-VDOS-1.legit',
      burstSeconds: 5,
      depth: 199,
      tickValues: 3,
      starts: 3,
      multipliers: 2,
      refutedWithin: 3,
    }),
    legitTarget(subject, {
      id: 'T-VDOS-1.legit-3s',
      burstSeconds: 3,
      depth: 199,
      tickValues: 3,
      starts: 4,
      multipliers: 2,
    }),
    legitTarget(subject, {
      id: 'T-VDOS-1.legit-corrected',
      burstSeconds: 5,
      depth: 20,
      tickValues: 4,
      starts: 2,
      multipliers: 2,
      withPolicy: true,
    }),
    // CX-T-VDOS-1-005 is a stream of one tick
    steadyTarget(subject, 'T-VDOS-1.steady-honest', ['rate-times-1s'], 0),
    steadyTarget(subject, 'T-VDOS-1.steady-honest-corrected', ['rate-times-1s', 'ticks']),
  ];
}
