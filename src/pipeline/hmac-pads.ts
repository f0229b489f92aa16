/**
 * HMAC-SHA256 candidates built from node:crypto SHA-256 over pads precomputed once per key (RFC 2104 §2:
 * H(K0 ^ opad || H(K0 ^ ipad || text))): two one-shot `hash()` calls per packet, or copies of the
 * SHA-256 states already fed the inner and outer pads (`Hash.copy()`). Only the composition of RFC 2104
 * is written here; SHA-256 itself is OpenSSL's. Each prepared key holds scratch buffers: one pipeline,
 * one thread.
 */
import { createHash, hash, type Hash } from 'node:crypto';
import { equal32, type HmacPrimitive } from './hmac-primitive.js';

/** SHA-256 block size, bytes (RFC 2104 §2: B = 64). */
const BLOCK = 64;

/** K0 XOR each pad byte (RFC 2104 §2: ipad 0x36, opad 0x5c; a key longer than B is hashed first). */
function pads(key: Uint8Array): { ipad: Buffer; opad: Buffer } {
  const k0 = Buffer.alloc(BLOCK);
  k0.set(key.length > BLOCK ? hash('sha256', key, 'buffer') : key);
  const ipad = Buffer.alloc(BLOCK);
  const opad = Buffer.alloc(BLOCK);
  for (let i = 0; i < BLOCK; i++) {
    ipad[i] = k0[i]! ^ 0x36;
    opad[i] = k0[i]! ^ 0x5c;
  }
  return { ipad, opad };
}

interface TwoHashKey {
  /** ipad || room for the message */
  inner: Buffer;
  /** opad || the inner digest */
  readonly outer: Buffer;
}

/** Two one-shot `crypto.hash('sha256')` calls over ipad || text and opad || inner digest. */
export const nodeTwoHash: HmacPrimitive = {
  name: 'node:crypto hash() twice over precomputed pads',
  prepare: (key): TwoHashKey => {
    const { ipad, opad } = pads(key);
    const inner = Buffer.alloc(BLOCK + 128);
    inner.set(ipad);
    const outer = Buffer.alloc(BLOCK + 32);
    outer.set(opad);
    return { inner, outer };
  },
  mac: (key, m) => {
    const k = key as TwoHashKey;
    if (k.inner.length < BLOCK + m.length) {
      // grows once per larger message (snapshots), never per BFD packet
      const bigger = Buffer.alloc(BLOCK + 2 * m.length);
      bigger.set(k.inner.subarray(0, BLOCK));
      k.inner = bigger;
    }
    k.inner.set(m, BLOCK);
    k.outer.set(hash('sha256', k.inner.subarray(0, BLOCK + m.length), 'buffer'), BLOCK);
    return hash('sha256', k.outer, 'buffer');
  },
  verify: (key, m, tag) => equal32(nodeTwoHash.mac(key, m), tag),
};

interface CopyKey {
  readonly inner: Hash;
  readonly outer: Hash;
}

/** SHA-256 states fed ipad and opad once per key; each packet copies both (`Hash.copy()`). */
export const nodeHashCopy: HmacPrimitive = {
  name: 'node:crypto Hash.copy() of keyed pad states',
  prepare: (key): CopyKey => {
    const { ipad, opad } = pads(key);
    return { inner: createHash('sha256').update(ipad), outer: createHash('sha256').update(opad) };
  },
  mac: (key, m) => {
    const k = key as CopyKey;
    return k.outer.copy().update(k.inner.copy().update(m).digest()).digest();
  },
  verify: (key, m, tag) => equal32(nodeHashCopy.mac(key, m), tag),
};
