/**
 * The errata (spec/errata.json, issue 18 Deliver 3 and 6): one erratum per root cause, each finding of the draft the
 * symptom of exactly one, every symptom an audited finding, every anchor standing in its lines; derived statements
 * go to the consequences; `perfsec audit --json` is valid against schemas/audit-v1.schema.json. Each broken mapping
 * is caught with a message naming the erratum or claim.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { draftLines } from '../src/audit/anchor.js';
import { sharedAudit } from './fixtures/audit.js';
import { currentCoverage } from '../src/audit/current-coverage.js';
import { draftTextFile } from '../src/audit/draft-text.js';
import type { AuditEntry } from '../src/audit/entry.js';
import { anchorProblems, bySeverity, errataView, mappingProblems } from '../src/audit/errata-checks.js';
import {
  DERIVED_UNTIL_ANCHORS,
  ERRATA_JSON,
  loadErrataData,
  loadOrigins,
  originOf,
  type ErrataData,
  type ErrataFile,
  type Erratum,
} from '../src/audit/errata-data.js';
import { errataMarkdown } from '../src/audit/errata.js';
import { isFinding } from '../src/lib/claim-verdict.js';
import { parseValidated } from '../src/lib/json-file.js';
import { projectPath } from '../src/lib/paths.js';
import { problems } from '../src/lib/schemas.js';
import { perfsec } from './cli-harness.js';

// Computed inside the first test that needs it (coverage per test sees the work).
const audit = sharedAudit;
const data = loadErrataData();
const draft = draftTextFile();

/** A minimal audited claim. */
const entry = (id: string, verdict: AuditEntry['verdict'], origin?: AuditEntry['origin']): AuditEntry => ({
  id,
  section: '§4.4',
  kind: 'number',
  paraphrase: `claim ${id}`,
  draft: '1',
  verdict,
  ...(origin ? { origin } : {}),
});
const erratum = (id: string, symptoms: string[], over: Partial<Erratum> = {}): Erratum => ({
  id,
  title: `erratum ${id} of the test`,
  anchor: { section: '§4.4', lines: [593, 593], words: ['5.46'] },
  type: 'editorial',
  severity: 3,
  says: '5.46',
  shouldSay: '5.47',
  notes: 'the test evidence',
  symptoms,
  ...over,
});
const withErrata = (errata: Erratum[], more: Partial<ErrataFile> = {}): ErrataData => ({
  file: { ...data.file, errata, consequences: [], holdsUnder: [], ...more },
  origins: new Map(),
});

describe('spec/errata.json against the real audit', () => {
  test('the mapping is consistent: every finding of the draft is the symptom of exactly one erratum', () => {
    expect(mappingProblems(audit().entries, data)).toEqual([]);
  });

  test.runIf(draft !== undefined)("every erratum's words stand in its lines of the draft text", () => {
    expect(anchorProblems(data, draftLines(readFileSync(draft!, 'utf8')))).toEqual([]);
  });
  test.skipIf(draft !== undefined)('anchors NOT checked: the draft text is not available (../shared/spec)', () => {});

  test('every derived finding is a consequence to consider, and none is a symptom', () => {
    const view = errataView(audit().entries, data);
    const symptoms = new Set(view.errata.flatMap((v) => v.symptoms.map((s) => s.id)));
    for (const { entry: e } of view.consequences) {
      expect(originOf(e, data.origins), e.id).toBe('derived');
      expect(isFinding(e.verdict), e.id).toBe(true);
      expect(symptoms.has(e.id), e.id).toBe(false);
    }
    expect(view.unassigned.map((e) => e.id)).toEqual([]);
  });

  test('ERRATA.md lists the errata by severity and counts errata and symptoms apart', () => {
    const md = errataMarkdown(audit(), currentCoverage(), data);
    const order = [...md.matchAll(/^### (E-\d+):/gm)].map((m) => m[1]!);
    const severity = new Map(data.file.errata.map((e) => [e.id, e.severity]));
    expect(order.map((id) => severity.get(id))).toEqual([...order.map((id) => severity.get(id)!)].sort());
    expect(md).toMatch(new RegExp(`\\*\\*Errata:\\*\\* ${data.file.errata.length} \\(`));
    expect(md).toMatch(/\*\*Symptoms:\*\* \d+ audited claims show them/);
  });
});

describe('a broken errata file is caught, with a message naming what to change', () => {
  const entries = [
    entry('A', 'refuted'),
    entry('B', 'holds under'),
    entry('C', 'holds'),
    entry('D', 'refuted', 'derived'),
  ];

  test('a consistent mapping has no problem (the checks can pass)', () => {
    expect(mappingProblems(entries, withErrata([erratum('E-01', ['A', 'B'])]))).toEqual([]);
  });

  test('a symptom listed by two errata', () => {
    const p = mappingProblems(entries, withErrata([erratum('E-01', ['A', 'B']), erratum('E-02', ['A'])]));
    expect(p).toEqual(['A is a symptom of E-01 and E-02: a finding belongs to exactly one erratum']);
  });

  test('a symptom listed twice by one erratum', () => {
    expect(mappingProblems(entries, withErrata([erratum('E-01', ['A', 'B', 'A'])]))).toEqual(['E-01 lists A twice']);
  });

  test('a finding left out', () => {
    expect(mappingProblems(entries, withErrata([erratum('E-01', ['A'])]))).toEqual([
      "finding B (§4.4, 'holds under') is the symptom of no erratum: add it to the erratum of its root cause in " +
        'spec/errata.json',
    ]);
  });

  test('the real mapping with one symptom dropped names exactly that finding', () => {
    const [first, ...rest] = data.file.errata;
    const dropped = first!.symptoms[0]!;
    const e = audit().entries.find((x) => x.id === dropped)!;
    const broken = {
      ...data,
      file: { ...data.file, errata: [{ ...first!, symptoms: first!.symptoms.slice(1) }, ...rest] },
    };
    expect(mappingProblems(audit().entries, broken)).toEqual([
      `finding ${dropped} (${e.section}, '${e.verdict}') is the symptom of no erratum: ` +
        'add it to the erratum of its root cause in spec/errata.json',
    ]);
  });

  test('a stale erratum (its symptoms all hold) and a symptom that holds', () => {
    const p = mappingProblems(entries, withErrata([erratum('E-01', ['A', 'B']), erratum('E-02', ['C'])]));
    expect(p).toEqual([
      "E-02 is stale: none of its symptoms is a finding any more (C 'holds'); remove it or list the claims that " +
        'show it now',
    ]);
    expect(mappingProblems(entries, withErrata([erratum('E-01', ['A', 'B', 'C'])]))).toEqual([
      "E-01 lists C, whose verdict is 'holds': not a finding, remove it from the symptoms",
    ]);
  });

  test('a symptom the audit does not report, a derived statement listed as a symptom, an id used twice', () => {
    const p = mappingProblems(entries, withErrata([erratum('E-01', ['A', 'B', 'GONE']), erratum('E-01', ['D'])]));
    expect(p).toEqual([
      'erratum id E-01 is used twice',
      'E-01 lists GONE, which the audit does not report (a renamed or removed claim?)',
      'E-01 lists D, a derived statement: its refutation is a consequence to consider, not a symptom',
    ]);
  });

  test('notes on readings and consequences that no longer describe their claim', () => {
    const derivedFrom = { section: '§7', lines: [759, 760] as const, words: ['detects the inconsistency'] };
    const p = mappingProblems(
      [...entries, entry('H', 'holds', 'derived')],
      withErrata([erratum('E-01', ['A'])], {
        holdsUnder: [
          { claim: 'B', note: 'a harmless reading' },
          { claim: 'A', note: 'not a reading: refuted' },
        ],
        consequences: [
          { claim: 'D', derivedFrom, note: 'a derived statement, refuted' },
          { claim: 'A', derivedFrom, note: 'the draft says A itself' },
          { claim: 'H', derivedFrom, note: 'H holds now' },
          { claim: 'GONE', derivedFrom, note: 'no such claim' },
        ],
      }),
    );
    expect(p).toEqual([
      "holdsUnder lists A, whose verdict is 'refuted', not 'holds under'",
      "consequence note on A, which is the draft's own statement, not a derived one",
      "consequence note on H is stale: its verdict is 'holds'",
      'consequence note on GONE, which the audit does not report',
    ]);
  });

  test.runIf(draft !== undefined)('an anchor word out of its lines', () => {
    const lines = draftLines(readFileSync(draft!, 'utf8'));
    const moved = erratum('E-01', ['A'], { anchor: { section: '§4.4', lines: [592, 592], words: ['5.46'] } });
    expect(anchorProblems(withErrata([moved]), lines)).toEqual(['E-01 anchor (§4.4): not in lines 592-592: "5.46"']);
    const also = erratum('E-01', ['A'], { also: [{ section: '§9', lines: [2000, 2001], words: ['x'] }] });
    expect(anchorProblems(withErrata([also]), lines)).toEqual([
      `E-01 also[0] (§9): line range 2000-2001 is not within the draft's ${lines.length} lines`,
    ]);
  });

  test('the schema refuses an erratum without corrected text, or with a severity of 4', () => {
    const doc = JSON.parse(readFileSync(ERRATA_JSON, 'utf8')) as { errata: Array<Record<string, unknown>> };
    delete doc.errata[0]!.shouldSay;
    expect(() => parseValidated(JSON.stringify(doc), 'errata-v1', 'errata')).toThrow(
      /missing field 'errata\/0\/shouldSay'/,
    );
    doc.errata[0]!.shouldSay = 'x';
    doc.errata[0]!.severity = 4;
    expect(problems('errata-v1', doc).join('; ')).toMatch(/severity' must be one of 1, 2, 3/);
  });
});

describe('origins: the draft says it, or the project derives it', () => {
  test('read from spec/anchors.json (schema-checked); none while the file is absent', () => {
    const origins = loadOrigins()!;
    expect(origins.get('T-COMP-SPLIT.no-split')).toBe('derived');
    expect(origins.get('VDOS-4.4-baseline')).toBe('draft');
    expect(loadOrigins(projectPath('spec', 'no-such-anchors.json'))).toBeUndefined();
  });

  test("the entry's own origin first, then the anchors file; the interim list only while that file is absent", () => {
    const id = DERIVED_UNTIL_ANCHORS[0]!;
    expect(originOf({ id })).toBe('derived');
    expect(originOf({ id }, new Map())).toBe('draft');
    expect(originOf({ id, origin: 'draft' })).toBe('draft');
    expect(originOf({ id: 'Q' }, new Map([['Q', 'derived']]))).toBe('derived');
  });

  test('a derived finding goes to the consequences, not to the findings left unassigned', () => {
    const view = errataView([entry('D', 'refuted', 'derived'), entry('A', 'refuted')], withErrata([]));
    expect(view.consequences.map((c) => c.entry.id)).toEqual(['D']);
    expect(view.unassigned.map((e) => e.id)).toEqual(['A']);
    const md = errataMarkdown(
      { seed: 1, runs: 1, entries: [entry('A', 'refuted')], counts: audit().counts },
      currentCoverage(),
      withErrata([]),
    );
    expect(md).toMatch(/## Findings not yet assigned to an erratum \(1\)\n[^]*`A` \(§4\.4, refuted\)/);
  });
});

describe('perfsec audit --json', () => {
  test('prints one document valid against schemas/audit-v1.schema.json, with errata and symptoms', async () => {
    const r = await perfsec('audit', '--json', '--runs', '3');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      errata: Array<{ id: string; symptoms: Array<{ id: string; verdict?: string }> }>;
      errata_counts: { total: number };
      consequences: Array<{ id: string }>;
    };
    expect(problems('audit-v1', doc)).toEqual([]);
    expect(doc.errata.map((e) => e.id)).toEqual(bySeverity(data.file.errata).map((e) => e.id));
    expect(doc.errata_counts.total).toBe(data.file.errata.length);
    expect(doc.errata.every((e) => e.symptoms.every((s) => s.verdict !== undefined))).toBe(true);
    // the schema can fail: a document without its errata is refused
    const { errata: _, ...without } = doc;
    expect(problems('audit-v1', without)).toContain("missing field 'errata'");
  });
});
