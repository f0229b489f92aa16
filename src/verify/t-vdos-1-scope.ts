/**
 * Scope parameters of the T-VDOS-1 verify targets (issue 19, Deliver 1): each bound of a box by name, with its
 * default (the box that ends in about a minute on the reference machine) and the range `--scope` accepts.
 */
import type { Claim } from '../engine/claim.js';
import tVdos1, { type FloodSubject } from '../../properties/t-vdos-1.prop.js';
import type { Scope, ScopeParam } from './target.js';

/** A scope parameter. */
export const param = (d: number, min: number, max: number, about: string): ScopeParam => ({
  default: d,
  min,
  max,
  about,
});

/** `depth` of a box target: no action, every scenario is an initial state. */
export const BOX_DEPTH = param(0, 0, 0, 'actions from an initial state (none: the scenarios are the box)');

/** The value of NAME in SCOPE (a missing name is a bug of the target). */
export function get(scope: Scope, name: string): number {
  const v = scope[name];
  if (v === undefined) throw new Error(`scope has no '${name}'`);
  return v;
}

/** The faithful subject the property file builds its claims against. */
export const FAITHFUL: FloodSubject = tVdos1.model;

/** The claim ID of T-VDOS-1 built against SUBJECT: the very predicate the property search runs. */
export function claimOf(subject: FloodSubject, id: string): Claim {
  const c = tVdos1.claims(subject).find((x) => x.id === id);
  if (!c) throw new Error(`properties/t-vdos-1.prop.ts declares no claim ${id}`);
  return c;
}

/** "{1, 2, 4}" */
export const setText = (xs: readonly unknown[]): string => `{${xs.join(', ')}}`;
