/**
 * Running `perfsec verify` on one target: the scope parsed and checked against its parameters, the exploration,
 * and the outcome judged against what the project pins: a claim expected to hold must show no counterexample in
 * its scope; a claim pinned as refuted must show one no longer than its stored, shrunk counterexample (issue 19,
 * Deliver 2: the random search's shrinking is then shown minimal, or a shorter counterexample exists).
 */
import { InputError } from '../lib/errors.js';
import { explore, type ExploreResult } from './explore.js';
import { defaultScope, type Scope, type VerifyTarget } from './target.js';

/** What verifying one target gives. */
export interface VerifyOutcome {
  readonly claim: string;
  readonly scope: Scope;
  /** The scope in words. */
  readonly scopeText: string;
  readonly result: ExploreResult;
  /**
   * `verified`: no counterexample in the scope, as expected; `refuted-as-pinned`: a counterexample at most as
   * long as the stored one; `longer-than-stored`: only a longer one within the scope; `unexpected-counterexample`:
   * a claim expected to hold fails; `not-refuted-in-scope`: a pinned claim with no counterexample in the scope;
   * `incomplete`: no counterexample, but the state bound cut the search before the scope was covered.
   */
  readonly status: VerifyStatus;
}

/** The statuses of a verification (VerifyOutcome.status). */
export type VerifyStatus =
  | 'verified'
  | 'refuted-as-pinned'
  | 'longer-than-stored'
  | 'unexpected-counterexample'
  | 'not-refuted-in-scope'
  | 'incomplete';

/** True when a status is what the project pins (exit 0). */
export const asExpected = (s: VerifyStatus): boolean => s === 'verified' || s === 'refuted-as-pinned';

/** Parses `name=value,name=value` over the target's scope parameters (whole numbers inside their ranges). */
export function parseScope(t: VerifyTarget, text: string | undefined, depth: number | undefined): Scope {
  const scope: Record<string, number> = { ...defaultScope(t) };
  const set = (name: string, raw: string) => {
    const p = t.scope[name];
    if (!p)
      throw new InputError(
        `--scope: ${t.claim} has no parameter '${name}' (it has ${Object.keys(t.scope).join(', ')})`,
      );
    if (!/^\d{1,9}$/.test(raw)) throw new InputError(`--scope: ${name} must be a whole number, got '${raw}'`);
    const v = Number(raw);
    if (v < p.min || v > p.max) throw new InputError(`--scope: ${name} must be in ${p.min}..${p.max}, got ${v}`);
    scope[name] = v;
  };
  for (const part of (text ?? '').split(',').filter((x) => x !== '')) {
    const m = /^([a-z][a-z0-9_-]*)=(.*)$/i.exec(part.trim());
    if (!m) throw new InputError(`--scope: expected name=value, got '${part}'`);
    set(m[1]!, m[2]!);
  }
  if (depth !== undefined) set('depth', String(depth));
  return scope;
}

/** Verifies T within SCOPE, at most MAXSTATES distinct states. */
export function verifyTarget(
  t: VerifyTarget,
  scope: Scope,
  maxStates: number,
  onProgress?: (distinct: number, depth: number) => void,
): VerifyOutcome {
  const result = explore(t.model(scope), {
    maxDepth: scope['depth'] ?? 0,
    maxStates,
    ...(onProgress ? { onProgress } : {}),
  });
  const steps = result.counterexample ? result.counterexample.trace.length - 1 : undefined;
  const status: VerifyStatus =
    t.refutedWithin === undefined
      ? steps === undefined
        ? result.complete
          ? 'verified'
          : 'incomplete'
        : 'unexpected-counterexample'
      : steps === undefined
        ? 'not-refuted-in-scope'
        : steps <= t.refutedWithin
          ? 'refuted-as-pinned'
          : 'longer-than-stored';
  return { claim: t.claim, scope, scopeText: t.describe(scope), result, status };
}
