/**
 * HMAC-SHA256 verifiers for the admission pipeline (draft §3.1 paths A and B pay c_hmac per
 * packet). Four candidates, measured by `perfsec calibrate` and `npm run bench`: @noble/hashes
 * one-shot (key schedule every call), @noble/hashes with the key state precomputed once per key
 * (inner and outer pads hashed once, cloned per packet), node:crypto one-shot with raw key bytes,
 * and node:crypto with a KeyObject. All four compute the same RFC 2104 tag; the pipeline uses
 * FASTEST_HMAC, chosen from the figures in README.md. A prepared noble key holds one scratch state:
 * one pipeline, one thread.
 */
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { hmac, type _HMAC } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

/** A prepared key: whatever a verifier precomputes from the raw key bytes. */
export type PreparedKey = unknown;

/** One way to compute and check HMAC-SHA256 tags. */
export interface HmacPrimitive {
  readonly name: string;
  /** Precomputes per-key state (once per key and epoch, off the per-packet path). */
  prepare(key: Uint8Array): PreparedKey;
  /** The tag of MESSAGE under a prepared key. */
  mac(key: PreparedKey, message: Uint8Array): Uint8Array;
  /** Whether TAG (32 bytes) is the tag of MESSAGE, compared in constant time. */
  verify(key: PreparedKey, message: Uint8Array, tag: Uint8Array): boolean;
}

const equal32 = (a: Uint8Array, b: Uint8Array): boolean => a.length === 32 && b.length === 32 && timingSafeEqual(a, b);

/** @noble/hashes hmac(sha256, key, msg): the key schedule runs on every call. */
export const nobleOneShot: HmacPrimitive = {
  name: 'noble one-shot',
  prepare: (key) => key,
  mac: (key, m) => hmac(sha256, key as Uint8Array, m),
  verify: (key, m, tag) => equal32(hmac(sha256, key as Uint8Array, m), tag),
};

interface NoblePrepared {
  readonly base: _HMAC<never>;
  readonly scratch: _HMAC<never>;
  readonly out: Uint8Array;
}

/**
 * @noble/hashes with the padded-key state hashed once per key; each packet clones it (RFC 2104 §4 note on
 * precomputation).
 */
export const noblePrecomputed: HmacPrimitive = {
  name: 'noble precomputed key state',
  prepare: (key): NoblePrepared => {
    const base = hmac.create(sha256, key) as _HMAC<never>;
    return { base, scratch: base.clone(), out: new Uint8Array(32) };
  },
  mac: (key, m) => {
    const k = key as NoblePrepared;
    return k.base._cloneInto().update(m).digest();
  },
  verify: (key, m, tag) => {
    const k = key as NoblePrepared;
    // reuses one scratch state and buffer: no allocation per packet
    k.base._cloneInto(k.scratch).update(m).digestInto(k.out);
    return equal32(k.out, tag);
  },
};

/** node:crypto createHmac with the raw key bytes on every call. */
export const nodeOneShot: HmacPrimitive = {
  name: 'node:crypto one-shot',
  prepare: (key) => key,
  mac: (key, m) =>
    createHmac('sha256', key as Uint8Array)
      .update(m)
      .digest(),
  verify: (key, m, tag) => equal32(nodeOneShot.mac(key, m), tag),
};

/** node:crypto createHmac with a KeyObject made once per key. */
export const nodeKeyObject: HmacPrimitive = {
  name: 'node:crypto KeyObject',
  prepare: (key): KeyObject => createSecretKey(key),
  mac: (key, m) =>
    createHmac('sha256', key as KeyObject)
      .update(m)
      .digest(),
  verify: (key, m, tag) => equal32(nodeKeyObject.mac(key, m), tag),
};

/** Every candidate, in the order the figures list them. */
export const HMAC_PRIMITIVES: readonly HmacPrimitive[] = [nobleOneShot, noblePrecomputed, nodeOneShot, nodeKeyObject];

/**
 * The pipeline's choice: @noble/hashes with the key state precomputed. It ties node:crypto with a
 * KeyObject within the spread (README figures) and allocates nothing per packet; ties go to the
 * project's crypto library.
 */
export const FASTEST_HMAC: HmacPrimitive = noblePrecomputed;
