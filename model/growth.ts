/**
 * Growth and magnitude words as computable properties (issue 18, Deliver 4: "asymptotics and ratios computed,
 * not judged"). The draft says linear, SUBLINEARLY, near-constant, "orders of magnitude"; each word is given one
 * or more precise meanings here, and the audit (src/audit/growth.ts) evaluates them on the project's models.
 *
 * Definitions (f a function of x > 0, sampled on a grid that doubles x):
 * - secant slope over one doubling: s(x) = (f(x) - f(x/2)) / (x/2);
 * - local growth exponent at x: e(x) = 1 + log2(s(x) / s(x/2)). For f = a + b x^p (b > 0, p > 0) e -> p; for an
 *   affine function (p = 1, any intercept a) e = 1 exactly, so an intercept cannot pass for sublinear growth;
 * - LINEAR: e within EXPONENT_TOL of 1 and s > 0 at the top of the grid. Then f(x)/x -> s, a finite positive
 *   limit, and f(2x)/f(x) -> 2 (both reported): the definition "f(2x)/f(x) -> 2 and f(x)/x has a finite positive
 *   limit", with the limit estimated by the secant slope, which the intercept does not disturb;
 * - SUBLINEAR (asymptotic, the standard meaning, f = o(x)): e below 1 - EXPONENT_TOL at the top of the grid, or f
 *   not increasing there: the secant slope keeps shrinking, so f(x)/x -> 0;
 * - SUB-PROPORTIONAL (the looser engineering usage, "doubling x less than doubles f"): f(2x)/f(x) < 2 for every
 *   doubling on the grid. Every affine function with a positive intercept is sub-proportional and linear;
 * - NEAR-CONSTANT over a range within a factor K: max/min of f over the range <= K (spread);
 * - ORDERS OF MAGNITUDE of a ratio r: log10 r. "k orders" read as the nearest order (round(log10 r) = k) or as
 *   the order band (floor(log10 r) = k, i.e. 10^k <= r < 10^(k+1)).
 */

/** Exponents closer than this are the same growth (1 %); a grid's top is far enough for an intercept to vanish. */
export const EXPONENT_TOL = 0.01;

/** x from FROM to TO (inclusive), each twice the one before. */
export function doublingGrid(from: number, to: number): number[] {
  if (!(from > 0) || !(to >= from)) throw new RangeError(`doubling grid: need 0 < from <= to, got ${from}..${to}`);
  const xs: number[] = [];
  for (let x = from; x <= to; x *= 2) xs.push(x);
  return xs;
}

/** What the tail of a doubling grid says about f's growth. */
export interface Asymptotics {
  /** The top of the grid. */
  readonly x: number;
  /** Secant slope over the last doubling: the estimate of lim f(x)/x when f is linear. */
  readonly slope: number;
  /** f(x)/x at the top. */
  readonly perX: number;
  /** f(x)/f(x/2) at the top. */
  readonly doubling: number;
  /** Local growth exponent at the top (0 when f does not increase there). */
  readonly exponent: number;
}

/** The asymptotics of YS = f(XS) on a doubling grid of at least three points. */
export function asymptotics(xs: readonly number[], ys: readonly number[]): Asymptotics {
  const n = xs.length;
  if (n < 3 || ys.length !== n) throw new RangeError('asymptotics: need at least three points, one value each');
  for (let i = 1; i < n; i++)
    if (xs[i]! !== 2 * xs[i - 1]!) throw new RangeError('asymptotics: the grid must double x at each step');
  const secant = (i: number) => (ys[i]! - ys[i - 1]!) / (xs[i]! - xs[i - 1]!);
  const s1 = secant(n - 1);
  const s0 = secant(n - 2);
  // a function that stops increasing grows no faster than a constant: exponent 0
  const exponent = s1 <= 0 ? 0 : s0 <= 0 ? Infinity : 1 + Math.log2(s1 / s0);
  return { x: xs[n - 1]!, slope: s1, perX: ys[n - 1]! / xs[n - 1]!, doubling: ys[n - 1]! / ys[n - 2]!, exponent };
}

/** Linear (module comment): exponent 1 within EXPONENT_TOL and a positive secant slope. */
export function isLinear(a: Asymptotics): boolean {
  return a.slope > 0 && Math.abs(a.exponent - 1) < EXPONENT_TOL;
}

/** Sublinear in the asymptotic sense, f(x)/x -> 0 (module comment). */
export function isSublinear(a: Asymptotics): boolean {
  return a.exponent < 1 - EXPONENT_TOL;
}

/** Sub-proportional: f(2x)/f(x) < 2 at every doubling of the grid (module comment). */
export function isSubProportional(ys: readonly number[]): boolean {
  return ys.every((y, i) => i === 0 || y < 2 * ys[i - 1]!);
}

/** max/min of positive VALUES: how far from constant they are (1 = constant). */
export function spread(values: readonly number[]): number {
  if (values.length === 0 || values.some((v) => !(v > 0))) throw new RangeError('spread: need positive values');
  return Math.max(...values) / Math.min(...values);
}

/** log10 of a positive ratio: its size in orders of magnitude. */
export function ordersOf(ratio: number): number {
  if (!(ratio > 0)) throw new RangeError(`orders of magnitude: need a positive ratio, got ${ratio}`);
  return Math.log10(ratio);
}

/** "k orders" read as the nearest order: round(log10 r). */
export const nearestOrder = (ratio: number): number => Math.round(ordersOf(ratio));
/** "k orders" read as the band 10^k <= r < 10^(k+1): floor(log10 r). */
export const orderBand = (ratio: number): number => Math.floor(ordersOf(ratio));

/**
 * The smallest X in [LO, HI] where the monotone predicate HOLDS becomes true, by bisection to TOL (HI when it holds
 * only there, undefined when it never holds on [LO, HI]).
 */
export function threshold(holds: (x: number) => boolean, lo: number, hi: number, tol = 1e-6): number | undefined {
  if (!holds(hi)) return undefined;
  if (holds(lo)) return lo;
  let [a, b] = [lo, hi];
  while (b - a > tol * Math.max(1, Math.abs(b))) {
    const m = (a + b) / 2;
    if (holds(m)) b = m;
    else a = m;
  }
  return b;
}
