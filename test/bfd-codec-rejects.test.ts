/**
 * RFC 5880 BFD Control packet codec with the private HMAC-SHA256 section (draft §3.1 path B,
 * draft §5 predicate (a)): every decoder rejection carries a typed error AND a detail that names
 * the offending facts (bad version, Length, Auth Type, Auth Len); a zero Your Discriminator is
 * accepted exactly in the Down and AdminDown states (RFC 5880 §6.8.6); encode refuses a digest of
 * the wrong size; verification never matches a digest of another length and never throws.
 */
import { describe, expect, test } from 'vitest';
import { sameDigest, signBfd, verifyBfd } from '../model/bfd/auth.js';
import {
  AUTH_LEN,
  AUTH_TYPE_HMAC_SHA256,
  BFD_STATE,
  DIGEST_LEN,
  decodeBfd,
  encodeBfd,
  PACKET_LEN,
  type BfdControl,
} from '../model/bfd/packet.js';
import { testKey } from '../src/lib/test-keys.js';
import { CODEC_PACKET } from './fixtures/bfd-codec-packet.js';

const KEY = testKey('bfd-codec-rejects');
const valid = CODEC_PACKET;
const broken = (f: (b: Uint8Array) => void, p: Omit<BfdControl, 'digest'> = valid): Uint8Array => {
  const b = signBfd(p, KEY);
  f(b);
  return b;
};

describe('decodeBfd rejections: typed error and a detail naming the facts', () => {
  test.each([
    ['not a Uint8Array', [1, 2, 3] as unknown as Uint8Array, 'too-short', [/not a byte array/]],
    ['10 bytes', new Uint8Array(10), 'too-short', [/\b10 bytes\b/, /\b24\b/]],
    ['23 bytes', signBfd(valid, KEY).slice(0, 23), 'too-short', [/\b23 bytes\b/, /\b24\b/]],
    [
      'exactly the 24-byte mandatory section',
      signBfd(valid, KEY).slice(0, 24),
      'length-exceeds-buffer',
      [/Length field 64\b/, /\b24-byte\b/],
    ],
    ['version 2', broken((b) => void (b[0] = 0x40)), 'bad-version', [/version 2\b/, /expected 1\b/]],
    ['version 0', broken((b) => void (b[0] = 0x00)), 'bad-version', [/version 0\b/, /expected 1\b/]],
    ['Length 200 in 64 bytes', broken((b) => void (b[3] = 200)), 'length-exceeds-buffer', [/\b200\b/, /\b64-byte\b/]],
    ['A bit clear', broken((b) => void (b[1] = b[1]! & ~0x04)), 'no-auth-section', [/A bit clear/, /sequence number/]],
    ['Length 25 with A set', broken((b) => void (b[3] = 25)), 'bad-length', [/Length 25\b/, /\b26\b/]],
    [
      'Length 26 with A set (the least allowed, then short for HMAC-SHA256)',
      broken((b) => void (b[3] = 26)),
      'bad-auth-len',
      [/Length 26\b/],
    ],
    ['Detect Mult 0', broken((b) => void (b[2] = 0)), 'zero-detect-mult', [/Detect Mult is zero/]],
    ['M bit set', broken((b) => void (b[1] = b[1]! | 0x01)), 'multipoint-set', [/Multipoint/]],
    ['My Discriminator 0', broken((b) => b.fill(0, 4, 8)), 'zero-my-discriminator', [/My Discriminator is zero/]],
    [
      'Your Discriminator 0 in Up',
      broken((b) => b.fill(0, 8, 12)),
      'zero-your-discriminator',
      [/Your Discriminator is zero/, /Down\/AdminDown/],
    ],
    [
      'Your Discriminator 0 in Init',
      broken((b) => b.fill(0, 8, 12), { ...valid, state: BFD_STATE.Init }),
      'zero-your-discriminator',
      [/Your Discriminator is zero/],
    ],
    [
      'Auth Type 4',
      broken((b) => void (b[24] = 4)),
      'unsupported-auth-type',
      [/Auth Type 4\b/, new RegExp(`expected ${AUTH_TYPE_HMAC_SHA256}\\b`), /HMAC-SHA256/],
    ],
    [
      'Auth Len 28',
      broken((b) => void (b[25] = 28)),
      'bad-auth-len',
      [/Auth Len 28\b/, /Length 64\b/, new RegExp(`expected ${AUTH_LEN} / ${PACKET_LEN}\\b`)],
    ],
    [
      'Length 63 in 64 bytes',
      broken((b) => void (b[3] = 63)),
      'bad-auth-len',
      [/Auth Len 40\b/, /Length 63\b/, /expected 40 \/ 64\b/],
    ],
  ] as const)('%s is rejected as %s with a detail naming the facts', (_name, bytes, error, facts) => {
    const d = decodeBfd(bytes);
    expect(d.ok ? 'ok' : d.error).toBe(error);
    if (d.ok) return;
    for (const fact of facts) expect(d.detail).toMatch(fact);
  });
});

describe('Your Discriminator zero (RFC 5880 §6.8.6)', () => {
  test.each([
    ['Down', BFD_STATE.Down, true],
    ['AdminDown', BFD_STATE.AdminDown, true],
    ['Init', BFD_STATE.Init, false],
    ['Up', BFD_STATE.Up, false],
  ] as const)('in state %s it is accepted: %s', (_name, state, accepted) => {
    const d = decodeBfd(signBfd({ ...valid, state, yourDiscriminator: 0 }, KEY));
    expect(d.ok).toBe(accepted);
    if (d.ok) expect([d.packet.state, d.packet.yourDiscriminator]).toEqual([state, 0]);
  });
});

describe('encode and verify', () => {
  test.each([0, 20, 31, 33])('encoding a %i-byte digest is a RangeError naming the 32-byte size', (n) => {
    expect(() => encodeBfd({ ...valid, digest: new Uint8Array(n) })).toThrow(RangeError);
    expect(() => encodeBfd({ ...valid, digest: new Uint8Array(n) })).toThrow(`BFD digest must be ${DIGEST_LEN} bytes`);
  });

  test.each([
    ['seq', -1],
    ['seq', 1.5],
    ['seq', 2 ** 32],
    ['myDiscriminator', Number.NaN],
    ['requiredMinEchoRxUs', -0.5],
  ] as const)('encoding %s = %d is a RangeError naming the field', (field, value) => {
    expect(() => signBfd({ ...valid, [field]: value }, KEY)).toThrow(
      new RegExp(`BFD ${field} must be an unsigned 32-bit integer, got ${value}`),
    );
  });

  test.each([0, 1, 2 ** 32 - 1])('seq %d (in range) encodes and decodes to itself', (seq) => {
    const d = decodeBfd(signBfd({ ...valid, seq }, KEY));
    expect(d.ok && d.packet.seq).toBe(seq);
  });

  test('digests of different lengths never match, and comparing them does not throw', () => {
    const d = new Uint8Array(DIGEST_LEN).fill(7);
    expect(sameDigest(d, d.slice(0, 20))).toBe(false);
    expect(sameDigest(d.slice(0, 20), d)).toBe(false);
    expect(sameDigest(new Uint8Array(0), d)).toBe(false);
    expect(sameDigest(d, d.slice())).toBe(true);
  });

  test.each([0, 1, 24, 32, 40, PACKET_LEN - 1])('a %i-byte prefix of a signed packet never verifies', (n) => {
    const bytes = signBfd(valid, KEY);
    expect(verifyBfd(bytes.slice(0, n), KEY)).toBe(false);
  });

  test('a signed packet with trailing bytes verifies on its first 64 bytes', () => {
    const bytes = signBfd(valid, KEY);
    const longer = new Uint8Array(PACKET_LEN + 8);
    longer.set(bytes);
    expect(verifyBfd(longer, KEY)).toBe(true);
  });
});
