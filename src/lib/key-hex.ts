/**
 * Key material given as hex (K_op on the command line, k_op in vectors files). issue 16 "One safe
 * line": a refusal names where the key was and its length, never a character of it; and the check
 * is a scan for a non-hex character, not a repeated group (`^([0-9a-f]{2})+$` overflows V8's regexp
 * stack on a long string, and @noble/hashes' hexToBytes quotes the offending characters).
 */
import { hexToBytes } from '@noble/hashes/utils.js';
import { InputError } from './errors.js';

/**
 * The longest key accepted, in octets: far above any HMAC key a deployment uses (HMAC-SHA256 hashes longer keys
 * anyway).
 */
export const MAX_KEY_OCTETS = 4096;

/** The octets of key HEX (either case); InputError names WHAT ("--kop", "tcId 3: k_op") and the length only. */
export function keyBytes(hex: string, what: string): Uint8Array {
  if (hex.length === 0 || hex.length % 2 !== 0 || /[^0-9a-fA-F]/.test(hex))
    throw new InputError(
      `${what} must be an even-length hex string (got ${hex.length} characters; key material is never echoed)`,
    );
  if (hex.length > 2 * MAX_KEY_OCTETS)
    throw new InputError(
      `${what} must be at most ${MAX_KEY_OCTETS} octets (got ${hex.length / 2}; key material is never echoed)`,
    );
  return hexToBytes(hex.toLowerCase());
}
