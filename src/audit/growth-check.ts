/**
 * What a growth check is (issue 18, Deliver 4): a computation over the models that reads a growth or magnitude word
 * of the draft (spec/growth.json) under each admissible choice and says where it holds. The checks are in
 * growth-scale.ts, growth-paths.ts, growth-insider.ts, growth-flood.ts and growth-bursts.ts; growth.ts turns their
 * results into audit entries by the verdict rule.
 */
import type { CostConstants } from '../../model/constants.js';
import type { PointVerdict } from '../lib/claim-verdict.js';
import type { ChoiceOutcome, ChoiceSearch } from './entry.js';

/** A claim's parameters, as spec/growth.json gives them (schemas/growth-v1.schema.json). */
export type Params = Readonly<Record<string, number | string | readonly number[] | readonly string[]>>;

/** What a check found: the choices it searched, the verdict at each point, the outcomes worth showing, the evidence. */
export interface CheckResult {
  readonly open: ChoiceSearch['open'];
  readonly method: string;
  /** The verdict at every point of the search (the verdict rule's input). */
  readonly points: readonly PointVerdict[];
  readonly outcomes: readonly ChoiceOutcome[];
  /** The computed evidence in a sentence or two (numbers from the models, never from the draft). */
  readonly note: string;
}

/** A check: the claim's parameters and the cost constants in, the search out. */
export type GrowthCheck = (p: Params, c: CostConstants) => CheckResult;

/** A numeric parameter (the schema admits any shape; a check names what it needs). */
export function num(p: Params, name: string): number {
  const v = p[name];
  if (typeof v !== 'number') throw new Error(`growth claim parameter '${name}' must be a number`);
  return v;
}

/** A list of numbers. */
export function nums(p: Params, name: string): readonly number[] {
  const v = p[name];
  if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== 'number'))
    throw new Error(`growth claim parameter '${name}' must be a non-empty list of numbers`);
  return v as readonly number[];
}

/** A list of strings. */
export function strs(p: Params, name: string): readonly string[] {
  const v = p[name];
  if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== 'string'))
    throw new Error(`growth claim parameter '${name}' must be a non-empty list of strings`);
  return v as readonly string[];
}

/** A string. */
export function str(p: Params, name: string): string {
  const v = p[name];
  if (typeof v !== 'string') throw new Error(`growth claim parameter '${name}' must be a string`);
  return v;
}

/** A number as a report shows it: integers whole, others to DIGITS significant digits. */
export function fmt(x: number, digits = 3): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e6) return String(x);
  if (x > 0 && Number.isInteger(Math.log2(x))) return `2^${Math.log2(x)}`; // grid tops
  return String(Number(x.toPrecision(digits)));
}

/** The range of VALUES as "a" or "a..b". */
export function span(values: readonly number[], digits = 3): string {
  const lo = fmt(Math.min(...values), digits);
  const hi = fmt(Math.max(...values), digits);
  return lo === hi ? lo : `${lo}..${hi}`;
}

/** A point's verdict from whether the text holds there. */
export const point = (holds: boolean): PointVerdict => (holds ? 'holds' : 'refuted');
