/**
 * Growth checks of the T-VDOS-1 words (Abstract, §4.3, §4.4, §9): near-constant, LINEARLY, SUBLINEARLY. Each samples
 * the cost ratio of model/flood-ratio.ts (or the §4.3 bound of model/vdos-bounds.ts) at every admissible setting and
 * reads the word as model/growth.ts defines it. The open choices and settings are shared with growth-bursts.ts.
 */
import type { CostConstants } from '../../model/constants.js';
import { floodRatio, settingText, type FloodSetting } from '../../model/flood-ratio.js';
import {
  asymptotics,
  doublingGrid,
  EXPONENT_TOL,
  isLinear,
  isSublinear,
  isSubProportional,
  spread,
  threshold,
} from '../../model/growth.js';
import { draftBoundOf, draftSlope } from '../../model/vdos-bounds.js';
import { loadClaims } from '../lib/claims.js';
import { fmt, num, nums, point, span, strs, type CheckResult, type Params } from './growth-check.js';

/** The choices the draft leaves open in a flood experiment, with the lines that leave them open. */
export const OPEN = {
  accounting: {
    name: 'c_xdp accounting',
    admissible: 'once per packet (every packet reaching the limiter is looked up) | once per (snapshot, push) pair',
    lines: '§4.1 lines 453-457; §4.3 lines 571-573',
  },
  budget: {
    name: 'burst budget',
    admissible: 'burst_factor * natural_tick_rate packets | burst_factor packets',
    lines: '§4.2 line 494; §4.3 lines 566-568',
  },
  duration: {
    name: 'flood duration',
    admissible: 'any (searched: see method)',
    lines: '§4.3 line 567; §4.4 lines 585-586',
  },
  rlf: {
    name: 'rate_limit_factor',
    admissible: '>= 2, default 4, MAY 2, MAY relax',
    lines: '§4.2 lines 486-491, 523-524',
  },
} as const;

/** Every admissible flood setting the claim's parameters name (T_tick 50 ms and burst_factor 8, as §4.4). */
export function settings(p: Params): FloodSetting[] {
  return nums(p, 'rlf').flatMap((rateLimitFactor) =>
    (['rate-times-1s', 'ticks'] as const).flatMap((capacity) =>
      [false, true].flatMap((xdpPerPair) =>
        nums(p, 'durations').map((durationS) => ({
          tickMs: 50,
          rateLimitFactor,
          burstFactor: 8,
          capacity,
          xdpPerPair,
          durationS,
        })),
      ),
    ),
  );
}

export const settingsMethod = (p: Params, what: string): string =>
  `exhaustive: rate_limit_factor ${nums(p, 'rlf').join(', ')} x 2 budget readings x 2 accountings x ` +
  `durations ${nums(p, 'durations').join(', ')} s (T_tick 50 ms, burst_factor 8); ${what}`;

/** Abstract "near-constant factor": the §4.3 factor's spread over the §4.4 flood factors, and over all of them. */
export function nearConstantBound(p: Params, c: CostConstants): CheckResult {
  const [lo, hi] = nums(p, 'table') as [number, number];
  const table = doublingGrid(lo, hi);
  const all = doublingGrid(1, num(p, 'top'));
  const spreadOn = (xs: readonly number[], r: number) => spread(xs.map((f) => draftBoundOf(r, f, c)));
  const tail = asymptotics(
    all,
    all.map((f) => draftBoundOf(4, f, c)),
  );
  const points = nums(p, 'K').flatMap((K) =>
    nums(p, 'rlf').flatMap((r) => [point(spreadOn(table, r) <= K), point(spreadOn(all, r) <= K)]),
  );
  const outcomes = nums(p, 'K').flatMap((K) => {
    const from = threshold((r) => spreadOn(table, r) <= K, 2, 1e6, 1e-4);
    return [
      {
        choice: `within a factor ${K}, flood factors ${lo}..${hi}`,
        value: `max/min ${fmt(spreadOn(table, 4))} at rate_limit_factor 4, ${fmt(spreadOn(table, 2))} at 2`,
        holds: nums(p, 'rlf').some((r) => spreadOn(table, r) <= K),
        note: `holds only for rate_limit_factor >= ${from === undefined ? 'none' : fmt(from)}`,
      },
      {
        choice: `within a factor ${K}, every flood factor`,
        value: `max/min ${fmt(spreadOn(all, 4))} already at flood ${fmt(all[all.length - 1]!)}, growing without bound`,
        holds: false,
      },
    ];
  });
  return {
    open: [
      { name: 'near-constant: K', admissible: nums(p, 'K').join(', '), lines: 'Abstract line 41 (no factor given)' },
      { name: 'flood range', admissible: `${lo}..${hi} (§4.4 rows) | all >= 1`, lines: '§4.3 lines 533-538' },
      { ...OPEN.rlf, admissible: `${OPEN.rlf.admissible} (searched ${nums(p, 'rlf').join(', ')})` },
    ],
    method: `exhaustive over K x range x rate_limit_factor; rate_limit_factor thresholds by bisection on [2, 1e6]`,
    points,
    outcomes,
    note:
      `The factor is affine in flood: secant slope ${fmt(tail.slope)} (= c_xdp / c_path), local exponent ` +
      `${fmt(tail.exponent, 4)}; at the default rate_limit_factor 4 it goes from ${fmt(draftBoundOf(4, lo, c))} at ` +
      `flood ${lo} to ${fmt(draftBoundOf(4, hi, c))} at flood ${hi} (max/min ${fmt(spreadOn(table, 4))}), against ` +
      `max/min ${fmt(hi / lo)} for the unprotected ratio.`,
  };
}

/** The no-rate-limit ratio is linear in flood_factor (and, with `slope`, of that slope). */
export function noRateLimitLinear(p: Params, c: CostConstants): CheckResult {
  const xs = doublingGrid(1, num(p, 'top'));
  const slope = typeof p.slope === 'number' ? p.slope : undefined;
  const outcomes = nums(p, 'durations').map((durationS) => {
    // the rate-limit fields are not used without a rate limit
    const s: FloodSetting = {
      tickMs: 50,
      rateLimitFactor: 4,
      burstFactor: 8,
      capacity: 'ticks',
      xdpPerPair: false,
      durationS,
    };
    const a = asymptotics(
      xs,
      xs.map((f) => floodRatio(s, f, c, false)),
    );
    const holds = isLinear(a) && (slope === undefined || Math.abs(a.slope / slope - 1) < EXPONENT_TOL);
    const value =
      `exponent ${fmt(a.exponent, 4)}, ratio(f)/f -> ${fmt(a.slope, 4)}, ` + `ratio(2f)/ratio(f) ${fmt(a.doubling, 4)}`;
    return { choice: `${durationS} s`, value, holds };
  });
  return {
    open: [{ ...OPEN.duration, admissible: `any (searched ${nums(p, 'durations').join(', ')} s)` }],
    method: `exhaustive over durations; flood factors 1 doubling to ${num(p, 'top')}, no rate limit (no c_xdp)`,
    points: outcomes.map((o) => point(o.holds)),
    outcomes,
    note: 'Without a rate limit every packet is verified: the ratio is the flood factor, linear with slope 1.',
  };
}

/** §4.3 (b), §4.4: the rate-limited ratio grows sublinearly (two meanings), as the bound and as simulated. */
export function rateLimitedSublinear(p: Params, c: CostConstants): CheckResult {
  const top = num(p, 'top');
  const series = (name: string, r: number, y: (f: number) => number) => {
    const xs = doublingGrid(r, top);
    const ys = xs.map(y);
    return { name, ys, a: asymptotics(xs, ys) };
  };
  const groups = [
    {
      label: 'the §4.3 bound',
      runs: nums(p, 'rlf').map((r) => series(`rate_limit_factor ${r}`, r, (f) => draftBoundOf(r, f, c))),
    },
    ...[false, true].map((pair) => ({
      label: `simulated, c_xdp per ${pair ? 'pair' : 'packet'}`,
      runs: settings(p)
        .filter((s) => s.xdpPerPair === pair)
        .map((s) => series(settingText(s), s.rateLimitFactor, (f) => floodRatio(s, f, c, true))),
    })),
  ];
  const meanings = [
    { name: 'sublinear: ratio(f)/f -> 0', holds: (r: (typeof groups)[0]['runs'][0]) => isSublinear(r.a) },
    {
      name: 'sub-proportional: ratio(2f) < 2 ratio(f)',
      holds: (r: (typeof groups)[0]['runs'][0]) => isSubProportional(r.ys),
    },
  ];
  const points = meanings.flatMap((m) => groups.flatMap((g) => g.runs.map((r) => point(m.holds(r)))));
  const outcomes = meanings.flatMap((m) =>
    groups.map((g) => {
      const held = g.runs.filter(m.holds).length;
      const failing = g.runs.filter((r) => !m.holds(r)).map((r) => r.name);
      return {
        choice: `${m.name}; ${g.label} (holds at ${held} of ${g.runs.length})`,
        value:
          `exponent ${span(
            g.runs.map((r) => r.a.exponent),
            4,
          )}, ratio(f)/f -> ${span(g.runs.map((r) => r.a.slope))}, ` +
          `ratio(2f)/ratio(f) ${span(
            g.runs.map((r) => r.a.doubling),
            4,
          )} at flood ${fmt(top)}`,
        holds: held === g.runs.length,
        ...(held > 0 && failing.length > 0 ? { note: `not at: ${failing.join('; ')}` } : {}),
      };
    }),
  );
  return {
    open: [
      { name: 'sublinear', admissible: meanings.map((m) => m.name).join(' | '), lines: '§4.3 lines 555-556' },
      OPEN.rlf,
      OPEN.budget,
      OPEN.accounting,
      OPEN.duration,
    ],
    method: settingsMethod(
      p,
      `plus the bound at each rate_limit_factor; flood from rate_limit_factor doubling to ${top}`,
    ),
    points,
    outcomes,
    note:
      `The ratio is affine in flood_factor at high floods: constant secant slope (c_xdp / c_path = ` +
      `${fmt(draftSlope(c), 4)}; twice that when both packets of a pair are looked up), local exponent 1. ` +
      `A constant positive slope is linear growth, so ratio(f)/f tends to that slope, not to 0.` +
      printedColumn(p),
  };
}

/** The secant slopes of the draft's own §4.4 column, when the claim names it. */
function printedColumn(p: Params): string {
  if (!Array.isArray(p.printed_claims)) return '';
  const values = new Map(loadClaims('t-vdos-1').claims.map((k) => [k.id, k.value]));
  const ys = strs(p, 'printed_claims').map((id) => values.get(id) ?? NaN);
  const xs = nums(p, 'printed_floods');
  const slopes = xs.slice(1).map((x, i) => (ys[i + 1]! - ys[i]!) / (x - xs[i]!));
  return (
    ` The §4.4 printed column itself (flood ${xs.join(', ')}) has secant slopes ` +
    `${slopes.map((s) => fmt(s, 3)).join(', ')}: ` +
    'constant, i.e. linear.'
  );
}
