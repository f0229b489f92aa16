/**
 * The models keep time in whole µs and factors in whole hundredths so that token and arrival
 * arithmetic stays in integers; a parameter given more finely is rejected, not rounded.
 */

/** Whether v * perUnit is a whole number, up to float rounding (2.01 * 100 is 200.99999999999997). */
export function isWholeIn(v: number, perUnit: number): boolean {
  const x = v * perUnit;
  // Stryker disable next-line EqualityOperator: a residual of exactly 1e-6 cannot arise from a value given in decimal
  // digits
  return Math.abs(x - Math.round(x)) <= 1e-6;
}
