/**
 * The broker NIC under architectural invariant I1 (draft §3.2, inherited from DDoS Resilience):
 * only telemetry from admitted vantages reaches the broker's CPU.
 */

/** Where a packet comes from. */
export type Source =
  | { readonly kind: 'vantage'; readonly id: number }
  | { readonly kind: 'collector'; readonly cell: number }
  | { readonly kind: 'external' };

/** What kind of packet it is: a CWT snapshot (path A), a BFD push (path B) or a bundle (path C). */
export type NicPacketKind = 'snapshot' | 'push' | 'bundle';

/** One packet arriving at the broker NIC. */
export interface Packet {
  readonly kind: NicPacketKind;
  readonly source: Source;
  /** Arrival time in integer microseconds from the start of the interval. */
  readonly atUs: number;
}

/** Decides at the NIC whether a packet reaches the broker CPU; a dropped packet costs no CPU. */
export type NicFilter = (p: Packet, admittedVantages: number) => boolean;

/** Invariant I1: only telemetry reaches the broker: admitted vantages' packets and collector bundles. */
export const invariantI1: NicFilter = (p, admitted) => {
  switch (p.source.kind) {
    case 'collector':
      return true;
    case 'vantage':
      return p.source.id >= 0 && p.source.id < admitted;
    case 'external':
      return false;
  }
};

/** No NIC filtering: every packet reaches the CPU (I1 does not hold). */
export const noFilter: NicFilter = () => true;
