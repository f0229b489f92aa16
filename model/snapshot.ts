/**
 * The CWT snapshot of draft §3.1 path A as JSON bytes: vantage_id, epoch_id, counter (CWT §9,
 * per (vantage, epoch)), expires_at, payload, and an HMAC-SHA256 tag under the vantage's epoch key
 * K_v_epoch over the canonical bytes. The canonical bytes are a private choice of this project
 * (the draft does not give them): the JSON of every field but `tag`, keys sorted, no whitespace
 * (RFC 8785 for this all-integer, all-string object).
 *
 * Decoding never throws: it returns a typed error naming what is wrong. The model reads no files:
 * the schema check is the caller's argument (src/lib/snapshot-decode.ts passes the JSON Schema).
 */
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { sameDigest } from './bfd/auth.js';
import { hmacSha256 } from './hmac-sha256.js';

/** The fields a snapshot carries (schemas/cwt-snapshot-v1.schema.json). */
export interface SnapshotBody {
  readonly vantage_id: string;
  readonly epoch_id: number;
  readonly counter: number;
  readonly expires_at: number;
  /** Only under the 'carried' reading of draft §5 (model/broker.ts BrokerReading): a seq for predicate (a). */
  readonly bfd_seq?: number;
  readonly payload: string;
}

/** A snapshot with its tag (hex). */
export interface Snapshot extends SnapshotBody {
  readonly tag: string;
}

/** Why bytes are not a snapshot. */
export type SnapshotDecodeError = 'not-utf8' | 'not-json' | 'schema';

/** A decoding result. */
export type SnapshotDecoded =
  | { readonly ok: true; readonly snapshot: Snapshot }
  | { readonly ok: false; readonly error: SnapshotDecodeError; readonly detail: string };

/** The canonical bytes the tag covers: sorted-key JSON of every field but the tag. */
export function canonicalBytes(s: SnapshotBody): Uint8Array {
  const body: Record<string, unknown> = { ...s };
  delete body.tag;
  const sorted = Object.fromEntries(
    Object.keys(body)
      .sort()
      .map((k) => [k, body[k]]),
  );
  return utf8ToBytes(JSON.stringify(sorted));
}

/** Signs BODY under KEY (K_v_epoch) and encodes it as JSON bytes. */
export function signSnapshot(body: SnapshotBody, key: Uint8Array): Uint8Array {
  return encodeSnapshot({ ...body, tag: bytesToHex(hmacSha256(key, canonicalBytes(body))) });
}

/** The JSON bytes of a snapshot (fields in canonical order, tag last). */
export function encodeSnapshot(s: Snapshot): Uint8Array {
  const { tag, ...body } = s;
  const sorted = Object.fromEntries(
    Object.keys(body)
      .sort()
      .map((k) => [k, (body as Record<string, unknown>)[k]]),
  );
  return utf8ToBytes(JSON.stringify({ ...sorted, tag }));
}

/** Whether the tag is the HMAC-SHA256 of the canonical bytes under KEY. */
export function verifySnapshot(s: Snapshot, key: Uint8Array): boolean {
  return sameDigest(hexToBytes(s.tag), hmacSha256(key, canonicalBytes(s)));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What is wrong with a decoded JSON value as a snapshot, one phrase per problem (none: it is one). */
export type SnapshotCheck = (data: unknown) => readonly string[];

/** Decodes JSON bytes and checks them with SCHEMA_PROBLEMS (the snapshot's JSON Schema); never throws. */
export function decodeSnapshotWith(bytes: Uint8Array, schemaProblems: SnapshotCheck): SnapshotDecoded {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, error: 'not-utf8', detail: 'bytes are not UTF-8' };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: 'not-json', detail: `not JSON (${(e as Error).message})` };
  }
  const found = schemaProblems(data);
  if (found.length > 0) return { ok: false, error: 'schema', detail: found[0]! };
  return { ok: true, snapshot: data as Snapshot };
}
