/**
 * The anchors of every audited claim (issue 18, Deliver 2), as data: spec/anchors.json, schema
 * schemas/anchors-v1.schema.json. Each claim of the audit (a printed number of spec/claims/, a statement a property
 * declares, a sentence with several readings) stands at a section, a line range and the few words it turns on
 * (src/audit/anchor.ts), and says whether the anchored text states it (`draft`) or the project tests a stronger or
 * derived statement (`derived`, with the sentence it derives from and what it adds): a derived claim's refutation is a
 * consequence to consider, not the draft's error.
 */
import { readValidated } from '../lib/json-file.js';
import { projectPath } from '../lib/paths.js';
import { anchorProblem, type Anchor } from './anchor.js';
import type { AuditEntry } from './entry.js';

/** Whether the anchored text says the claim (`draft`) or the project derives it (`derived`). */
export type Origin = NonNullable<AuditEntry['origin']>;

/** The sentence a derived claim derives from: its lines (in the anchor's section), its words, our paraphrase. */
export interface DerivesFrom {
  readonly lines: readonly [number, number];
  readonly words: readonly string[];
  /** Our paraphrase of the sentence, no stronger than the text. */
  readonly sentence: string;
}

/** One audited claim's anchor and origin. */
export interface AnchorEntry {
  /** The claim id of the audit: `VDOS-4.4-16-with-rl`, `T-COMP-SPLIT.no-split`, `T-RC-1.A.seq-key`. */
  readonly id: string;
  readonly anchor: Anchor;
  readonly origin: Origin;
  /** Only on a derived claim. */
  readonly derivesFrom?: DerivesFrom;
  /** Only on a derived claim: one line saying what the project's statement adds to the text. */
  readonly overstates?: string;
}

/** spec/anchors.json. */
export interface AnchorsFile {
  readonly schema: 'perfsec-anchors-v1';
  /** The text the line numbers refer to: its name and number of lines. */
  readonly draft: { readonly name: string; readonly lines: number };
  readonly about: string;
  readonly anchors: readonly AnchorEntry[];
}

/** Where the anchors are. */
export const ANCHORS_FILE = projectPath('spec', 'anchors.json');

let cached: { file: AnchorsFile; byId: ReadonlyMap<string, AnchorEntry> } | undefined;

function index(): NonNullable<typeof cached> {
  if (!cached) {
    const file = readValidated<AnchorsFile>(ANCHORS_FILE, 'anchors-v1');
    cached = { file, byId: new Map(file.anchors.map((e) => [e.id, e] as const)) };
  }
  return cached;
}

/** spec/anchors.json, schema-checked (read once). */
export function loadAnchors(): AnchorsFile {
  return index().file;
}

/** The anchor entry of claim ID, or undefined when none is recorded. */
export function anchorEntry(id: string): AnchorEntry | undefined {
  return index().byId.get(id);
}

/** Where claim ID stands in the draft, or undefined when no anchor is recorded. */
export function anchorOf(id: string): Anchor | undefined {
  return anchorEntry(id)?.anchor;
}

/** Whether the draft says claim ID or the project derives it; undefined when no anchor is recorded. */
export function originOf(id: string): Origin | undefined {
  return anchorEntry(id)?.origin;
}

/** The sentence a derived entry derives from, as an anchor in the entry's own section. */
export function derivesFromAnchor(e: AnchorEntry): Anchor | undefined {
  return e.derivesFrom && { section: e.anchor.section, lines: e.derivesFrom.lines, words: e.derivesFrom.words };
}

/** One anchor that does not stand in the draft's text. */
export interface AnchorProblem {
  readonly id: string;
  /** The entry's own anchor, or the sentence it derives from. */
  readonly where: 'anchor' | 'derivesFrom';
  readonly problem: string;
}

/** Each anchor of entry E with what it anchors. */
const anchorsOf = (e: AnchorEntry): Array<[AnchorProblem['where'], Anchor]> => {
  const from = derivesFromAnchor(e);
  return from
    ? [
        ['anchor', e.anchor],
        ['derivesFrom', from],
      ]
    : [['anchor', e.anchor]];
};

/**
 * Every entry (all of spec/anchors.json unless ENTRIES) whose words, or whose derivesFrom's words, do not stand in
 * their lines of the draft text LINES (`draftLines(text)` of src/audit/anchor.ts); empty when all stand.
 */
export function anchorProblems(
  lines: readonly string[],
  entries: readonly AnchorEntry[] = loadAnchors().anchors,
): AnchorProblem[] {
  return entries.flatMap((e) =>
    anchorsOf(e).flatMap(([where, a]) => {
      const problem = anchorProblem(a, lines);
      return problem === undefined ? [] : [{ id: e.id, where, problem }];
    }),
  );
}

/**
 * The draft's section holding line N (1-based) of LINES, by its own numbering: "Abstract", "§4.4", "App. A",
 * "App. B.1"; "front" before the Abstract, "Status" for the Status of This Memo. Headings start in column 0
 * (RFC style), body text is indented.
 */
export function sectionAt(lines: readonly string[], n: number): string {
  let section = 'front';
  for (let i = 0; i < Math.min(n, lines.length); i++) {
    const heading = headingOf(lines[i] ?? '');
    if (heading) section = heading;
  }
  return section;
}

function headingOf(line: string): string | undefined {
  if (line === 'Abstract') return 'Abstract';
  if (line.startsWith('Status of This Memo')) return 'Status';
  const numbered = /^(\d+(?:\.\d+)*)\.\s+\S/.exec(line); // "4.4.  Numerical receipt"
  if (numbered) return `§${numbered[1]}`;
  const appendix = /^Appendix ([A-Z])\./.exec(line) ?? /^([A-Z]\.\d+)\.\s+\S/.exec(line); // "Appendix A.", "B.1."
  return appendix ? `App. ${appendix[1]}` : undefined;
}

/** Every entry whose anchor (or derivesFrom) range does not lie inside the section the anchor names. */
export function sectionProblems(
  lines: readonly string[],
  entries: readonly AnchorEntry[] = loadAnchors().anchors,
): AnchorProblem[] {
  return entries.flatMap((e) =>
    anchorsOf(e).flatMap(([where, a]) => {
      const found = [...new Set(a.lines.map((n) => sectionAt(lines, n)))];
      return found.length === 1 && found[0] === a.section
        ? []
        : [{ id: e.id, where, problem: `lines ${a.lines.join('-')} are in ${found.join(' and ')}, not ${a.section}` }];
    }),
  );
}

/** How many lines TEXT has (a final line break ends the last line, it does not start another). */
export function lineCount(lines: readonly string[]): number {
  return lines.length > 0 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
}
