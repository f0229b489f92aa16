/**
 * T-RC-1's record of one honest packet, shared by the world (properties/t-rc-1/world.ts), the
 * adversary that replays and forges from it, and the reference that says what the broker should do.
 */
import type { BrokerPacketKind } from '../../model/broker.js';

/** One packet an honest vantage emitted. */
export interface Emitted {
  readonly id: number;
  readonly kind: BrokerPacketKind;
  readonly bytes: Uint8Array;
  readonly hex: string;
  readonly vantage: string;
  /** Push: the session; snapshot: (vantage, epoch). */
  readonly stream: string;
  /** Position in its stream (0, 1, ...). */
  readonly index: number;
  readonly epoch: number;
  /** Snapshot only. */
  readonly expiresAt?: number;
}
