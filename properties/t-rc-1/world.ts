/**
 * The world T-RC-1's search runs in (draft §5 with §2): honest vantages emitting CWT snapshots
 * (path A) and Coherence-BFD pushes (path B, one stream per BFD session) with their keys, a
 * network the adversary controls without keys (deliver in any order, drop, delay, replay any
 * packet ever sent, forge: properties/t-rc-1/adversary.ts), the broker under test, and the
 * reference model of what a correct broker decides (properties/t-rc-1/reference.ts).
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { signBfd } from '../../model/bfd/auth.js';
import { honestPush } from '../../model/bfd/honest-push.js';
import {
  sessionId,
  type BfdSession,
  type BrokerConfig,
  type BrokerFactory,
  type BrokerLike,
  type Decision,
  type BrokerPacketKind,
} from '../../model/broker.js';
import { bindsNow, epochAt } from '../../model/oem.js';
import { signSnapshot } from '../../model/snapshot.js';
import { claimedBinding, forged, type ForgeMode } from './adversary.js';
import type { WorldParams } from './config.js';
import type { Emitted } from './emitted.js';
import { Reference } from './reference.js';
import { signedOnce, type Signed } from './signed.js';

export { brokerConfig, EPOCH_MS, VANTAGES, type WorldParams } from './config.js';

/** A packet reaching the broker, with what the adversary did and what the reference expects. */
export interface Delivery {
  readonly kind: BrokerPacketKind;
  readonly bytes: Uint8Array;
  readonly now: number;
  /** The broker's current epoch at NOW. */
  readonly epochNow: number;
  readonly via: 'deliver' | 'replay' | 'forge';
  /** The honest packet it comes from. */
  readonly source: Emitted;
  /** The bytes are exactly an honest emission (else a forgery). */
  readonly authentic: boolean;
  readonly forgeMode?: ForgeMode;
  /** The source was accepted before this delivery (reference). */
  readonly acceptedBefore: boolean;
  /** The source reaches the broker for the first time. */
  readonly firstTime: boolean;
  /** Its source's (vantage, epoch) is bound and open now. */
  readonly bound: boolean;
  /** The (vantage, epoch) the bytes claim (snapshot fields; push session and Key ID) is bound and open now. */
  readonly claimedBound: boolean;
  /** What a correct broker decides (reference model). */
  readonly expected: boolean;
}

/** Checks one delivery's decision; throws an Error naming the violation. One per claim. */
export type Observer = (d: Delivery, decision: Decision) => void;

/** Honest vantages, the network and the broker under test: the "real" side of the search. */
export class World {
  now = 0;
  readonly log: Emitted[] = [];
  readonly inflight: number[] = [];
  private readonly byHex = new Map<string, Emitted>();
  private readonly delivered = new Set<number>();
  private readonly nextSeq = new Map<string, number>();
  private readonly nextCounter = new Map<string, number>();
  private readonly streamLen = new Map<string, number>();
  private readonly snapshotSeq = new Map<string, number>();
  readonly reference: Reference;
  readonly broker: BrokerLike;
  /** The observer's first complaint; the run goes on to the last command (see commands.ts). */
  violation: Error | undefined;

  constructor(
    readonly params: WorldParams,
    readonly config: BrokerConfig,
    factory: BrokerFactory,
    private readonly observer: Observer,
  ) {
    this.broker = factory(config);
    this.reference = new Reference(config.oem);
  }

  /** Sessions of a vantage. */
  sessionsOf(v: string): BfdSession[] {
    return this.config.sessions.filter((s) => s.vantage === v);
  }

  private record(
    kind: BrokerPacketKind,
    { bytes, hex }: Signed,
    vantage: string,
    stream: string,
    epoch: number,
    expiresAt?: number,
  ): Emitted {
    const index = this.streamLen.get(stream) ?? 0;
    this.streamLen.set(stream, index + 1);
    const e: Emitted = {
      id: this.log.length,
      kind,
      bytes,
      hex,
      vantage,
      stream,
      index,
      epoch,
      ...(expiresAt !== undefined ? { expiresAt } : {}),
    };
    this.log.push(e);
    this.byHex.set(e.hex, e);
    this.inflight.push(e.id);
    return e;
  }

  /** An honest push on session S of vantage V: seq one more than the last (never reset), Key ID = epoch. */
  emitPush(v: string, s: number): void {
    const sessions = this.sessionsOf(v);
    const session = sessions[s % sessions.length]!;
    const sid = sessionId(session);
    const epoch = epochAt(this.config.oem, this.now);
    const seq = this.nextSeq.get(sid) ?? 1;
    this.nextSeq.set(sid, seq + 1); // draft §5: BFD seq does NOT reset at the epoch boundary
    const keys = this.config.keys;
    const signed = signedOnce(keys, `push|${sid}|${session.vantageDisc}|${session.brokerDisc}|${seq}|${epoch}`, () =>
      signBfd(honestPush(session, seq, epoch & 0xff), keys.bfd(sid, epoch)!),
    );
    this.record('push', signed, v, `push|${sid}`, epoch);
  }

  /** An honest snapshot of vantage V: counter from 0 in each epoch (CWT §9.1). */
  emitSnapshot(v: string): void {
    const epoch = epochAt(this.config.oem, this.now);
    const ck = `${v}|${epoch}`;
    const counter = this.nextCounter.get(ck) ?? 0;
    this.nextCounter.set(ck, counter + 1);
    const expiresAt = this.now + this.params.lifetimeMs;
    const seq = this.snapshotSeq.get(v) ?? 1;
    this.snapshotSeq.set(v, seq + 1); // the 'carried' reading: a seq that, like the BFD seq, never resets
    const carried = this.config.reading.snapshotSeq === 'carried' ? { bfd_seq: seq } : {};
    const keys = this.config.keys;
    const id = `snapshot|${v}|${epoch}|${counter}|${expiresAt}|${'bfd_seq' in carried ? seq : '-'}`;
    const signed = signedOnce(keys, id, () =>
      signSnapshot(
        {
          vantage_id: v,
          epoch_id: epoch,
          counter,
          expires_at: expiresAt,
          ...carried,
          payload: `${v} e${epoch} c${counter}`,
        },
        keys.cwt(v, epoch)!,
      ),
    );
    this.record('snapshot', signed, v, `snapshot|${ck}`, epoch, expiresAt);
  }

  /** Advances every clock by MS. */
  advance(ms: number): void {
    this.now += ms;
    this.broker.advance(this.now);
  }

  /** Delivers in-flight packet I (mod the count); no-op when none is in flight. */
  deliverInflight(i: number, drop = false): void {
    if (this.inflight.length === 0) return;
    const [id] = this.inflight.splice(i % this.inflight.length, 1);
    if (!drop) this.send(this.log[id!]!, this.log[id!]!.bytes, 'deliver');
  }

  /** Replays logged packet I (mod the count): the same bytes again. */
  replay(i: number): void {
    if (this.log.length > 0) this.send(this.log[i % this.log.length]!, this.log[i % this.log.length]!.bytes, 'replay');
  }

  /** Forges from logged packet I (mod the count) without any deployment key. */
  forge(i: number, mode: ForgeMode): void {
    if (this.log.length === 0) return;
    const src = this.log[i % this.log.length]!;
    this.send(src, forged(src, mode), 'forge', mode);
  }

  private send(source: Emitted, bytes: Uint8Array, via: Delivery['via'], forgeMode?: ForgeMode): void {
    // delivered and replayed bytes are their source's own: its hex is already known
    const honest = this.byHex.get(bytes === source.bytes ? source.hex : bytesToHex(bytes));
    const src = honest ?? source;
    const authentic = honest !== undefined;
    const acceptedBefore = this.reference.accepted.has(src.id);
    const firstTime = authentic && !this.delivered.has(src.id);
    if (authentic) this.delivered.add(src.id);
    const bound = bindsNow(this.config.oem, src.vantage, src.epoch, this.now);
    const expected = this.reference.decide(src, authentic, this.now);
    const decision =
      src.kind === 'push' ? this.broker.receivePush(bytes, this.now) : this.broker.receiveSnapshot(bytes, this.now);
    const claimedBound = claimedBinding(this.config, src.kind, bytes, this.now);
    const d: Delivery = {
      kind: src.kind,
      bytes,
      now: this.now,
      epochNow: epochAt(this.config.oem, this.now),
      via,
      source: src,
      authentic,
      acceptedBefore,
      firstTime,
      bound,
      claimedBound,
      expected,
      ...(forgeMode ? { forgeMode } : {}),
    };
    try {
      this.observer(d, decision);
    } catch (e) {
      this.violation ??= e instanceof Error ? e : new Error(String(e));
    }
  }
}
