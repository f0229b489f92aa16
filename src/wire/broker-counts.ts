/**
 * What the wire broker counts per measurement window, per path (A snapshots, B BFD pushes, C
 * cosigned checkpoints): packets received, accepted, rejected by reason (the pipeline's decision
 * names, src/pipeline/admission-decision.ts; path C: the witness path's reasons), and for path B
 * the honest vantages' share (vantages at or above the coalition size, model/flood.ts) and the
 * accepted count of every vantage (for the XDP parity check).
 */
import { DECISION, DECISION_NAMES, type AdmissionDecision } from '../pipeline/admission-decision.js';

/** The three paths of draft §3.1. */
export const WIRE_PATHS = ['A', 'B', 'C'] as const;
/** One path. */
export type WirePath = (typeof WIRE_PATHS)[number];

/** Counts of one path in one window. */
export interface PathCounts {
  readonly received: number;
  readonly accepted: number;
  readonly rejected: Readonly<Record<string, number>>;
  /** Socket reads that delivered them (UDP: one per datagram; TCP: one per data event, many frames each). */
  readonly reads: number;
}

/** Path B counts of the honest vantages. */
export interface HonestCounts {
  readonly received: number;
  readonly accepted: number;
  readonly rate_limited: number;
}

/** Mutable counters of one window. */
export class BrokerCounts {
  readonly received = [0, 0, 0];
  /** TCP data events (paths A and C share the stream; a window carries one of them). */
  tcpReads = 0;
  /** Event-loop poll phases that delivered at least one datagram or TCP chunk (wake-ups with I/O). */
  batches = 0;
  private readonly decisions = [new Float64Array(DECISION_NAMES.length), new Float64Array(DECISION_NAMES.length)];
  private readonly witnessRejects = new Map<string, number>();
  private witnessAccepted = 0;
  honestReceived = 0;
  honestAccepted = 0;
  honestRateLimited = 0;
  readonly acceptedB: Float64Array;

  constructor(vantages: number) {
    this.acceptedB = new Float64Array(vantages);
  }

  /** Records a path A or B decision. */
  decide(path: 0 | 1, d: AdmissionDecision): void {
    this.decisions[path]![d]!++;
  }

  /** Records a path B decision for vantage V (honest when V >= coalition). */
  decideB(v: number, honest: boolean, d: AdmissionDecision): void {
    this.decisions[1]![d]!++;
    if (d === DECISION.accepted && v >= 0 && v < this.acceptedB.length) this.acceptedB[v]!++;
    if (!honest) return;
    if (d === DECISION.accepted) this.honestAccepted++;
    else if (d === DECISION.rateLimited) this.honestRateLimited++;
  }

  /** Records a path C outcome: accepted, or rejected for REASON (first words of the witness path's reason). */
  witness(reason: string | null): void {
    if (reason === null) this.witnessAccepted++;
    else this.witnessRejects.set(reason, (this.witnessRejects.get(reason) ?? 0) + 1);
  }

  /** Counts of one path. */
  path(p: WirePath): PathCounts {
    const i = WIRE_PATHS.indexOf(p);
    if (p === 'C')
      return {
        received: this.received[2]!,
        accepted: this.witnessAccepted,
        rejected: Object.fromEntries(this.witnessRejects),
        reads: this.tcpReads,
      };
    const d = this.decisions[i]!;
    const rejected: Record<string, number> = {};
    DECISION_NAMES.forEach((name, k) => {
      if (k !== DECISION.accepted && d[k]! > 0) rejected[name] = d[k]!;
    });
    return {
      received: this.received[i]!,
      accepted: d[DECISION.accepted]!,
      rejected,
      reads: p === 'A' ? this.tcpReads : this.received[1]!,
    };
  }

  /** Path B counts of the honest vantages. */
  honest(): HonestCounts {
    return { received: this.honestReceived, accepted: this.honestAccepted, rate_limited: this.honestRateLimited };
  }
}
