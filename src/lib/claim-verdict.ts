/**
 * The one verdict vocabulary about a claim of the draft (issue 17, "One claim engine"), and the one rule that
 * turns a search over the choices the draft leaves open into a verdict (issue 18, Deliver 1; the README's
 * "Verdict rule" states it in words). Spoken alike by the printed numbers (spec/claims/*.json,
 * src/lib/claims.ts), the searched statements and the audit (src/audit/audit.ts, docs/ERRATA.md). Two other
 * words are about other things and stay: a receipt's PASS/FAIL is the draft's Appendix B format, and
 * "reproduced" in a replay is said of a stored counterexample, not of a claim (src/engine/replay.ts).
 */

/**
 * What the project finds about one claim of the draft, over every admissible choice the draft leaves open
 * (a duration, an accounting granularity, a budget reading, a rounding rule, a byte encoding, ...):
 * - `holds`: every admissible choice reproduces the printed value at its printed precision (or the
 *   statement's search finds no counterexample under any reading);
 * - `holds within rounding`: every admissible choice reproduces it within the tolerance its claim states
 *   ("~2 %", "about 200"), some only there;
 * - `holds under`: some admissible choices reproduce it and others do not: the claim names the ones that do;
 * - `refuted`: no admissible choice reproduces it (the closest value and its choice are shown), or a
 *   stored, replayable counterexample falsifies the statement under every reading;
 * - `underspecified`: the readings disagree on a security or interoperability property (two implementations
 *   following the text would not interoperate, or would not be equally safe).
 */
export type ClaimVerdict = 'holds' | 'holds within rounding' | 'holds under' | 'refuted' | 'underspecified';

/** Every verdict, in the order reports count them. */
export const CLAIM_VERDICTS: readonly ClaimVerdict[] = [
  'holds',
  'holds within rounding',
  'holds under',
  'refuted',
  'underspecified',
];

/** The verdict at one point of the choice space: one reading, one value of each free parameter. */
export type PointVerdict = 'holds' | 'holds within rounding' | 'refuted';

/**
 * The verdict rule (README, "Verdict rule"), written once. POINTS are the verdicts at every admissible
 * choice the search visited (at least one). INTEROP is set for a claim whose readings fix a security or
 * interoperability property (a key, a byte string, an acceptance decision): when its readings disagree, the
 * verdict is `underspecified` whatever the printed value, since two implementations following the text
 * would differ.
 */
export function ruleVerdict(points: readonly PointVerdict[], options: { interop?: boolean } = {}): ClaimVerdict {
  if (points.length === 0) throw new Error('verdict rule: no admissible choice was evaluated');
  const reproduce = points.filter((p) => p !== 'refuted').length;
  if (options.interop && reproduce > 0 && reproduce < points.length) return 'underspecified';
  if (reproduce === 0) return 'refuted';
  if (reproduce < points.length) return 'holds under';
  return points.every((p) => p === 'holds') ? 'holds' : 'holds within rounding';
}

/** A verdict that reports a problem in the draft's text (an erratum's symptom, or a consequence to consider). */
export function isFinding(v: ClaimVerdict): boolean {
  return v === 'refuted' || v === 'holds under' || v === 'underspecified';
}
