/**
 * What evaluating a claim at one stored value shows (issue 16, "Replay is exact"): the claim holds,
 * fails (its predicate returned false, or threw the plain Error by which a claim names a
 * violation), the value is outside the claim's generator domain, or the evaluation crashed. Only
 * "fails" can refute; a crash (a TypeError from malformed data, a DomainError, an InputError) never
 * does, whatever it says.
 */
import fc from 'fast-check';
import { reasonOutside } from './generator-domain.js';
import type { Claim } from './claim.js';

/** The error fast-check records when a predicate returns false. */
export const RETURNED_FALSE = 'Property failed by returning false';

/** The outcome of one evaluation. */
export type Outcome =
  | { readonly kind: 'holds' }
  | { readonly kind: 'fails'; readonly error: string }
  | { readonly kind: 'outside-domain'; readonly reason: string }
  | { readonly kind: 'crashed'; readonly error: string };

/** The first line of a message, at most 160 characters (an error may quote a whole value). */
export function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}

/**
 * What a throw means. A claim reports a violation with a plain Error (properties/t-rc-1/observers.ts);
 * any subclass (TypeError, RangeError, DomainError, InputError, ...) or a thrown non-Error is a crash
 * of the model or of the data, never a refutation.
 */
export function classifyThrow(e: unknown): Outcome {
  if (e instanceof Error && Object.getPrototypeOf(e) === Error.prototype) return { kind: 'fails', error: e.message };
  const name = e instanceof Error ? e.name : typeof e;
  return { kind: 'crashed', error: firstLine(`${name}: ${e instanceof Error ? e.message : String(e)}`) };
}

/** What a predicate's return value means: false fails (as fast-check records it), anything else holds. */
export function classifyReturn(r: unknown): Outcome {
  return r === false ? { kind: 'fails', error: RETURNED_FALSE } : { kind: 'holds' };
}

/** Why STORED (one JSON value per arbitrary) is outside the claim's generator domain, or null. */
export function domainReason(c: Claim, stored: readonly unknown[]): string | null {
  const arbs = c.arbitraries as unknown as readonly fc.Arbitrary<unknown>[];
  if (!Array.isArray(stored) || stored.length !== arbs.length)
    return (
      `value must hold ${arbs.length} item(s), one per generator, ` +
      `got ${Array.isArray(stored) ? stored.length : typeof stored}`
    );
  for (let i = 0; i < arbs.length; i++) {
    const why = reasonOutside(arbs[i]!, stored[i], `value[${i}]`);
    if (why) return why;
  }
  return null;
}

/**
 * The arguments whose generator cannot recognise its own values (probed on a few, as stored: through
 * JSON): such a claim has no domain check and must give its generator one (src/engine/generator-domain.ts).
 */
export function uncheckedArguments(c: Claim, samples = 10): number[] {
  const arbs = c.arbitraries as unknown as readonly fc.Arbitrary<unknown>[];
  return arbs.flatMap((arb, i) =>
    fc.sample(arb, { seed: 1, numRuns: samples }).every((v) => reasonOutside(arb, asStored(v), 'value') === null)
      ? []
      : [i],
  );
}

/** V as a counterexample file stores it (JSON), or V itself when JSON cannot hold it (a bigint). */
export function asStored(v: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(v)) as unknown;
  } catch {
    return v;
  }
}

/** Evaluates the claim at STORED: the domain check first, then the predicate on the revived value. */
export function evaluate(c: Claim, stored: readonly unknown[]): { outcome: Outcome; evaluated: string | null } {
  let reason: string | null;
  try {
    reason = domainReason(c, stored);
  } catch (e) {
    // a bug of a check, never a pass
    return { outcome: { kind: 'crashed', error: firstLine(`checking the domain: ${String(e)}`) }, evaluated: null };
  }
  if (reason) return { outcome: { kind: 'outside-domain', reason }, evaluated: null };
  let args: unknown[];
  try {
    args = c.revive ? c.revive(stored) : [...stored];
  } catch (e) {
    return { outcome: { kind: 'crashed', error: firstLine(`reviving the value: ${String(e)}`) }, evaluated: null };
  }
  const evaluated = fc.stringify(args);
  try {
    return { outcome: classifyReturn((c.predicate as (...a: unknown[]) => unknown)(...args)), evaluated };
  } catch (e) {
    return { outcome: classifyThrow(e), evaluated };
  }
}
