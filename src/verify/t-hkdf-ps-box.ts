/**
 * The boundary inputs of draft §6's derivation for `perfsec verify` (issue 19, Deliver 1): discriminators, epochs,
 * operator ids, operator keys and vantage ids where the readings of §6's byte strings can part (widths, ordering,
 * separators, lengths). Each list is ordered so that a scope taking its first n values keeps the most telling ones.
 * Some lie outside the property's generators (an empty operator id, '|' and ':' in ids): the box is wider.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { testKey } from '../lib/test-keys.js';

/**
 * 32-bit discriminators: 0, 1, 2^31, 2^32 - 1; then 0x3, 0x12, 0x23, whose unpadded hex digits concatenate alike
 * ("1"+"23" = "12"+"3"); then 0xa and 0x10, where hex order and numeric order part ("a" > "10").
 */
export const DISCRIMINATORS: readonly number[] = [0, 1, 2 ** 31, 2 ** 32 - 1, 0x3, 0x12, 0x23, 0xa, 0x10];

/** epoch_ids: one and two ASCII digits (0, 1, 9, 10), one and two octets (255, 256), 2^32 - 1. */
export const EPOCHS: readonly number[] = [0, 1, 9, 10, 255, 256, 2 ** 32 - 1];

/**
 * operator_ids: an ordinary one; empty; one character; a long one (the salt passes HMAC's 64-octet block, so HMAC
 * hashes it) carrying '|' and ':' as the salt and info strings use them.
 */
export const OPERATORS: readonly string[] = [
  'operator.example',
  '',
  'o',
  'op|operator:x|epoch:1|session:0000000100000023|' + 'x'.repeat(24),
];

/** K_op values, named: all-zero, all-ones, a test key (src/lib/test-keys.ts), and the generator's 16 and 64 octets. */
export const K_OPS: ReadonlyArray<readonly [string, string]> = [
  ['zero', '00'.repeat(32)],
  ['ones', 'ff'.repeat(32)],
  ['test', bytesToHex(testKey('T-HKDF-PS K_op'))],
  ['zero16', '00'.repeat(16)],
  ['ones64', 'ff'.repeat(64)],
];

/** Vantage ids for K_v_epoch: ordinary, 12 characters (the generator's longest), empty, with '|' and ':'. */
export const VANTAGES: readonly string[] = ['v', 'vantage-0001', '', 'v|epoch:0|session:'];

/** The name of a K_op in K_OPS (its hex when not one of them). */
export const kOpName = (hex: string): string => K_OPS.find(([, h]) => h === hex)?.[0] ?? hex;

/** A discriminator as a trace shows it: 0x23. */
export const hex = (d: number): string => `0x${d.toString(16)}`;
