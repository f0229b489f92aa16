/**
 * Tolerance helpers, the project's only ones: whether two computed numbers agree, relatively, and
 * never when one is not finite.
 */

/** Whether every number is finite: a NaN or infinite operand or tolerance makes any comparison false. */
const allFinite = (...xs: readonly number[]): boolean => xs.every((x) => Number.isFinite(x));

/** A within REL of B, relative to |B| alone (for small quantities such as slopes). */
export function within(a: number, b: number, rel: number): boolean {
  if (!allFinite(a, b, rel)) return false; // issue 16: Infinity is near nothing
  return Math.abs(a - b) <= rel * Math.abs(b);
}

/**
 * |a - b| within a relative tolerance, never finer than REL absolute (floating sums in a different
 * order differ in the last bits).
 */
export function near(a: number, b: number, rel = 1e-9): boolean {
  if (!allFinite(a, b, rel)) return false; // issue 16: Infinity is near nothing
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * |a - b| <= relTol * max(|a|, |b|): equal up to a relative tolerance (0 only matches 0). A
 * non-finite operand is never close to anything, itself included (issue 16: Infinity made
 * relTol * max(|a|, |b|) infinite, so every number passed).
 */
export function closeTo(a: number, b: number, relTol: number): boolean {
  if (!allFinite(a, b, relTol)) return false;
  return a === b || Math.abs(a - b) <= relTol * Math.max(Math.abs(a), Math.abs(b));
}
