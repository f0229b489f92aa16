/**
 * What the broker of draft §5 decides and why: the predicates (a), (b), (c) on one packet, the
 * five REJECT_REASONS as printed, the reasons this model adds for failures the draft has no code
 * for, and the mapping from failed predicates to a reason.
 */

/** draft §5 REJECT_REASONS, as printed. */
export const DRAFT_REASONS = ['bfd-replay', 'cwt-replay', 'double-replay', 'stale', 'epoch-mismatch'] as const;
/** Reasons this model adds: failures the draft's set has no code for. */
export const EXTRA_REASONS = ['auth-failure', 'malformed', 'unknown-session'] as const;
/** A draft reason. */
export type DraftReason = (typeof DRAFT_REASONS)[number];
/** Any reason the broker logs. */
export type RejectReason = DraftReason | (typeof EXTRA_REASONS)[number];

/** The kinds of packet the broker's §5 state machine decides on: a snapshot (path A) or a push (path B). */
export type BrokerPacketKind = 'snapshot' | 'push';

/** What the broker decided for one packet. */
export type Decision =
  | { readonly accepted: true; readonly kind: BrokerPacketKind; readonly detail: string }
  | {
      readonly accepted: false;
      readonly kind: BrokerPacketKind;
      readonly reason: RejectReason;
      readonly detail: string;
    };

/** The predicates of draft §5 on one packet; undefined where the packet carries no such field. */
export interface Predicates {
  readonly a?: boolean;
  readonly b?: boolean;
  readonly c?: boolean;
}

/** draft §5 REJECT_REASONS for failed predicates (replay before stale: the draft gives no order), or null. */
export function reasonFor(p: Predicates): DraftReason | null {
  if (p.a === false && p.b === false) return 'double-replay';
  if (p.a === false) return 'bfd-replay';
  if (p.b === false) return 'cwt-replay';
  if (p.c === false) return 'stale';
  return null;
}
