/**
 * The shape every HMAC-SHA256 candidate of the admission pipeline has (src/pipeline/hmac.ts lists them), and the
 * constant-time tag comparison they share.
 */
import { timingSafeEqual } from 'node:crypto';

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

/** Whether A and B are both 32 bytes and equal, compared in constant time. */
export const equal32 = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === 32 && b.length === 32 && timingSafeEqual(a, b);
