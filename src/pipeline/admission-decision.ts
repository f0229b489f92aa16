/**
 * What the admission pipeline decides for one packet, as a small integer (no allocation per
 * packet), and the stage that decided. Reasons map onto the broker's (model/reject-reasons.ts)
 * plus the two only a pipeline has: dropped by the rate limit (draft §4.1 step 3), and a snapshot
 * whose vantage_id is not the vantage of the connection it arrived on.
 */
import type { RejectReason } from '../../model/reject-reasons.js';

/** Admission decision codes (AdmissionDecision), one per outcome of the pipeline for one packet. */
export const DECISION = {
  accepted: 0,
  rateLimited: 1,
  malformed: 2,
  unknownSession: 3,
  epochMismatch: 4,
  authFailure: 5,
  bfdReplay: 6,
  cwtReplay: 7,
  stale: 8,
  headerMismatch: 9,
} as const;
/** One admission decision: the code of what the pipeline decided for one packet (not a claim verdict). */
export type AdmissionDecision = (typeof DECISION)[keyof typeof DECISION];

/** Name of each code. */
export const DECISION_NAMES = [
  'accepted',
  'rate-limited',
  'malformed',
  'unknown-session',
  'epoch-mismatch',
  'auth-failure',
  'bfd-replay',
  'cwt-replay',
  'stale',
  'header-mismatch',
] as const;

/** The broker reason of a rejection decision, or undefined for the pipeline-only ones. */
export function brokerReason(v: AdmissionDecision): RejectReason | undefined {
  const name = DECISION_NAMES[v];
  return name === 'accepted' || name === 'rate-limited' || name === 'header-mismatch' ? undefined : name;
}
