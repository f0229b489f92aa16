/**
 * Finds the numbers of the draft's tables and computation blocks, so the audit can measure which
 * of them the claims registry covers. Tables are rows of three or more numeric columns; computation
 * blocks are the deeper-indented lines that compute or assign (=, *, /, %, ~=). Numbers inside
 * names and references (T-JCOST-1, Section 14.1, RFC 5869, v1) are not numbers of the draft's model.
 */
import { createHash } from 'node:crypto';

/** One number found in the draft. */
export interface DraftNumber {
  /** 1-based line in the draft text. */
  readonly line: number;
  /** The section the line sits in: "§3.3", "App. A". */
  readonly section: string;
  readonly kind: 'table' | 'computation';
  /** The number as printed ("1 000", "174.25"). */
  readonly printed: string;
  readonly value: number;
}

/**
 * The SHA-256 of the draft text the registry is written against (draft-melegassi-mvps-perfsec-coupling-00).
 * issue 16 "Outputs are regular files": check:spec/coverage fails unless spec/audit/draft-numbers.json was
 * extracted from this text, so re-extracting another text never leaves a repository that validates;
 * adopting a new revision means re-extracting it and updating this pin in the same change.
 */
export const DRAFT_SHA256 = '0708b58d8a91b74777fd0077367b210b28f9ee33c5ef1bb6ab49b70ecc3b3c38';

/**
 * The least an extraction must hold to be taken for the draft's (issue 16: `audit --extract` of an
 * empty file wrote an extraction with no numbers, and the coverage check then passed on nothing).
 * The -00 draft yields 152 numbers in 15 sections; a text yielding fewer than 100 numbers or
 * spread over fewer than 8 sections is not the draft (or the extractor broke).
 */
export const DRAFT_SHAPE = { minNumbers: 100, minSections: 8 } as const;

/** What extraction produced, with the digest of the text it read. */
export interface Extraction {
  readonly schema: 'perfsec-draft-numbers-v1';
  readonly draft_sha256: string;
  readonly numbers: readonly DraftNumber[];
}

const HEADING = /^(\d+(?:\.\d+)*)\.\s+\S/;
const APPENDIX = /^Appendix ([A-Z])\./;
const SUB_APPENDIX = /^([A-Z]\.\d+)\.\s/;
// A number, with "1 000"-style thousands groups; not part of a name (letters, hyphen or dot before it).
const NUMBER = /(?<![A-Za-z0-9_.\-^])(\d{1,3}(?: \d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![A-Za-z0-9_.-](?<![xc])|\.\d)/g;
// References whose numbers belong to other documents or to names.
const REFERENCE = /(Section|Sections|RFC|Case|Theorem|Layer|Regime|Variant|I-PS-|\bv)\s*$/;

function sectionOf(line: string, current: string): string {
  const h = HEADING.exec(line);
  if (h) return `§${h[1]}`;
  const a = APPENDIX.exec(line) ?? SUB_APPENDIX.exec(line);
  return a ? `App. ${a[1]}` : current;
}

/** Numbers of one line, skipping references such as "Section 12". */
function numbersOf(text: string): Array<{ printed: string; value: number }> {
  const out: Array<{ printed: string; value: number }> = [];
  for (const m of text.replace(/(\d)(ms|us|Hz)\b/g, '$1 $2').matchAll(NUMBER)) {
    if (REFERENCE.test(text.slice(0, m.index))) continue;
    out.push({ printed: m[1]!, value: Number(m[1]!.replace(/ /g, '')) });
  }
  return out;
}

/** The kind of a line, or null when it is neither a table row nor a computation. */
function kindOf(line: string): DraftNumber['kind'] | null {
  if (line.includes('[OCR') || !/\d/.test(line)) return null;
  const columns = line
    .trim()
    .split(/\s{2,}/)
    .filter((c) => /^[~(]?[\d.]/.test(c));
  if (/^ {3,}\S/.test(line) && columns.length >= 3) return 'table';
  if (/^ {6,}\S/.test(line) && /(=|\*|\/|%|\bx\b|\dx\b)/.test(line)) return 'computation';
  return null;
}

/** Every number of the draft's tables and computation blocks. */
export function extractNumbers(draftText: string): Extraction {
  let section = '§0';
  const numbers: DraftNumber[] = [];
  draftText.split('\n').forEach((line, i) => {
    section = sectionOf(line, section);
    const kind = kindOf(line);
    if (!kind || HEADING.test(line)) return;
    for (const n of numbersOf(line)) numbers.push({ line: i + 1, section, kind, ...n });
  });
  return {
    schema: 'perfsec-draft-numbers-v1',
    draft_sha256: createHash('sha256').update(draftText).digest('hex'),
    numbers,
  };
}

/** Why EXTRACTION does not look like the draft's (too few numbers or sections, DRAFT_SHAPE), or undefined. */
export function shapeProblem(extraction: Pick<Extraction, 'numbers'>): string | undefined {
  const sections = new Set(extraction.numbers.map((n) => n.section)).size;
  if (extraction.numbers.length < DRAFT_SHAPE.minNumbers)
    return (
      `${extraction.numbers.length} table or computation numbers, ` + `the draft has at least ${DRAFT_SHAPE.minNumbers}`
    );
  if (sections < DRAFT_SHAPE.minSections)
    return `numbers in ${sections} sections, the draft has them in at least ${DRAFT_SHAPE.minSections}`;
  return undefined;
}
