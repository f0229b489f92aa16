/**
 * The boxes of flood experiments T-VDOS-1's claims are checked over (issue 19, Deliver 1): every integer scenario
 * within a few bounds, in the shapes properties/flood-generators.ts draws (one bucket per path, jitter 0), rate-limit
 * policies over factors {2, 3, 4, 8} and both budget readings, a few sets of cost constants, and the flood-factor
 * pairs of the §4.3 (b) slope claims. Each box lists its scenarios smallest first, in the order its `describe` names.
 */
import type { CostConstants } from '../../model/constants.js';
import type { FloodScenario } from '../../model/flood.js';
import type { CapacityReading, RateLimitPolicy } from '../../model/token-bucket.js';
import { DRAFT_CONSTANTS } from '../lib/constants.js';
import type { BoxSpec } from './box.js';

/** The first K of a preference list, in ascending order (the scope says how many; the box meets small ones first). */
export const firstSorted = (list: readonly number[], k: number): number[] =>
  [...list.slice(0, k)].sort((a, b) => a - b);

/** Rate-limit and burst factors in preference order: the draft's 2, 4, 8 and 3 first, then others (scope `factors`). */
export const FACTORS = [2, 4, 8, 3, 5, 10, 16, 2.5, 6] as const;
/** Flood factors in preference order: the boundary 1, the rate-limit factors, large floods, then off-integer ones. */
export const FLOOD_FACTORS = [1, 2, 4, 8, 3, 1.01, 4.01, 64, 16, 2.5, 3.99, 6.4] as const;
/** T_tick values (ms) of floodScenario() in preference order: HFT 5 ms, 1 s, Coherence-BFD 50 ms, the others. */
export const FLOOD_TICKS = [5, 1000, 50, 10, 20, 100] as const;
/** T_tick values of floodScenario({ longTicks }): also the long ticks where the budget holds 1-2 tokens. */
export const LONG_FLOOD_TICKS = [5, 1000, 2500, 1500, 2000, 50, 10, 20, 100] as const;
const CAPACITIES: readonly CapacityReading[] = ['rate-times-1s', 'ticks'];

/** Cost-constant sets in preference order: the draft's, then extremes within costConstants()'s range. */
export const CONSTANT_SETS: ReadonlyArray<readonly [string, CostConstants]> = [
  ['draft', DRAFT_CONSTANTS],
  ['xdp-heavy', { c_json: 0.001, c_bfd_parse: 0.001, c_hmac: 0.001, c_ed25519: 0.001, c_xdp: 500 }],
  ['xdp-light', { c_json: 500, c_bfd_parse: 500, c_hmac: 500, c_ed25519: 500, c_xdp: 0.001 }],
  ['path-a-heavy', { c_json: 500, c_bfd_parse: 0.001, c_hmac: 0.001, c_ed25519: 1, c_xdp: 1 }],
];
const constantName = new Map(CONSTANT_SETS.map(([name, c]) => [c, name]));

/** Policies over the first K factors (rate_limit_factor at most 8, as policy() draws it), each reading listed. */
export function policies(k: number, capacities: readonly CapacityReading[] = CAPACITIES): RateLimitPolicy[] {
  const fs = firstSorted(FACTORS, k);
  return fs
    .filter((r) => r <= 8)
    .flatMap((rateLimitFactor) =>
      fs.flatMap((burstFactor) =>
        capacities.map((capacity) => ({ rateLimitFactor, burstFactor, scope: 'per-path' as const, capacity })),
      ),
    );
}

/** A policy in a few characters: "rlf 4 bf 8 rate-times-1s", or "no rate limit". */
export const showPolicy = (p: RateLimitPolicy | null | undefined): string =>
  p ? `rlf ${p.rateLimitFactor} bf ${p.burstFactor} ${p.capacity}` : 'no rate limit';
/** A constants set by its name in CONSTANT_SETS, or its values. */
export const showConstants = (c: CostConstants): string => constantName.get(c) ?? JSON.stringify(c);

/** Phases on a grid of G points over [0, T): 0, ..., T - 1 (the first and the latest phase of a tick). */
export function phaseGrid(tickUs: number, g: number): number[] {
  if (g <= 1) return [0];
  return [...new Set(Array.from({ length: g }, (_, i) => Math.round((i * (tickUs - 1)) / (g - 1))))];
}

/** Every non-decreasing sequence of LEN items of ITEMS from index FROM on (a multiset), in lexicographic order. */
function* multisets<T>(items: readonly T[], len: number, from = 0): Generator<T[]> {
  if (len === 0) {
    yield [];
    return;
  }
  for (let i = from; i < items.length; i++) for (const rest of multisets(items, len - 1, i)) yield [items[i]!, ...rest];
}

/**
 * The phases of N vantages, K of them flooding, one (path A, path B) pair from GRID each: vantages of one role are
 * interchangeable (one bucket per path, jitter 0; floodKey folds them), so each role's pairs are listed once, sorted:
 * the lexicographically smallest of each class, in lexicographic order (flooders, vantages 0..K-1, first).
 */
function* phaseTuples(grid: readonly number[], n: number, k: number): Generator<Array<readonly [number, number]>> {
  const pairs = grid.flatMap((a) => grid.map((b) => [a, b] as const));
  for (const flooders of multisets(pairs, k))
    for (const honest of multisets(pairs, n - k)) yield [...flooders, ...honest];
}

/** The bounds of a flood box. */
export interface FloodBox {
  readonly maxN: number;
  readonly maxTicks: number;
  readonly tickMs: readonly number[];
  /** Phase grid points per tick. */
  readonly phases: number;
  readonly floods: readonly number[];
  /** Policies in order; null (no rate limit) where the claim draws it. */
  readonly policies: ReadonlyArray<RateLimitPolicy | null>;
  readonly constants: readonly CostConstants[];
  /** Only coalition = N (wholeCoalitionFlood()). */
  readonly wholeCoalition?: boolean;
}

/** Which arguments a claim takes, after the scenario: a policy, constants, or both. */
export type FloodShape = 'scenario+policy' | 'scenario+policy+constants' | 'scenario+constants';

/** Every scenario of the box: N, duration, flood factor, policy, constants, T_tick, coalition, phases (outer first). */
function* flood(b: FloodBox): Generator<{ s: FloodScenario; p: RateLimitPolicy | null; c: CostConstants }> {
  for (let n = 1; n <= b.maxN; n++)
    for (let durationTicks = 1; durationTicks <= b.maxTicks; durationTicks++)
      for (const floodFactor of b.floods)
        for (const p of b.policies)
          for (const c of b.constants)
            for (const tickMs of b.tickMs)
              for (let coalition = b.wholeCoalition ? n : 0; coalition <= n; coalition++)
                for (const phasesUs of phaseTuples(phaseGrid(tickMs * 1000, b.phases), n, coalition))
                  // jitter 0: the aggregated simulator and the closed forms model none (jitterSeed unused then)
                  yield {
                    s: { n, tickMs, coalition, floodFactor, durationTicks, phasesUs, jitterUs: 0, jitterSeed: 0 },
                    p,
                    c,
                  };
}

const argsOf = (shape: FloodShape, x: { s: FloodScenario; p: RateLimitPolicy | null; c: CostConstants }) =>
  shape === 'scenario+policy' ? [x.s, x.p] : shape === 'scenario+constants' ? [x.s, x.c] : [x.s, x.p, x.c];

/** The scenario, policy and constants in a claim's arguments of SHAPE. */
export function unpack(shape: FloodShape, args: readonly unknown[]) {
  const s = args[0] as FloodScenario;
  const p = shape === 'scenario+constants' ? undefined : (args[1] as RateLimitPolicy | null);
  const c = shape === 'scenario+policy' ? undefined : (args[args.length - 1] as CostConstants);
  return { s, p, c };
}

const pairsText = (ps: ReadonlyArray<readonly [number, number]>) =>
  ps
    .map(([a, b]) => `${a}/${b}`)
    .sort()
    .join(' ');

/**
 * The canonical scenario: vantages of one role are interchangeable (one bucket per path, jitter 0), so the phases of
 * the flooders and of the honest vantages are each sorted.
 */
export function floodKey(s: FloodScenario): string {
  const ps = s.phasesUs ?? [];
  const roles = `${pairsText(ps.slice(0, s.coalition))}|${pairsText(ps.slice(s.coalition))}`;
  return `${s.n} ${s.coalition} ${s.tickMs} ${s.floodFactor} ${s.durationTicks} ${roles}`;
}

/** A scenario in one line. */
export const showScenario = (s: FloodScenario): string =>
  `N=${s.n} k=${s.coalition} T=${s.tickMs}ms D=${s.durationTicks} ticks f=${s.floodFactor} ` +
  `phases(A/B us) [${(s.phasesUs ?? []).map(([a, b]) => `${a}/${b}`).join(', ')}]`;

/** The box B for a claim taking arguments of SHAPE. */
export function floodBox(b: FloodBox, shape: FloodShape): Omit<BoxSpec, 'explain'> {
  return {
    box: function* () {
      for (const x of flood(b)) yield argsOf(shape, x);
    },
    key: (args) => {
      const { s, p, c } = unpack(shape, args);
      const policy = p ? `${p.rateLimitFactor} ${p.burstFactor} ${p.capacity[0]}` : String(p);
      return `${floodKey(s)}|${policy}|${c ? showConstants(c) : ''}`;
    },
    show: (args) => {
      const { s, p, c } = unpack(shape, args);
      return [showScenario(s), ...(p === undefined ? [] : [showPolicy(p)]), ...(c ? [showConstants(c)] : [])].join(
        ' | ',
      );
    },
  };
}

/** The bounds of a box of flood-factor pairs [f1, f2] (hundredths): f1 = 5 + i * stride / 100, f2 - f1 up to gap. */
export interface PairBox {
  readonly f1Count: number;
  readonly stride: number;
  readonly gap: number;
  readonly constants: readonly CostConstants[];
}

/** Every pair of the box, f1 ascending, then f2, then constants; arguments [[f1, f2], constants]. */
export function pairBox(b: PairBox): Omit<BoxSpec, 'explain'> {
  return {
    box: function* () {
      for (let i = 0; i < b.f1Count && 500 + i * b.stride <= 6400; i++)
        for (let d = 1; d <= b.gap; d++)
          for (const c of b.constants) yield [[(500 + i * b.stride) / 100, (500 + i * b.stride + d) / 100], c];
    },
    key: (args) => `${(args[0] as number[]).join(' ')}|${showConstants(args[1] as CostConstants)}`,
    show: (args) =>
      `f1=${(args[0] as number[])[0]} f2=${(args[0] as number[])[1]} | ${showConstants(args[1] as CostConstants)}`,
  };
}
