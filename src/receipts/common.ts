/**
 * What every Appendix B receipt shares: the draft handle and the issue-time format.
 */
import { CONSTANT_NAMES, type CostConstants } from '../../model/constants.js';

/** The value of every receipt's "draft" field: the I-D handle. */
export const DRAFT_HANDLE = 'draft-melegassi-mvps-perfsec-coupling-00';

/** DATE as RFC 3339 in UTC with a trailing Z and whole seconds, e.g. 2026-11-28T00:00:00Z. */
export function rfc3339Z(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('issued_at: invalid date');
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The constants in the draft's §1.3 order, nothing else (a constants file may carry more). */
export function orderedConstants(c: CostConstants): CostConstants {
  return Object.fromEntries(CONSTANT_NAMES.map((k) => [k, c[k]])) as unknown as CostConstants;
}
