/**
 * The one "assert finite" check of every output point (issue 16, Deliver 2): a computed quantity
 * that reaches a verdict, a receipt or a printed line must be a finite number. Infinity or NaN in
 * a result is an error, never a pass: bad input (exit 2) when the user's inputs produced it, an
 * internal error (exit 3) when only the project's own data went in.
 */
import { InputError } from './errors.js';

/** Who is to blame for a non-finite result: the user's inputs (exit 2) or the project (exit 3). */
export type Blame = 'input' | 'internal';

/** Documents nest a few levels; deeper than this is not a result the project builds. */
const MAX_DEPTH = 64;

/**
 * The JSON-pointer-like path of the first non-finite number inside VALUE, with the number; undefined when all are
 * finite.
 */
export function firstNonFinite(
  value: unknown,
  at = '',
  depth = 0,
): { readonly path: string; readonly value: number } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path: at || '(value)', value };
  if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) return undefined;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [k, v] of entries) {
    const found = firstNonFinite(v, `${at}/${k}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * VALUE when every number in it is finite; otherwise InputError (BLAME 'input') or Error
 * ('internal') "WHAT: PATH is Infinity, not a finite number".
 */
export function assertFinite<T>(value: T, what: string, blame: Blame): T {
  const bad = firstNonFinite(value);
  if (!bad) return value;
  const message = `${what}: ${bad.path} is ${bad.value}, not a finite number`;
  throw blame === 'input' ? new InputError(message) : new Error(message);
}
