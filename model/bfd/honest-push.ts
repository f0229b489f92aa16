/**
 * The BFD Control packet an honest vantage pushes (draft §3.1 path B): session Up, C bit set (the
 * push does not share fate with the control plane), detection multiplier 3, and 50 ms transmit and
 * receive intervals (Coherence-BFD V3 runs at T_tick = 50 ms, draft §1). Written once: the T-RC-1
 * search rig, the scripted vectors, the admission pipeline, benchmarks and tests build pushes from it.
 */
import { BFD_STATE, type BfdControl } from './packet.js';

/** The fields every honest push shares; the session's discriminators, the key id and seq vary. */
export const HONEST_PUSH_FIELDS = {
  diag: 0,
  state: BFD_STATE.Up,
  poll: false,
  final: false,
  cpi: true,
  demand: false,
  detectMult: 3, // RFC 5880 §6.8.4: Detection Time = 3 x the negotiated interval
  desiredMinTxUs: 50_000,
  requiredMinRxUs: 50_000,
  requiredMinEchoRxUs: 0,
} as const satisfies Partial<BfdControl>;

/** The discriminators of one BFD session as the vantage sends them: its own, then the broker's. */
export interface PushSession {
  readonly vantageDisc: number;
  readonly brokerDisc: number;
}

/** The unsigned fields of honest push SEQ on SESSION under key id AUTH_KEY_ID (draft §6: the epoch mod 256). */
export function honestPush(session: PushSession, seq: number, authKeyId = 0): Omit<BfdControl, 'digest'> {
  return {
    ...HONEST_PUSH_FIELDS,
    myDiscriminator: session.vantageDisc,
    yourDiscriminator: session.brokerDisc,
    authKeyId,
    seq,
  };
}
