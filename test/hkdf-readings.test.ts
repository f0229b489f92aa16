/**
 * Draft §6 key derivation (model/hkdf.ts), octet by octet: the session_id of each reading for
 * equal, swapped and extreme discriminators, the epoch octets of the 'epoch-u64-be' reading above
 * 2^32, and the CWT K_v_epoch stand-in, which must separate operators, vantages and epochs to
 * serve as the key K_BFD_auth is kept apart from.
 */
import { hkdfSync } from 'node:crypto';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import {
  CANONICAL_READING,
  deriveBfdAuthKey,
  deriveVantageEpochKey,
  EPOCH_INFIX,
  infoOf,
  INFO_PREFIX,
  READINGS,
  type BfdKeyInput,
} from '../model/hkdf.js';

const KOP = hexToBytes('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
const base: BfdKeyInput = {
  operatorId: 'operator.example/1',
  kOp: KOP,
  discriminators: [0x0000abcd, 0x12],
  epochId: 20,
};
const reading = (name: string) => READINGS.find((r) => r.name === name)!;
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('the readings of draft §6', () => {
  test(
    'are named as `perfsec derive-bfd-key --reading` takes ' + "them, each once, hex-lower (the code's reading) first",
    () => {
      expect(READINGS.map((r) => r.name)).toEqual([
        'hex-lower',
        'hex-upper',
        'raw-octets',
        'hex-unpadded-lex',
        'hex-literal-bars',
        'epoch-hex',
        'epoch-u64-be',
        'ocr-scan',
      ]);
      expect(READINGS[0]).toBe(CANONICAL_READING);
    },
  );

  test('each says how it reads the text, and no two say the same', () => {
    const said = READINGS.map((r) => r.description);
    expect(new Set(said).size).toBe(READINGS.length);
    for (const d of said) expect(d.length).toBeGreaterThan(20);
  });
});

describe('session_id (draft §6: smaller||larger)', () => {
  test.each([
    ['unequal, given larger first', 0xabcd, 0x12, '000000120000abcd'],
    ['unequal, given smaller first', 0x12, 0xabcd, '000000120000abcd'],
    ['equal discriminators', 7, 7, '0000000700000007'],
    ['0 and the largest 32-bit value', 0xffffffff, 0, '00000000ffffffff'],
  ])('hex-lower for %s', (_, a, b, hex) => {
    expect(text(CANONICAL_READING.sessionId(a, b))).toBe(hex);
    expect(text(infoOf({ ...base, discriminators: [a, b] }))).toBe(`${INFO_PREFIX}${hex}${EPOCH_INFIX}20`);
  });

  test('raw-octets: the two big-endian uint32, smaller first, whichever end derives', () => {
    const raw = reading('raw-octets');
    expect(bytesToHex(raw.sessionId(0xabcd, 0x12))).toBe('000000120000abcd');
    expect(bytesToHex(raw.sessionId(0x12, 0xabcd))).toBe('000000120000abcd');
    expect(bytesToHex(raw.sessionId(0xfffffffe, 0xffffffff))).toBe('fffffffeffffffff');
  });
});

describe('epoch octets of the epoch-u64-be reading', () => {
  const u64 = reading('epoch-u64-be');
  test.each([
    [0, '0000000000000000'],
    [20, '0000000000000014'],
    [2 ** 32 - 1, '00000000ffffffff'],
    [2 ** 32, '0000000100000000'],
    [2 ** 32 + 5, '0000000100000005'],
    [2 ** 53 - 1, '001fffffffffffff'],
  ])('epoch %i is the 8 octets %s', (e, hex) => {
    expect(bytesToHex(u64.epoch(e))).toBe(hex);
    const info = infoOf({ ...base, epochId: e }, u64);
    expect(bytesToHex(info.slice(-8))).toBe(hex);
  });

  test('epochs that agree in their low 32 bits derive different keys', () => {
    const k = (e: number) => bytesToHex(deriveBfdAuthKey({ ...base, epochId: e }, u64));
    expect(k(2 ** 32 + 5)).not.toBe(k(5));
  });
});

describe('the K_v_epoch stand-in (draft §6: K_BFD_auth is derived independently of it)', () => {
  const kv = (op = 'operator.example/1', vantage = 'v1', epoch = 20) =>
    bytesToHex(deriveVantageEpochKey(KOP, op, vantage, epoch));

  test('is a 32-octet HKDF-SHA256 of K_op, as node:crypto computes it for its salt and info', () => {
    const expected = Buffer.from(
      hkdfSync(
        'sha256',
        KOP,
        'MVPS-CWT-v1|operator:operator.example/1',
        'cwt-vantage-epoch-v1|vantage:v1|epoch:20',
        32,
      ),
    ).toString('hex');
    expect(kv()).toBe(expected);
  });

  test.each([
    ['operators', kv('operator.example/2')],
    ['vantages', kv(undefined, 'v2')],
    ['epochs', kv(undefined, undefined, 21)],
  ])('separates %s under one K_op', (_, other) => {
    expect(other).not.toBe(kv());
  });

  test('differs from K_BFD_auth for the same operator and epoch', () => {
    expect(kv()).not.toBe(bytesToHex(deriveBfdAuthKey(base)));
  });
});
