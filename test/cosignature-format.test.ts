/**
 * C2SP cosignature/v1 (model/cosignature.ts), the witness signatures draft §7 counts towards its
 * quorum: the blob is key ID || u64 timestamp || Ed25519 signature (76 bytes), the timestamp is
 * at most 2^63 - 1, the signed message is "cosignature/v1\ntime <ts>\n" || body, and a cosignature
 * verifies only under the witness's own name, key ID and key, over the body it signed.
 */
import { describe, expect, test } from 'vitest';
import {
  cosign,
  cosignatureMessageOf,
  cosignatureTimestamp,
  cosignedMessage,
  cosignerOf,
  MAX_TIMESTAMP,
  verifyCosignature,
} from '../model/cosignature.js';
import { decodeBase64, keyIdOf, SIG_TYPE, type NoteSignature } from '../model/note.js';

const reasonOf = (r: { ok: boolean; reason?: string }) => (r.ok ? 'ok' : r.reason);
/** A 72-byte blob (after the key ID) carrying TIMESTAMP. */
const blobAt = (timestamp: bigint) => {
  const b = new Uint8Array(72);
  new DataView(b.buffer).setBigUint64(0, timestamp);
  return b;
};

describe('the cosignature/v1 blob and its timestamp (c2sp.org/tlog-cosignature)', () => {
  test.each([
    [
      'a plain Ed25519 note signature (64 bytes after the key ID)',
      64,
      'wrong type of signature: 68 bytes, a cosignature/v1 is 76',
    ],
    ['one byte too many', 73, 'wrong type of signature: 77 bytes, a cosignature/v1 is 76'],
    ['one byte too few', 71, 'wrong type of signature: 75 bytes, a cosignature/v1 is 76'],
    ['an empty signature', 0, 'wrong type of signature: 4 bytes, a cosignature/v1 is 76'],
  ])('rejects %s, counting the whole blob with its key ID', (_n, length, reason) =>
    expect(reasonOf(cosignatureTimestamp(new Uint8Array(length)))).toBe(reason),
  );

  // The bounds are written out, not derived from MAX_TIMESTAMP: the test pins the C2SP limit itself.
  test('the largest timestamp is 2^63 - 1 (tlog-cosignature)', () => expect(MAX_TIMESTAMP).toBe(9223372036854775807n));
  test.each([
    ['0', 0n],
    ['2^32 (big-endian, all 8 bytes read)', 2n ** 32n],
    ['2^63 - 1, the largest', 9223372036854775807n],
  ])('reads timestamp %s', (_n, t) => expect(cosignatureTimestamp(blobAt(t))).toEqual({ ok: true, value: t }));
  test.each([
    ['2^63', 9223372036854775808n],
    ['2^63 + 1', 9223372036854775809n],
    ['2^64 - 1', 2n ** 64n - 1n],
  ])('rejects timestamp %s', (_n, t) =>
    expect(reasonOf(cosignatureTimestamp(blobAt(t)))).toBe('cosignature timestamp exceeds 2^63 - 1'),
  );

  test('the spec example blob: key ID 8d66cf3f, timestamp 1679315147 (tlog-cosignature.md)', () => {
    const blob = decodeBase64(
      'jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==',
    )!;
    expect(new DataView(blob.buffer).getUint32(0)).toBe(0x8d66cf3f);
    expect(cosignatureTimestamp(blob.slice(4))).toEqual({ ok: true, value: 1679315147n });
  });
  test('the signed message (sigsum-go TestTreeHeadToCosignedData)', () => {
    const body =
      'sigsum.org/v1/tree/66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925\n' +
      '257\n' +
      'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n';
    expect(Buffer.from(cosignedMessage(72623859790382856n, body)).toString()).toBe(
      `cosignature/v1\ntime 72623859790382856\n${body}`,
    );
  });
  test('the message function gives the signed message of a well-formed blob, and none otherwise', () => {
    const sig: NoteSignature = { name: 'w', keyId: 0, sig: blobAt(1700000000n) };
    expect(cosignatureMessageOf(sig, 'body\n')).toEqual(cosignedMessage(1700000000n, 'body\n'));
    expect(cosignatureMessageOf({ ...sig, sig: new Uint8Array(64) }, 'body\n')).toBeUndefined();
    expect(cosignatureMessageOf({ ...sig, sig: blobAt(MAX_TIMESTAMP + 1n) }, 'body\n')).toBeUndefined();
  });
});

describe('signing and verifying cosignatures', () => {
  const w = { name: 'witness.example/w1', seed: new Uint8Array(32).fill(3) };
  const body = 'log.example\n7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n';
  const c = cosign(body, w, 1700000000n);

  test('the witness key ID is computed with type byte 0x04, and the blob carries the timestamp', () => {
    const v = cosignerOf(w);
    expect([v.type, v.keyId, c.keyId, c.name]).toEqual([
      SIG_TYPE.cosignatureV1,
      keyIdOf(w.name, 0x04, v.publicKey),
      v.keyId,
      w.name,
    ]);
    expect(cosignatureTimestamp(c.sig)).toEqual({ ok: true, value: 1700000000n });
  });
  test('a cosignature verifies under its witness over the body it signed', () => {
    expect(verifyCosignature(cosignerOf(w), c, body)).toBe(true);
  });
  test.each<[string, NoteSignature, string]>([
    ['over another body', c, body.replace('\n7\n', '\n8\n')],
    ['with another key ID (same name, same signature)', { ...c, keyId: (c.keyId ^ 1) >>> 0 }, body],
    ['under another name (same key ID, same signature)', { ...c, name: 'witness.example/w2' }, body],
    [
      'with its timestamp changed',
      { ...c, sig: Uint8Array.of(...blobAt(1700000001n).slice(0, 8), ...c.sig.slice(8)) },
      body,
    ],
    ['with a timestamp of 2^63 (even when signed)', cosign(body, w, MAX_TIMESTAMP + 1n), body],
    ['without its timestamp (a 68-byte plain signature)', { ...c, sig: c.sig.slice(8) }, body],
  ])('a cosignature does not verify %s', (_n, sig, over) =>
    expect(verifyCosignature(cosignerOf(w), sig, over)).toBe(false),
  );
  test('the witness key verifies it as a cosignature/v1 even when given with type 0x01', () => {
    expect(verifyCosignature({ ...cosignerOf(w), type: SIG_TYPE.ed25519 }, c, body)).toBe(true);
  });
  test("by another witness's key, it does not verify", () => {
    const other = cosignerOf({ name: w.name, seed: new Uint8Array(32).fill(4) });
    expect(verifyCosignature({ ...other, keyId: c.keyId }, c, body)).toBe(false);
  });
  test('a malformed witness key (31 bytes) answers false, not an exception', () => {
    const v = cosignerOf(w);
    expect(verifyCosignature({ ...v, publicKey: v.publicKey.slice(1) }, c, body)).toBe(false);
  });
});
