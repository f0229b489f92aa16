/** Tolerance helpers: whether two computed numbers agree, relatively, and never when one is not finite. */

/** A within REL of B, relative to |B| alone (for small quantities such as slopes). */
export function within(a: number, b: number, rel: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false; // issue 16: Infinity is near nothing
  return Math.abs(a - b) <= rel * Math.abs(b);
}

/**
 * |a - b| within a relative tolerance, never finer than REL absolute (floating sums in a different order differ in the
 * last bits).
 */
export function near(a: number, b: number, rel = 1e-9): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false; // issue 16: Infinity is near nothing
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}
