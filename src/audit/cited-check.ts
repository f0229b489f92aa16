/**
 * What a check of a statement about a cited document gives (spec/cited/*.json, src/audit/cited.ts): the outcome under
 * each admissible choice (a reading of the statement, a version of the document), the choices left open, how they
 * were searched, and the evidence in words. The verdict follows the verdict rule over the outcomes.
 */
import type { ChoiceOutcome, ChoiceSearch } from './entry.js';

/** One check's result. */
export interface CheckResult {
  readonly open: ChoiceSearch['open'];
  readonly method: string;
  /** One per admissible choice; `holds` says whether the draft's statement holds under it. */
  readonly outcomes: readonly ChoiceOutcome[];
  /** The evidence: what was computed and what the document's rules say, with their sections. */
  readonly note: string;
}

/** A check: computes a statement's outcomes from the models and the document's rules. */
export type CitedCheck = () => CheckResult;
