/**
 * The T-RC-1 acceptance state (draft §5) with integer keys: last_bfd_seq per BFD session in a
 * Float64Array (the session reading of model/broker.ts), and last_cwt_counter[vantage, epoch_id]
 * in a ring of K slots per vantage, where K = floor(overlap / epoch) + 2 is the most epochs that
 * can be open at once (model/oem.ts epochOpen). A slot holding another epoch holds a closed one,
 * which reads as -1: the §5 boundary rule "last_cwt_counter[v, e+1] := -1" without a sweep.
 */
import type { Oem } from '../../model/oem.js';

/** Replay counters of one broker. */
export class ReplayState {
  private readonly lastSeq: Float64Array;
  private readonly slotEpoch: Float64Array;
  private readonly slotCounter: Float64Array;
  /** Slots per vantage. */
  readonly ring: number;

  constructor(vantages: number, sessions: number, oem: Oem) {
    this.ring = Math.floor(oem.overlapMs / oem.epochMs) + 2;
    this.lastSeq = new Float64Array(sessions).fill(-1);
    this.slotEpoch = new Float64Array(vantages * this.ring).fill(-1);
    this.slotCounter = new Float64Array(vantages * this.ring).fill(-1);
  }

  /** draft §5 (a): seq > last_bfd_seq of the session. */
  seqFresh(session: number, seq: number): boolean {
    return seq > this.lastSeq[session]!;
  }

  /** Records an accepted push. */
  recordSeq(session: number, seq: number): void {
    this.lastSeq[session] = seq;
  }

  /** draft §5 (b): counter > last_cwt_counter[vantage, epoch] (-1 when none is recorded). */
  counterFresh(vantage: number, epoch: number, counter: number): boolean {
    const i = vantage * this.ring + (epoch % this.ring);
    return counter > (this.slotEpoch[i] === epoch ? this.slotCounter[i]! : -1);
  }

  /** Records an accepted snapshot. */
  recordCounter(vantage: number, epoch: number, counter: number): void {
    const i = vantage * this.ring + (epoch % this.ring);
    this.slotEpoch[i] = epoch;
    this.slotCounter[i] = counter;
  }
}
