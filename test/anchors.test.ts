/**
 * Anchors and fidelity (issue 18, Deliver 2): every audited claim (the printed numbers of spec/claims/, the
 * statements the properties declare as the draft's, the sentences with several readings) has exactly one anchor in
 * spec/anchors.json, in its own section; whenever the draft text is available, each anchor's words (and each derived
 * claim's source sentence) stand in its lines, inside the section it names. A derived claim names the sentence it
 * derives from and what it adds.
 */
import { describe, expect, test } from 'vitest';
import { draftLines } from '../src/audit/anchor.js';
import {
  ANCHORS_FILE,
  anchorOf,
  anchorProblems,
  lineCount,
  loadAnchors,
  originOf,
  sectionAt,
  sectionProblems,
  type AnchorEntry,
} from '../src/audit/anchors.js';
import { draftTextFile } from '../src/audit/draft-text.js';
import { loadAllClaims } from '../src/audit/registry.js';
import { STATEMENT_READINGS } from '../src/audit/statement-readings.js';
import { isDraftStatement } from '../src/audit/statements.js';
import { readJson } from '../src/lib/json-file.js';
import { readInputText } from '../src/lib/read-file.js';
import { problems } from '../src/lib/schemas.js';
import { allClaims } from '../src/registry/theorems.js';

/** A statement's section, as the audit reads it from the title ("§4.3 claim: ...", "§3.1-§3.2 claim: ..."). */
const titleSection = (title: string): string => /^(§\d+(?:\.\d+)*)/.exec(title)?.[1] ?? '—';

/** Every audited claim with the section it gives itself. */
const audited = [
  ...loadAllClaims().flatMap(({ file }) =>
    file.claims.map((c) => ({ id: c.id, kind: 'number', section: c.section }) as const),
  ),
  ...allClaims()
    .filter(({ claim }) => isDraftStatement(claim))
    .map(({ claim }) => ({ id: claim.id, kind: 'statement', section: titleSection(claim.title) }) as const),
  ...STATEMENT_READINGS.map((s) => ({ id: s.id, kind: 'sentence', section: s.section }) as const),
];

/**
 * The statements the project tests in a stronger or derived form than the text (reviewed one by one against the
 * draft; spec/anchors.json says what each adds). A change of origin must change this list too.
 */
const DERIVED = [
  'T-COMP-SPLIT.c2sp-one-body',
  'T-COMP-SPLIT.fcw-relabel',
  'T-COMP-SPLIT.no-split',
  'T-RC-1.A.proof-honest-stream',
  'T-RC-1.B.cross-epoch-rejected',
  'T-RC-1.B.forge-by-a',
  'T-VDOS-1.no-rl-linear',
  'T-VDOS-1.steady-honest',
];

/** Claims whose own section disagrees with where the draft says them: none found (report any, do not force). */
const KNOWN_SECTION_DISAGREEMENTS: Readonly<Record<string, string>> = {};

const draft = draftTextFile();
const draftText = draft === undefined ? undefined : draftLines(readInputText(draft));

const entries = () => loadAnchors().anchors;
const entry = (id: string): AnchorEntry => entries().find((e) => e.id === id)!;

describe('anchors: one per audited claim', () => {
  test('spec/anchors.json is schema-valid; the schema refuses a derived entry without its source', () => {
    expect(problems('anchors-v1', readJson(ANCHORS_FILE))).toEqual([]);
    const doc = (e: object) => ({ ...loadAnchors(), anchors: [e] });
    const base = { id: 'X', anchor: { section: '§7', lines: [1, 2], words: ['w'] } };
    expect(problems('anchors-v1', doc({ ...base, origin: 'derived' })).join('; ')).toMatch(/derivesFrom/);
    expect(problems('anchors-v1', doc({ ...base, origin: 'draft', overstates: 'more' })).join('; ')).toMatch(
      /overstates/,
    );
    expect(problems('anchors-v1', doc({ ...base, origin: 'draft' }))).toEqual([]);
    const longQuote = { ...base, origin: 'draft', anchor: { ...base.anchor, words: ['x'.repeat(65)] } };
    expect(problems('anchors-v1', doc(longQuote)).join('; ')).toMatch(/words\/0/);
  });

  test('every audited number, draft statement and sentence with readings has exactly one anchor, and no other', () => {
    const ids = entries().map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect([...ids].sort()).toEqual(audited.map((a) => a.id).sort());
    // a floor against an audit that silently loses a class (86 printed numbers, 35 statements on 2026-12-04)
    expect(audited.filter((a) => a.kind === 'number').length).toBeGreaterThanOrEqual(80);
    expect(audited.filter((a) => a.kind === 'statement').length).toBeGreaterThanOrEqual(30);
  });

  test("numbers are the draft's; a derived statement names the sentence it derives from and what it adds", () => {
    for (const a of audited.filter((x) => x.kind === 'number')) expect(originOf(a.id), a.id).toBe('draft');
    const derived = entries().filter((e) => e.origin === 'derived');
    expect(derived.map((e) => e.id).sort()).toEqual(DERIVED);
    for (const e of derived) {
      expect(e.derivesFrom?.sentence.length, e.id).toBeGreaterThan(0);
      expect(e.overstates, e.id).toMatch(/^[^\n]+$/);
    }
  });

  test("each anchor's section is the claim's own (the claims file's section, the statement title's §)", () => {
    const disagree = Object.fromEntries(
      audited.flatMap((a) => {
        const at = anchorOf(a.id)?.section;
        return at === a.section ? [] : [[a.id, `claim says ${a.section}, anchor ${at}`]];
      }),
    );
    expect(disagree).toEqual(KNOWN_SECTION_DISAGREEMENTS);
  });

  test('anchorOf and originOf read the entries; an unknown id has none', () => {
    expect(anchorOf('VDOS-4.4-16-with-rl')).toEqual({ section: '§4.4', lines: [591, 591], words: ['4.20'] });
    expect(originOf('T-COMP-SPLIT.no-split')).toBe('derived');
    expect(originOf('T-COMP-SPLIT.any-honest-detects')).toBe('draft');
    expect(anchorOf('T-NONE.nothing')).toBeUndefined();
    expect(originOf('T-NONE.nothing')).toBeUndefined();
  });
});

describe('anchors against a text', () => {
  // A small draft-like text: the checks must be able to fail whether or not the real draft is at hand.
  const text = draftLines(
    ['Abstract', '   alpha beta', '1.  Intro', '   gamma', '   delta 4.20', 'Appendix A.  Example', '   4.20'].join(
      '\n',
    ),
  );
  const at = (lines: [number, number], words: string[], section = '§1'): AnchorEntry => ({
    id: 'T',
    anchor: { section, lines, words },
    origin: 'draft',
  });

  test('a word outside its range, a range past the end, and an anchor in another section are caught', () => {
    expect(anchorProblems(text, [at([4, 5], ['delta 4.20'])])).toEqual([]);
    expect(anchorProblems(text, [at([4, 4], ['delta 4.20'])])[0]?.problem).toMatch(/not in lines 4-4: "delta 4.20"/);
    expect(anchorProblems(text, [at([6, 9], ['4.20'])])[0]?.problem).toMatch(/not within/);
    expect(sectionProblems(text, [at([4, 5], ['gamma'])])).toEqual([]);
    expect(sectionProblems(text, [at([5, 7], ['4.20'])])[0]?.problem).toMatch(/§1 and App\. A/);
    expect([1, 2, 3, 6, 7].map((n) => sectionAt(text, n))).toEqual(['Abstract', 'Abstract', '§1', 'App. A', 'App. A']);
  });

  test("a derived entry's source sentence is checked too", () => {
    const derived: AnchorEntry = {
      ...at([4, 4], ['gamma']),
      origin: 'derived',
      derivesFrom: { lines: [4, 4], words: ['delta'], sentence: 'delta' },
      overstates: 'more',
    };
    expect(anchorProblems(text, [derived])).toEqual([
      { id: 'T', where: 'derivesFrom', problem: 'not in lines 4-4: "delta"' },
    ]);
  });
});

describe.runIf(draftText !== undefined)('anchors against the draft text', () => {
  const lines = draftText!;

  test('the text is the one the anchors were taken from (its line count)', () => {
    expect(lineCount(lines)).toBe(loadAnchors().draft.lines);
  });

  test("every anchor's words, and every derived claim's source words, stand in their lines", () => {
    expect(anchorProblems(lines)).toEqual([]);
  });

  test('every anchor lies inside the section it names', () => {
    expect(sectionProblems(lines)).toEqual([]);
  });

  test('a deliberately wrong anchor (the 4.20 of the flood-16 row moved to the flood-64 row) is caught', () => {
    const e = entry('VDOS-4.4-16-with-rl');
    const moved: AnchorEntry = { ...e, anchor: { ...e.anchor, lines: [592, 592] } };
    expect(anchorProblems(lines, [moved])).toEqual([
      { id: 'VDOS-4.4-16-with-rl', where: 'anchor', problem: 'not in lines 592-592: "4.20"' },
    ]);
    const d = entry('T-COMP-SPLIT.no-split');
    const source = { ...d, derivesFrom: { ...d.derivesFrom!, lines: [734, 751] as const } };
    expect(anchorProblems(lines, [source]).map((p) => p.where)).toEqual(['derivesFrom']);
    const elsewhere: AnchorEntry = { ...e, anchor: { ...e.anchor, section: '§4.3' } };
    expect(sectionProblems(lines, [elsewhere])[0]?.problem).toMatch(/in §4\.4, not §4\.3/);
  });
});

test.runIf(draftText === undefined)(
  'draft text not found (PERFSEC_DRAFT or ../shared/spec/): anchors checked as data only, not against the text',
  () => {
    console.warn('anchors: the draft text is not available; words and sections were not checked against it');
  },
);
