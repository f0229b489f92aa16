/**
 * C2SP tlog-checkpoint bodies and the draft §7 dual-mode extension line (model/checkpoint.ts):
 * each malformed body or extra field is refused with its own reason, the uint64 and hash-length
 * boundaries sit exactly where the formats put them, and the §7 line is found among other
 * extension lines only when there is exactly one.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import {
  dualModeOf,
  formatCheckpoint,
  formatDualMode,
  parseCheckpoint,
  parseDualMode,
  type Checkpoint,
} from '../model/checkpoint.js';

const reasonOf = (r: { ok: boolean; reason?: string }) => (r.ok ? 'ok' : r.reason);
const HASH = 'YmFuYW5hcw=='; // 'bananas', 7 bytes: transparency-dev/formats checkpoint_test.go
const U64_MAX = 2n ** 64n - 1n;

describe('checkpoint bodies (c2sp.org/tlog-checkpoint)', () => {
  test.each<[string, string, number | undefined, string]>([
    ['a body without its final newline', `Log\n123\n${HASH}`, undefined, 'checkpoint: body must end in a newline'],
    ['two lines', 'Head\n9944\n', undefined, 'checkpoint: fewer than three lines'],
    ['an empty origin', `\n9944\n${HASH}\n`, undefined, 'checkpoint: empty origin'],
    [
      'a negative size',
      `Log\n-34\n${HASH}\n`,
      undefined,
      'checkpoint: size is not an ASCII decimal without leading zeros',
    ],
    [
      'a size with a leading zero',
      `Log\n0123\n${HASH}\n`,
      undefined,
      'checkpoint: size is not an ASCII decimal without leading zeros',
    ],
    [
      'a size with a trailing non-digit',
      `Log\n12x\n${HASH}\n`,
      undefined,
      'checkpoint: size is not an ASCII decimal without leading zeros',
    ],
    [
      'a size with a plus sign',
      `Log\n+12\n${HASH}\n`,
      undefined,
      'checkpoint: size is not an ASCII decimal without leading zeros',
    ],
    ['an empty size', `Log\n\n${HASH}\n`, undefined, 'checkpoint: size is not an ASCII decimal without leading zeros'],
    ['size 2^64', `Log\n${U64_MAX + 1n}\n${HASH}\n`, undefined, 'checkpoint: size overflows uint64'],
    ['a root hash that is not base64', "Log\n123\nThisIsn'tBase64\n", undefined, 'checkpoint: root hash is not base64'],
    ['an empty root hash', 'Log\n123\n\n', undefined, 'checkpoint: root hash is not base64'],
    ['a 7-byte root hash where the log uses 32', `Log\n123\n${HASH}\n`, 32, 'checkpoint: root hash is 7 bytes, not 32'],
    ['an empty extension line', `Log\n123\n${HASH}\nsome data\n\n`, undefined, 'checkpoint: empty extension line'],
  ])('rejects %s with its reason', (_n, text, hashLen, reason) =>
    expect(reasonOf(parseCheckpoint(text, hashLen))).toBe(reason),
  );

  test.each([
    ['size 0', 0n],
    ['size 2^64 - 1, the largest uint64', U64_MAX],
    ['a size above 2^53', 2n ** 53n + 1n],
  ])('accepts %s, exactly', (_n, size) => {
    const r = parseCheckpoint(`Log\n${size}\n${HASH}\n`);
    expect(r.ok && r.value.size).toBe(size);
  });
  test('the hash length is enforced only when given, and a matching length is accepted', () => {
    expect(parseCheckpoint(`Log\n123\n${HASH}\n`, 7)).toEqual({
      ok: true,
      value: { origin: 'Log', size: 123n, rootHash: new Uint8Array(Buffer.from('bananas')), extensions: [] },
    });
    expect(parseCheckpoint(`Log\n123\n${HASH}\n`).ok).toBe(true);
  });
  test('extension lines are kept in order', () => {
    const r = parseCheckpoint(`Log\n123\n${HASH}\nfirst\nsecond\n`);
    expect(r.ok && r.value.extensions).toEqual(['first', 'second']);
  });
  fcTest.prop([
    fc.stringMatching(/^[a-z./0-9-]{1,30}$/),
    fc.bigInt({ min: 0n, max: U64_MAX }),
    fc.uint8Array({ minLength: 1, maxLength: 48 }),
    fc.array(fc.stringMatching(/^[ -~]{1,20}$/), { maxLength: 3 }),
  ])('format / parse round trip of any checkpoint', (origin, size, rootHash, extensions) => {
    const c: Checkpoint = { origin, size, rootHash, extensions };
    expect(parseCheckpoint(formatCheckpoint(c))).toEqual({ ok: true, value: c });
  });
});

const ID = '6f1c2a9e-3b7d-4c55-9a10-2e8f4b6d7c01';
const LINE = `bundle_id=${ID};bundle_seq=3;d_minimax=1.5;d_max=2.25`;

describe('the draft §7 extra field bundle_id=…;bundle_seq=…;d_minimax=…;d_max=…', () => {
  test('parses the four values', () => {
    expect(parseDualMode(LINE)).toEqual({
      ok: true,
      value: { bundleId: ID, bundleSeq: 3n, dMinimax: 1.5, dMax: 2.25 },
    });
  });
  test.each([
    ['text before bundle_id', `x${LINE}`, 'extra field: expected bundle_id=…;bundle_seq=…;d_minimax=…;d_max=…'],
    [
      'a fifth key after d_max',
      `${LINE};extra=1`,
      'extra field: expected bundle_id=…;bundle_seq=…;d_minimax=…;d_max=…',
    ],
    [
      'the keys out of order',
      `bundle_seq=3;bundle_id=${ID};d_minimax=1.5;d_max=2.25`,
      'extra field: expected bundle_id=…;bundle_seq=…;d_minimax=…;d_max=…',
    ],
    ['an upper-case UUID', LINE.replace(ID, ID.toUpperCase()), 'extra field: bundle_id is not a lowercase UUID'],
    [
      'a UUID without dashes',
      LINE.replace(ID, ID.replaceAll('-', '')),
      'extra field: bundle_id is not a lowercase UUID',
    ],
    ['text before the UUID', LINE.replace(ID, `0${ID}`), 'extra field: bundle_id is not a lowercase UUID'],
    ['text after the UUID', LINE.replace(ID, `${ID}0`), 'extra field: bundle_id is not a lowercase UUID'],
    [
      'a bundle_seq with a leading zero',
      LINE.replace('bundle_seq=3', 'bundle_seq=03'),
      'extra field: bundle_seq is not a uint64',
    ],
    ['a negative bundle_seq', LINE.replace('bundle_seq=3', 'bundle_seq=-3'), 'extra field: bundle_seq is not a uint64'],
    [
      'bundle_seq 2^64',
      LINE.replace('bundle_seq=3', `bundle_seq=${U64_MAX + 1n}`),
      'extra field: bundle_seq is not a uint64',
    ],
    [
      'a d_minimax that is not a number',
      LINE.replace('d_minimax=1.5', 'd_minimax=abc'),
      'extra field: d_minimax / d_max is not a decimal float',
    ],
    [
      'a d_max that is not a number',
      LINE.replace('d_max=2.25', 'd_max=abc'),
      'extra field: d_minimax / d_max is not a decimal float',
    ],
    [
      'a d_minimax without its integer part',
      LINE.replace('d_minimax=1.5', 'd_minimax=.5'),
      'extra field: d_minimax / d_max is not a decimal float',
    ],
    ['d_max = NaN', LINE.replace('d_max=2.25', 'd_max=NaN'), 'extra field: d_minimax / d_max is not a decimal float'],
    [
      'a d_minimax with text after the number',
      LINE.replace('d_minimax=1.5', 'd_minimax=1.5x'),
      'extra field: d_minimax / d_max is not a decimal float',
    ],
    [
      'a d_max with text after the exponent',
      LINE.replace('d_max=2.25', 'd_max=2e5e'),
      'extra field: d_minimax / d_max is not a decimal float',
    ],
    [
      'a d_minimax that overflows to infinity',
      LINE.replace('d_minimax=1.5', 'd_minimax=1e400'),
      'extra field: d_minimax / d_max is not finite',
    ],
    [
      'a d_max that overflows to -infinity',
      LINE.replace('d_max=2.25', 'd_max=-1e400'),
      'extra field: d_minimax / d_max is not finite',
    ],
  ])('rejects %s with its reason', (_n, line, reason) => expect(reasonOf(parseDualMode(line))).toBe(reason));
  test('bundle_seq 2^64 - 1 and exponent floats are accepted', () => {
    const r = parseDualMode(`bundle_id=${ID};bundle_seq=${U64_MAX};d_minimax=-1.5e-3;d_max=2E+2`);
    expect(r).toEqual({ ok: true, value: { bundleId: ID, bundleSeq: U64_MAX, dMinimax: -0.0015, dMax: 200 } });
  });
  test('formatDualMode writes the four keys in order', () => {
    expect(formatDualMode({ bundleId: ID, bundleSeq: 3n, dMinimax: 1.5, dMax: 2.25 })).toBe(LINE);
  });
});

describe("the §7 line among a checkpoint's extension lines", () => {
  const cp = (extensions: string[]): Checkpoint => ({
    origin: 'Log',
    size: 1n,
    rootHash: new Uint8Array(32),
    extensions,
  });
  test('found among other extension lines', () => {
    expect(dualModeOf(cp(['other data', LINE, 'more=1']))).toEqual(parseDualMode(LINE));
  });
  test.each([
    ['no §7 line', [] as string[], 'checkpoint: 0 dual-mode extension lines, expected exactly one'],
    ['only other lines', ['other data'], 'checkpoint: 0 dual-mode extension lines, expected exactly one'],
    [
      'two §7 lines',
      [LINE, LINE.replace('bundle_seq=3', 'bundle_seq=4')],
      'checkpoint: 2 dual-mode extension lines, expected exactly one',
    ],
  ])('rejects %s', (_n, extensions, reason) => expect(reasonOf(dualModeOf(cp(extensions)))).toBe(reason));
  test("a malformed §7 line is rejected with the field's reason", () => {
    expect(reasonOf(dualModeOf(cp([`${LINE};x`])))).toBe(
      'extra field: expected bundle_id=…;bundle_seq=…;d_minimax=…;d_max=…',
    );
  });
});
