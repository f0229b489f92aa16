/**
 * Regenerating a counterexample an exhaustive search found (issue 19, Deliver 2): the record names its verify target,
 * scope and depth instead of a seed and path; `perfsec replay` re-runs that search, bounded, and the record
 * reproduces only when the search's first counterexample is the stored value and fails the claim with the stored
 * error (src/engine/replay.ts compares). A scope that is not the target's, or a search that needs more states than
 * the record says it took (twice, within REPLAY_LIMITS), is not a regeneration.
 */
import type { Claim } from '../engine/claim.js';
import { REPLAY_LIMITS, type ExhaustiveRecord } from '../engine/counterexamples.js';
import { evaluate, firstLine } from '../engine/outcome.js';
import type { RerunOutcome } from '../engine/replay.js';
import { firstCounterexample } from './first-counterexample.js';
import { VERIFY_TARGETS } from './registry.js';
import type { Scope, VerifyTarget } from './target.js';

/** Why SCOPE is not a scope of T (every parameter named once, each inside its range), or undefined. */
export function scopeProblem(t: VerifyTarget, scope: Readonly<Record<string, number>>): string | undefined {
  const names = Object.keys(t.scope);
  const extra = Object.keys(scope).find((k) => !names.includes(k));
  if (extra !== undefined) return `${t.claim} has no scope parameter '${firstLine(extra)}'`;
  const missing = names.find((k) => scope[k] === undefined);
  if (missing !== undefined) return `the scope lacks '${missing}'`;
  const off = names.find((k) => !(scope[k]! >= t.scope[k]!.min && scope[k]! <= t.scope[k]!.max));
  return off === undefined
    ? undefined
    : `scope ${off}=${scope[off]} is outside ${t.scope[off]!.min}..${t.scope[off]!.max}`;
}

/** The distinct states a regeneration may visit: twice what the record says, at least 1000, within the budget. */
export const regenerationBound = (cx: ExhaustiveRecord): number =>
  Math.min(REPLAY_LIMITS.distinct, Math.max(1000, 2 * cx.exhaustive.distinct));

/** Re-runs CX's exhaustive search for claim C: the outcome at the first counterexample it finds, and its value. */
export function regenerate(c: Claim, cx: ExhaustiveRecord): { outcome: RerunOutcome; value: unknown } {
  const e = cx.exhaustive;
  const unwalkable = (reason: string) => ({ outcome: { kind: 'unwalkable' as const, reason }, value: undefined });
  if (e.target !== cx.property)
    return unwalkable(`the search names target ${firstLine(e.target)}, the record claim ${cx.property}`);
  const t = VERIFY_TARGETS.find((x) => x.claim === e.target);
  if (!t) return unwalkable(`perfsec verify has no target ${firstLine(e.target)}`);
  const problem = scopeProblem(t, e.scope);
  if (problem) return unwalkable(problem);
  const bound = regenerationBound(cx);
  const { result, value } = firstCounterexample(t, e.scope as Scope, bound);
  if (!value)
    return result.counterexample
      ? unwalkable(`the target's states do not map into the claim's generator domain`)
      : result.complete
        ? { outcome: { kind: 'holds' }, value: undefined } // the whole scope, no counterexample
        : unwalkable(`it finds no counterexample within ${bound} distinct states`);
  const steps = result.counterexample!.trace.length - 1;
  if (steps !== e.depth) return unwalkable(`it finds a counterexample of ${steps} step(s), the record says ${e.depth}`);
  return { outcome: evaluate(c, value).outcome, value };
}
