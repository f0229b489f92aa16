/**
 * T-RC-1 wire codecs (draft §5 on real packets): RFC 5880 BFD Control packets with the
 * HMAC-SHA256 authentication section, and CWT snapshots as JSON. Round trips, authentication,
 * and decoders that never throw: every input gives a packet or a typed error with a reason.
 */
import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { signBfd, verifyBfd } from '../model/bfd/auth.js';
import { AUTH_LEN, AUTH_TYPE_HMAC_SHA256, BFD_STATE, decodeBfd, encodeBfd, PACKET_LEN } from '../model/bfd/packet.js';
import { canonicalBytes, encodeSnapshot, signSnapshot, verifySnapshot, type SnapshotBody } from '../model/snapshot.js';
import { decodeSnapshot } from '../src/lib/snapshot-decode.js';
import { testKey } from '../src/lib/test-keys.js';
import { CODEC_PACKET } from './fixtures/bfd-codec-packet.js';

const KEY = testKey('codec-test');
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const packet = fc.record({
  diag: fc.integer({ min: 0, max: 31 }),
  state: fc.constant(BFD_STATE.Up),
  poll: fc.boolean(),
  final: fc.boolean(),
  cpi: fc.boolean(),
  demand: fc.boolean(),
  detectMult: fc.integer({ min: 1, max: 255 }),
  myDiscriminator: fc.integer({ min: 1, max: 0xffffffff }),
  yourDiscriminator: fc.integer({ min: 1, max: 0xffffffff }),
  desiredMinTxUs: u32,
  requiredMinRxUs: u32,
  requiredMinEchoRxUs: u32,
  authKeyId: fc.integer({ min: 0, max: 255 }),
  seq: u32,
});
const body = fc.record({
  vantage_id: fc.stringMatching(/^[A-Za-z0-9._-]{1,16}$/),
  epoch_id: fc.nat(),
  counter: fc.nat(),
  expires_at: fc.nat(),
  payload: fc.string({ maxLength: 40 }),
});
const ok = <T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> => {
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return r as Extract<T, { ok: true }>;
};

describe('RFC 5880 BFD Control packet with an HMAC-SHA256 section (draft §3.1 path B, §5 (a))', () => {
  fcTest.prop([packet])(
    'encode then decode gives the same fields; 24 + 40 bytes, A bit set, private Auth Type',
    (p) => {
      const bytes = signBfd(p, KEY);
      expect(bytes.length).toBe(PACKET_LEN);
      expect([bytes[3], bytes[24], bytes[25]]).toEqual([PACKET_LEN, AUTH_TYPE_HMAC_SHA256, AUTH_LEN]);
      const { packet: back } = ok(decodeBfd(bytes));
      const { digest: _d, ...fields } = back;
      expect(fields).toEqual(p);
      expect(verifyBfd(bytes, KEY)).toBe(true);
    },
  );

  fcTest.prop([packet, fc.nat({ max: PACKET_LEN * 8 - 1 })], { numRuns: 300 })(
    'flipping any bit (the Reserved byte too) breaks authentication or decoding',
    (p, bit) => {
      const bytes = signBfd(p, KEY);
      bytes[bit >> 3]! ^= 1 << (bit & 7);
      const d = decodeBfd(bytes);
      if (d.ok) expect(verifyBfd(bytes, KEY)).toBe(false);
    },
  );

  fcTest.prop([fc.uint8Array({ maxLength: 100 })])('decoding never throws on arbitrary bytes', (bytes) => {
    const d = decodeBfd(bytes);
    if (!d.ok) expect(d.detail.length).toBeGreaterThan(0);
  });

  const valid = CODEC_PACKET;
  const broken = (f: (b: Uint8Array) => void) => {
    const b = signBfd(valid, KEY);
    f(b);
    return b;
  };
  test.each([
    ['too-short', new Uint8Array(10)],
    ['bad-version', broken((b) => void (b[0] = 0x40))],
    ['length-exceeds-buffer', broken((b) => void (b[3] = 200))],
    ['no-auth-section', broken((b) => void (b[1] = b[1]! & ~0x04))],
    ['bad-length', broken((b) => void (b[3] = 25))],
    ['zero-detect-mult', broken((b) => void (b[2] = 0))],
    ['multipoint-set', broken((b) => void (b[1] = b[1]! | 0x01))],
    ['zero-my-discriminator', broken((b) => b.fill(0, 4, 8))],
    ['zero-your-discriminator', broken((b) => b.fill(0, 8, 12))],
    ['unsupported-auth-type', broken((b) => void (b[24] = 4))],
    ['bad-auth-len', broken((b) => void (b[25] = 28))],
  ] as const)('a packet with %s is a typed error', (error, bytes) => {
    const d = decodeBfd(bytes);
    expect(d.ok ? 'ok' : d.error).toBe(error);
  });

  test('an out-of-range field is a programming error on encode', () => {
    expect(() => encodeBfd({ ...valid, seq: 2 ** 32, digest: new Uint8Array(32) })).toThrow(/seq/);
  });
});

describe('CWT snapshot JSON with an HMAC-SHA256 tag over canonical bytes (draft §3.1 path A, §5 (b), (c))', () => {
  fcTest.prop([body])('sign, decode, verify; another key or any changed field fails', (b: SnapshotBody) => {
    const { snapshot } = ok(decodeSnapshot(signSnapshot(b, KEY)));
    expect(verifySnapshot(snapshot, KEY)).toBe(true);
    expect(verifySnapshot(snapshot, testKey('other'))).toBe(false);
    expect(verifySnapshot({ ...snapshot, counter: snapshot.counter + 1 }, KEY)).toBe(false);
    expect(verifySnapshot({ ...snapshot, epoch_id: snapshot.epoch_id + 1 }, KEY)).toBe(false);
  });

  fcTest.prop([body])('the canonical bytes do not depend on field order', (b) => {
    const reversed = Object.fromEntries(Object.entries(b).reverse()) as unknown as SnapshotBody;
    expect(canonicalBytes(reversed)).toEqual(canonicalBytes(b));
    expect(encodeSnapshot({ ...reversed, tag: '0'.repeat(64) })).toEqual(encodeSnapshot({ ...b, tag: '0'.repeat(64) }));
  });

  fcTest.prop([
    fc.oneof(
      fc.uint8Array({ maxLength: 80 }),
      fc.json().map((t) => new TextEncoder().encode(t)),
      fc.string().map((t) => new TextEncoder().encode(t)),
    ),
  ])('decoding never throws on arbitrary bytes, JSON or text', (bytes) => {
    const d = decodeSnapshot(bytes);
    if (!d.ok) expect(['not-utf8', 'not-json', 'schema']).toContain(d.error);
  });

  test.each([
    ['not-utf8', new Uint8Array([0xff, 0xfe])],
    ['not-json', new TextEncoder().encode('{"vantage_id":')],
    [
      'schema',
      new TextEncoder().encode('{"vantage_id":"v1","epoch_id":0,"counter":-1,"expires_at":0,"payload":"","tag":"00"}'),
    ],
  ] as const)('%s is a typed error naming what is wrong', (error, bytes) => {
    const d = decodeSnapshot(bytes);
    expect(d.ok ? 'ok' : d.error).toBe(error);
    if (!d.ok) expect(d.detail).not.toContain('\n');
  });
});
