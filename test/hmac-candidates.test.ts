/**
 * Issue 20 Deliver 4: every HMAC-SHA256 candidate of the admission pipeline (src/pipeline/hmac.ts) is
 * correct before any is timed: the RFC 4231 vectors of the public file, agreement with the pipeline's
 * previous implementation (@noble/hashes with a precomputed key state) on random keys and messages, and the
 * check the bench runs (src/calibrate/hmac-check.ts) passes for each and rejects a broken candidate. Which
 * is fastest is measured in `npm run bench` and `perfsec calibrate --candidates`, never asserted here.
 */
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkHmac, rfc4231Vectors } from '../src/calibrate/hmac-check.js';
import { readJson } from '../src/lib/json-file.js';
import { FASTEST_HMAC, HMAC_PRIMITIVES, noblePrecomputed, type HmacPrimitive } from '../src/pipeline/hmac.js';
import { nodeTwoHash } from '../src/pipeline/hmac-pads.js';
import { PUBLIC_VECTORS } from '../src/vectors/c2sp-public.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('HMAC-SHA256 candidates (issue 20 Deliver 4)', () => {
  test('the pipeline uses one of the candidates', () => {
    expect(HMAC_PRIMITIVES).toContain(FASTEST_HMAC);
    expect(HMAC_PRIMITIVES.length).toBe(6);
  });

  test.runIf(existsSync(PUBLIC_VECTORS))('every candidate reproduces the RFC 4231 vectors of the public file', () => {
    const doc = readJson(PUBLIC_VECTORS) as {
      hmac_sha256: Array<{ key_hex: string; data_hex: string; mac_hex: string }>;
    };
    expect(doc.hmac_sha256.length).toBeGreaterThanOrEqual(3);
    for (const v of doc.hmac_sha256)
      for (const p of HMAC_PRIMITIVES) {
        const k = p.prepare(Buffer.from(v.key_hex, 'hex'));
        expect(hex(p.mac(k, Buffer.from(v.data_hex, 'hex'))), p.name).toBe(v.mac_hex);
      }
  });

  test('the in-repo copy of the RFC 4231 vectors is what the bench checks against', () => {
    expect(rfc4231Vectors().map((v) => v.name)).toEqual(
      expect.arrayContaining(['RFC 4231 Test Case 1', 'RFC 4231 Test Case 2 (key shorter than output)']),
    );
  });

  test('every candidate agrees with the previous implementation on random keys and messages, twice per key', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 130 }),
        fc.array(fc.uint8Array({ maxLength: 700 }), { minLength: 1, maxLength: 3 }),
        (key, msgs) => {
          const ref = noblePrecomputed.prepare(key);
          for (const p of HMAC_PRIMITIVES) {
            const k = p.prepare(key);
            // several messages per prepared key: scratch state must not leak from one packet to the next
            for (const m of msgs) expect(hex(p.mac(k, m)), p.name).toBe(hex(noblePrecomputed.mac(ref, m)));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  test("the bench's correctness check passes every candidate", () => {
    for (const p of HMAC_PRIMITIVES) expect(checkHmac(p, 40)).toEqual({ rfc4231: rfc4231Vectors().length, random: 40 });
  });

  // Mutants: the check must reject a candidate that gets one detail of RFC 2104 wrong.
  const mutant = (name: string, mac: HmacPrimitive['mac']): HmacPrimitive => ({
    name,
    prepare: nodeTwoHash.prepare,
    mac,
    verify: (k, m, t) => Buffer.from(mac(k, m)).equals(Buffer.from(t)),
  });
  test.each([
    ['an extra byte', mutant('extra byte', (k, m) => nodeTwoHash.mac(k, Uint8Array.from([...m, 0])))],
    [
      'long keys not hashed',
      {
        ...noblePrecomputed,
        name: 'truncated key',
        prepare: (key: Uint8Array) => noblePrecomputed.prepare(key.subarray(0, 64)),
      },
    ],
    ['a verify that accepts anything', { ...noblePrecomputed, name: 'lax', verify: () => true }],
  ] as const)('the check rejects a broken candidate: %s', (_, p) => {
    expect(() => checkHmac(p, 40)).toThrow(/wrong|differs/);
  });
});
