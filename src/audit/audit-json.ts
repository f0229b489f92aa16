/**
 * The document `perfsec audit --json` prints (schemas/audit-v1.schema.json; issue 18, Deliver 6): every audited
 * claim with its origin, the errata with their symptoms, the consequences to consider, the counts of errata by
 * type and severity and of claims by verdict and class, and the consistency problems of the errata mapping.
 */
import { CLAIM_VERDICTS, type ClaimVerdict } from '../lib/claim-verdict.js';
import type { Audit } from './audit.js';
import type { Coverage } from './coverage.js';
import type { AuditKind } from './entry.js';
import { errataView } from './errata-checks.js';
import { originOf, type ErrataData, type ErratumType, type Severity } from './errata-data.js';
import { KIND_LABEL } from './errata.js';

const count = <K extends string | number>(keys: readonly K[], of: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [String(k), of.filter((x) => x === k).length])) as Record<string, number>;

/** The JSON document of an audit: PROBLEMS are the errata mapping's (src/audit/errata-checks.ts). */
export function auditJson(a: Audit, cov: Coverage, data: ErrataData, problems: readonly string[], summary: string) {
  const view = errataView(a.entries, data);
  const errata = view.errata.map(({ erratum, symptoms }) => ({
    ...erratum,
    symptoms: symptoms.map((s) => (s.entry ? { id: s.id, verdict: s.entry.verdict } : { id: s.id })),
  }));
  const symptomVerdicts = view.errata.flatMap((v) => v.symptoms.flatMap((s) => (s.entry ? [s.entry.verdict] : [])));
  return {
    schema: 'perfsec-audit-v1',
    seed: a.seed,
    runs: a.runs,
    counts: a.counts,
    kinds: count(
      Object.keys(KIND_LABEL) as AuditKind[],
      a.entries.map((e) => e.kind),
    ),
    entries: a.entries.map((e) => ({ ...e, origin: originOf(e, data.origins) })),
    errata,
    errata_counts: {
      total: errata.length,
      by_type: count<ErratumType>(
        ['technical', 'editorial'],
        errata.map((e) => e.type),
      ),
      by_severity: count<Severity>(
        [1, 2, 3],
        errata.map((e) => e.severity),
      ),
    },
    symptom_counts: {
      total: symptomVerdicts.length,
      by_verdict: count<ClaimVerdict>(CLAIM_VERDICTS, symptomVerdicts),
    },
    consequences: view.consequences.map(({ entry, note }) => ({
      id: entry.id,
      verdict: entry.verdict,
      ...(note ? { derivedFrom: note.derivedFrom, note: note.note } : {}),
    })),
    holds_under: view.readings.map(({ entry, note }) => ({ id: entry.id, verdict: entry.verdict, note: note.note })),
    unassigned: view.unassigned.map((e) => e.id),
    problems,
    coverage: { covered: cov.covered.length, left_out: cov.leftOut, missing: cov.missing },
    summary,
  };
}
