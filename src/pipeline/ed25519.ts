/**
 * Ed25519 verifiers for the witness path (draft §3.1 path C pays q * c_ed25519 per bundle):
 * @noble/curves (ZIP-215 rules by default, and RFC 8032 strict rules) and node:crypto (OpenSSL)
 * with the public key imported once as a KeyObject. The pipeline uses FASTEST_ED25519; the two
 * agree on honest and tampered signatures (test/pipeline-primitives.test.ts); on non-canonical
 * encodings ZIP-215 accepts what RFC 8032 rejects, so the strict noble mode is the like-for-like
 * comparison.
 */
import { createPublicKey, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';

/** One way to verify Ed25519 signatures. */
export interface Ed25519Primitive {
  readonly name: string;
  /** Precomputes per-key state once per witness key. */
  prepare(publicKey: Uint8Array): unknown;
  /** Whether SIG (64 bytes) is a valid signature of MESSAGE; never throws. */
  verify(key: unknown, message: Uint8Array, sig: Uint8Array): boolean;
}

/** @noble/curves ed25519.verify, its default (ZIP-215) rules. */
export const nobleEd25519: Ed25519Primitive = {
  name: 'noble (ZIP-215)',
  prepare: (pk) => pk,
  verify: (pk, m, sig) => {
    try {
      return sig.length === 64 && ed25519.verify(sig, m, pk as Uint8Array);
    } catch {
      return false;
    }
  },
};

/** @noble/curves ed25519.verify with RFC 8032 strict rules (zip215: false). */
export const nobleEd25519Strict: Ed25519Primitive = {
  name: 'noble (RFC 8032 strict)',
  prepare: (pk) => pk,
  verify: (pk, m, sig) => {
    try {
      return sig.length === 64 && ed25519.verify(sig, m, pk as Uint8Array, { zip215: false });
    } catch {
      return false;
    }
  },
};

/** DER SubjectPublicKeyInfo prefix of an Ed25519 key (RFC 8410 §4). */
const SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);

/** node:crypto verify with the key imported once (OpenSSL, RFC 8032). */
export const nodeEd25519: Ed25519Primitive = {
  name: 'node:crypto KeyObject',
  prepare: (pk): KeyObject | null => {
    try {
      return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, pk]), format: 'der', type: 'spki' });
    } catch {
      return null; // not a point: every verification fails
    }
  },
  verify: (key, m, sig) => {
    if (key === null || sig.length !== 64) return false;
    try {
      return nodeVerify(null, m, key as KeyObject, sig);
    } catch {
      return false;
    }
  },
};

/** Every candidate, in the order the figures list them. */
export const ED25519_PRIMITIVES: readonly Ed25519Primitive[] = [nobleEd25519, nobleEd25519Strict, nodeEd25519];

/** The pipeline's choice: node:crypto, about ten times faster than noble here (see the bench figures). */
export const FASTEST_ED25519: Ed25519Primitive = nodeEd25519;
