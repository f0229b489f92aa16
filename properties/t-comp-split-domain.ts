/**
 * The domain of T-COMP-SPLIT's attack generator (issue 16, "Replay is exact"): what
 * attack(options) in t-comp-split-generators.ts draws, checked on a stored
 * value before a replay evaluates it (the generator is a chain, which fast-check cannot check).
 */
import type { Attack, Placement, Policy } from '../model/collector.js';
import { arrayOf, fields, int, keys, oneOf, record, type Check } from '../src/engine/generator-domain.js';

/**
 * Which attacks to draw: one witness policy and one placement (either when omitted), at most maxW (7) witnesses,
 * and whether the adversary may hold witness keys (witnessKeys, true; false keeps c = 0).
 */
export interface AttackOptions {
  readonly policy?: Policy;
  readonly placement?: Placement;
  readonly maxW?: number;
  readonly witnessKeys?: boolean;
}

/** The options an attack is drawn under, with the defaults filled in (at most 7 witnesses, witness keys allowed). */
export function attackSettings(options: AttackOptions) {
  return {
    policy: options.policy,
    placement: options.placement,
    maxW: options.maxW ?? 7,
    witnessKeys: options.witnessKeys ?? true,
  };
}

const POLICIES: readonly Policy[] = ['first-cosign-wins', 'c2sp'];
const PLACEMENTS: readonly Placement[] = ['extension', 'in-leaf'];
const eighth = (x: unknown): boolean => Number.isInteger((x as number) * 8) && (x as number) >= 0 && (x as number) <= 8;

/**
 * The two views' values: eighths in [0, 8]; B differs from A, bumped by 1 in its second value where the draw equalled
 * A.
 */
const valuesDomain: Check = (v, at) => {
  const pair: Check = (p, where) =>
    Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'number')
      ? null
      : `${where} must be a pair of numbers`;
  const why = record({ A: pair, B: pair })(v, at);
  if (why) return why;
  const { A, B } = v as { A: [number, number]; B: [number, number] };
  if (!eighth(A[0]) || !eighth(A[1]) || !eighth(B[0])) return `${at} values must be eighths in [0, 8]`;
  const drawn = eighth(B[1]) && !(A[0] === B[0] && A[1] === B[1]);
  const bumped = B[0] === A[0] && B[1] - 1 === A[1];
  return drawn || bumped
    ? null
    : `${at}.B must differ from ${at}.A (its second value an eighth in [0, 8], or A's plus 1)`;
};

/** What attack(OPTIONS) draws: q and c within w, moves naming witnesses below w. */
export function attackDomain(options: AttackOptions = {}): Check {
  const { policy, placement, maxW, witnessKeys } = attackSettings(options);
  return (v, at) => {
    const head =
      keys(['w', 'q', 'c', 'policy', 'placement', 'values', 'moves'])(v, at) ?? fields({ w: int(1, maxW) })(v, at);
    if (head) return head;
    const w = (v as Attack).w;
    return fields({
      q: int(1, w),
      c: witnessKeys ? int(0, w) : oneOf([0]),
      policy: oneOf(policy ? [policy] : POLICIES),
      placement: oneOf(placement ? [placement] : PLACEMENTS),
      values: valuesDomain,
      moves: arrayOf(record({ witness: int(0, w - 1), view: oneOf(['A', 'B']), ahead: oneOf([0, 1, 2]) }), 0, 14),
    })(v, at);
  };
}
