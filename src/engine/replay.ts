/**
 * Replaying a stored counterexample exactly (issue 16, "Replay is exact"). A record reproduces only
 * when (1) its value lies in the claim's generator domain and the claim FAILS there with the very
 * error the record names, and (2) fast-check, from the record's seed and path, regenerates that same
 * value and it fails the same way. A hold, a crash, another error, a value outside the domain or a
 * path fast-check cannot walk is "NOT reproduced", with the reason on one line.
 * A record an exhaustive search found (issue 19) has no seed or path: step (2) is the bounded search
 * re-run by the caller that can (`perfsec replay` hands in src/verify/regenerate.ts), else skipped,
 * and the summary says which.
 */
import fc from 'fast-check';
import type { Claim } from './claim.js';
import { asStored, classifyReturn, classifyThrow, evaluate, firstLine, type Outcome } from './outcome.js';
import { isExhaustive, type CounterexampleRecord, type ExhaustiveRecord } from './counterexamples.js';

/**
 * What the regeneration showed: the outcome at the value the seed and path (or the exhaustive search) lead to, or
 * why there is none; `skipped` for an exhaustive record replayed without its search.
 */
export type RerunOutcome =
  | Outcome
  | { readonly kind: 'unwalkable'; readonly reason: string }
  | { readonly kind: 'other-value' }
  | { readonly kind: 'skipped'; readonly reason: string };

/**
 * Re-runs the exhaustive search an exhaustive record names (within its scope, to its depth, bounded): the outcome
 * at the first counterexample it finds, and that value as the record would store it (undefined when none).
 */
export type Regenerate = (cx: ExhaustiveRecord) => { outcome: RerunOutcome; value: unknown };

/** What a replay of a stored counterexample showed. */
export interface ReplayOutcome {
  /** The record reproduces: its value and its seed and path both fail the claim with its error. */
  readonly reproduced: boolean;
  /** The claim at the stored value. */
  readonly value: Outcome;
  /** The seed and path re-run; null when the stored value already does not reproduce (no need to search). */
  readonly seed: RerunOutcome | null;
  /** The value evaluated, as fast-check prints it (revived: commands as calls); null when not evaluated. */
  readonly evaluated: string | null;
  /** One line for people: "reproduced: ..." or "NOT reproduced: ...: reason". */
  readonly summary: string;
}

/** Is OUTCOME the failure the record names? */
function failsAsRecorded(o: Outcome | RerunOutcome, cx: CounterexampleRecord): boolean {
  return o.kind === 'fails' && cx.error !== null && o.error === cx.error;
}

/** The path for a summary line: itself when short, else its length (it may hold a thousand steps). */
function pathText(p: string): string {
  return p.length <= 60 ? p : `(${p.split(':').length} steps)`;
}

/** Why OUTCOME does not reproduce the record, as a phrase. */
function why(o: Outcome | RerunOutcome, cx: CounterexampleRecord, subject: string): string {
  switch (o.kind) {
    case 'outside-domain':
      return `${subject} is outside the claim's domain: ${o.reason}`;
    case 'holds':
      return `the claim holds at ${subject}`;
    case 'crashed':
      return `evaluating ${subject} crashed (${o.error}), which refutes nothing`;
    case 'unwalkable':
      return `fast-check cannot replay ${subject}: ${o.reason}`;
    case 'other-value':
      return `${subject} leads to another value than the stored one`;
    case 'skipped':
      return `${subject} was not re-run (${o.reason})`;
    case 'fails':
      return cx.error === null
        ? `${subject} fails, but the record names no error`
        : `${subject} fails with another error (${JSON.stringify(firstLine(o.error))}) ` +
            `than the record names (${JSON.stringify(firstLine(cx.error))})`;
  }
}

/**
 * Re-runs the claim from SEED and PATH: exactly one evaluation, at the value the path leads to
 * (endOnFailure: no further shrinking; numRuns 1 and a predicate that evaluates once: a path whose
 * value holds does not go on to search, which the record's numRuns could make last for hours).
 */
export function rerun(c: Claim, seed: number, path: string): { outcome: RerunOutcome; value: unknown } {
  let first: Outcome | undefined;
  const predicate = (...args: unknown[]): boolean => {
    if (first) return true; // later values: fast-check's own walk goes on; no model work
    try {
      first = classifyReturn((c.predicate as (...a: unknown[]) => unknown)(...args));
    } catch (e) {
      first = classifyThrow(e);
    }
    return true;
  };
  let value: unknown;
  try {
    const p = fc.property(...(c.arbitraries as unknown as [fc.Arbitrary<unknown>]), (...args: unknown[]) => {
      value ??= args;
      return predicate(...args);
    });
    fc.check(p, { seed, path, numRuns: 1, endOnFailure: true });
  } catch (e) {
    return {
      outcome: {
        kind: 'unwalkable',
        reason: /wrong path|invalid path/.test(String(e))
          ? 'the path names a shrink step that does not exist'
          : firstLine(String(e)),
      },
      value,
    };
  }
  return { outcome: first ?? { kind: 'unwalkable', reason: 'the path leads to no value' }, value };
}

/** The exhaustive search of a record, in a few words: "exhaustive search of T-RC-1.A.iff-printed to depth 2". */
function searchText(cx: ExhaustiveRecord): string {
  const e = cx.exhaustive;
  return `exhaustive search of ${e.target} to depth ${e.depth} (${e.distinct} distinct states)`;
}

/**
 * Replays a counterexample: evaluates the claim on the stored value, then regenerates it: from its seed and path,
 * or, for a record an exhaustive search found, with REGENERATE when given (skipped, and said so, otherwise).
 */
export function replay(c: Claim, cx: CounterexampleRecord, regenerate?: Regenerate): ReplayOutcome {
  const { outcome: value, evaluated } = evaluate(c, cx.value);
  const where = `${cx.id} on ${c.id}`;
  if (!failsAsRecorded(value, cx))
    return {
      reproduced: false,
      value,
      seed: null,
      evaluated,
      summary: `NOT reproduced: ${where}: ${why(value, cx, 'the stored value')}`,
    };
  if (isExhaustive(cx) && !regenerate)
    return {
      reproduced: true,
      value,
      seed: { kind: 'skipped', reason: 'found by exhaustive search: no seed and path to regenerate it from' },
      evaluated,
      summary:
        `reproduced: ${cx.id} refutes ${c.id} (stored value, found by ${searchText(cx)}; ` +
        'no seed and path: regeneration skipped)',
    };
  const recipe = isExhaustive(cx) ? searchText(cx) : `seed ${cx.seed} path ${pathText(cx.path)}`;
  const again = isExhaustive(cx) ? regenerate!(cx) : rerun(c, cx.seed, cx.path);
  const sameValue = JSON.stringify(asStored(again.value)) === JSON.stringify(cx.value);
  const seed: RerunOutcome = failsAsRecorded(again.outcome, cx) && !sameValue ? { kind: 'other-value' } : again.outcome;
  const reproduced = failsAsRecorded(seed, cx);
  return {
    reproduced,
    value,
    seed,
    evaluated,
    summary: reproduced
      ? `reproduced: ${cx.id} refutes ${c.id} (stored value, and ${recipe}${isExhaustive(cx) ? ' finds it first' : ''})`
      : `NOT reproduced: ${where}: the stored value fails as recorded, but ${why(seed, cx, recipe)}`,
  };
}
