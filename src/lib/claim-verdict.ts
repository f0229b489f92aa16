/**
 * The one verdict vocabulary about a claim of the draft (issue 17, "One claim engine"), spoken alike
 * by the printed numbers (spec/claims/*.json, src/lib/claims.ts), the searched statements and the
 * audit (src/audit/audit.ts, docs/ERRATA.md). Two other words are about other things and stay:
 * a receipt's PASS/FAIL is the draft's Appendix B format, and "reproduced" in a replay is said of a
 * stored counterexample, not of a claim (src/engine/replay.ts).
 */

/**
 * What the project finds about one claim of the draft:
 * - `holds`: the model gives the printed number at the printed precision, or the statement's search
 *   finds no counterexample;
 * - `holds within rounding`: the printed number is off at its printed precision, but within the
 *   relative tolerance its claim states (an approximate figure: "~2 %", "about 200");
 * - `refuted`: the model gives another number, or a counterexample (stored, replayable) falsifies
 *   the statement;
 * - `ambiguous`: the text admits several readings, and they disagree on whether the number holds.
 */
export type ClaimVerdict = 'holds' | 'holds within rounding' | 'refuted' | 'ambiguous';

/** Every verdict, in the order reports count them. */
export const CLAIM_VERDICTS: readonly ClaimVerdict[] = ['holds', 'holds within rounding', 'refuted', 'ambiguous'];
