/**
 * CWT snapshot JSON codec (draft §3.1 path A): decoding rejections carry a typed error and a
 * detail that says what is wrong (not UTF-8; not JSON, with the parser's reason; the schema
 * problem), and a tag of the wrong length never verifies.
 */
import { describe, expect, test } from 'vitest';
import { signSnapshot, verifySnapshot, type SnapshotBody } from '../model/snapshot.js';
import { decodeSnapshot } from '../src/lib/snapshot-decode.js';
import { testKey } from '../src/lib/test-keys.js';

const KEY = testKey('snapshot-codec-rejects');
const enc = (t: string) => new TextEncoder().encode(t);
const parseError = (t: string): string => {
  try {
    JSON.parse(t);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('parsed');
};

describe('decodeSnapshot rejections name what is wrong', () => {
  test.each([[new Uint8Array([0xff, 0xfe])], [new Uint8Array([0x7b, 0xc3])], [new Uint8Array([0xed, 0xa0, 0x80])]])(
    'invalid UTF-8 %s is not-utf8, detail says the bytes are not UTF-8',
    (bytes) => {
      const d = decodeSnapshot(bytes);
      expect(d).toEqual({ ok: false, error: 'not-utf8', detail: expect.stringMatching(/not UTF-8/) });
    },
  );

  test.each(['{"vantage_id":', '', 'nope', '{"a":1,}'])(
    'text %j is not-json, detail carries the parser reason',
    (text) => {
      const d = decodeSnapshot(enc(text));
      expect(d.ok ? 'ok' : d.error).toBe('not-json');
      if (d.ok) return;
      expect(d.detail).toMatch(/^not JSON/);
      expect(d.detail).toContain(parseError(text));
    },
  );

  test('a schema violation is schema, with a non-empty one-line detail', () => {
    const d = decodeSnapshot(
      enc('{"vantage_id":"v1","epoch_id":0,"counter":-1,"expires_at":0,"payload":"","tag":"00"}'),
    );
    expect(d.ok ? 'ok' : d.error).toBe('schema');
    if (!d.ok) expect(d.detail).toMatch(/\S/);
  });
});

describe('verifySnapshot', () => {
  const body: SnapshotBody = { vantage_id: 'v1', epoch_id: 3, counter: 5, expires_at: 1000, payload: 'p' };
  test.each([0, 2, 31, 33])('a tag of %i bytes never verifies (and does not throw)', (n) => {
    const d = decodeSnapshot(signSnapshot(body, KEY));
    if (!d.ok) throw new Error(d.detail);
    const tag = d.snapshot.tag.slice(0, 2 * Math.min(n, 32)) + '00'.repeat(Math.max(0, n - 32));
    expect(verifySnapshot({ ...d.snapshot, tag }, KEY)).toBe(false);
    expect(verifySnapshot(d.snapshot, KEY)).toBe(true);
  });
});
