/**
 * HMAC-SHA256 verifiers for the admission pipeline (draft §3.1 paths A and B pay c_hmac per
 * packet). Six candidates, measured by `perfsec calibrate --candidates` and `npm run bench`
 * (`admission_candidates`): @noble/hashes one-shot (key schedule every call), @noble/hashes with the
 * key state precomputed once per key (inner and outer pads hashed once, cloned per packet),
 * node:crypto createHmac with raw key bytes and with a KeyObject, and two node:crypto compositions
 * over precomputed pads (src/pipeline/hmac-pads.ts). All compute the same RFC 2104 tag (RFC 4231
 * vectors and random inputs: test/hmac-candidates.test.ts); the pipeline uses FASTEST_HMAC. A
 * prepared key holds scratch state: one pipeline, one thread.
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { hmac, type _HMAC } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { nodeHashCopy, nodeTwoHash } from './hmac-pads.js';
import { equal32, type HmacPrimitive } from './hmac-primitive.js';

export type { HmacPrimitive, PreparedKey } from './hmac-primitive.js';

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
export const HMAC_PRIMITIVES: readonly HmacPrimitive[] = [
  nobleOneShot,
  noblePrecomputed,
  nodeOneShot,
  nodeKeyObject,
  nodeTwoHash,
  nodeHashCopy,
];

/**
 * The pipeline's choice (issue 20 Deliver 4): @noble/hashes with the key state precomputed. Measured as
 * process CPU per packet over whole runs, garbage collection included (`npm run bench`,
 * admission_candidates; README figures), it is the cheapest HMAC alone (about 2.0 µs against 2.3 for
 * node:crypto hash() twice over precomputed pads and 2.5 for createHmac per packet) and ties hash() twice
 * end to end on path B, where it is the steadier of the two across rounds: it allocates nothing per
 * packet, while every node:crypto candidate returns a new Buffer per digest and pays for it in collections
 * (tinybench's median of short samples leaves those out and ranks hash() twice first). Ties go to the
 * allocation-free candidate.
 */
export const FASTEST_HMAC: HmacPrimitive = noblePrecomputed;
