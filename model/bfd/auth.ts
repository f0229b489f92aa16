/**
 * HMAC-SHA256 authentication of a BFD Control packet (draft §3.1 path B, "AuthHMAC" of
 * Coherence-BFD §12): the digest is HMAC-SHA256(key, packet with the digest field zeroed), the
 * RFC 5880 §6.7.4 procedure with HMAC in place of the keyed hash. Keys are inputs (their
 * derivation, draft §6, belongs to the key-derivation model).
 */
import { timingSafeEqual } from 'node:crypto';
import { hmacSha256 } from '../hmac-sha256.js';
import { DIGEST_LEN, encodeBfd, PACKET_LEN, type BfdControl } from './packet.js';

/** The packet's bytes, digest field zeroed: what the HMAC covers. */
export function authenticatedBytes(p: Omit<BfdControl, 'digest'>): Uint8Array {
  return encodeBfd({ ...p, digest: new Uint8Array(DIGEST_LEN) });
}

/** Encodes P with its HMAC-SHA256 digest under KEY. */
export function signBfd(p: Omit<BfdControl, 'digest'>, key: Uint8Array): Uint8Array {
  return encodeBfd({ ...p, digest: hmacSha256(key, authenticatedBytes(p)) });
}

/** Constant-time comparison of two digests (node:crypto timingSafeEqual; unequal lengths never match). */
export function sameDigest(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether the received packet BYTES (already decoded, so at least PACKET_LEN long) carry the
 * HMAC-SHA256 under KEY of themselves with the digest zeroed: the packet as received, Reserved
 * byte included (RFC 5880 §6.7.4), so no byte can change without breaking the digest. Bytes
 * shorter than PACKET_LEN never verify: their digest field is short, and sameDigest never
 * matches digests of unequal lengths.
 */
export function verifyBfd(bytes: Uint8Array, key: Uint8Array): boolean {
  const covered = bytes.slice(0, PACKET_LEN);
  const digest = covered.slice(32, 32 + DIGEST_LEN);
  covered.fill(0, 32, 32 + DIGEST_LEN);
  return sameDigest(digest, hmacSha256(key, covered));
}
