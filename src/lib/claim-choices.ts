/**
 * The open choices of a printed claim (issue 18, Deliver 1), as spec/claims/*.json declares them: a claims file
 * declares each choice once, keyed by the scenario parameter it sets, with its admissible set (a label per value) or
 * range and the draft lines that leave it open; a claim names the choices its value depends on. Two more choices
 * come with every claim: its readings (alternative expressions), when it lists some, and the rounding rule.
 */
import type { FiniteDim, OpenLines, RangeDim, SearchSpace, ChoiceValue } from './choices.js';
import { gridSize } from './choices.js';
import { InputError } from './errors.js';

/** A choice as a claims file declares it (schemas/claims-v1.schema.json, `choices`). */
export interface ChoiceDecl {
  /** The admissible values, each with a label. */
  readonly set?: readonly ChoiceValue[];
  /** Or the admissible range, searched on its step grid. */
  readonly range?: { readonly min: number; readonly max: number; readonly step: number };
  readonly unit?: string;
  readonly open: OpenLines;
}

/** What a claim brings to its search: its declared choices, and its readings with the lines that open them. */
export interface ClaimChoicesOf {
  readonly id: string;
  readonly choices?: readonly string[];
  readonly reading?: string;
  readonly readings?: ReadonlyArray<{ readonly name: string }>;
  readonly readings_open?: OpenLines;
}

/** A rounding rule at the printed precision. */
export type RoundingRule = 'half-up' | 'half-even';

/**
 * The rounding rule: the draft states none (§1.3, the conventions, lines 200-234, fix symbols and constants, not how
 * a value is rounded to the precision it is printed at), so the two usual rules are both admissible. They differ
 * only at an exact tie.
 */
export const ROUNDING: FiniteDim = {
  name: 'rounding',
  values: [
    { value: 'half-up', label: 'half up' },
    { value: 'half-even', label: 'half even' },
  ],
  open: {
    section: '§1.3',
    lines: [200, 234],
    why:
      'the conventions fix symbols and constants but no rounding rule, and values are printed at 0 to 4 decimals; ' +
      'round-half-up and round-half-even are both admissible (they differ only at an exact tie)',
  },
};

/** A claim's search space, and which scenario parameter each searched choice sets. */
export interface ClaimSpace {
  readonly space: SearchSpace;
  /** Per finite choice: the scenario parameter it sets; 'reading' picks the expression, 'rounding' the rule. */
  readonly params: readonly string[];
  /** The scenario parameter the range sets. */
  readonly rangeParam?: string;
}

const bad = (claim: ClaimChoicesOf, why: string) => new InputError(`claim ${claim.id}: ${why}`);

function checkOpen(claim: ClaimChoicesOf, name: string, o: OpenLines): void {
  if (!(Number.isInteger(o.lines[0]) && o.lines[0] >= 1 && o.lines[1] >= o.lines[0]))
    throw bad(claim, `choice '${name}': open lines ${o.lines[0]}-${o.lines[1]} are not a line range`);
}

/** The range of declaration NAME, checked: a finite grid of at most 10^7 values. */
function rangeDim(claim: ClaimChoicesOf, name: string, d: ChoiceDecl): RangeDim {
  const { min, max, step } = d.range!;
  const m = (max - min) / step;
  if (!(step > 0 && max >= min && Number.isFinite(m) && Math.abs(m - Math.round(m)) < 1e-9 && m < 1e7))
    throw bad(claim, `choice '${name}': range ${min}..${max} step ${step} is not a grid of at most 10^7 values`);
  const r: RangeDim = { name, min, max, step, unit: d.unit ?? '', open: d.open };
  if (gridSize(r) < 1) throw bad(claim, `choice '${name}': empty range`);
  return r;
}

/**
 * The search space of CLAIM from the file's declarations DECLS: its readings (if any), each declared set choice,
 * the rounding rule, and at most one range. InputError when a name is undeclared or a declaration malformed.
 */
export function claimSpace(decls: Readonly<Record<string, ChoiceDecl>> | undefined, claim: ClaimChoicesOf): ClaimSpace {
  const finite: FiniteDim[] = [];
  const params: string[] = [];
  let range: RangeDim | undefined;
  if (claim.readings?.length) {
    if (!claim.readings_open) throw bad(claim, 'readings need `readings_open`, the lines that leave them open');
    checkOpen(claim, 'reading', claim.readings_open);
    const names = [claim.reading ?? 'the reading the code uses', ...claim.readings.map((r) => r.name)];
    finite.push({ name: 'reading', values: names.map((n, i) => ({ value: i, label: n })), open: claim.readings_open });
    params.push('reading');
  }
  for (const name of claim.choices ?? []) {
    const d = decls?.[name];
    if (!d) throw bad(claim, `choice '${name}' is not declared in the file's \`choices\``);
    checkOpen(claim, name, d.open);
    if (params.includes(name) || range?.name === name) throw bad(claim, `choice '${name}' named twice`);
    if (d.set && !d.range) {
      if (new Set(d.set.map((v) => v.value)).size !== d.set.length || d.set.length === 0)
        throw bad(claim, `choice '${name}': its set is empty or repeats a value`);
      finite.push({ name, values: d.set, open: d.open });
      params.push(name);
    } else if (d.range && !d.set) {
      if (range) throw bad(claim, `choices '${range.name}' and '${name}': one range per claim is searched`);
      range = rangeDim(claim, name, d);
    } else throw bad(claim, `choice '${name}' needs a set or a range, not both`);
  }
  finite.push(ROUNDING);
  params.push('rounding');
  return { space: { finite, ...(range ? { range } : {}) }, params, ...(range ? { rangeParam: range.name } : {}) };
}

/** Whether VALUE is admissible for declaration D (the scenario's own value must be: it is the claim's base point). */
export function admissible(d: ChoiceDecl, value: string | number): boolean {
  if (d.set) return d.set.some((v) => v.value === value);
  return typeof value === 'number' && value >= d.range!.min - 1e-9 && value <= d.range!.max + 1e-9;
}
