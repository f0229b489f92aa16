/**
 * The keys the broker is given (draft §5): it takes K_v_epoch for CWT snapshots and K_BFD_auth per
 * (BFD session, epoch) as inputs; deriving them (draft §6 HKDF, model/hkdf.ts) is not its job.
 * The fixed keys the tests, searches and vectors use are in src/lib/test-keys.ts.
 */

/** Where the broker finds keys; undefined when none exists (the packet cannot authenticate). */
export interface KeyTable {
  /** K_v_epoch of a vantage (CWT Layer 1). */
  cwt(vantage: string, epoch: number): Uint8Array | undefined;
  /** K_BFD_auth of a session (draft §6 session_id) in an epoch. */
  bfd(sessionId: string, epoch: number): Uint8Array | undefined;
}
