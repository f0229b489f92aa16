/**
 * The broker's admission pipeline for paths A and B (draft §3.1, §4.1, §5), as code that runs on
 * bytes: fast path (integer vantage key from the outer header, compact rate-limit table, draft §4.1
 * "BEFORE HMAC verification"), then parse (the project's codecs: model/snapshot.ts; path B reads
 * model/bfd/packet.ts's fields in place, src/pipeline/bfd-view.ts), then HMAC-SHA256 verify
 * (FASTEST_HMAC, key state prepared once per key and epoch), then T-RC-1 acceptance. It decides as
 * model/broker.ts under DEFAULT_READING (test/pipeline.test.ts runs the T-RC-1 claims against it),
 * except that the fast path rejects an unknown discriminator before parsing (an XDP program drops
 * what it cannot key).
 *
 * Outer header (draft §4.1 keys the bucket on the (operator_id, vantage_id) "extracted from the
 * packet outer header", a wrapper this draft does not define): for path A the caller passes the
 * vantage key of the connection the snapshot arrived on, and a snapshot naming another vantage is
 * rejected (header-mismatch); for path B the key is the My Discriminator at bytes 4-7.
 */
import { canonicalBytes, type Snapshot } from '../../model/snapshot.js';
import { decodeSnapshot } from '../lib/snapshot-decode.js';
import { DIGEST_LEN, PACKET_LEN } from '../../model/bfd/packet.js';
import { sessionId, type BfdSession } from '../../model/broker.js';
import { epochAt, epochOpen, type Oem } from '../../model/oem.js';
import type { KeyTable } from '../../model/key-table.js';
import { bucketParams, type RateLimitPolicy } from '../../model/token-bucket.js';
import { bfdAccepts, bfdAuthKeyId, bfdMyDiscriminator, bfdSeq, bfdYourDiscriminator } from './bfd-view.js';
import { FASTEST_HMAC, type HmacPrimitive, type PreparedKey } from './hmac.js';
import { RateLimitTable } from './rate-limit-table.js';
import { ReplayState } from './replay-state.js';
import { DECISION, type AdmissionDecision } from './admission-decision.js';

/** What a pipeline is configured with. */
export interface PipelineConfig {
  readonly oem: Oem;
  readonly keys: KeyTable;
  readonly sessions: readonly BfdSession[];
  /** The rate limit (draft §4.2), or null for none; buckets scale with tickMs. */
  readonly policy: RateLimitPolicy | null;
  readonly tickMs: number;
  /** The HMAC primitive (default FASTEST_HMAC). */
  readonly hmac?: HmacPrimitive;
}

/** `,"tag":"` as bytes, and the length of `,"tag":"<64 hex>"}`. */
const TAG_OPEN = [...Buffer.from(',"tag":"')];
const TAG_SUFFIX_LEN = TAG_OPEN.length + 64 + 2;

function asciiEquals(bytes: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

interface SessionEntry {
  readonly index: number;
  readonly vantage: number;
  readonly brokerDisc: number;
  readonly id: string;
}

/** Paths A and B of one broker. */
export class AdmissionPipeline {
  /** vantage_id -> integer vantage key (order of the OEM bindings). */
  readonly vantageKey = new Map<string, number>();
  readonly vantageIds: string[];
  private readonly bound: Array<Set<number>>;
  private readonly byDisc = new Map<number, SessionEntry>();
  private readonly sessions: SessionEntry[];
  private readonly limit: RateLimitTable | null;
  private readonly replay: ReplayState;
  private readonly hmac: HmacPrimitive;
  private readonly cwtKeys = new Map<number, PreparedKey | null>();
  private readonly bfdKeys = new Map<number, PreparedKey | null>();
  private readonly scratch = new Uint8Array(PACKET_LEN);
  /**
   * Which bucket of the vantage a push draws on: its own (per-path, the default reading) or the snapshots'
   * (per-vantage).
   */
  private readonly pushBucket: 0 | 1;
  private canonical = new Uint8Array(512);

  constructor(private readonly config: PipelineConfig) {
    this.vantageIds = Object.keys(config.oem.bindings);
    this.vantageIds.forEach((v, i) => this.vantageKey.set(v, i));
    this.bound = this.vantageIds.map((v) => new Set(config.oem.bindings[v]));
    this.sessions = config.sessions.map((s, index) => ({
      index,
      vantage: this.vantageKey.get(s.vantage) ?? -1,
      brokerDisc: s.brokerDisc,
      id: sessionId(s),
    }));
    this.sessions.forEach((e, i) => this.byDisc.set(config.sessions[i]!.vantageDisc, e));
    this.limit = config.policy
      ? new RateLimitTable(this.vantageIds.length, bucketParams(Math.round(config.tickMs * 1000), config.policy))
      : null;
    this.replay = new ReplayState(this.vantageIds.length, this.sessions.length, config.oem);
    this.hmac = config.hmac ?? FASTEST_HMAC;
    // draft §4.1 keys by vantage, §4.2 rates per path: both readings
    this.pushBucket = config.policy?.scope === 'per-vantage' ? 0 : 1;
  }

  /** Path A: a snapshot on the connection of vantage VANTAGE arriving at tUs (broker clock, µs). */
  admitSnapshot(vantage: number, bytes: Uint8Array, tUs: number): AdmissionDecision {
    // draft §4.1: before any parsing or HMAC
    if (this.limit && !this.limit.offer(vantage, 0, tUs)) return DECISION.rateLimited;
    return this.acceptSnapshot(bytes, tUs / 1000, vantage);
  }

  /** Path B: a BFD Control packet arriving at tUs. */
  admitPush(bytes: Uint8Array, tUs: number): AdmissionDecision {
    if (bytes.length < 8) return DECISION.malformed;
    // My Discriminator (RFC 5880 §4.1)
    const disc = ((bytes[4]! << 24) | (bytes[5]! << 16) | (bytes[6]! << 8) | bytes[7]!) >>> 0;
    const s = this.byDisc.get(disc);
    if (s === undefined || s.vantage < 0) return DECISION.unknownSession;
    if (this.limit && !this.limit.offer(s.vantage, this.pushBucket, tUs)) return DECISION.rateLimited;
    return this.acceptPush(bytes, tUs / 1000);
  }

  /**
   * Parse, verify and accept a snapshot at NOW ms (model/broker.ts receiveSnapshot); EXPECTED is the header's vantage,
   * if any.
   */
  acceptSnapshot(bytes: Uint8Array, now: number, expected?: number): AdmissionDecision {
    const d = decodeSnapshot(bytes);
    if (!d.ok) return DECISION.malformed;
    const s = d.snapshot;
    const v = this.vantageKey.get(s.vantage_id);
    if (expected !== undefined && v !== expected) return DECISION.headerMismatch;
    if (v === undefined || !this.open(v, s.epoch_id, now)) return DECISION.epochMismatch;
    const key = this.cwtKey(v, s.vantage_id, s.epoch_id);
    if (key === null || !this.snapshotTagVerifies(key, bytes, s)) return DECISION.authFailure;
    if (!this.replay.counterFresh(v, s.epoch_id, s.counter)) return DECISION.cwtReplay; // draft §5 (b)
    if (!(s.expires_at > now)) return DECISION.stale; // draft §5 (c)
    this.replay.recordCounter(v, s.epoch_id, s.counter);
    return DECISION.accepted;
  }

  /** Parse, verify and accept a push at NOW ms (model/broker.ts receivePush). */
  acceptPush(bytes: Uint8Array, now: number): AdmissionDecision {
    // zero-copy: decodeBfd's checks and fields read in place (src/pipeline/bfd-view.ts)
    if (!bfdAccepts(bytes)) return DECISION.malformed;
    const s = this.byDisc.get(bfdMyDiscriminator(bytes));
    if (!s || s.brokerDisc !== bfdYourDiscriminator(bytes)) return DECISION.unknownSession;
    const keyId = bfdAuthKeyId(bytes);
    const current = epochAt(this.config.oem, now);
    const epoch =
      (current & 0xff) === keyId ? current : current >= 1 && ((current - 1) & 0xff) === keyId ? current - 1 : -1;
    if (epoch < 0 || s.vantage < 0 || !this.open(s.vantage, epoch, now)) return DECISION.epochMismatch;
    const key = this.bfdKey(s, epoch);
    const covered = this.scratch;
    covered.set(bytes.subarray(0, PACKET_LEN));
    covered.fill(0, 32, 32 + DIGEST_LEN); // RFC 5880 §6.7.4: the digest covers the packet with the digest zeroed
    if (key === null || !this.hmac.verify(key, covered, bytes.subarray(32, 32 + DIGEST_LEN)))
      return DECISION.authFailure;
    const seq = bfdSeq(bytes);
    if (!this.replay.seqFresh(s.index, seq)) return DECISION.bfdReplay; // draft §5 (a), per session
    this.replay.recordSeq(s.index, seq);
    return DECISION.accepted;
  }

  /**
   * Whether the snapshot's tag verifies over its canonical bytes. Fast path: when the bytes end in
   * `,"tag":"<tag>"}`, the bytes before it closed by `}` are tried first: if the tag verifies over
   * them they ARE the canonical bytes of the decoded body (a vantage signs only canonical bytes,
   * which carry no top-level "tag", and those bytes parse to exactly the decoded body), so
   * re-serializing is skipped. Otherwise the canonical bytes are rebuilt (model/snapshot.ts); a
   * forged or non-canonically encoded snapshot thus costs a second HMAC.
   */
  private snapshotTagVerifies(key: PreparedKey, bytes: Uint8Array, s: Snapshot): boolean {
    const tag = Buffer.from(s.tag, 'hex');
    const n = bytes.length;
    const cut = n - TAG_SUFFIX_LEN;
    if (
      cut > 1 &&
      bytes[n - 1] === 0x7d &&
      bytes[n - 2] === 0x22 &&
      TAG_OPEN.every((c, i) => bytes[cut + i] === c) &&
      asciiEquals(bytes, cut + TAG_OPEN.length, s.tag)
    ) {
      if (this.canonical.length < cut + 1) this.canonical = new Uint8Array(2 * (cut + 1));
      this.canonical.set(bytes.subarray(0, cut));
      this.canonical[cut] = 0x7d; // '}'
      if (this.hmac.verify(key, this.canonical.subarray(0, cut + 1), tag)) return true;
    }
    return this.hmac.verify(key, canonicalBytes(s), tag);
  }

  /** The OEM binds (vantage, epoch) and the epoch is open (model/oem.ts bindsNow). */
  private open(v: number, epoch: number, now: number): boolean {
    return this.bound[v]!.has(epoch) && epochOpen(this.config.oem, epoch, now);
  }

  private cwtKey(v: number, id: string, epoch: number): PreparedKey | null {
    const slot = epoch * this.vantageIds.length + v;
    let k = this.cwtKeys.get(slot);
    if (k === undefined) {
      const raw = this.config.keys.cwt(id, epoch);
      k = raw ? this.hmac.prepare(raw) : null;
      this.cwtKeys.set(slot, k);
    }
    return k;
  }

  private bfdKey(s: SessionEntry, epoch: number): PreparedKey | null {
    const slot = epoch * this.sessions.length + s.index;
    let k = this.bfdKeys.get(slot);
    if (k === undefined) {
      const raw = this.config.keys.bfd(s.id, epoch);
      k = raw ? this.hmac.prepare(raw) : null;
      this.bfdKeys.set(slot, k);
    }
    return k;
  }
}
