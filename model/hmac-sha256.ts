/**
 * HMAC-SHA256 (RFC 2104) of the models' authenticated packets: BFD digests (model/bfd/auth.ts) and
 * CWT snapshot tags (model/snapshot.ts). node:crypto's native HMAC: the same function as
 * @noble/hashes' hmac(sha256, ...) (test/hmac-sha256.test.ts checks RFC 4231 and random agreement),
 * at about half its cost per call here, which the property searches pay on every emission and
 * delivery (issue 19, Deliver 5: `npm run bench:search`).
 */
import { createHmac } from 'node:crypto';

/** HMAC-SHA256 of MESSAGE under KEY: 32 fresh bytes (the caller may keep or change them). */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const d = createHmac('sha256', key).update(message).digest();
  return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
}
