/**
 * How much of the draft's tables and computation blocks the claims registry covers: a number found
 * in a section is covered when a claim of that section prints, states or corrects it, when it is a
 * parameter of a scenario those claims use, when it is a §1.3 constant, or when spec/audit/left-out.json
 * lists it with the reason it is left out.
 */
import type { CostConstants } from '../../model/constants.js';
import type { ClaimsFile } from '../lib/claims.js';
import { DRAFT_SHA256, shapeProblem, type DraftNumber, type Extraction } from './extract.js';

/** A number the audit leaves out on purpose. */
export interface LeftOut {
  readonly section: string;
  readonly printed: string;
  readonly reason: string;
}

/** Coverage of the extracted numbers. */
export interface Coverage {
  readonly covered: ReadonlyArray<DraftNumber & { readonly by: string }>;
  readonly leftOut: ReadonlyArray<DraftNumber & { readonly reason: string }>;
  readonly missing: readonly DraftNumber[];
}

const numberValue = (text: string) => Number(text.replace(/ /g, ''));
const numbersIn = (text: string) =>
  [...text.matchAll(/\d{1,3}(?: \d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)].map((m) => numberValue(m[0]));

/** Per section, every number the registry's claims account for, with the claim id. */
function accounted(files: readonly ClaimsFile[]): Map<string, Map<number, string>> {
  const bySection = new Map<string, Map<number, string>>();
  const add = (section: string, value: number, by: string) => {
    const m = bySection.get(section) ?? new Map<number, string>();
    if (!m.has(value)) m.set(value, by);
    bySection.set(section, m);
  };
  for (const f of files) {
    for (const c of f.claims) {
      const values = [c.value, ...numbersIn(c.printed), ...(c.corrected ? [c.corrected.value] : [])];
      const exprs = [c.expr, ...(c.readings ?? []).map((r) => r.expr)];
      for (const e of exprs) {
        const operands = 'ratio' in e ? e.ratio : [e];
        for (const o of operands) {
          if ('cited' in o) values.push(o.cited);
          else for (const v of Object.values(f.scenarios[o.scenario] ?? {})) if (typeof v === 'number') values.push(v);
        }
      }
      for (const v of values) add(c.section, v, c.id);
    }
  }
  return bySection;
}

/** Splits the extracted numbers into covered, left out (with reason) and missing. */
export function coverage(
  numbers: readonly DraftNumber[],
  files: readonly ClaimsFile[],
  constants: CostConstants,
  leftOut: readonly LeftOut[],
): Coverage {
  const acc = accounted(files);
  const constantValues = new Set(Object.values(constants));
  const covered: Array<DraftNumber & { by: string }> = [];
  const left: Array<DraftNumber & { reason: string }> = [];
  const missing: DraftNumber[] = [];
  for (const n of numbers) {
    const by =
      acc.get(n.section)?.get(n.value) ??
      (constantValues.has(n.value) ? 'the §1.3 constants (spec/constants/draft-1.3.json)' : undefined);
    const out = leftOut.find((l) => l.section === n.section && numberValue(l.printed) === n.value);
    if (by) covered.push({ ...n, by });
    else if (out) left.push({ ...n, reason: out.reason });
    else missing.push(n);
  }
  return { covered, leftOut: left, missing };
}

/**
 * Why the committed EXTRACTION cannot be measured for coverage, or undefined: it does not look like
 * the draft's (shapeProblem), or it was extracted from another text than the pinned draft
 * (DRAFT_SHA256). issue 16: an extraction with no numbers must not pass as "0 covered, 0 left out".
 */
export function extractionProblem(extraction: Pick<Extraction, 'numbers' | 'draft_sha256'>): string | undefined {
  const shape = shapeProblem(extraction);
  if (shape) return `the extraction does not look like the draft's: ${shape}`;
  if (extraction.draft_sha256 !== DRAFT_SHA256)
    return (
      `the extraction comes from a text with SHA-256 ${extraction.draft_sha256.slice(0, 12)}…, ` +
      `not the pinned draft ${DRAFT_SHA256.slice(0, 12)}… (DRAFT_SHA256 in src/audit/extract.ts)`
    );
  return undefined;
}
