/**
 * The cited-documents class of the audit (issue 18, Deliver 4): each document the draft cites is recorded
 * (spec/cited/*.json) with the rules its statements rely on; every statement of the draft about one of them is
 * anchored, decided by a computed check, and gets its verdict from the verdict rule. Whenever the documents' texts are
 * at hand (PERFSEC_CITED_DOCS, a folder of the files the data names), each rule's words are checked in them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLAIM_VERDICTS } from '../src/lib/claim-verdict.js';
import { readJson } from '../src/lib/json-file.js';
import { problems } from '../src/lib/schemas.js';
import { anchorProblem, draftLines } from '../src/audit/anchor.js';
import { CHECKS } from '../src/audit/cited-checks.js';
import { CITED_DIR, citedEntries, citedEntry, citedProblems, loadCited, type CitedFile } from '../src/audit/cited.js';
import { draftTextFile } from '../src/audit/draft-text.js';

const draft = draftTextFile();
const lines = draft === undefined ? undefined : draftLines(readFileSync(draft, 'utf8'));
const files = loadCited();
const statements = files.flatMap((f) => f.statements);
const docsDir = process.env.PERFSEC_CITED_DOCS;

describe('cited documents: the data', () => {
  test('one schema-valid file per cited document, each obtained', () => {
    expect(files.map((f) => f.document.id).sort()).toEqual([
      'c2sp-signed-note',
      'c2sp-tlog-checkpoint',
      'c2sp-tlog-cosignature',
      'c2sp-tlog-witness',
      'rfc2104',
      'rfc5869',
      'rfc5880',
    ]);
    for (const f of files) {
      expect(problems('cited-v1', readJson(path.join(CITED_DIR, `${f.document.id}.json`)))).toEqual([]);
      expect(f.document.obtained, f.document.id).toBe(true);
    }
    const noCheck = { ...files[0]!, statements: [{ ...files[0]!.statements[0]!, check: undefined }] };
    expect(problems('cited-v1', JSON.parse(JSON.stringify(noCheck))).join('; ')).toMatch(/check/);
  });

  test('every statement relies on recorded rules and names a check; a dangling reference is caught', () => {
    expect(citedProblems(files)).toEqual([]);
    const f = files[0]!;
    const dangling: CitedFile = { ...f, statements: [{ ...f.statements[0]!, rules: ['NO-SUCH-RULE'], check: 'nope' }] };
    expect(citedProblems([dangling])).toEqual([
      `${f.statements[0]!.id} relies on unknown rule NO-SUCH-RULE`,
      `${f.statements[0]!.id} names unknown check nope`,
    ]);
    expect(Object.keys(CHECKS).sort()).toEqual([...new Set(statements.map((s) => s.check))].sort());
  });

  test.skipIf(lines === undefined)('each anchor stands in its lines; a statement moved out of them is caught', () => {
    for (const s of statements) expect(anchorProblem(s.anchor, lines!), s.id).toBeUndefined();
    expect(anchorProblem({ ...statements[0]!.anchor, lines: [100, 110] }, lines!)).toMatch(/not in lines 100-110/);
  });

  /** Lines that name a cited document's element but state nothing about a cited document, and why. */
  const NOT_ABOUT_A_CITED_DOCUMENT: Readonly<Record<number, string>> = {
    48: "the draft's own HKDF info-string",
    51: 'CWT §8.2 (not obtained)',
    93: 'CWT §14.1 (not obtained)',
    176: 'CWT §13',
    177: 'CWT §13',
    253: 'Coherence-BFD §12 (not obtained)',
    264: 'the insider holds the key: a threat, not a claim about a document',
    318: 'CWT T-SPLIT-1',
    320: 'CWT',
    382: 'the cost of Path C',
    646: 'Coherence-BFD §12',
    672: 'CWT §13',
    674: 'CWT §13',
    727: 'Coherence-BFD legacy key derivation',
    731: "the draft's validator",
    763: 'CWT T-SPLIT-1 formula',
    803: 'I-PS-2 restates §6',
    807: 'I-PS-3 restates §7 (CITED-tlogcheckpoint-extra-field)',
    850: 'CWT T-SPLIT-1 formula',
  };

  test.skipIf(lines === undefined)(
    'every line naming a cited document or its elements is a statement, or a listed exception',
    () => {
      const docs = 'RFC5880|RFC5869|RFC2104|C2SP|tlog|add-checkpoint|first-cosign';
      const names = new RegExp(`${docs}|Discriminator|HKDF|PRF|checkpoint|cosign|AuthHMAC`, 'i');
      const covered = (n: number) => statements.some((s) => s.anchor.lines[0] <= n && n <= s.anchor.lines[1]);
      const open = lines!
        .map((l, i) => [i + 1, l] as const)
        .filter(([n, l]) => names.test(l) && !covered(n) && !(n in NOT_ABOUT_A_CITED_DOCUMENT))
        .map(([n]) => n);
      expect(open).toEqual([]);
    },
  );
});

/** Squeezes whitespace, as anchors do. */
const squeeze = (s: string) => s.replace(/\s+/g, ' ');

/** What is wrong with FILE's rules against TEXT, the version VERSION of its document. */
function ruleProblems(file: CitedFile, version: string, text: string): string[] {
  const t = squeeze(text);
  return file.rules
    .filter((r) => !r.versions || r.versions.includes(version))
    .flatMap((r) => [
      ...r.words.filter((w) => !t.includes(squeeze(w))).map((w) => `${r.id}: "${w}" not in ${version}`),
      ...(r.absent ?? []).filter((w) => t.includes(w)).map((w) => `${r.id}: "${w}" is in ${version}`),
    ]);
}

describe('cited documents: the rules stand in the documents', () => {
  const available = files.flatMap((f) =>
    f.document.versions
      .filter((v) => docsDir !== undefined && existsSync(path.join(docsDir, v.file)))
      .map((v) => ({ f, v })),
  );
  if (available.length === 0)
    console.log("cited: PERFSEC_CITED_DOCS unset or empty: the rules' words were not checked against the documents");

  test.skipIf(available.length === 0)(
    "each rule's words stand in each version it names, and its absent words do not",
    () => {
      for (const { f, v } of available) {
        const text = readFileSync(path.join(docsDir!, v.file), 'utf8');
        if (v.sha256) expect(createHash('sha256').update(text).digest('hex'), v.file).toBe(v.sha256);
        expect(ruleProblems(f, v.name, text), v.file).toEqual([]);
      }
      const missing = files
        .flatMap((f) => f.document.versions.map((v) => v.file))
        .filter((n) => !existsSync(path.join(docsDir!, n)));
      if (missing.length > 0)
        console.log(`cited: not checked against their text (not in PERFSEC_CITED_DOCS): ${missing.join(', ')}`);
    },
  );

  test('the word check can fail: a rule misquoted, or a phrase the document does contain, is reported', () => {
    const f = files.find((x) => x.document.id === 'rfc2104')!;
    const text = 'HMAC is a mechanism for message authentication. The word PRF appears here.';
    expect(ruleProblems(f, 'RFC', text)).toContain('RFC2104-6-security: "PRF" is in RFC');
    expect(ruleProblems(f, 'RFC', text).some((p) => p.startsWith('RFC2104-1-mac: '))).toBe(true);
  });
});

describe('cited documents: the statements', () => {
  const entries = citedEntries(files);

  test('every statement is an anchored cited entry of the draft, decided by its check under each choice', () => {
    expect(entries.map((e) => e.id)).toEqual(statements.map((s) => s.id));
    for (const e of entries) {
      expect(e.kind).toBe('cited');
      expect(e.origin).toBe('draft');
      expect(CLAIM_VERDICTS).toContain(e.verdict);
      expect(e.choices!.points).toBe(e.choices!.outcomes.length);
      expect(e.note).toMatch(/Rules relied on: .*(§|\()/);
      if (e.verdict !== 'holds') expect(e.corrected ?? e.note).toBeTruthy();
    }
  });

  test('the verdicts, as pinned (a change of model, check or data shows here)', () => {
    expect(Object.fromEntries(entries.map((e) => [e.id, e.verdict]))).toEqual({
      'CITED-signednote-byte-mismatch': 'holds',
      'CITED-signednote-no-cross-validate': 'holds',
      'CITED-tlogcheckpoint-extra-field': 'underspecified',
      'CITED-tlogcheckpoint-extra-field-2': 'underspecified',
      'CITED-tlogcosignature-covers-extension': 'holds',
      'CITED-tlogcosignature-as-if-root': 'refuted',
      'CITED-tlogcosignature-over-root': 'holds',
      'CITED-tlogwitness-add-checkpoint': 'holds',
      'CITED-tlogwitness-append-only': 'underspecified',
      'CITED-tlogwitness-schema-check': 'refuted',
      'CITED-tlogwitness-first-cosign-wins': 'refuted',
      'CITED-tlogwitness-refuses-second': 'refuted',
      'CITED-tlogwitness-proof-policy': 'refuted',
      'CITED-tlogwitness-detection': 'refuted',
      'CITED-tlogwitness-auditor-query': 'underspecified',
      'CITED-RFC2104-hmac-prf': 'holds under',
      'CITED-RFC2104-key-length': 'holds',
      'CITED-RFC5869-derivation-shape': 'holds',
      'CITED-RFC5869-independence': 'holds',
      'CITED-RFC5869-independence-9': 'holds',
      'CITED-RFC5869-salt-convention': 'holds',
      'CITED-RFC5869-info-counter': 'underspecified',
      'CITED-RFC5880-discriminator-width': 'holds',
      'CITED-RFC5880-discriminator-stability': 'underspecified',
      'CITED-RFC5880-my-disc-mapping': 'underspecified',
      'CITED-RFC5880-no-epochs': 'holds',
      'CITED-RFC5880-authhmac-type': 'underspecified',
      'CITED-RFC5880-seq-memory': 'underspecified',
      'CITED-RFC5880-seq-memory-9': 'underspecified',
      'CITED-RFC5880-seq-circular': 'underspecified',
      'CITED-RFC5880-seq-per-session': 'underspecified',
      'CITED-RFC5880-never-resets-within': 'holds',
    });
  });

  test('the verdict follows the computation: the same statement against a witness that refuses is not refuted', () => {
    const f = files.find((x) => x.document.id === 'c2sp-tlog-witness')!;
    const s = f.statements.find((x) => x.id === 'CITED-tlogwitness-refuses-second')!;
    const refusing = {
      ...CHECKS,
      [s.check]: () => ({ ...CHECKS[s.check]!(), outcomes: [{ choice: 'x', value: '409', holds: true }] }),
    };
    expect(citedEntry(s, f, files).verdict).toBe('refuted');
    expect(citedEntry(s, f, files, refusing).verdict).toBe('holds');
  });

  test('a statement about a document whose text was not obtained is not decided, and says so', () => {
    const f = files.find((x) => x.document.id === 'rfc2104')!;
    const unread: CitedFile = { ...f, document: { ...f.document, obtained: false } };
    const e = citedEntry(unread.statements[0]!, unread, [unread]);
    expect(e.verdict).toBe('underspecified');
    expect(e.note).toMatch(/^Not decided: the text of RFC 2104.* was not obtained/);
    expect(e.choices).toBeUndefined();
  });
});
