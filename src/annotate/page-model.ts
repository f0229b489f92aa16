/**
 * The annotated draft as data (issue 21): the draft's lines, every audited claim with what its margin note shows
 * (the audit entry, the errata it is a symptom of, the consequence or reading note, where it is checked in the
 * repository, its counterexample as people read it) and the summary at the top. Built from `perfsec audit --json`'s
 * document (src/audit/audit-json.ts), so the page and the JSON say the same.
 */
import { CLAIM_VERDICTS, type ClaimVerdict } from '../lib/claim-verdict.js';
import type { auditJson } from '../audit/audit-json.js';
import type { AuditEntry } from '../audit/entry.js';
import type { Anchor } from '../audit/anchor.js';
import { cxView, type CxView } from './cx-view.js';
import { sourcesOf, type SourceRef } from './sources.js';

/** The audit document the page is built from. */
export type AuditDoc = ReturnType<typeof auditJson>;
/** One erratum of the audit document. */
export type ErratumDoc = AuditDoc['errata'][number];

/**
 * How a corrected claim was checked (the audit's `checked` field, issue 19, src/audit/checked.ts): read as loosely
 * as this, so that the page shows it when the audit has it and does not depend on its other fields.
 */
export interface Checked {
  readonly claim?: string;
  readonly random_cases?: number | null;
  readonly exhaustive?: {
    readonly scope?: string;
    readonly depth?: number;
    readonly states?: number | null;
    readonly distinct?: number | null;
    readonly status?: string;
  } | null;
  /** The default scope of `perfsec verify` when no deep run is recorded (src/audit/checked.ts VerifyDefault). */
  readonly verify_default?: { readonly target?: string; readonly scope?: string; readonly depth?: number } | null;
  readonly date?: string | null;
}

/** The `checked` field of ENTRY, if the audit has one. */
export const checkedOf = (entry: object): Checked | undefined =>
  (entry as { readonly checked?: Checked }).checked ?? undefined;

/** One claim and its margin note. */
export interface ClaimNote {
  /** Position in the page (DOM ids are c0, c1, ...: claim ids hold '/' and '.'). */
  readonly index: number;
  readonly entry: AuditEntry & { readonly anchor: Anchor };
  readonly errata: readonly ErratumDoc[];
  /** The derived-statement note (a consequence to consider) or the reading note (holds under), if any. */
  readonly consequence?: string;
  readonly holdsUnder?: string;
  readonly sources: readonly SourceRef[];
  readonly cx?: CxView;
}

/** The page's data. */
export interface PageModel {
  readonly draftName: string;
  readonly lines: readonly string[];
  readonly claims: readonly ClaimNote[];
  /** Audited claims without an anchor (none in the committed audit): listed, not marked. */
  readonly unanchored: readonly string[];
  readonly doc: AuditDoc;
  /** Every section that has a claim, in page order. */
  readonly sections: readonly string[];
  readonly verdicts: readonly ClaimVerdict[];
}

/** The page model of DOC over the draft's LINES. */
export function pageModel(doc: AuditDoc, lines: readonly string[], draftName: string): PageModel {
  const anchored = doc.entries.filter((e): e is (typeof doc.entries)[number] & { anchor: Anchor } => !!e.anchor);
  const cxs = new Map<string, CxView>();
  const claims = anchored.map((entry, index): ClaimNote => {
    const cxId = entry.counterexample?.id;
    if (cxId && !cxs.has(cxId)) cxs.set(cxId, cxView(cxId));
    const consequence = doc.consequences.find((c) => c.id === entry.id)?.note;
    const holdsUnder = doc.holds_under.find((c) => c.id === entry.id)?.note;
    return {
      index,
      entry,
      errata: doc.errata.filter((er) => er.symptoms.some((s) => s.id === entry.id)),
      ...(consequence ? { consequence } : {}),
      ...(holdsUnder ? { holdsUnder } : {}),
      sources: sourcesOf(entry.id),
      ...(cxId ? { cx: cxs.get(cxId)! } : {}),
    };
  });
  const sections = [...new Set(claims.map((c) => c.entry.section))];
  return {
    draftName,
    lines,
    claims,
    unanchored: doc.entries.filter((e) => !e.anchor).map((e) => e.id),
    doc,
    sections,
    verdicts: CLAIM_VERDICTS,
  };
}
