/**
 * Storing the counterexample an exhaustive search found (issue 19, Deliver 2): when `perfsec verify` finds a
 * pinned claim's counterexample shorter (fewer steps) or, in a box of equal depth, smaller in the box's order than
 * the stored one fast-check shrank to, the record keeps its id and becomes an exhaustive record: the value in the
 * claim's generator domain, the scope, depth and states it was found in, and fast-check's value as history.
 */
import fc from 'fast-check';
import type { Claim } from '../engine/claim.js';
import { isExhaustive, type CounterexampleRecord, type ExhaustiveRecord } from '../engine/counterexamples.js';
import { evaluate } from '../engine/outcome.js';
import { InputError } from '../lib/errors.js';
import { firstCounterexample } from './first-counterexample.js';
import { compareRanks, T_VDOS_1_RANKS } from './t-vdos-1-order.js';
import type { Scope, VerifyTarget } from './target.js';

/** `npx perfsec verify CLAIM --scope k=v,...` for T within SCOPE. */
export const verifyCommand = (t: VerifyTarget, scope: Scope): string =>
  `npx perfsec verify ${t.claim} --scope ${Object.entries(scope)
    .map(([k, v]) => `${k}=${v}`)
    .join(',')}`;

/**
 * The steps of OLD's value in T's model: an exhaustive record says; for one fast-check found, T's `refutedWithin`
 * (the stored length, which test/verify-t-*.test.ts check against the record's value).
 */
export const storedSteps = (t: VerifyTarget, old: CounterexampleRecord): number | undefined =>
  isExhaustive(old) ? old.exhaustive.depth : t.refutedWithin;

/**
 * Is FOUND (STEPS steps) smaller than OLD's value (STORED steps)? Fewer steps; at equal steps, earlier in the box's
 * order where the target has one (T-VDOS-1's ranks).
 */
export function smallerThanStored(
  t: VerifyTarget,
  found: readonly unknown[],
  steps: number,
  old: CounterexampleRecord,
  stored: number | undefined,
): boolean {
  if (stored === undefined || steps > stored) return false;
  if (steps < stored) return true;
  const rank = T_VDOS_1_RANKS[t.claim];
  return rank !== undefined && compareRanks(rank(found), rank(old.value)) < 0;
}

/**
 * The exhaustive record replacing OLD (same id) for claim C, found by T within SCOPE (at most MAXSTATES distinct
 * states); undefined when the search's first counterexample is not smaller than OLD's value (of STORED steps).
 */
export function exhaustiveRecord(
  c: Claim,
  t: VerifyTarget,
  scope: Scope,
  old: CounterexampleRecord,
  maxStates: number,
  stored: number | undefined = storedSteps(t, old),
): ExhaustiveRecord | undefined {
  const { result, value } = firstCounterexample(t, scope, maxStates);
  const steps = result.counterexample ? result.counterexample.trace.length - 1 : 0;
  if (!value) throw new InputError(`${t.claim}: no counterexample within the scope to store`);
  if (!smallerThanStored(t, value, steps, old, stored)) return undefined;
  const outcome = evaluate(c, value).outcome;
  if (outcome.kind !== 'fails')
    throw new Error(`${t.claim}: the search's counterexample does not fail the claim when evaluated: ${outcome.kind}`);
  const history = isExhaustive(old)
    ? old.shrunk_by_fast_check
    : {
        seed: old.seed,
        path: old.path,
        replayPath: old.replayPath,
        numRuns: old.numRuns,
        value: old.value,
        valueText: old.valueText,
        error: old.error,
        found_at: old.found_at,
      };
  return {
    schema: 'perfsec-counterexample-v1',
    id: old.id,
    theorem: old.theorem,
    property: old.property,
    claim: old.claim,
    origin: 'exhaustive',
    exhaustive: {
      target: t.claim,
      scope,
      scope_text: t.describe(scope),
      depth: steps,
      states: result.statesFound,
      distinct: result.distinctStates,
      transitions: result.transitions,
      command: verifyCommand(t, scope),
    },
    ...(history ? { shrunk_by_fast_check: history } : {}),
    value,
    valueText: fc.stringify(c.revive ? c.revive(value) : value),
    error: outcome.error,
    model: old.model,
    found_at: new Date().toISOString(),
    replay: `npx perfsec replay spec/counterexamples/${old.id}.json`,
  };
}
