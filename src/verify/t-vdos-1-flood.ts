/**
 * T-VDOS-1's flood claims as verify targets (issue 19, Deliver 1): the §4.3 bound, claim (a), the no-rate-limit
 * line and the agreement of the two simulators, each over a box of integer flood experiments, checked by the
 * property's own predicate (properties/t-vdos-1.prop.ts) against the same models.
 */
import type { CapacityReading, RateLimitPolicy } from '../../model/token-bucket.js';
import type { CostConstants } from '../../model/constants.js';
import type { FloodScenario } from '../../model/flood.js';
import { draftBound, tokenBucketBound } from '../../model/vdos-bounds.js';
import type { FloodSubject } from '../../properties/t-vdos-1.prop.js';
import { DRAFT_CONSTANTS } from '../lib/constants.js';
import { boxModel } from './box.js';
import {
  CONSTANT_SETS,
  FLOOD_FACTORS,
  FLOOD_TICKS,
  LONG_FLOOD_TICKS,
  firstSorted,
  floodBox,
  policies,
  unpack,
  type FloodShape,
} from './t-vdos-1-scenarios.js';
import { BOX_DEPTH, get, param, setText } from './scope.js';
import { claimOf } from './t-vdos-1-scope.js';
import type { Explorable } from './explore.js';
import type { Scope, VerifyTarget } from './target.js';

/** The default bounds of a flood box (scope parameters of the same names). */
interface FloodDefaults {
  readonly n: number;
  readonly ticks: number;
  readonly tickValues: number;
  readonly phases: number;
  readonly floods: number;
  readonly factors: number;
  readonly constants: number;
}

/** What distinguishes one flood target. */
interface FloodClaim {
  readonly id: string;
  readonly shape: FloodShape;
  readonly defaults: FloodDefaults;
  /** floodScenario({ longTicks }): also T_tick 1.5-2.5 s. */
  readonly longTicks?: boolean;
  /** wholeCoalitionFlood(): coalition = N only. */
  readonly wholeCoalition?: boolean;
  /** policyOrNone(): no rate limit is a policy too. */
  readonly orNone?: boolean;
  /** Budget readings the claim's policy() draws (both unless it fixes one). */
  readonly capacities?: readonly CapacityReading[];
  /** draftConstants: the draft's constants only. */
  readonly draftOnly?: boolean;
  readonly refutedWithin?: number;
  /** The figures behind a violation, computed with the model. */
  readonly explain: (
    m: FloodSubject,
    x: { s: FloodScenario; p: RateLimitPolicy | null | undefined; c: CostConstants | undefined },
  ) => string;
}

const ORDER = 'N, duration, flood factor, policy (rlf, bf, reading), constants, T_tick, coalition, phases';

/** The flood target of claim F, against SUBJECT (the faithful model unless a test hands in a broken one). */
export function floodTarget(subject: FloodSubject, f: FloodClaim): VerifyTarget {
  const ticks = f.longTicks ? LONG_FLOOD_TICKS : FLOOD_TICKS;
  const d = f.defaults;
  const bounds = (scope: Scope) => {
    const ps = policies(get(scope, 'factors'), f.capacities);
    return {
      maxN: get(scope, 'n'),
      maxTicks: get(scope, 'ticks'),
      tickMs: firstSorted(ticks, get(scope, 'tick-values')),
      phases: get(scope, 'phases'),
      floods: firstSorted(FLOOD_FACTORS, get(scope, 'floods')),
      policies: f.shape === 'scenario+constants' ? [null] : f.orNone ? [null, ...ps] : ps,
      constants: f.draftOnly ? [DRAFT_CONSTANTS] : CONSTANT_SETS.slice(0, get(scope, 'constants')).map(([, c]) => c),
      wholeCoalition: f.wholeCoalition ?? false,
    };
  };
  const withConstants = f.shape !== 'scenario+policy' && !f.draftOnly;
  return {
    claim: f.id,
    scope: {
      n: param(d.n, 1, 4, 'vantages N: every N from 1 (floodScenario draws up to 4)'),
      ticks: param(d.ticks, 1, 60, 'duration: every number of ticks from 1'),
      'tick-values': param(d.tickValues, 1, ticks.length, `T_tick values, the first of ${setText(ticks)} ms`),
      phases: param(d.phases, 1, 4, 'phase grid points per tick and path: 0, ..., T - 1 us'),
      floods: param(d.floods, 1, FLOOD_FACTORS.length, `flood factors, the first of ${setText(FLOOD_FACTORS)}`),
      ...(f.shape === 'scenario+constants'
        ? {}
        : { factors: param(d.factors, 1, 4, 'rate_limit_factor and burst_factor, the first of {2, 4, 8, 3}') }),
      ...(withConstants
        ? { constants: param(d.constants, 1, CONSTANT_SETS.length, 'cost-constant sets: draft, then extremes') }
        : {}),
      depth: BOX_DEPTH,
    },
    describe: (scope) => {
      const b = bounds({ factors: 1, constants: 1, ...scope });
      const coalition = f.wholeCoalition ? 'coalition = N' : 'every coalition 0..N';
      return (
        `N 1-${b.maxN}, ${coalition}, 1-${b.maxTicks} ticks, T_tick ${setText(b.tickMs)} ms, ` +
        `phases on a ${b.phases}-point grid per vantage and path, flood factors ${setText(b.floods)}, ` +
        (f.shape === 'scenario+constants' ? 'no rate limit' : policyText(b.policies, f.orNone ?? false)) +
        `, constants ${f.draftOnly ? 'draft' : setText(CONSTANT_SETS.slice(0, b.constants.length).map(([n]) => n))}` +
        `, jitter 0; order: ${ORDER}`
      );
    },
    model: (scope) => {
      const claim = claimOf(subject, f.id);
      const spec = floodBox(bounds({ factors: 1, constants: 1, ...scope }), f.shape);
      const explain = (args: readonly unknown[]) => f.explain(subject, unpack(f.shape, args));
      return boxModel(claim, { ...spec, explain }) as Explorable<unknown, unknown>;
    },
    ...(f.refutedWithin === undefined ? {} : { refutedWithin: f.refutedWithin }),
  };
}

/** "32 policies (factors {2, 3, 4, 8}, or none)" */
function policyText(ps: ReadonlyArray<RateLimitPolicy | null>, orNone: boolean): string {
  const factors = [...new Set(ps.flatMap((p) => (p ? [p.rateLimitFactor, p.burstFactor] : [])))].sort((a, b) => a - b);
  return `${ps.length} policies (factors ${setText(factors)}${orNone ? ', or none' : ''})`;
}

const ratio = (m: FloodSubject, s: FloodScenario, p: RateLimitPolicy | null, c: CostConstants) =>
  m.cost(s, m.exact(s, p), c, { rateLimited: p !== null }).ratio;
const fmt = (x: number) => x.toPrecision(4);
const counts = (m: FloodSubject, s: FloodScenario, p: RateLimitPolicy | null) => JSON.stringify(m.exact(s, p));

/** The flood claims of T-VDOS-1 as targets against SUBJECT; defaults end in about a minute each. */
export function floodTargets(subject: FloodSubject): VerifyTarget[] {
  const t = (f: FloodClaim) => floodTarget(subject, f);
  return [
    t({
      id: 'T-VDOS-1.bound',
      shape: 'scenario+policy+constants',
      defaults: { n: 3, ticks: 4, tickValues: 3, phases: 2, floods: 8, factors: 4, constants: 1 },
      draftOnly: true,
      refutedWithin: 0, // CX-T-VDOS-1-001: a scenario, no step
      explain: (m, { s, p, c }) => `ratio ${fmt(ratio(m, s, p!, c!))} > ${fmt(draftBound(s, p!, c!))} (draft bound)`,
    }),
    t({
      id: 'T-VDOS-1.bound-corrected',
      shape: 'scenario+policy+constants',
      defaults: { n: 3, ticks: 4, tickValues: 3, phases: 2, floods: 8, factors: 4, constants: 4 },
      explain: (m, { s, p, c }) =>
        `ratio ${fmt(ratio(m, s, p!, c!))} > ${fmt(tokenBucketBound(s, p!, c!))} (token-bucket bound)`,
    }),
    t({
      id: 'T-VDOS-1.no-rl-linear',
      shape: 'scenario+constants',
      defaults: { n: 3, ticks: 8, tickValues: 3, phases: 3, floods: 12, factors: 1, constants: 4 },
      explain: (m, { s, c }) => `ratio without rate limit ${fmt(ratio(m, s, null, c!))} at f = ${s.floodFactor}`,
    }),
    t({
      id: 'T-VDOS-1.claim-a',
      shape: 'scenario+policy+constants',
      defaults: { n: 3, ticks: 4, tickValues: 3, phases: 2, floods: 8, factors: 4, constants: 4 },
      wholeCoalition: true,
      capacities: ['rate-times-1s'],
      refutedWithin: 0, // CX-T-VDOS-1-002
      explain: (m, { s, p, c }) => `ratio ${fmt(ratio(m, s, p!, c!))}, not rate_limit_factor ${p!.rateLimitFactor}`,
    }),
    t({
      id: 'T-VDOS-1.claim-a-corrected',
      shape: 'scenario+policy',
      defaults: { n: 3, ticks: 10, tickValues: 4, phases: 2, floods: 8, factors: 4, constants: 1 },
      explain: (m, { s, p }) => `packets arrived/admitted ${counts(m, s, p!)}`,
    }),
    t({
      id: 'T-VDOS-1.sims-agree',
      shape: 'scenario+policy',
      defaults: { n: 3, ticks: 6, tickValues: 5, phases: 2, floods: 8, factors: 4, constants: 1 },
      longTicks: true,
      orNone: true,
      explain: (m, { s, p }) => `per packet ${counts(m, s, p!)}, aggregated ${JSON.stringify(m.aggregated(s, p!))}`,
    }),
  ];
}
