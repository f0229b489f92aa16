/**
 * The audit: every claim of the draft, computed from the models, with one verdict each: holds,
 * holds within rounding, refuted (with the model's value or a replayable counterexample), or
 * holds under (the readings the text allows, each with its result).
 */
import { CLAIM_VERDICTS, type ClaimVerdict } from '../lib/claim-verdict.js';
import { computeClaims, roundTo, verdictOf, type ClaimResult } from '../lib/claims.js';
import { loadConstants } from '../lib/constants.js';
import { loadAllClaims } from './registry.js';
import { statementEntries, type AuditProgress } from './statements.js';

export { isDraftStatement, type AuditProgress } from './statements.js';
import { citation } from './anchor.js';
import type { AuditEntry, ChoiceSearch } from './entry.js';
import { anchorOf, originOf } from './anchors.js';
import { encodingEntries } from './encodings.js';
import { growthEntries } from './growth.js';
import { normativeEntries } from './normative.js';
import { citedEntries } from './cited.js';

export type { AuditCounterexample, AuditEntry } from './entry.js';

/** The four verdicts of the audit: the one vocabulary about a claim of the draft (src/lib/claim-verdict.ts). */
export type AuditVerdict = ClaimVerdict;

/** The verdict of the main reading alone (the one `expr` computes). */
function mainVerdict(r: ClaimResult): AuditVerdict {
  return verdictOf(r.model, r.claim.value, r.claim.compare); // the one comparison, src/lib/claims.ts
}

/** The search over a claim's open choices as the audit reports it (issue 18, Deliver 1). */
function choicesOf(r: ClaimResult, shown: (x: number) => number): ChoiceSearch {
  const s = r.search;
  const closest = s.closest
    ? [
        {
          choice: s.closest.choice,
          value: String(shown(s.closest.value)),
          holds: false,
          note: 'closest to the printed value',
        },
      ]
    : [];
  return {
    open: s.open.map((o) => ({
      name: o.name,
      admissible: o.admissible,
      lines: `${citation({ ...o.open, words: [] })}: ${o.open.why}`,
    })),
    method: s.method,
    points: s.points,
    outcomes: [...s.outcomes, ...closest],
  };
}

function numberEntry(r: ClaimResult): AuditEntry {
  const { claim } = r;
  const cmp = claim.compare;
  const rounded = `rounded to ${cmp.places} decimal(s) half up or half even (the draft states no rule)`;
  const comparison =
    cmp.kind === 'decimals'
      ? `model ${rounded}, as printed, must equal ${claim.value}`
      : `model ${rounded} must equal ${claim.value}, or lie within ${cmp.rel_tol * 100} % of it`;
  const shown = (x: number) => roundTo(x, cmp.places + 3);
  const readings =
    r.readings.length === 0
      ? {}
      : {
          readings: [
            {
              name: claim.reading ?? 'the reading the code uses',
              model: shown(r.model),
              holds: mainVerdict(r) !== 'refuted',
              note: 'the reading the code uses',
            },
            ...r.readings.map((x) => ({
              name: x.name,
              model: shown(x.model),
              holds: x.verdict !== 'refuted',
              note: x.note,
            })),
          ],
        };
  return {
    id: claim.id,
    section: claim.section,
    kind: 'number',
    paraphrase: claim.paraphrase,
    draft: claim.printed,
    verdict: r.verdict,
    comparison,
    model: shown(r.model),
    ...readings,
    choices: choicesOf(r, shown),
    ...(claim.corrected ? { corrected: claim.corrected.statement } : {}),
    ...(claim.note ? { note: claim.note } : {}),
    ...(r.asPinned ? {} : { drift: `pinned ${claim.verdict}, computed ${r.verdict}` }),
  };
}

/** Orders sections as the draft does: §1 .. §10, then the appendices. */
export function sectionKey(section: string): string {
  const m = /^§([\d.]+)$/.exec(section);
  if (m)
    return m[1]!
      .split('.')
      .map((p) => p.padStart(3, '0'))
      .join('.');
  return `zzz ${section}`;
}

/** The whole audit. */
export interface Audit {
  readonly seed: number;
  readonly runs: number;
  readonly entries: readonly AuditEntry[];
  readonly counts: Readonly<Record<AuditVerdict, number>>;
}

/** An entry with its anchor and origin (spec/anchors.json; a class that anchors its own claims keeps them). */
function anchored(e: AuditEntry): AuditEntry {
  const anchor = e.anchor ?? anchorOf(e.id);
  return { ...e, origin: e.origin ?? originOf(e.id) ?? 'draft', ...(anchor ? { anchor } : {}) };
}

/**
 * Runs the audit: every printed number of spec/claims, every statement of properties/, and the classes checked by
 * code (growth and magnitude words, multi-reading byte strings and formulas, normative statements cross-checked,
 * statements about the documents the draft cites).
 */
export function runAudit(seed: number, runs: number, onStatement?: AuditProgress): Audit {
  const c = loadConstants().constants_us;
  const numbers = loadAllClaims().flatMap(({ source, file }) =>
    computeClaims(file, source.quantities(), c).map(numberEntry),
  );
  // issue 18 Deliver 4: the classes checked by code and data
  const classes = [...growthEntries(), ...encodingEntries(), ...normativeEntries(), ...citedEntries()];
  const entries = [...numbers, ...statementEntries(seed, runs, onStatement), ...classes]
    .map(anchored)
    .sort((a, b) => sectionKey(a.section).localeCompare(sectionKey(b.section)) || a.id.localeCompare(b.id));
  const counts = Object.fromEntries(CLAIM_VERDICTS.map((v) => [v, 0])) as Record<AuditVerdict, number>;
  for (const e of entries) counts[e.verdict]++;
  return { seed, runs, entries, counts };
}
