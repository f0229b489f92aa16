/**
 * Scripted T-RC-1 packet sequences for the conformance vectors (draft §5): honest vantages sign
 * with the test keys (src/lib/test-keys.ts), the script replays, delays, tampers, and records each
 * packet with the broker time it arrives at. Expected decisions are computed by the faithful
 * broker, never written by hand; each case states the decision it is about, and the build fails
 * if the model does not give it.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { signBfd } from '../../model/bfd/auth.js';
import { honestPush } from '../../model/bfd/honest-push.js';
import { decodeBfd, encodeBfd, type BfdControl } from '../../model/bfd/packet.js';
import { sessionId, type BrokerConfig } from '../../model/broker.js';
import { epochAt } from '../../model/oem.js';
import { encodeSnapshot, signSnapshot, type Snapshot, type SnapshotBody } from '../../model/snapshot.js';

/** One packet of a sequence, as the vectors carry it. */
export interface Step {
  readonly at_ms: number;
  /** A: CWT snapshot (JSON bytes); B: BFD Control packet. */
  readonly path: 'A' | 'B';
  readonly packet_hex: string;
}

/** Builds a sequence: honest emissions with their own seq and counters, and the adversary's copies. */
export class Script {
  readonly steps: Step[] = [];
  private readonly seq = new Map<string, number>();
  private readonly counter = new Map<string, number>();
  private readonly snapshotSeq = new Map<string, number>();

  constructor(
    private readonly config: BrokerConfig,
    private readonly lifetimeMs: number,
  ) {}

  private add(at: number, path: 'A' | 'B', bytes: Uint8Array): number {
    this.steps.push({ at_ms: at, path, packet_hex: bytesToHex(bytes) });
    return this.steps.length - 1;
  }

  /**
   * An honest push of vantage V on its session S, emitted and delivered at AT (Key ID = epoch at AT unless EPOCH says).
   */
  push(v: string, s: number, at: number, over: Partial<BfdControl> & { epoch?: number } = {}): number {
    const session = this.config.sessions.filter((x) => x.vantage === v)[s]!;
    const sid = sessionId(session);
    const epoch = over.epoch ?? epochAt(this.config.oem, at);
    const seq = this.seq.get(sid) ?? 1;
    this.seq.set(sid, seq + 1); // draft §5: the BFD seq never resets
    const { epoch: _e, ...fields } = over;
    const p = { ...honestPush(session, seq, epoch & 0xff), ...fields };
    return this.add(at, 'B', signBfd(p, this.config.keys.bfd(sid, epoch)!));
  }

  /** An honest snapshot of V in the epoch current at EMITTED (or EPOCH), delivered at AT. */
  snapshot(v: string, emitted: number, at = emitted, over: Partial<SnapshotBody> = {}): number {
    const epoch = over.epoch_id ?? epochAt(this.config.oem, emitted);
    const k = `${v}|${epoch}`;
    const counter = this.counter.get(k) ?? 0;
    this.counter.set(k, counter + 1); // CWT §9.1: from 0 in each epoch
    const seq = this.snapshotSeq.get(v) ?? 1;
    this.snapshotSeq.set(v, seq + 1);
    const carried = this.config.reading.snapshotSeq === 'carried' ? { bfd_seq: seq } : {}; // never reset
    const body: SnapshotBody = {
      vantage_id: v,
      epoch_id: epoch,
      counter,
      expires_at: emitted + this.lifetimeMs,
      ...carried,
      payload: `${v} e${epoch} c${counter}`,
      ...over,
    };
    return this.add(at, 'A', signSnapshot(body, this.config.keys.cwt(v, body.epoch_id)!));
  }

  /** Holds step I back: it now arrives last, at AT (a delay that reorders). */
  delay(i: number, at: number): number {
    const [step] = this.steps.splice(i, 1);
    this.steps.push({ ...step!, at_ms: at });
    return this.steps.length - 1;
  }

  /** The bytes of step I again, at AT (a replay, or a delayed copy). */
  again(i: number, at: number): number {
    return this.add(at, this.steps[i]!.path, hexToBytes(this.steps[i]!.packet_hex));
  }

  /** Step I's snapshot with fields changed, its tag kept (a keyless forgery), at AT. */
  forgeSnapshot(i: number, at: number, change: Partial<SnapshotBody>): number {
    const s = JSON.parse(new TextDecoder().decode(hexToBytes(this.steps[i]!.packet_hex))) as Snapshot;
    return this.add(at, 'A', encodeSnapshot({ ...s, ...change }));
  }

  /** Step I's push with fields changed, its digest kept (a keyless forgery), at AT. */
  forgePush(i: number, at: number, change: Partial<BfdControl>): number {
    const d = decodeBfd(hexToBytes(this.steps[i]!.packet_hex));
    if (!d.ok) throw new Error(`step ${i} is not a push`);
    return this.add(at, 'B', encodeBfd({ ...d.packet, ...change }));
  }

  /** Arbitrary bytes on PATH at AT. */
  raw(path: 'A' | 'B', bytes: Uint8Array, at: number): number {
    return this.add(at, path, bytes);
  }
}
