/**
 * Per-packet accounting of broker CPU: enumerate every packet and bundle of an interval, pass it
 * through the NIC filter, charge each operation it triggers, and add up. This is the independent
 * check of the T-JCOST-1 closed form (draft §3.1: every operation counted once).
 */
import type { CostConstants } from './constants.js';
import { checkDeployment, type Deployment } from './deployment.js';
import type { PathName } from './joint-cost.js';
import { invariantI1, type NicFilter, type Packet, type NicPacketKind } from './nic.js';

/** The traffic of one interval at the broker NIC. */
export interface Traffic {
  /** Interval length in whole bundle periods (so every emitter fires a whole number of times). */
  readonly bundlePeriods: number;
  /** Per vantage, the offset of its first tick in integer µs, in [0, T_tick). */
  readonly vantagePhasesUs: readonly number[];
  /** Per cell coordinator, the offset of its first bundle in integer µs, in [0, bundle period). */
  readonly cellPhasesUs: readonly number[];
  /** External attack packets per second arriving at the NIC (draft §3.2: the attack rate R). */
  readonly attackPps: number;
}

/** The operations (cost constants) one packet of each kind costs the broker (draft §3.1). */
export function operationsOf(kind: NicPacketKind, q: number): ReadonlyArray<keyof CostConstants> {
  switch (kind) {
    case 'snapshot':
      return ['c_json', 'c_hmac']; // draft §3.1 Path A
    case 'push':
      return ['c_bfd_parse', 'c_hmac']; // draft §3.1 Path B: a distinct packet, its own HMAC
    case 'bundle':
      return Array<keyof CostConstants>(q).fill('c_ed25519'); // draft §3.1 Path C
  }
}

const PATH_OF: Record<NicPacketKind, PathName> = { snapshot: 'A', push: 'B', bundle: 'C' };

/** The charges of one interval. */
export interface Ledger {
  readonly intervalUs: number;
  /** Packets offered to the NIC and those that reached the CPU. */
  readonly offered: number;
  readonly admitted: number;
  /** How many times each operation was charged. */
  readonly opCounts: Readonly<Record<keyof CostConstants, number>>;
  /** CPU µs charged per path during the interval. */
  readonly usByPath: Readonly<Record<PathName, number>>;
  /** Total CPU µs per second of wall clock. */
  readonly usPerSecond: number;
}

/** Every packet and bundle of the interval, in no particular order. */
export function packetsOf(d: Deployment, t: Traffic): Packet[] {
  const all: Packet[] = [];
  eachPacket(d, t, (p) => all.push(p));
  return all;
}

/** Calls VISIT with every packet and bundle of the interval, in packetsOf's order (no generator per packet). */
export function eachPacket(d: Deployment, t: Traffic, visit: (p: Packet) => void): void {
  const tickUs = Math.round(d.tickMs * 1000);
  const bundleUs = tickUs * d.bundlePeriodTicks;
  const intervalUs = bundleUs * t.bundlePeriods;
  for (let v = 0; v < d.n; v++) {
    const source = { kind: 'vantage', id: v } as const; // one source object per vantage: packets never change it
    for (let at = t.vantagePhasesUs[v] ?? 0; at < intervalUs; at += tickUs) {
      visit({ kind: 'snapshot', source, atUs: at });
      visit({ kind: 'push', source, atUs: at });
    }
  }
  for (let c = 0; c < d.cellsK; c++) {
    const source = { kind: 'collector', cell: c } as const;
    for (let at = t.cellPhasesUs[c] ?? 0; at < intervalUs; at += bundleUs) visit({ kind: 'bundle', source, atUs: at });
  }
  const attacks = Math.floor((t.attackPps * intervalUs) / 1e6);
  const external = { kind: 'external' } as const;
  for (let i = 0; i < attacks; i++) {
    visit({
      kind: i % 2 === 0 ? 'snapshot' : 'push',
      source: external,
      atUs: Math.floor((i * 1e6) / t.attackPps),
    });
  }
}

/** Charges every packet of the interval its operations and adds them up. */
export function account(d: Deployment, t: Traffic, c: CostConstants, nic: NicFilter = invariantI1): Ledger {
  checkDeployment(d);
  const opCounts = { c_json: 0, c_bfd_parse: 0, c_hmac: 0, c_ed25519: 0, c_xdp: 0 };
  const usByPath = { A: 0, B: 0, C: 0 };
  let offered = 0;
  let admitted = 0;
  // each kind's operations, listed once (operationsOf is a pure function of the kind and q)
  const ops = {
    snapshot: operationsOf('snapshot', d.q),
    push: operationsOf('push', d.q),
    bundle: operationsOf('bundle', d.q),
  };
  eachPacket(d, t, (p) => {
    offered++;
    if (!nic(p, d.n)) return; // dropped at the NIC: no CPU (draft §3.2 proof, I1)
    admitted++;
    const path = PATH_OF[p.kind];
    for (const op of ops[p.kind]) {
      opCounts[op]++;
      usByPath[path] += c[op];
    }
  });
  const intervalUs = Math.round(d.tickMs * 1000) * d.bundlePeriodTicks * t.bundlePeriods;
  const total = usByPath.A + usByPath.B + usByPath.C;
  return { intervalUs, offered, admitted, opCounts, usByPath, usPerSecond: total / (intervalUs / 1e6) };
}
