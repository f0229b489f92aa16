/**
 * The broker's acceptance state machine of draft §5 (T-RC-1), over real packets: CWT snapshots
 * (path A, JSON) and Coherence-BFD pushes (path B, RFC 5880 Control packets), several vantages,
 * the OEM bindings, BFD sessions (discriminator pairs) per vantage, and the broker clock.
 *
 * Reading used by default (draft §5 leaves it open; BrokerReading below, properties/t-rc-1.prop.ts):
 * each predicate applies to the packet that carries its field. A push carries a BFD seq, so it is
 * checked by (a); a snapshot carries a CWT counter and expires_at, so it is checked by (b) and
 * (c); neither carries the other's field. `last_bfd_seq` is keyed by BFD session (the §5 bullet,
 * RFC 5880) unless the reading says by vantage (the §5 predicate's `last_bfd_seq[vantage]`).
 * Before the predicates, in order: decoding (`malformed`), the BFD session of the discriminators
 * (`unknown-session`), the OEM binding (`epoch-mismatch`), and the HMAC, which the draft assumes
 * (its proof rests on HMAC unforgeability) but gives no reason code for (`auth-failure`).
 */
import { verifyBfd } from './bfd/auth.js';
import { decodeBfd } from './bfd/packet.js';
import type { KeyTable } from './key-table.js';
import { bindsNow, epochAt, type Oem } from './oem.js';
import { decodeSnapshotWith, verifySnapshot, type SnapshotCheck } from './snapshot.js';
import {
  reasonFor,
  type Decision,
  type DraftReason,
  type BrokerPacketKind,
  type Predicates,
  type RejectReason,
} from './reject-reasons.js';
import { sessionIdText } from './session-id.js';

export * from './reject-reasons.js';

/** The choices draft §5 leaves open, as the model takes them. */
export interface BrokerReading {
  /**
   * `session`: last_bfd_seq per BFD session (§5 bullet, RFC 5880); `vantage`: per vantage (§5 predicate (a) as
   * printed).
   */
  readonly bfdSeqKey: 'session' | 'vantage';
  /**
   * `none`: a snapshot carries no BFD seq, (a) applies to pushes only (the wire formats as they
   * are). `carried`: a snapshot carries a never-reset `bfd_seq` and (a) applies to it too, against
   * last_bfd_seq[vantage] of the snapshot path (the reading under which §5's "iff", double-replay
   * and "cross-epoch replay is rejected by (a)" can apply to a snapshot).
   */
  readonly snapshotSeq: 'none' | 'carried';
  /**
   * `kept`: last_bfd_seq is never forgotten (draft §5: the BFD seq does not reset). `rfc5880`: the
   * receiver forgets it (bfd.AuthSeqKnown := 0, RFC 5880 §6.8.1) after no packet on the session
   * for twice the Detection Time, and then takes any seq; the §5 bullet's "never resets within
   * M * T_tick" echoes this rule.
   */
  readonly seqMemory: 'kept' | 'rfc5880';
}

/** The reading the faithful model uses. */
export const DEFAULT_READING: BrokerReading = { bfdSeqKey: 'session', snapshotSeq: 'none', seqMemory: 'kept' };

/** One BFD session: a vantage and the discriminator pair (draft §6 session_id). */
export interface BfdSession {
  readonly vantage: string;
  /** The vantage's My Discriminator. */
  readonly vantageDisc: number;
  /** The broker's discriminator (the vantage's Your Discriminator). */
  readonly brokerDisc: number;
}

/** draft §6 session_id: the two discriminators as 8 hex digits each, smaller first. */
export function sessionId(s: Pick<BfdSession, 'vantageDisc' | 'brokerDisc'>): string {
  return sessionIdText(s.vantageDisc, s.brokerDisc);
}

/** Everything a broker is configured with. */
export interface BrokerConfig {
  readonly oem: Oem;
  readonly keys: KeyTable;
  readonly sessions: readonly BfdSession[];
  readonly reading: BrokerReading;
  /** Broker clock at start, ms. */
  readonly start: number;
  /** The snapshot's JSON Schema check (src/lib/snapshot-decode.ts): the model reads no schema files. */
  readonly snapshotSchema: SnapshotCheck;
}

/** A broker implementation: the faithful one, or a mutant. */
export interface BrokerLike {
  /** Moves the clock to NOW, running the draft §5 epoch-boundary steps for each boundary crossed. */
  advance(now: number): void;
  receiveSnapshot(bytes: Uint8Array, now: number): Decision;
  receivePush(bytes: Uint8Array, now: number): Decision;
}

/** Builds a broker from its configuration. */
export type BrokerFactory = (config: BrokerConfig) => BrokerLike;

const reject = (kind: BrokerPacketKind, reason: RejectReason, detail: string): Decision => ({
  accepted: false,
  kind,
  reason,
  detail,
});

/** The faithful broker of draft §5. Methods are protected so test mutants can break one rule each. */
export class Broker implements BrokerLike {
  /** draft §5 last_bfd_seq, keyed per the reading. */
  protected readonly lastBfdSeq = new Map<string, number>();
  /** Under the rfc5880 reading: when last_bfd_seq is forgotten, per key (last packet + 2 * Detection Time). */
  protected readonly seqForgottenAt = new Map<string, number>();
  /** draft §5 last_cwt_counter[vantage, epoch_id]. */
  protected readonly lastCwtCounter = new Map<string, number>();
  protected epoch: number;
  protected readonly byDisc: Map<number, BfdSession>;

  constructor(protected readonly config: BrokerConfig) {
    this.epoch = epochAt(config.oem, config.start);
    this.byDisc = new Map(config.sessions.map((s) => [s.vantageDisc, s]));
  }

  advance(now: number): void {
    // Stryker disable next-line EqualityOperator: running the boundary step of the next epoch early resets counters no
    // snapshot can have set yet (the OEM binds no future epoch)
    while (epochAt(this.config.oem, now) > this.epoch) this.epochBoundary(++this.epoch);
  }

  /**
   * draft §5 EPOCH BOUNDARY: last_cwt_counter[v, e] := -1 for every vantage; last_bfd_seq KEPT.
   * Kept literal though the faithful broker cannot observe it (no snapshot of epoch e is accepted
   * before e starts, and -1 is also the default); broken brokers override it (test/mutants/t-rc-1.ts).
   */
  // Stryker disable next-line BlockStatement: the reset is unobservable in the faithful broker (see above)
  protected epochBoundary(epoch: number): void {
    for (const v of Object.keys(this.config.oem.bindings)) this.lastCwtCounter.set(cwtKey(v, epoch), -1);
  }

  /** draft §5 (a): bfd_seq > last_bfd_seq. */
  protected predicateA(seq: number, key: string): boolean {
    return seq > (this.lastBfdSeq.get(key) ?? -1);
  }

  /** draft §5 (b): cwt_counter > last_cwt_counter[vantage, epoch_id] (-1 before the first). */
  protected predicateB(counter: number, vantage: string, epoch: number): boolean {
    return counter > (this.lastCwtCounter.get(cwtKey(vantage, epoch)) ?? -1);
  }

  /** draft §5 (c): expires_at > now(). */
  protected predicateC(expiresAt: number, now: number): boolean {
    return expiresAt > now;
  }

  /** The OEM check before the predicates (draft §5 `epoch-mismatch`). */
  protected bound(vantage: string, epoch: number, now: number): boolean {
    return bindsNow(this.config.oem, vantage, epoch, now);
  }

  /** Runs the HMAC verification (draft §5 proof: both predicates rest on HMAC unforgeability). */
  protected authentic(verify: () => boolean): boolean {
    return verify();
  }

  /** The reason logged when the HMAC fails (not one of the draft's five). */
  protected authFailure(): RejectReason {
    return 'auth-failure';
  }

  /** The reason logged for failed predicates. */
  protected reasonFor(p: Predicates): DraftReason | null {
    return reasonFor(p);
  }

  /** The key last_bfd_seq is kept under for a session. */
  protected seqKey(s: BfdSession): string {
    return this.config.reading.bfdSeqKey === 'vantage' ? `v:${s.vantage}` : `s:${sessionId(s)}`;
  }

  receiveSnapshot(bytes: Uint8Array, now: number): Decision {
    this.advance(now);
    const d = decodeSnapshotWith(bytes, this.config.snapshotSchema);
    if (!d.ok) return reject('snapshot', 'malformed', `${d.error}: ${d.detail}`);
    const s = d.snapshot;
    if (!this.bound(s.vantage_id, s.epoch_id, now))
      return reject(
        'snapshot',
        'epoch-mismatch',
        `OEM does not bind (${s.vantage_id}, epoch ${s.epoch_id}) at ${now} ms`,
      );
    const key = this.config.keys.cwt(s.vantage_id, s.epoch_id);
    if (!key || !this.authentic(() => verifySnapshot(s, key)))
      return reject(
        'snapshot',
        this.authFailure(),
        `tag does not verify under K_v_epoch of (${s.vantage_id}, ${s.epoch_id})`,
      );
    const carried = this.config.reading.snapshotSeq === 'carried';
    if (carried && s.bfd_seq === undefined)
      return reject('snapshot', 'malformed', 'the carried reading needs bfd_seq in every snapshot');
    const seqKey = `snapshot:${s.vantage_id}`;
    const p: Predicates = {
      ...(carried ? { a: this.predicateA(s.bfd_seq!, seqKey) } : {}),
      b: this.predicateB(s.counter, s.vantage_id, s.epoch_id),
      c: this.predicateC(s.expires_at, now),
    };
    const reason = this.reasonFor(p);
    if (reason)
      return reject(
        'snapshot',
        reason,
        `${carried ? `bfd_seq ${s.bfd_seq}, ` : ''}counter ${s.counter}, expires_at ${s.expires_at}, now ${now}`,
      );
    // Stryker disable next-line ConditionalExpression: the snapshot seq key is read only under the carried reading
    if (carried) this.lastBfdSeq.set(seqKey, s.bfd_seq!);
    this.lastCwtCounter.set(cwtKey(s.vantage_id, s.epoch_id), s.counter);
    return { accepted: true, kind: 'snapshot', detail: `${s.vantage_id} epoch ${s.epoch_id} counter ${s.counter}` };
  }

  receivePush(bytes: Uint8Array, now: number): Decision {
    this.advance(now);
    const d = decodeBfd(bytes);
    if (!d.ok) return reject('push', 'malformed', `${d.error}: ${d.detail}`);
    const p = d.packet;
    const session = this.byDisc.get(p.myDiscriminator);
    if (!session || session.brokerDisc !== p.yourDiscriminator)
      return reject(
        'push',
        'unknown-session',
        `no session for discriminators ${p.myDiscriminator}/${p.yourDiscriminator}`,
      );
    const epoch = this.epochOfKeyId(p.authKeyId, now);
    // Stryker disable next-line ConditionalExpression: an undefined epoch is bound to no vantage either; the test only
    // narrows the type
    if (epoch === undefined || !this.bound(session.vantage, epoch, now))
      return reject(
        'push',
        'epoch-mismatch',
        `Auth Key ID ${p.authKeyId} names no epoch bound to ${session.vantage} at ${now} ms`,
      );
    const key = this.config.keys.bfd(sessionId(session), epoch);
    if (!key || !this.authentic(() => verifyBfd(bytes, key)))
      return reject(
        'push',
        this.authFailure(),
        `digest does not verify under K_BFD_auth of session ${sessionId(session)}, epoch ${epoch}`,
      );
    const seqKey = this.seqKey(session);
    if (this.config.reading.seqMemory === 'rfc5880' && now >= (this.seqForgottenAt.get(seqKey) ?? Infinity))
      this.lastBfdSeq.delete(seqKey); // RFC 5880 §6.8.1
    const reason = this.reasonFor({ a: this.predicateA(p.seq, seqKey) });
    if (reason) return reject('push', reason, `seq ${p.seq}, last ${this.lastBfdSeq.get(seqKey)}`);
    this.lastBfdSeq.set(seqKey, p.seq);
    // twice the Detection Time
    this.seqForgottenAt.set(seqKey, now + (2 * p.detectMult * Math.max(p.desiredMinTxUs, p.requiredMinRxUs)) / 1000);
    return { accepted: true, kind: 'push', detail: `${session.vantage} session ${sessionId(session)} seq ${p.seq}` };
  }

  /** The epoch an Auth Key ID (epoch_id mod 256) names: the current one or the previous. */
  protected epochOfKeyId(keyId: number, now: number): number | undefined {
    const current = epochAt(this.config.oem, now);
    // epoch -1 (Key ID 255 in epoch 0) is bound to no vantage
    return [current, current - 1].find((e) => (e & 0xff) === keyId);
  }
}

/** The map key of last_cwt_counter[vantage, epoch_id]. */
export function cwtKey(vantage: string, epoch: number): string {
  return `${vantage}|${epoch}`;
}

/** The faithful broker factory. */
export const faithfulBroker: BrokerFactory = (config) => new Broker(config);
