/**
 * Stage splits for the ledger. The broker runs every packet through the pipeline's own admission
 * code (src/pipeline/admission.ts, witness-path.ts) and times the whole call; on a sampled packet
 * that was accepted it then repeats the named stages the whole call contains, each alone on the
 * same bytes with the same primitives, and times them: parse (draft §1.3 c_bfd_parse, c_json),
 * the snapshot's canonical bytes, HMAC-SHA256 verify (c_hmac), note parsing for path C. What the
 * whole call costs beyond them (key, session and epoch lookup, rate-limit bucket, T-RC-1 state
 * update, Ed25519 for path C) is the ledger's remainder stage. The repeats are measured and their
 * CPU is subtracted from the process CPU (sampling overhead).
 */
import { DIGEST_LEN, PACKET_LEN } from '../../model/bfd/packet.js';
import { parseCheckpoint } from '../../model/checkpoint.js';
import { parseNote } from '../../model/note.js';
import { decodeSnapshot } from '../lib/snapshot-decode.js';
import { bfdAccepts, bfdAuthKeyId, bfdMyDiscriminator, bfdSeq, bfdYourDiscriminator } from '../pipeline/bfd-view.js';
import { FASTEST_HMAC, type PreparedKey } from '../pipeline/hmac.js';

/** `,"tag":"` and the length of `,"tag":"<64 hex>"}` (the pipeline's fast canonical-bytes check). */
const TAG_OPEN = Buffer.from(',"tag":"');
const TAG_SUFFIX_LEN = TAG_OPEN.length + 64 + 2;

/** The value of one lowercase hex digit (the tag of a signed snapshot is lowercase hex). */
const hex = (c: number): number => (c <= 0x39 ? c - 0x30 : c - 0x57);

/** Reusable buffers of one broker (one thread). */
export class Shadow {
  private readonly covered = new Uint8Array(PACKET_LEN);
  private canonical = new Uint8Array(512);
  private readonly tag = Buffer.alloc(32);

  /** Path B parse: the pipeline's in-place reception checks and field reads (src/pipeline/bfd-view.ts; c_bfd_parse). */
  parseB(bytes: Uint8Array): number {
    if (!bfdAccepts(bytes)) return -1;
    return bfdMyDiscriminator(bytes) ^ bfdYourDiscriminator(bytes) ^ bfdAuthKeyId(bytes) ^ bfdSeq(bytes);
  }

  /** Path B HMAC: the digest-zeroed copy and the verify (RFC 5880 §6.7.4; c_hmac). */
  hmacB(key: PreparedKey, bytes: Uint8Array): boolean {
    this.covered.set(bytes.subarray(0, PACKET_LEN));
    this.covered.fill(0, 32, 32 + DIGEST_LEN);
    return FASTEST_HMAC.verify(key, this.covered, bytes.subarray(32, 32 + DIGEST_LEN));
  }

  /** Path A parse: JSON decode and schema check of the snapshot (c_json). */
  parseA(bytes: Uint8Array): boolean {
    return decodeSnapshot(bytes).ok;
  }

  /**
   * Path A canonical bytes: the tag-suffix check and the copy the pipeline's fast path makes, and the tag's hex
   * decoded; the canonical length, or 0.
   */
  canonicalA(bytes: Uint8Array): number {
    const n = bytes.length;
    const cut = n - TAG_SUFFIX_LEN;
    if (cut <= 1 || bytes[n - 1] !== 0x7d || !TAG_OPEN.equals(bytes.subarray(cut, cut + TAG_OPEN.length))) return 0;
    if (this.canonical.length < cut + 1) this.canonical = new Uint8Array(2 * (cut + 1));
    this.canonical.set(bytes.subarray(0, cut));
    this.canonical[cut] = 0x7d;
    const at = cut + TAG_OPEN.length;
    for (let i = 0; i < 32; i++) this.tag[i] = (hex(bytes[at + 2 * i]!) << 4) | hex(bytes[at + 2 * i + 1]!);
    return cut + 1;
  }

  /** Path A HMAC over the canonical bytes left by canonicalA (c_hmac). */
  hmacA(key: PreparedKey, length: number): boolean {
    return FASTEST_HMAC.verify(key, this.canonical.subarray(0, length), this.tag);
  }

  /** Path C parse: the signed note and the checkpoint body (C2SP formats; not in the draft's JOINT). */
  parseC(text: string): boolean {
    const n = parseNote(text);
    return n.ok && parseCheckpoint(n.value.text).ok;
  }
}
