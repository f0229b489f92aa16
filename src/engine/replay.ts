/**
 * Replaying a stored counterexample exactly (issue 16, "Replay is exact"). A record reproduces only
 * when (1) its value lies in the claim's generator domain and the claim FAILS there with the very
 * error the record names, and (2) fast-check, from the record's seed and path, regenerates that same
 * value and it fails the same way. A hold, a crash, another error, a value outside the domain or a
 * path fast-check cannot walk is "NOT reproduced", with the reason on one line.
 */
import fc from 'fast-check';
import type { Claim } from './claim.js';
import { asStored, classifyReturn, classifyThrow, evaluate, firstLine, type Outcome } from './outcome.js';
import type { CounterexampleRecord } from './counterexamples.js';

/** What the seed and path re-run showed: the outcome at the value they lead to, or why there is none. */
export type RerunOutcome =
  Outcome | { readonly kind: 'unwalkable'; readonly reason: string } | { readonly kind: 'other-value' };

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

/** Replays a counterexample: evaluates the claim on the stored value, then re-runs its seed and path. */
export function replay(c: Claim, cx: CounterexampleRecord): ReplayOutcome {
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
  const recipe = `seed ${cx.seed} path ${pathText(cx.path)}`;
  const again = rerun(c, cx.seed, cx.path);
  const sameValue = JSON.stringify(asStored(again.value)) === JSON.stringify(cx.value);
  const seed: RerunOutcome = failsAsRecorded(again.outcome, cx) && !sameValue ? { kind: 'other-value' } : again.outcome;
  const reproduced = failsAsRecorded(seed, cx);
  return {
    reproduced,
    value,
    seed,
    evaluated,
    summary: reproduced
      ? `reproduced: ${cx.id} refutes ${c.id} (stored value, and ${recipe})`
      : `NOT reproduced: ${where}: the stored value fails as recorded, but ${why(seed, cx, recipe)}`,
  };
}
