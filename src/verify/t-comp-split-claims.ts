/**
 * The T-COMP-SPLIT claims the verify targets check (issue 19): the very predicates of the property file
 * (properties/t-comp-split.prop.ts), built against the subject handed in (the faithful witnesses unless a test hands
 * in broken ones).
 */
import tCompSplit, { type SplitSubject } from '../../properties/t-comp-split.prop.js';
import type { Claim } from '../engine/claim.js';

/** The faithful subject the property file builds its claims against. */
export const FAITHFUL_SPLIT: SplitSubject = tCompSplit.model;

/** The claim ID of T-COMP-SPLIT built against SUBJECT. */
export function splitClaim(subject: SplitSubject, id: string): Claim {
  const c = tCompSplit.claims(subject).find((x) => x.id === id);
  if (!c) throw new Error(`properties/t-comp-split.prop.ts declares no claim ${id}`);
  return c;
}
