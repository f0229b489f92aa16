/**
 * The search over the choices the draft leaves open (issue 18, Deliver 1): a claim's value may depend on readings
 * and free parameters the text does not fix (a duration, an accounting granularity, a budget reading, a rounding
 * rule). Each is declared with its admissible set or range and the draft lines that leave it open; this search
 * visits that space and the verdict follows the one rule, `ruleVerdict` (src/lib/claim-verdict.ts).
 *
 * How the space is visited: every combination of the finite choices; a range (at most one per claim) on its whole
 * step grid when combinations x grid points <= MAX_POINTS, else on a coarse geometric grid (denser near the
 * range's low end, where a burst term of 1 / duration moves fastest) with bisection between every two neighbouring
 * grid points whose verdicts differ. The bisection path finds every change of verdict between grid points of
 * different verdicts; a run of another verdict lying wholly between two grid points of the same verdict is not
 * seen, and the method string says so.
 */
import { ruleVerdict, type ClaimVerdict, type PointVerdict } from './claim-verdict.js';

/** The draft lines that leave a choice open, and why the text does not fix it. */
export interface OpenLines {
  readonly section: string;
  readonly lines: readonly [number, number];
  readonly why: string;
}

/** One admissible value of a finite choice. */
export interface ChoiceValue {
  readonly value: string | number;
  readonly label: string;
}

/** A finite choice: every value is visited. */
export interface FiniteDim {
  readonly name: string;
  readonly values: readonly ChoiceValue[];
  readonly open: OpenLines;
}

/** A free parameter: its grid is min, min + step, ..., max. */
export interface RangeDim {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly unit: string;
  readonly open: OpenLines;
}

/** The open choices of one claim. */
export interface SearchSpace {
  readonly finite: readonly FiniteDim[];
  readonly range?: RangeDim;
}

/** One point of the space: an index into each finite choice's values, and the range's value. */
export interface Point {
  readonly pick: readonly number[];
  readonly x?: number;
}

/** What the model gives at a point, and the point's verdict. */
export interface Judged {
  readonly value: number;
  readonly verdict: PointVerdict;
}

/** A run of neighbouring range values that all reproduce the printed value. */
export interface Run {
  readonly from: number;
  readonly to: number;
  /** The model's values over the run. */
  readonly low: number;
  readonly high: number;
  /** Some point of the run reproduces only within the stated tolerance. */
  readonly within: boolean;
}

/** What one combination of the finite choices gives. */
export interface ComboResult {
  readonly pick: readonly number[];
  /** Its verdict when there is no range. */
  readonly verdict?: PointVerdict;
  readonly runs: readonly Run[];
  readonly low: number;
  readonly high: number;
  readonly closest: { readonly value: number; readonly x?: number };
}

/** One admissible choice and what it gives, as every class of the audit reports it (src/audit/entry.ts). */
export interface Outcome {
  /** The choice, in words: `reading "c_xdp once per pair", duration_s 70..75`. */
  readonly choice: string;
  /** What the model computes under it (a number, a key's first bytes, "rejected", ...). */
  readonly value: string;
  /** Whether the draft's text (the printed value, the stated property) holds under this choice. */
  readonly holds: boolean;
  readonly note?: string;
}

/** The search over one claim's open choices. */
export interface ChoiceSearchResult {
  readonly open: ReadonlyArray<{ readonly name: string; readonly admissible: string; readonly open: OpenLines }>;
  readonly method: string;
  /** Points whose verdict was computed. */
  readonly points: number;
  readonly combos: readonly ComboResult[];
  readonly outcomes: readonly Outcome[];
  /** When no point reproduces: the closest value and the choice giving it. */
  readonly closest?: { readonly value: number; readonly choice: string };
  /** ruleVerdict over every point's verdict. */
  readonly verdict: ClaimVerdict;
  /** Every point visited, with its verdict (options.trace). */
  readonly trace?: ReadonlyArray<{ readonly point: Point; readonly judged: Judged }>;
}

/** The search's options: the printed value (for "closest"), digits shown, the point budget, tracing. */
export interface SearchOptions {
  readonly target: number;
  readonly digits: number;
  readonly maxPoints?: number;
  readonly trace?: boolean;
}

/** A search: the space, the judge of one point, the options. computeClaims takes another one in tests (mutants). */
export type Search = (space: SearchSpace, judge: (p: Point) => Judged, o: SearchOptions) => ChoiceSearchResult;

/** Combinations x range points searched exhaustively; beyond it, a coarse grid and bisection. */
export const MAX_POINTS = 20_000;

/** The number of values on a range's grid. */
export function gridSize(r: Pick<RangeDim, 'min' | 'max' | 'step'>): number {
  return Math.round((r.max - r.min) / r.step) + 1;
}

/** The I-th value of a range's grid, without the float noise of repeated addition. */
export function gridValue(r: Pick<RangeDim, 'min' | 'max' | 'step'>, i: number): number {
  const x = r.min + i * r.step;
  return x >= r.max - r.step / 2 ? r.max : Math.round(x * 1e9) / 1e9;
}

/** Every combination of indices into finite choices of SIZES (one empty combination when there are none). */
export function combinations(sizes: readonly number[]): number[][] {
  return sizes.reduce<number[][]>((acc, n) => acc.flatMap((c) => Array.from({ length: n }, (_, i) => [...c, i])), [[]]);
}

/** About G indices of an M-value grid spaced geometrically in value (evenly when min <= 0), both ends included. */
export function coarseIndices(r: Pick<RangeDim, 'min' | 'max' | 'step'>, g: number): number[] {
  const m = gridSize(r);
  const at = new Set<number>([0, m - 1]);
  for (let j = 1; j < g - 1; j++) {
    const x = r.min > 0 ? r.min * (r.max / r.min) ** (j / (g - 1)) : r.min + ((r.max - r.min) * j) / (g - 1);
    at.add(Math.min(m - 1, Math.max(0, Math.round((x - r.min) / r.step))));
  }
  return [...at].sort((a, b) => a - b);
}

const fmt = (x: number, digits: number) => String(Number(x.toFixed(digits)));
const decimalsOf = (step: number) => Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));

/** The grid indices a range search visits for one combination, judging each once (AT memoizes). */
function visitRange(m: number, coarse: readonly number[] | undefined, at: (i: number) => Judged): void {
  if (!coarse) {
    for (let i = 0; i < m; i++) at(i); // exhaustive
    return;
  }
  const refine = (a: number, b: number): void => {
    if (b - a <= 1 || at(a).verdict === at(b).verdict) return;
    const mid = (a + b) >> 1;
    at(mid); // judged even when both halves are down to neighbours
    refine(a, mid);
    refine(mid, b);
  };
  for (const i of coarse) at(i);
  for (let k = 1; k < coarse.length; k++) refine(coarse[k - 1]!, coarse[k]!);
}

/** Runs of reproducing points among the visited indices (an unvisited index takes its visited neighbours' verdict). */
function runsOf(r: RangeDim, seen: ReadonlyMap<number, Judged>): Run[] {
  const runs: Run[] = [];
  let cur: { from: number; to: number; low: number; high: number; within: boolean } | undefined;
  for (const i of [...seen.keys()].sort((a, b) => a - b)) {
    const j = seen.get(i)!;
    if (j.verdict === 'refuted') {
      if (cur) runs.push(cur);
      cur = undefined;
      continue;
    }
    const x = gridValue(r, i);
    const within = j.verdict === 'holds within rounding';
    if (!cur) cur = { from: x, to: x, low: j.value, high: j.value, within };
    else {
      cur.to = x;
      cur.low = Math.min(cur.low, j.value);
      cur.high = Math.max(cur.high, j.value);
      cur.within ||= within;
    }
  }
  if (cur) runs.push(cur);
  return runs;
}

/** The search (the module comment says how it visits the space). */
export const searchChoices: Search = (space, judge, o) => {
  const maxPoints = o.maxPoints ?? MAX_POINTS;
  const picks = combinations(space.finite.map((d) => d.values.length));
  if (picks.length === 0) throw new Error('choice search: a finite choice has no admissible value');
  const r = space.range;
  const m = r ? gridSize(r) : 1;
  const exhaustive = picks.length * m <= maxPoints;
  const coarse = r && !exhaustive ? coarseIndices(r, Math.max(2, Math.floor(maxPoints / picks.length))) : undefined;
  const verdicts: PointVerdict[] = [];
  const trace: Array<{ point: Point; judged: Judged }> = [];
  const record = (point: Point): Judged => {
    const judged = judge(point);
    verdicts.push(judged.verdict);
    if (o.trace) trace.push({ point, judged });
    return judged;
  };
  const combos: ComboResult[] = picks.map((pick) => {
    if (!r) {
      const j = record({ pick });
      return { pick, verdict: j.verdict, runs: [], low: j.value, high: j.value, closest: { value: j.value } };
    }
    const seen = new Map<number, Judged>();
    const at = (i: number): Judged => {
      let j = seen.get(i);
      if (!j) seen.set(i, (j = record({ pick, x: gridValue(r, i) })));
      return j;
    };
    visitRange(m, coarse, at);
    let best: [number, Judged] = [0, at(0)];
    let low = Infinity;
    let high = -Infinity;
    for (const e of seen) {
      if (Math.abs(e[1].value - o.target) < Math.abs(best[1].value - o.target)) best = e;
      low = Math.min(low, e[1].value);
      high = Math.max(high, e[1].value);
    }
    return {
      pick,
      runs: runsOf(r, seen),
      low,
      high,
      closest: { value: best[1].value, x: gridValue(r, best[0]) },
    };
  });
  const verdict = ruleVerdict(verdicts);
  const names = [...space.finite.map((d) => d.name), ...(r ? [r.name] : [])].join(', ');
  const method = !r
    ? `exhaustive: ${picks.length} combination(s) of ${names}`
    : exhaustive
      ? `exhaustive: ${picks.length} combination(s) x ${m} values of ${r.name} (step ${r.step} ${r.unit})`
      : `${picks.length} combination(s) x a geometric grid of ${coarse!.length} of the ${m} values of ${r.name} ` +
        `(step ${r.step} ${r.unit}), then bisection at every change of verdict between grid neighbours; ` +
        'a run of another verdict between two grid points of the same verdict is not seen';
  const outcomes = describe(space, combos, o.digits);
  const closest = verdict === 'refuted' ? closestOf(space, combos, o) : undefined;
  return {
    open: [
      ...space.finite.map((d) => ({
        name: d.name,
        admissible: d.values.map((v) => v.label).join(' | '),
        open: d.open,
      })),
      ...(r
        ? [{ name: r.name, admissible: `${r.min}..${r.max} ${r.unit}, step ${r.step} ${r.unit}`, open: r.open }]
        : []),
    ],
    method: `${method}: ${verdicts.length} points`,
    points: verdicts.length,
    combos,
    outcomes,
    ...(closest ? { closest } : {}),
    verdict,
    ...(o.trace ? { trace } : {}),
  };
};

/** The point closest to the printed value, in words (a finite choice none of whose values changes it is left out). */
function closestOf(space: SearchSpace, combos: readonly ComboResult[], o: SearchOptions) {
  const dist = (c: ComboResult) => Math.abs(c.closest.value - o.target);
  const best = combos.reduce((b, c) => (dist(c) < dist(b) ? c : b));
  const byPick = new Map(combos.map((c) => [c.pick.join(' '), c]));
  const matters = (k: number) =>
    space.finite[k]!.values.some((_, i) => {
      const other = byPick.get(best.pick.map((p, j) => (j === k ? i : p)).join(' '));
      return other?.closest.value !== best.closest.value;
    });
  const r = space.range;
  const where = r && best.closest.x !== undefined ? [`${r.name} ${fmt(best.closest.x, decimalsOf(r.step))}`] : [];
  const labels = labelsOf(space, best.pick).filter((_, k) => matters(k));
  return { value: best.closest.value, choice: [...labels, ...where].join(', ') || 'every admissible choice' };
}

const labelsOf = (space: SearchSpace, pick: readonly number[]) =>
  space.finite.map((d, k) => `${d.name} "${d.values[pick[k]!]!.label}"`);

/** Raw outcome before merging: one label per finite choice (undefined: any value), and the rest. */
interface Raw {
  readonly labels: ReadonlyArray<string | undefined>;
  readonly where: string;
  readonly value: string;
  readonly holds: boolean;
  readonly note?: string;
}

/** The outcomes in words, with combinations that give the same outcome for every value of a choice merged. */
function describe(space: SearchSpace, combos: readonly ComboResult[], digits: number): Outcome[] {
  const r = space.range;
  const xs = (x: number) => fmt(x, r ? decimalsOf(r.step) : 0);
  const span = (a: number, b: number) =>
    fmt(a, digits) === fmt(b, digits) ? fmt(a, digits) : `${fmt(a, digits)}..${fmt(b, digits)}`;
  let raws: Raw[] = combos.flatMap((c) => {
    const labels = c.pick.map((i, k) => space.finite[k]!.values[i]!.label);
    if (!r)
      return [
        {
          labels,
          where: '',
          value: fmt(c.low, digits),
          holds: c.verdict !== 'refuted',
          ...withinNote(c.verdict === 'holds within rounding'),
        },
      ];
    if (c.runs.length === 0)
      return [
        {
          labels,
          where: `${r.name} ${xs(r.min)}..${xs(r.max)} ${r.unit}`,
          value: `${span(c.low, c.high)}, closest ${fmt(c.closest.value, digits)} at ${xs(c.closest.x!)} ${r.unit}`,
          holds: false,
        },
      ];
    const reproducing = c.runs.map((run) => ({
      labels,
      where: `${r.name} ${run.from === run.to ? xs(run.from) : `${xs(run.from)}..${xs(run.to)}`} ${r.unit}`,
      value: span(run.low, run.high),
      holds: true,
      ...withinNote(run.within),
    }));
    const whole = c.runs.length === 1 && c.runs[0]!.from === r.min && c.runs[0]!.to === r.max;
    // the rest of the range, so that a holds-under verdict shows the values that do not reproduce too
    const rest = { labels, where: `${r.name} elsewhere in ${xs(r.min)}..${xs(r.max)} ${r.unit}` };
    return whole ? reproducing : [...reproducing, { ...rest, value: span(c.low, c.high), holds: false }];
  });
  space.finite.forEach((d, k) => (raws = mergeOver(raws, k, d.values.length)));
  return raws.map((x) => {
    const parts = x.labels.flatMap((l, k) => (l === undefined ? [] : [`${space.finite[k]!.name} "${l}"`]));
    if (x.where) parts.push(x.where);
    return {
      choice: parts.join(', ') || 'every admissible choice',
      value: x.value,
      holds: x.holds,
      ...(x.note ? { note: x.note } : {}),
    };
  });
}

const withinNote = (within: boolean) => (within ? { note: 'within the stated tolerance only' } : {});

/** Outcomes identical for every value of finite choice K are merged into one with that choice's label dropped. */
function mergeOver(raws: readonly Raw[], k: number, size: number): Raw[] {
  const key = (x: Raw) => JSON.stringify([x.labels.filter((_, i) => i !== k), x.where, x.value, x.holds, x.note]);
  const groups = new Map<string, Raw[]>();
  for (const x of raws) groups.set(key(x), [...(groups.get(key(x)) ?? []), x]);
  const out: Raw[] = [];
  const done = new Set<string>();
  for (const x of raws) {
    const g = groups.get(key(x))!;
    if (new Set(g.map((y) => y.labels[k])).size < size) out.push(x);
    else if (!done.has(key(x))) {
      done.add(key(x));
      out.push({ ...x, labels: x.labels.map((l, i) => (i === k ? undefined : l)) });
    }
  }
  return out;
}
