/**
 * The registry of theorems whose claims `perfsec search` and the validator know. Each theorem
 * issue adds its property file here.
 */
import type { Claim } from '../engine/claim.js';
import type { Theorem } from '../engine/theorem.js';
import tJcost1 from '../../properties/t-jcost-1.prop.js';
import tVdos1 from '../../properties/t-vdos-1.prop.js';
import tRc1 from '../../properties/t-rc-1.prop.js';
import tHkdfPs from '../../properties/t-hkdf-ps.prop.js';
import tCompSplit from '../../properties/t-comp-split.prop.js';
import { InputError } from '../lib/errors.js';

/** Every theorem, in the draft's order. */
export const THEOREMS: readonly Theorem[] = [
  tJcost1 as Theorem,
  tVdos1 as Theorem,
  tRc1 as Theorem,
  tHkdfPs as Theorem,
  tCompSplit as Theorem,
];

/** A claim with the theorem that states it, built against the faithful model. */
export interface RegisteredClaim {
  readonly theorem: Theorem;
  readonly claim: Claim;
}

/** Every claim of every theorem. */
export function allClaims(): RegisteredClaim[] {
  return THEOREMS.flatMap((theorem) => theorem.claims(theorem.model).map((claim) => ({ theorem, claim })));
}

/** The claims selected by a theorem id (T-JCOST-1) or a claim id (T-JCOST-1.ledger); all when omitted. */
export function selectClaims(selector?: string): RegisteredClaim[] {
  const all = allClaims();
  if (!selector) return all;
  const picked = all.filter(({ theorem, claim }) => theorem.id === selector || claim.id === selector);
  if (picked.length === 0) {
    const known = THEOREMS.map((t) => t.id).join(', ');
    throw new InputError(
      `no theorem or claim named '${selector}' (theorems: ${known}; claim ids: perfsec search --list)`,
    );
  }
  return picked;
}
