/**
 * Zero-copy reading of a BFD Control packet for the admission fast path: the RFC 5880 §6.8.6 reception
 * checks of model/bfd/packet.ts decodeBfd, answered yes or no on the bytes themselves, and the four fields
 * path B needs read in place (no DataView, no packet object, no copy of the digest). It accepts exactly the
 * bytes decodeBfd accepts and reads the same values (test/bfd-view.test.ts checks both on random and
 * mutated packets); decodeBfd stays the codec that explains a rejection.
 */
import { AUTH_LEN, AUTH_TYPE_HMAC_SHA256, BFD_STATE, MANDATORY_LEN, PACKET_LEN } from '../../model/bfd/packet.js';

/** Big-endian unsigned 32-bit at AT (the caller has checked the length). */
const u32 = (b: Uint8Array, at: number): number =>
  ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

/** Whether decodeBfd would accept BYTES (the same checks, without building the packet). */
export function bfdAccepts(bytes: Uint8Array): boolean {
  if (bytes.length < MANDATORY_LEN) return false;
  const b1 = bytes[1]!;
  const length = bytes[3]!;
  // RFC 5880 §6.8.6: version 1, Length within the payload, A bit set, Detect Mult non-zero, M clear
  if (bytes[0]! >> 5 !== 1 || length > bytes.length || !(b1 & 0x04) || bytes[2] === 0 || b1 & 0x01) return false;
  // the Length field of a packet with the HMAC-SHA256 section (decodeBfd's bad-length and bad-auth-len)
  if (length !== PACKET_LEN || bytes[24] !== AUTH_TYPE_HMAC_SHA256 || bytes[25] !== AUTH_LEN) return false;
  if (u32(bytes, 4) === 0) return false; // My Discriminator
  const state = b1 >> 6;
  // Your Discriminator may be zero only in Down or AdminDown
  return u32(bytes, 8) !== 0 || state === BFD_STATE.Down || state === BFD_STATE.AdminDown;
}

/** My Discriminator (bytes 4-7) of accepted bytes. */
export const bfdMyDiscriminator = (bytes: Uint8Array): number => u32(bytes, 4);

/** Your Discriminator (bytes 8-11) of accepted bytes. */
export const bfdYourDiscriminator = (bytes: Uint8Array): number => u32(bytes, 8);

/** Auth Key ID (byte 26) of accepted bytes. */
export const bfdAuthKeyId = (bytes: Uint8Array): number => bytes[26]!;

/** Sequence Number (bytes 28-31) of accepted bytes. */
export const bfdSeq = (bytes: Uint8Array): number => u32(bytes, 28);
