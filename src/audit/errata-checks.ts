/**
 * The errata against an audit (issue 18, Deliver 3 and 6), as pure functions: which audited claims are the
 * symptoms of each erratum, which are consequences to consider (derived statements refuted), and the
 * consistency checks the tests and the validator run: every finding of the draft is the symptom of exactly one
 * erratum; every symptom is an audited finding (an erratum whose symptoms all hold is stale); every anchor stands
 * in the draft's lines. Each problem is one line naming the erratum or claim and what to change.
 */
import { isFinding } from '../lib/claim-verdict.js';
import { anchorProblem, type Anchor } from './anchor.js';
import type { AuditEntry } from './entry.js';
import { originOf, type ConsequenceNote, type ErrataData, type Erratum, type ReadingNote } from './errata-data.js';

/** An erratum with its symptoms looked up in the audit (`entry` undefined: the audit does not report the id). */
export interface ErratumView {
  readonly erratum: Erratum;
  readonly symptoms: ReadonlyArray<{ readonly id: string; readonly entry?: AuditEntry }>;
}

/** The errata document's content: errata by severity, consequences, readings, and findings left unassigned. */
export interface ErrataView {
  readonly errata: readonly ErratumView[];
  /** Derived statements with a finding verdict, with the errata file's note when it has one. */
  readonly consequences: ReadonlyArray<{ readonly entry: AuditEntry; readonly note?: ConsequenceNote }>;
  /** Claims of the draft that hold under some reading and that the errata file judges no erratum. */
  readonly readings: ReadonlyArray<{ readonly entry: AuditEntry; readonly note: ReadingNote }>;
  /** Findings of the draft that no erratum lists (the consistency check reports each). */
  readonly unassigned: readonly AuditEntry[];
}

/** Errata in reading order: severity 1, 2, 3; within a severity, as the file lists them. */
export function bySeverity(errata: readonly Erratum[]): Erratum[] {
  return errata
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.severity - b.e.severity || a.i - b.i)
    .map((x) => x.e);
}

/** The audit's entries arranged as the errata document shows them. */
export function errataView(entries: readonly AuditEntry[], data: ErrataData): ErrataView {
  const byId = new Map(entries.map((e) => [e.id, e] as const));
  const listed = new Set(data.file.errata.flatMap((e) => e.symptoms));
  const readingNotes = new Map(data.file.holdsUnder.map((r) => [r.claim, r] as const));
  const consequenceNotes = new Map(data.file.consequences.map((c) => [c.claim, c] as const));
  const findings = entries.filter((e) => isFinding(e.verdict));
  const derived = findings.filter((e) => originOf(e, data.origins) === 'derived');
  const own = findings.filter((e) => originOf(e, data.origins) === 'draft' && !listed.has(e.id));
  const isReading = (e: AuditEntry) => e.verdict === 'holds under' && readingNotes.has(e.id);
  return {
    errata: bySeverity(data.file.errata).map((erratum) => ({
      erratum,
      symptoms: erratum.symptoms.map((id) => {
        const entry = byId.get(id);
        return entry ? { id, entry } : { id };
      }),
    })),
    consequences: derived.map((entry) => {
      const note = consequenceNotes.get(entry.id);
      return note ? { entry, note } : { entry };
    }),
    readings: own.filter(isReading).map((entry) => ({ entry, note: readingNotes.get(entry.id)! })),
    unassigned: own.filter((e) => !isReading(e)),
  };
}

const verdictOf = (e: AuditEntry) => `'${e.verdict}'`;

/** Problems of one erratum's symptom list against the audit. */
function erratumProblems(er: Erratum, byId: ReadonlyMap<string, AuditEntry>, data: ErrataData): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const id of er.symptoms) {
    if (seen.has(id)) out.push(`${er.id} lists ${id} twice`);
    seen.add(id);
  }
  const known = [...seen].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  for (const id of seen)
    if (!byId.has(id)) out.push(`${er.id} lists ${id}, which the audit does not report (a renamed or removed claim?)`);
  const live = known.filter((e) => isFinding(e.verdict));
  if (live.length === 0 && known.length > 0)
    out.push(
      `${er.id} is stale: none of its symptoms is a finding any more ` +
        `(${known.map((e) => `${e.id} ${verdictOf(e)}`).join(', ')}); remove it or list the claims that show it now`,
    );
  else
    for (const e of known.filter((x) => !isFinding(x.verdict)))
      out.push(`${er.id} lists ${e.id}, whose verdict is ${verdictOf(e)}: not a finding, remove it from the symptoms`);
  for (const e of live.filter((x) => originOf(x, data.origins) === 'derived'))
    out.push(`${er.id} lists ${e.id}, a derived statement: its refutation is a consequence to consider, not a symptom`);
  return out;
}

/**
 * The mapping's problems against the audit's ENTRIES: every finding of the draft (isFinding, origin 'draft') is
 * the symptom of exactly one erratum, or a 'holds under' claim the file judges no erratum; every symptom is an
 * audited finding of the draft; the notes on readings and consequences name claims they still describe.
 */
export function mappingProblems(entries: readonly AuditEntry[], data: ErrataData): string[] {
  const out: string[] = [];
  const byId = new Map(entries.map((e) => [e.id, e] as const));
  const ids = data.file.errata.map((e) => e.id);
  for (const id of new Set(ids.filter((x, i) => ids.indexOf(x) !== i))) out.push(`erratum id ${id} is used twice`);
  for (const er of data.file.errata) out.push(...erratumProblems(er, byId, data));
  const owners = new Map<string, string[]>();
  for (const er of data.file.errata)
    for (const id of new Set(er.symptoms)) owners.set(id, [...(owners.get(id) ?? []), er.id]);
  const readings = new Set(data.file.holdsUnder.map((r) => r.claim));
  for (const e of entries.filter((x) => isFinding(x.verdict) && originOf(x, data.origins) === 'draft')) {
    const by = owners.get(e.id) ?? [];
    if (by.length > 1)
      out.push(`${e.id} is a symptom of ${by.join(' and ')}: a finding belongs to exactly one erratum`);
    if (by.length === 0 && !(e.verdict === 'holds under' && readings.has(e.id)))
      out.push(
        `finding ${e.id} (${e.section}, ${verdictOf(e)}) is the symptom of no erratum: ` +
          `add it to the erratum of its root cause in spec/errata.json`,
      );
  }
  for (const r of data.file.holdsUnder) {
    const e = byId.get(r.claim);
    if (!e) out.push(`holdsUnder lists ${r.claim}, which the audit does not report`);
    else if (e.verdict !== 'holds under')
      out.push(`holdsUnder lists ${r.claim}, whose verdict is ${verdictOf(e)}, not 'holds under'`);
    else if (owners.has(r.claim))
      out.push(`holdsUnder lists ${r.claim}, also a symptom of ${owners.get(r.claim)!.join(', ')}`);
  }
  for (const c of data.file.consequences) {
    const e = byId.get(c.claim);
    if (!e) out.push(`consequence note on ${c.claim}, which the audit does not report`);
    else if (originOf(e, data.origins) !== 'derived')
      out.push(`consequence note on ${c.claim}, which is the draft's own statement, not a derived one`);
    else if (!isFinding(e.verdict)) out.push(`consequence note on ${c.claim} is stale: its verdict is ${verdictOf(e)}`);
  }
  return out;
}

/** Every anchor of the errata file, with what it belongs to. */
export function errataAnchors(data: ErrataData): Array<{ readonly owner: string; readonly anchor: Anchor }> {
  return [
    ...data.file.errata.flatMap((er) => [
      { owner: `${er.id} anchor`, anchor: er.anchor },
      ...(er.also ?? []).map((anchor, i) => ({ owner: `${er.id} also[${i}]`, anchor })),
    ]),
    ...data.file.consequences.map((c) => ({ owner: `consequence ${c.claim} derivedFrom`, anchor: c.derivedFrom })),
  ];
}

/** Anchors whose words do not stand in their lines of the draft text (LINES, src/audit/anchor.ts draftLines). */
export function anchorProblems(data: ErrataData, lines: readonly string[]): string[] {
  return errataAnchors(data).flatMap(({ owner, anchor }) => {
    const p = anchorProblem(anchor, lines);
    return p ? [`${owner} (${anchor.section}): ${p}`] : [];
  });
}

/** All problems: the mapping against the audit, and the anchors when the draft's LINES are given. */
export function errataProblems(entries: readonly AuditEntry[], data: ErrataData, lines?: readonly string[]): string[] {
  return [...mappingProblems(entries, data), ...(lines ? anchorProblems(data, lines) : [])];
}
