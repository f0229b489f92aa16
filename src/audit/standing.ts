/**
 * The draft's standing in one line (issue 18, Deliver 5): every summary that says PASS about the project's own
 * checks says, on the next line, where the draft stands: errata by type, claims by verdict, receipts that fail.
 * `perfsec validate`, `perfsec audit` and `perfsec receipts` print it, and the README's first screen quotes it.
 */
import { CLAIM_VERDICTS, type ClaimVerdict } from '../lib/claim-verdict.js';
import { loadConstants } from '../lib/constants.js';
import { RECEIPTS } from '../receipts/index.js';
import type { Audit } from './audit.js';
import { loadErrataData, type ErrataData } from './errata-data.js';
import { errataView } from './errata-checks.js';

/** Where the draft stands. */
export interface DraftStanding {
  readonly errata: { readonly total: number; readonly technical: number; readonly editorial: number };
  /** Audited claims that are the symptom of an erratum. */
  readonly symptoms: number;
  /** Refuted statements the project derives (stronger than the text): consequences, not errata. */
  readonly consequences: number;
  readonly claims: Readonly<Record<ClaimVerdict, number>>;
  /** The Appendix B receipts computed by the model, with the verdict each carries. */
  readonly receipts: ReadonlyArray<{ readonly appendix: string; readonly file: string; readonly verdict: string }>;
}

/** The receipts' verdicts, computed in memory (nothing is written), in Appendix B order. */
export function receiptVerdicts(): DraftStanding['receipts'] {
  const constants = loadConstants();
  return RECEIPTS.map((r, i) => {
    const doc = r.build(constants, new Date(0)) as { verdict?: unknown };
    return { appendix: `B.${i + 1}`, file: r.file, verdict: String(doc.verdict) };
  });
}

/** The standing of the draft after AUDIT, with the committed errata (spec/errata.json). */
export function draftStanding(audit: Audit, data: ErrataData = loadErrataData()): DraftStanding {
  const view = errataView(audit.entries, data);
  const errata = data.file.errata;
  return {
    errata: {
      total: errata.length,
      technical: errata.filter((e) => e.type === 'technical').length,
      editorial: errata.filter((e) => e.type === 'editorial').length,
    },
    symptoms: view.errata.reduce((n, e) => n + e.symptoms.length, 0),
    consequences: view.consequences.length,
    claims: audit.counts,
    receipts: receiptVerdicts(),
  };
}

/** One line: errata by type, the claims that show them, claims by verdict, the receipts and their verdicts. */
export function standingLine(s: DraftStanding): string {
  const total = CLAIM_VERDICTS.reduce((n, v) => n + s.claims[v], 0);
  const claims = CLAIM_VERDICTS.map((v) => `${s.claims[v]} ${v}`).join(', ');
  const receipts = s.receipts.map((r) => `${r.appendix} ${r.verdict}`).join(', ');
  return (
    `the draft: ${s.errata.total} errata (${s.errata.technical} technical, ${s.errata.editorial} editorial) ` +
    `shown by ${s.symptoms} claims, ${s.consequences} consequences to consider; ` +
    `${total} claims audited: ${claims}; receipts ${receipts} (docs/ERRATA.md)`
  );
}
