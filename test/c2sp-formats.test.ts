/**
 * C2SP signed notes, checkpoints and cosignature/v1 (draft §7 carries its checkpoints in them):
 * every public vector through the project's code, our own signatures verifying, the parsing
 * rules, and round trips.
 */
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dualModeOf, formatCheckpoint, formatDualMode, parseCheckpoint, parseDualMode } from '../model/checkpoint.js';
import { minimalSplit, play, type Attack } from '../model/collector.js';
import { consume, cosignedView } from '../model/consumer.js';
import { cosign, cosignatureMessageOf, cosignerOf } from '../model/cosignature.js';
import { consistencyProof, leafHash, treeHead, verifyConsistency } from '../model/merkle.js';
import {
  formatNote,
  MAX_SIGNATURES,
  openNote,
  parseNote,
  parseVerifierKey,
  signText,
  verifierOf,
} from '../model/note.js';
import { readJson } from '../src/lib/json-file.js';
import { projectPath } from '../src/lib/paths.js';
import { convertPublic, PUBLIC_VECTORS } from '../src/vectors/c2sp-public.js';
import { loadVectors, verifyVectors } from '../src/vectors/index.js';

const committed = projectPath('spec', 'vectors', 'c2sp-public.json');

describe('public vectors (RFC 5869, RFC 4231, RFC 8032, C2SP)', () => {
  test('every committed public vector passes: keyed ones verify, negative ones are rejected', () => {
    const r = verifyVectors(committed);
    expect(r.results.filter((x) => !x.ok).map((x) => x.detail)).toEqual([]);
    expect(r.results.filter((x) => x.result === 'invalid').length).toBeGreaterThan(15);
  });
  test.runIf(existsSync(PUBLIC_VECTORS))(
    'spec/vectors/c2sp-public.json is the current conversion of shared/vectors/public-vectors.json',
    () => {
      const fresh = convertPublic(readJson(PUBLIC_VECTORS) as Record<string, unknown>);
      expect(JSON.parse(JSON.stringify(fresh.testGroups))).toEqual(loadVectors(committed).testGroups);
    },
  );
});

const seed = (n: number) => new Uint8Array(32).fill(n);
const log = { name: 'collector.example/mvps-bundles', seed: seed(1) };
const body = formatCheckpoint({
  origin: log.name,
  size: 3n,
  rootHash: treeHead([leafHash('a'), leafHash('b'), leafHash('c')]),
  extensions: [
    formatDualMode({ bundleId: '6f1c2a9e-3b7d-4c55-9a10-2e8f4b6d7c01', bundleSeq: 3n, dMinimax: 1.5, dMax: 2.25 }),
  ],
});

describe('signed notes (c2sp.org/signed-note)', () => {
  test('our Ed25519 note and cosignatures open with the matching verifiers', () => {
    const w1 = { name: 'witness.example/w1', seed: seed(2) };
    const w2 = { name: 'witness.example/w2', seed: seed(3) };
    const note = formatNote({
      text: body,
      signatures: [signText(body, log), cosign(body, w1, 1700000000n), cosign(body, w2, 1700000001n)],
    });
    const r = openNote(note, [verifierOf(log), cosignerOf(w1), cosignerOf(w2)], cosignatureMessageOf);
    expect(r.ok && r.value.verified.map((v) => v.name)).toEqual([log.name, w1.name, w2.name]);
  });
  test('a signature with a known name but another key ID is ignored, not verified', () => {
    const other = { name: log.name, seed: seed(9) };
    const note = formatNote({ text: body, signatures: [signText(body, other), signText(body, log)] });
    const r = openNote(note, [verifierOf(log)]);
    expect(r.ok && r.value.unknown).toBe(1);
  });
  test('a cosignature verified as a plain Ed25519 (type 0x01) signature fails: the key IDs differ', () => {
    const w = { name: 'witness.example/w1', seed: seed(2) };
    const note = formatNote({ text: body, signatures: [cosign(body, w, 1n)] });
    expect(openNote(note, [verifierOf(w)]).ok).toBe(false);
  });
  test(`limits: ${MAX_SIGNATURES} signatures accepted (the spec requires at least 16), one more rejected`, () => {
    const sig = signText(body, log);
    expect(parseNote(formatNote({ text: body, signatures: Array(MAX_SIGNATURES).fill(sig) })).ok).toBe(true);
    expect(parseNote(formatNote({ text: body, signatures: Array(MAX_SIGNATURES + 1).fill(sig) })).ok).toBe(false);
  });
  test.each([
    ['key name with +', `${body}\n\u2014 a+b AAAAAAA=\n`],
    ['signature shorter than key ID + 1 byte', `${body}\n\u2014 name AAAAAA==\n`],
    ['a tab in the text', `x\ty\n\n\u2014 name AAAAAAA=\n`],
    ['base64 with a bad character', `${body}\n\u2014 name AAAA*AA=\n`],
  ])('rejects %s', (_n, note) => expect(parseNote(note).ok).toBe(false));
});

describe('checkpoints and the §7 extra field', () => {
  test('format / parse round trip, extension lines kept', () =>
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z./0-9-]{1,30}$/),
        fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.array(fc.stringMatching(/^[ -~]{1,20}$/), { maxLength: 3 }),
        (origin, size, rootHash, extensions) => {
          const r = parseCheckpoint(formatCheckpoint({ origin, size, rootHash, extensions }), 32);
          return (
            r.ok &&
            r.value.origin === origin &&
            r.value.size === size &&
            r.value.extensions.join('\n') === extensions.join('\n')
          );
        },
      ),
      { seed: 7, numRuns: 100 },
    ));
  test('dual-mode round trip for finite values', () =>
    fc.assert(
      fc.property(
        fc.uuid({ version: 4 }),
        fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (bundleId, bundleSeq, a, b) => {
          const r = parseDualMode(formatDualMode({ bundleId, bundleSeq, dMinimax: a, dMax: b }));
          return (
            r.ok &&
            r.value.bundleSeq === bundleSeq &&
            Object.is(r.value.dMinimax, a === 0 ? 0 : a) &&
            r.value.dMax === b
          );
        },
      ),
      { seed: 7, numRuns: 100 },
    ));
  test('the extra field of the sample body', () => {
    const c = parseCheckpoint(body);
    expect(c.ok && dualModeOf(c.value).ok).toBe(true);
  });
});

describe('RFC 6962 consistency proofs', () => {
  test('a proof from every prefix of a 1..20-leaf tree verifies; a tampered one does not', () => {
    for (let n = 1; n <= 20; n++) {
      const leaves = Array.from({ length: n }, (_, i) => leafHash(`leaf ${i}`));
      for (let m = 1; m <= n; m++) {
        const p = consistencyProof(m, leaves);
        expect(verifyConsistency(m, n, treeHead(leaves.slice(0, m)), treeHead(leaves), p), `${m}->${n}`).toBe(true);
        if (p.length > 0)
          expect(
            verifyConsistency(m, n, treeHead(leaves.slice(0, m)), treeHead([...leaves.slice(0, -1), leafHash('x')]), p),
          ).toBe(false);
      }
    }
  });
});

describe('the §7 consumer (model/consumer.ts)', () => {
  const a: Attack = {
    w: 4,
    q: 2,
    c: 0,
    policy: 'first-cosign-wins',
    placement: 'extension',
    values: { A: [1, 2], B: [1, 3] },
    moves: minimalSplit(4, 2, 0),
  };
  const o = play(a);
  test('accepts a note with q verified cosignatures and returns its dual-mode values', () => {
    const r = consume(cosignedView(a, o, 'B'), a, 2);
    expect(r.ok && r.value.values.dMax).toBe(3);
  });
  test('rejects a note below quorum', () => expect(consume(cosignedView(a, o, 'A'), a, 3).ok).toBe(false));
  test("rejects view B carrying view A's cosignatures (they do not verify over it)", () => {
    const noteA = parseNote(cosignedView(a, o, 'A'));
    const noteB = parseNote(cosignedView(a, o, 'B'));
    if (!noteA.ok || !noteB.ok) throw new Error('parse');
    const forged = formatNote({
      text: noteB.value.text,
      signatures: [noteB.value.signatures[0]!, ...noteA.value.signatures.slice(1)],
    });
    expect(consume(forged, a, 2).ok).toBe(false);
  });
});

describe('decoders never throw: they return a typed error', () => {
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc
      .array(fc.constantFrom('a', ' ', '\n', '\u2014 ', '+', '=', 'AAAA', 'x08go/ZJ', '\t'), { maxLength: 40 })
      .map((p) => p.join('')),
  );
  test.each([
    ['parseNote', (s: string) => parseNote(s)],
    ['parseCheckpoint', (s: string) => parseCheckpoint(s)],
    ['parseDualMode', (s: string) => parseDualMode(s)],
    ['parseVerifierKey', (s: string) => parseVerifierKey(s)],
    ['openNote', (s: string) => openNote(s, [verifierOf(log)], cosignatureMessageOf)],
  ] as const)('%s on arbitrary text', (_n, decode) =>
    fc.assert(
      fc.property(text, (s) => typeof decode(s).ok === 'boolean'),
      { seed: 7, numRuns: 300 },
    ),
  );
});
