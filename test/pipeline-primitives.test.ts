/**
 * The pipeline's candidate primitives compute the same answers (draft §3.1 c_hmac, c_ed25519):
 * every HMAC-SHA256 candidate gives @noble's tag and rejects a flipped bit; every Ed25519
 * candidate accepts honest signatures and rejects tampered ones. Which is fastest is measured in
 * bench/ and `perfsec calibrate`, never asserted here.
 */
import fc from 'fast-check';
import { ed25519 } from '@noble/curves/ed25519.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, inject, test } from 'vitest';
import { ED25519_PRIMITIVES } from '../src/pipeline/ed25519.js';
import { HMAC_PRIMITIVES } from '../src/pipeline/hmac.js';

const seed = inject('perfsecSeed');

describe('pipeline primitives agree', () => {
  test('HMAC-SHA256: every candidate gives the @noble tag, verifies it, and rejects a flipped bit', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 100 }),
        fc.uint8Array({ maxLength: 300 }),
        fc.nat(),
        (key, msg, bit) => {
          const want = hmac(sha256, key, msg);
          for (const p of HMAC_PRIMITIVES) {
            const k = p.prepare(key);
            expect(Buffer.from(p.mac(k, msg)).equals(Buffer.from(want)), p.name).toBe(true);
            expect(p.verify(k, msg, want), p.name).toBe(true);
            const bad = want.slice();
            bad[(bit >> 3) % 32]! ^= 1 << (bit & 7);
            expect(p.verify(k, msg, bad), p.name).toBe(false);
            expect(p.verify(k, msg, want.subarray(0, 31)), p.name).toBe(false);
          }
        },
      ),
      { seed, numRuns: 40 },
    );
  });

  test('Ed25519: every candidate accepts an honest signature and rejects a tampered message, signature or key', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 200 }),
        fc.nat(),
        (sk, msg, bit) => {
          const pk = ed25519.getPublicKey(sk);
          const sig = ed25519.sign(msg, sk);
          const badSig = sig.slice();
          badSig[(bit >> 3) % 64]! ^= 1 << (bit & 7);
          const other = ed25519.getPublicKey(sha256(sk));
          for (const p of ED25519_PRIMITIVES) {
            expect(p.verify(p.prepare(pk), msg, sig), p.name).toBe(true);
            expect(p.verify(p.prepare(pk), Uint8Array.from([...msg, 0]), sig), p.name).toBe(false);
            expect(p.verify(p.prepare(pk), msg, badSig), p.name).toBe(false);
            expect(p.verify(p.prepare(other), msg, sig), p.name).toBe(false);
            expect(p.verify(p.prepare(pk), msg, sig.subarray(0, 63)), p.name).toBe(false);
          }
        },
      ),
      { seed, numRuns: 10 },
    );
  });
});
