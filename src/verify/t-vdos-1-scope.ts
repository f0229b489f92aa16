/**
 * The T-VDOS-1 verify targets' claims: the very predicates the property search runs, built against the faithful
 * subject or a mutant (the shared scope helpers are in src/verify/scope.ts).
 */
import type { Claim } from '../engine/claim.js';
import tVdos1, { type FloodSubject } from '../../properties/t-vdos-1.prop.js';

/** The faithful subject the property file builds its claims against. */
export const FAITHFUL: FloodSubject = tVdos1.model;

/** The claim ID of T-VDOS-1 built against SUBJECT: the very predicate the property search runs. */
export function claimOf(subject: FloodSubject, id: string): Claim {
  const c = tVdos1.claims(subject).find((x) => x.id === id);
  if (!c) throw new Error(`properties/t-vdos-1.prop.ts declares no claim ${id}`);
  return c;
}
