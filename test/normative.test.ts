/**
 * The normative class of the audit (issue 18, Deliver 4): every normative statement of the draft is recorded
 * (spec/normative.json) with an anchor that stands in the draft, a predicate that reads only the fields it declares,
 * and the exhaustive search runs over every statement and every pair, finding a deliberately contradictory pair and
 * reporting what it examined.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { ruleVerdict } from '../src/lib/claim-verdict.js';
import { problems } from '../src/lib/schemas.js';
import { readJson } from '../src/lib/json-file.js';
import { anchorProblem, draftLines } from '../src/audit/anchor.js';
import { draftTextFile } from '../src/audit/draft-text.js';
import {
  entryOf,
  join,
  loadNormative,
  NORMATIVE_FILE,
  normativeSummary,
  searchNormative,
  type NormativeFile,
  type NormativeSearch,
  type NormativeStatement,
} from '../src/audit/normative.js';
import { RULES, type RuleCode } from '../src/audit/normative-rules.js';
import { fieldsOf, searchOne, searchPair } from '../src/audit/normative-search.js';
import { BASE, DOMAINS, FIELDS, type Config, type Field } from '../src/audit/normative-space.js';

const draft = draftTextFile();
const lines = draft === undefined ? undefined : draftLines(readFileSync(draft, 'utf8'));
const file = loadNormative();

let search: NormativeSearch;
beforeAll(() => {
  search = searchNormative(file);
  console.log(normativeSummary(search)); // the model checker's report, once per run
});

describe('normative statements: the data', () => {
  test('spec/normative.json is schema-valid; the schema refuses a statement without a keyword', () => {
    expect(problems('normative-v1', readJson(NORMATIVE_FILE))).toEqual([]);
    const broken = { ...file, statements: [{ ...file.statements[0]!, keyword: undefined }, file.statements[1]] };
    expect(problems('normative-v1', JSON.parse(JSON.stringify(broken))).join('; ')).toMatch(/keyword/);
  });

  test('every statement has a predicate of the same strength and readings, and every predicate a statement', () => {
    expect(() => join(file)).not.toThrow();
    expect(Object.keys(RULES).sort()).toEqual(file.statements.map((s) => s.id).sort());
    const wrong = { ...file, statements: [{ ...file.statements[0]!, strength: 'may' as const }] };
    expect(() => join(wrong)).toThrow(/in data/);
  });

  test.skipIf(lines === undefined)('each anchor stands in its lines; a statement moved out of them is caught', () => {
    for (const s of file.statements) expect(anchorProblem(s.anchor, lines!), s.id).toBeUndefined();
    const moved = { ...file.statements[0]!.anchor, lines: [300, 310] as const };
    expect(anchorProblem(moved, lines!)).toMatch(/not in lines 300-310/);
  });

  test.skipIf(lines === undefined)(
    "every capitalised BCP 14 keyword of the draft stands in some statement's lines",
    () => {
      const keyword = /\b(MUST|REQUIRED|SHALL|SHOULD|RECOMMENDED|MAY|OPTIONAL)\b/;
      const boilerplate = (n: number) => n >= 202 && n <= 206; // §1.3's list of the key words
      const covered = (n: number) => file.statements.some((s) => s.anchor.lines[0] <= n && n <= s.anchor.lines[1]);
      const uncovered = lines!
        .map((l, i) => [i + 1, l] as const)
        .filter(([n, l]) => keyword.test(l) && !boilerplate(n) && !covered(n))
        .map(([n]) => n);
      expect(uncovered).toEqual([]);
    },
  );
});

describe('normative statements: the predicates', () => {
  /** A few configurations to vary fields over: the ordinary one and two others. */
  const bases: Config[] = [
    BASE,
    { ...BASE, adopts: false, kOpShared: false, derivation: 'legacy', rlf: 2, bf: 2, regime: 'D', flags: [] },
    { ...BASE, operated: 'cwt-only', joint: false, tTickMs: 2000, accel: 'kernel-bypass', riskAccepted: true },
  ];
  const verdicts = (code: RuleCode, c: Config) =>
    (code.readings ?? ['']).map((r) => [
      code.applies(c, r),
      code.ok?.(c, r),
      code.acts?.(c, r),
      code.presupposes?.(c, r),
    ]);

  test('each predicate reads only the fields it declares', () => {
    for (const [id, code] of Object.entries(RULES)) {
      const declared = fieldsOf({ id, code });
      for (const base of bases)
        for (const f of FIELDS.filter((x) => !declared.includes(x)))
          for (const v of DOMAINS[f] as readonly unknown[]) {
            const changed = { ...base, [f]: v } as Config;
            expect(verdicts(code, changed), `${id} reads ${f}`).toEqual(verdicts(code, base));
          }
    }
  });

  test('the check of undeclared reads can fail: a predicate reading a field it does not declare is caught', () => {
    const sneaky: RuleCode = {
      kind: 'must',
      when: [],
      what: ['rlf'],
      applies: () => true,
      ok: (c) => c.rlf <= 4 && c.bf > 2,
    };
    const declared = fieldsOf({ id: 'x', code: sneaky });
    const differs = (DOMAINS.bf as readonly number[]).some(
      (bf) => JSON.stringify(verdicts(sneaky, { ...BASE, bf } as Config)) !== JSON.stringify(verdicts(sneaky, BASE)),
    );
    expect(declared).not.toContain('bf');
    expect(differs).toBe(true);
  });
});

/** A statement of the test's own, at line 491 of the draft (any anchor would do for the search). */
const made = (id: string, strength: NormativeStatement['strength']): NormativeStatement => ({
  id,
  anchor: { section: '§4.2', lines: [491, 491], words: ['REQUIRED'] },
  keyword: strength === 'may' ? 'MAY' : 'MUST',
  bcp14: true,
  strength,
  binds: 'operator',
  paraphrase: id,
});
const need = (ok: (c: Config) => boolean, what: Field[] = ['rlf']): RuleCode => ({
  kind: 'must',
  when: ['adopts'],
  what,
  applies: (c) => c.adopts,
  ok,
});
const admitAll = () => true;

describe('normative statements: the search', () => {
  test('it runs over every statement and every pair of the draft', () => {
    expect(search.statements).toBe(file.statements.length);
    expect(search.pairs).toBe((search.statements * (search.statements - 1)) / 2);
    expect(search.pairsChecked).toBe(search.pairs);
    expect(search.states).toBeGreaterThan(search.pairs);
  });

  test('a deliberately contradictory pair is found, with its smallest witness; a consistent pair is not', () => {
    const atLeast6 = { id: 'NORM-x-at-least-6', code: need((c) => c.rlf >= 6) };
    const atMost4 = { id: 'NORM-x-at-most-4', code: need((c) => c.rlf <= 4) };
    const atMost8 = { id: 'NORM-x-at-most-8', code: need((c) => c.rlf <= 8) };
    const bad = searchPair(atLeast6, atMost4, admitAll);
    expect(bad.points.map((p) => p.verdict)).toEqual(['refuted']);
    expect(bad.points[0]!.how).toBe('requirements');
    expect(bad.points[0]!.witness!.adopts).toBe(true);
    expect(searchPair(atLeast6, atMost8, admitAll).points.map((p) => p.verdict)).toEqual(['holds']);
    // A permission naming a value a requirement forbids; and one it allows.
    const may2: RuleCode = {
      kind: 'may',
      when: ['adopts'],
      what: ['rlf'],
      applies: (c) => c.adopts,
      acts: (c) => c.rlf === 2,
    };
    expect(
      searchPair({ id: 'NORM-x-may-2', code: may2 }, { id: 'NORM-x-3', code: need((c) => c.rlf >= 3) }, admitAll)
        .points[0]!.verdict,
    ).toBe('refuted');
    expect(searchPair({ id: 'NORM-x-may-2', code: may2 }, atMost4, admitAll).points[0]!.verdict).toBe('holds');
  });

  test('readings that disagree give underspecified; a requirement no configuration meets is found alone', () => {
    // "at least 2" under one reading, "at least 6" under the other, against "at most 4".
    const twoWays: RuleCode = {
      ...need(() => true),
      readings: ['low', 'high'],
      ok: (c, r) => c.rlf >= (r === 'low' ? 2 : 6),
    };
    const pair = searchPair(
      { id: 'NORM-x-read', code: twoWays },
      { id: 'NORM-x-at-most-4', code: need((c) => c.rlf <= 4) },
      admitAll,
    );
    expect(
      ruleVerdict(
        pair.points.map((p) => p.verdict),
        { interop: true },
      ),
    ).toBe('underspecified');
    const never = searchOne({ id: 'NORM-x-never', code: need((c) => c.rlf > 8) });
    expect(never.points[0]!.how).toBe('unsatisfiable');
  });

  test("a contradictory statement added to the draft's table is found against the draft's own", () => {
    const planted: NormativeFile = { ...file, statements: [...file.statements, made('NORM-4.2-planted', 'must')] };
    const rules = { ...RULES, 'NORM-4.2-planted': need((c) => c.rlf >= 6) };
    const found = searchNormative(planted, rules).findings.map((f) => entryOf(f).id);
    expect(found).toContain('I-PS-1/4.2-planted'); // "at or stricter than" the default 4
    expect(found).toContain('NORM-4.2-rt-2-2/4.2-planted'); // the 2/2 permission
    expect(found).not.toContain('NORM-4.2-headroom/4.2-planted'); // a factor of 6 leaves headroom
  });
});

describe('normative statements: the entries', () => {
  test('each finding is an anchored normative entry of the draft, with the witness in its note', () => {
    const entries = search.findings.map(entryOf);
    for (const e of entries) {
      expect(e.kind).toBe('normative');
      expect(e.origin).toBe('draft');
      expect(['refuted', 'underspecified']).toContain(e.verdict);
      expect(e.note).toMatch(/^Examined \d+ configurations; smallest conflicting configuration: /);
      expect(e.choices!.outcomes.length).toBe(e.choices!.points);
      if (lines) expect(anchorProblem(e.anchor, lines), e.id).toBeUndefined();
    }
  });

  test('the findings, as pinned (a change of predicate or data shows here)', () => {
    const found = Object.fromEntries(search.findings.map((f) => [entryOf(f).id, f.verdict]));
    expect(found).toEqual({
      'NORM-10-consumer-verify': 'refuted',
      'NORM-6-bfd-30-superseded/2.1-no-relaxation': 'underspecified',
      'NORM-3.4-regime-d-accel/9-accel-required-d': 'underspecified',
      'NORM-4.2-may-tighten/4.2-headroom': 'refuted',
      'NORM-4.2-may-relax/I-PS-1': 'underspecified',
      'NORM-4.2-may-relax/9-consumer-default': 'underspecified',
      'NORM-4.2-long-tick-relax/4.2-rlf-min': 'underspecified',
      'NORM-4.2-rt-2-2/4.2-headroom': 'refuted',
      'NORM-4.2-long-tick-relax/4.2-headroom': 'underspecified',
      'NORM-4.2-headroom/I-PS-1': 'underspecified',
      'NORM-9-tighten-2-2/4.2-headroom': 'refuted',
      'NORM-4.2-long-tick-relax/I-PS-1': 'underspecified',
      'NORM-4.2-long-tick-relax/9-consumer-default': 'underspecified',
      'NORM-6-legacy-signal/8-conformance-flags': 'refuted',
      'NORM-8-cwt-only-may-ignore/8-consumer-reject': 'underspecified',
    });
  });
});
