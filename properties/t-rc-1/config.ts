/**
 * The fixed parts of T-RC-1's search worlds (draft §5): two vantages, 1000 ms epochs, the OEM bindings, the BFD
 * sessions and the test keys, built once per process and shared by every world (a world reads them and never
 * changes them: issue 19, Deliver 5, the search's cost per case).
 */
import { DEFAULT_READING, type BfdSession, type BrokerConfig, type BrokerReading } from '../../model/broker.js';
import type { KeyTable } from '../../model/key-table.js';
import type { Oem } from '../../model/oem.js';
import { snapshotProblems } from '../../src/lib/snapshot-decode.js';
import { testKeys } from '../../src/lib/test-keys.js';

/** The generated parameters of one world. */
export interface WorldParams {
  /** CWT §7.3 overlap after each boundary, ms. */
  readonly overlapMs: number;
  /** Snapshot lifetime: expires_at = emission time + lifetimeMs. */
  readonly lifetimeMs: number;
  /** BFD sessions of vantage v1 (v2 has one). */
  readonly v1Sessions: 1 | 2;
}

/** Epoch length of every world, ms. */
export const EPOCH_MS = 1000;
/** The vantages: v1 is bound to every epoch, v2 only to epochs 0 and 1 (then the OEM drops it). */
export const VANTAGES = ['v1', 'v2'] as const;

/** The OEM of a world with overlap OVERLAP_MS: v1 bound to epochs 0-63, v2 to 0 and 1. */
function oemOf(overlapMs: number): Oem {
  return {
    epochMs: EPOCH_MS,
    overlapMs,
    bindings: { v1: Object.freeze(Array.from({ length: 64 }, (_, e) => e)), v2: Object.freeze([0, 1]) },
  };
}

/** One OEM per overlap, built once and frozen (a world reads it and never changes it); a few overlaps are kept. */
const OEMS = new Map<number, Oem>();
function oemFor(overlapMs: number): Oem {
  const kept = OEMS.get(overlapMs);
  if (kept) return kept;
  if (OEMS.size >= 16) OEMS.clear();
  const oem = Object.freeze(oemOf(overlapMs));
  OEMS.set(overlapMs, oem);
  return oem;
}
const V1_SESSION_1: BfdSession = Object.freeze({ vantage: 'v1', vantageDisc: 0x1101, brokerDisc: 0xb001 });
const V1_SESSION_2: BfdSession = Object.freeze({ vantage: 'v1', vantageDisc: 0x1102, brokerDisc: 0xb002 });
const V2_SESSION: BfdSession = Object.freeze({ vantage: 'v2', vantageDisc: 0x2201, brokerDisc: 0xb003 });
/** The sessions of a world where v1 has one BFD session, or two. */
const ONE_V1_SESSION = Object.freeze([V1_SESSION_1, V2_SESSION]);
const TWO_V1_SESSIONS = Object.freeze([V1_SESSION_1, V1_SESSION_2, V2_SESSION]);

/** The test keys every world uses unless given others: one table, so each key is derived once per process. */
const SEARCH_KEYS = testKeys();

/** The broker configuration of a world (test keys, OEM, sessions). */
export function brokerConfig(
  p: WorldParams,
  reading: BrokerReading = DEFAULT_READING,
  keys: KeyTable = SEARCH_KEYS,
): BrokerConfig {
  const oem = oemFor(p.overlapMs);
  const sessions = p.v1Sessions === 2 ? TWO_V1_SESSIONS : ONE_V1_SESSION;
  return { oem, keys, sessions, reading, start: 0, snapshotSchema: snapshotProblems };
}
