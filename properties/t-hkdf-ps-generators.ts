/**
 * Generators for T-HKDF-PS: the inputs of the draft §6 derivation as plain JSON (K_op as hex, so a
 * counterexample is a readable record): 32-bit discriminators including 0 and values whose hex has
 * letters, epochs from 0, K_op of 16..64 octets, operator and vantage ids.
 */
import fc from 'fast-check';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

/** A plain-JSON derivation input (K_op as hex). */
export interface KeyCase {
  readonly operatorId: string;
  readonly kOp: string;
  readonly a: number;
  readonly b: number;
  readonly epoch: number;
}

/** A BFD discriminator (32 bits): 0, 1, values whose hex has letters, 0xffffffff, or any. */
export const discriminator = fc.oneof(
  fc.constantFrom(0, 1, 0x0a, 0x10, 0xffffffff),
  fc.integer({ min: 0, max: 0xffffffff }),
);

/** An epoch_id: 0, 1, 9 and 10 (one and two ASCII digits), or any up to 2^40. */
export const epochId = fc.oneof(fc.constantFrom(0, 1, 9, 10), fc.integer({ min: 0, max: 2 ** 40 }));

/**
 * An operator key K_op: 16 to 64 octets, as lowercase hex (the unmapper makes the domain checkable: a stored K_op is
 * 16-64 octets of lowercase hex; generation is unchanged).
 */
export const kOpHex = fc.uint8Array({ minLength: 16, maxLength: 64 }).map(bytesToHex, (v) => {
  if (typeof v !== 'string' || !/^(?:[0-9a-f]{2}){16,64}$/.test(v))
    throw new Error('not 16-64 octets of lowercase hex');
  return hexToBytes(v);
});

/** An operator_id: 1 to 16 characters of lowercase letters, digits, '.' and '-'. */
export const operatorId = fc.stringMatching(/^[a-z0-9.-]{1,16}$/);

/** A vantage id (of K_v_epoch): 1 to 12 characters of lowercase letters, digits and '-'. */
export const vantageId = fc.stringMatching(/^[a-z0-9-]{1,12}$/);

/** One derivation input. */
export const keyCase: fc.Arbitrary<KeyCase> = fc.record({
  operatorId,
  kOp: kOpHex,
  a: discriminator,
  b: discriminator,
  epoch: epochId,
});
