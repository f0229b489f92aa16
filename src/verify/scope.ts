/**
 * Helpers every verify target shares (issue 19): a scope parameter, the `depth` of a box with no actions, reading a
 * scope, and sets in scope descriptions.
 */
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

/** "{1, 2, 4}" */
export const setText = (xs: readonly unknown[]): string => `{${xs.join(', ')}}`;
