/**
 * Generators for T-COMP-SPLIT: a Byzantine collector's attack (w witnesses, quorum q, c compromised,
 * the witness policy, the placement of the dual-mode values, and the collector's moves), and the
 * inputs of one cosignature/v1 (a witness seed and a timestamp).
 */
import fc from 'fast-check';
import type { Attack, Placement, Policy } from '../model/collector.js';
import { checked } from '../src/engine/generator-domain.js';
import { attackDomain, attackSettings, type AttackOptions } from './t-comp-split-domain.js';

/** A dual-mode value (D_minimax or D_max): an eighth in [0, 8]. */
const dualModeValue = fc.integer({ min: 0, max: 64 }).map((n) => n / 8);
/** A (D_minimax, D_max) pair. */
const dualModePair = fc.tuple(dualModeValue, dualModeValue);

/** The values of views A and B: two pairs, B bumped by 1 in its second value where it drew A's (a split differs). */
const viewValues = fc
  .tuple(dualModePair, dualModePair)
  .map(([A, B]) => ({ A, B: A[0] === B[0] && A[1] === B[1] ? ([B[0], B[1] + 1] as const) : B }));

/** One move of the collector among W witnesses: send a view to a witness, 0-2 tree sizes ahead. */
const collectorMove = (w: number) =>
  fc.record({
    witness: fc.integer({ min: 0, max: w - 1 }),
    view: fc.constantFrom('A' as const, 'B' as const),
    ahead: fc.constantFrom(0 as const, 1 as const, 2 as const),
  });

/**
 * An attack: w 1..MAXW (7), q 1..w, c 0..w, up to 14 moves; under OPTIONS.policy and OPTIONS.placement (either
 * when omitted). witnessKeys false keeps c = 0: the draft §2.3 adversary holds Byzantine cells and the collector
 * key, no witness key.
 */
export function attack(options: AttackOptions = {}): fc.Arbitrary<Attack> {
  const { policy, placement, maxW, witnessKeys } = attackSettings(options);
  return checked(
    fc.integer({ min: 1, max: maxW }).chain((w) =>
      fc.record({
        w: fc.constant(w),
        q: fc.integer({ min: 1, max: w }),
        c: witnessKeys ? fc.integer({ min: 0, max: w }) : fc.constant(0),
        policy: policy ? fc.constant(policy) : fc.constantFrom<Policy>('first-cosign-wins', 'c2sp'),
        placement: placement ? fc.constant(placement) : fc.constantFrom<Placement>('extension', 'in-leaf'),
        values: viewValues,
        moves: fc.array(collectorMove(w), { maxLength: 14 }),
      }),
    ),
    attackDomain(options),
  );
}

/** A witness's Ed25519 seed: 32 octets as lowercase hex (the unmapper makes the domain checkable). */
export const witnessSeedHex = fc.uint8Array({ minLength: 32, maxLength: 32 }).map(
  (b) => Buffer.from(b).toString('hex'),
  (v) => {
    if (typeof v !== 'string' || !/^[0-9a-f]{64}$/.test(v)) throw new Error('not 32 octets of lowercase hex');
    return Uint8Array.from(Buffer.from(v, 'hex'));
  },
);

/** A cosignature/v1 timestamp: 0 to 2^63 - 1, the largest a cosignature may carry (model/cosignature.ts). */
export const cosignatureTimestamp = fc.bigInt({ min: 0n, max: 2n ** 63n - 1n });
