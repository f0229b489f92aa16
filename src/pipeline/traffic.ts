/**
 * Generated traffic for the admission pipeline: a setup of N vantages (test keys, one BFD session
 * each, one long epoch), honest streams at the natural tick rate and insider floods at
 * flood_factor times it (model/flood.ts arrival times, draft §2.2: VALID-tagged packets with
 * increasing counters and seqs), signed for real. Frames come out in time order.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { authenticatedBytes } from '../../model/bfd/auth.js';
import { honestPush } from '../../model/bfd/honest-push.js';
import { sessionId, type BfdSession } from '../../model/broker.js';
import { arrivals, type FloodScenario } from '../../model/flood.js';
import type { Oem } from '../../model/oem.js';
import { canonicalBytes, encodeSnapshot, type SnapshotBody } from '../../model/snapshot.js';
import type { KeyTable } from '../../model/key-table.js';
import { testKeys } from '../lib/test-keys.js';
import { FASTEST_HMAC } from './hmac.js';

/** What the admission pipeline is configured for: the vantages, their OEM bindings, keys and BFD sessions. */
export interface PipelineSetup {
  readonly oem: Oem;
  readonly keys: KeyTable;
  readonly sessions: readonly BfdSession[];
  readonly vantageIds: readonly string[];
}

/** One packet on the wire: arrival µs, path (0 = A snapshot, 1 = B push), the sender's vantage key, the bytes. */
export interface Frame {
  readonly tUs: number;
  readonly path: 0 | 1;
  readonly vantage: number;
  readonly bytes: Uint8Array;
}

/** N vantages v0..v{N-1}, bound to epoch 0 (one hour), one BFD session each. */
export function pipelineSetupOf(n: number): PipelineSetup {
  const vantageIds = Array.from({ length: n }, (_, i) => `v${i}`);
  const oem: Oem = { epochMs: 3_600_000, overlapMs: 0, bindings: Object.fromEntries(vantageIds.map((v) => [v, [0]])) };
  const sessions = vantageIds.map((vantage, i) => ({ vantage, vantageDisc: 0x10000 + i, brokerDisc: 0x20000 + i }));
  return { oem, keys: testKeys(), sessions, vantageIds };
}

/** Signs snapshot BODY with a prepared HMAC key. */
function snapshot(body: SnapshotBody, key: unknown): Uint8Array {
  return encodeSnapshot({ ...body, tag: bytesToHex(FASTEST_HMAC.mac(key, canonicalBytes(body))) });
}

/** Signs push number SEQ of a session with a prepared HMAC key. */
function push(s: BfdSession, seq: number, key: unknown): Uint8Array {
  const b = authenticatedBytes(honestPush(s, seq));
  b.set(FASTEST_HMAC.mac(key, b), 32);
  return b;
}

/** Every frame of a flood scenario over WORLD (n = scenario n), in time order (ties: vantage, then path A). */
export function framesOf(world: PipelineSetup, s: FloodScenario, payload = 'coherence sample'): Frame[] {
  const frames: Frame[] = [];
  for (let v = 0; v < s.n; v++) {
    const id = world.vantageIds[v]!;
    const session = world.sessions[v]!;
    const cwtKey = FASTEST_HMAC.prepare(world.keys.cwt(id, 0)!);
    const bfdKey = FASTEST_HMAC.prepare(world.keys.bfd(sessionId(session), 0)!);
    arrivals(s, v, 'A').forEach((tUs, i) => {
      frames.push({
        tUs,
        path: 0,
        vantage: v,
        bytes: snapshot(
          { vantage_id: id, epoch_id: 0, counter: i, expires_at: Math.floor(tUs / 1000) + 10_000, payload },
          cwtKey,
        ),
      });
    });
    arrivals(s, v, 'B').forEach((tUs, i) =>
      frames.push({ tUs, path: 1, vantage: v, bytes: push(session, i + 1, bfdKey) }),
    );
  }
  return frames.sort((a, b) => a.tUs - b.tUs || a.vantage - b.vantage || a.path - b.path);
}
