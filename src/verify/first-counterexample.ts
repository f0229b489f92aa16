/**
 * The first counterexample of a verify target's exhaustive search as a value in the claim's generator domain
 * (issue 19, Deliver 2): breadth first meets a shortest violating state first; that state, read back as the claim's
 * arguments, is what a stored counterexample holds, so `perfsec replay` evaluates it through the claim's predicate.
 */
import { asStored } from '../engine/outcome.js';
import type { BoxState } from './box.js';
import { explore, type ExploreResult } from './explore.js';
import type { Scope, VerifyTarget } from './target.js';

/** What searching T within SCOPE gave: the exploration and, when it found one, its first counterexample's value. */
export interface FirstCounterexample {
  readonly result: ExploreResult;
  /** The violating state as the claim's arguments, through JSON (undefined: no counterexample, or none maps). */
  readonly value?: readonly unknown[];
}

/** The state S of T's model as the claim's arguments: T's own reading, else a box state's arguments. */
export function valueOfState(t: VerifyTarget, s: unknown): readonly unknown[] | undefined {
  if (t.argsOf) return t.argsOf(s);
  const args = (s as Partial<BoxState> | null)?.args;
  return Array.isArray(args) ? args : undefined;
}

/** Explores T within SCOPE (to its `depth`), at most MAXSTATES distinct states, keeping the first violating state. */
export function firstCounterexample(t: VerifyTarget, scope: Scope, maxStates: number): FirstCounterexample {
  const m = t.model(scope);
  let bad: unknown;
  let found = false;
  const result = explore(
    {
      ...m,
      check: (s) => {
        const v = m.check(s);
        if (v !== undefined && !found) [bad, found] = [s, true]; // the explorer stops at its first violation
        return v;
      },
    },
    { maxDepth: scope['depth'] ?? 0, maxStates },
  );
  const value = found ? valueOfState(t, bad) : undefined;
  return value ? { result, value: asStored(value) as unknown[] } : { result };
}
