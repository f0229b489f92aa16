/**
 * K_BFD_auth derivation (draft §6): HKDF-SHA256 over K_op with a per-operator salt and a
 * per-session, per-epoch info string, 32 octets. The byte strings admit several readings; each
 * is a named HkdfReading so the project can show which ones derive different keys. The code's
 * default is CANONICAL_READING; `perfsec derive-bfd-key --reading` selects another.
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { discriminatorHex, orderedDiscriminators, sessionIdText } from './session-id.js';

/** draft §6 NORMATIVE CONSTRAINTS: K_BFD_auth is exactly 32 octets. */
export const K_BFD_AUTH_LENGTH = 32;

/** The inputs of draft §6's derivation. */
export interface BfdKeyInput {
  /** CWT §5.4 operator_id (a string; its grammar is in CWT, not in this draft). */
  readonly operatorId: string;
  /** The operator master key K_op. */
  readonly kOp: Uint8Array;
  /** The two 32-bit BFD discriminators (My / Your Discriminator), in any order. */
  readonly discriminators: readonly [number, number];
  /** CWT Layer 1 epoch_id, a non-negative integer. */
  readonly epochId: number;
}

/** One way to read draft §6's byte strings. */
export interface HkdfReading {
  readonly name: string;
  readonly description: string;
  /** The salt octets. */
  salt(operatorId: string): Uint8Array;
  /** The session_id octets from the two discriminators. */
  sessionId(a: number, b: number): Uint8Array;
  /** The octets of ascii(epoch_id). */
  epoch(epochId: number): Uint8Array;
}

const be32 = (d: number): Uint8Array => Uint8Array.of(d >>> 24, (d >>> 16) & 0xff, (d >>> 8) & 0xff, d & 0xff);

/** The repaired salt prefix (the scan reads 'M/PS- Perf Sec-vl|operator:'; draft §6 OCR note). */
export const SALT_PREFIX = 'MVPS-PerfSec-v1|operator:';
/** The repaired info prefix (the scan reads 'coherence-bfd-auth-vl|session:'). */
export const INFO_PREFIX = 'coherence-bfd-auth-v1|session:';
/** The info infix before ascii(epoch_id). */
export const EPOCH_INFIX = '|epoch:';

const base = {
  // draft §6: "||" is octet concatenation, '|' inside the quotes is literal
  salt: (op: string) => utf8ToBytes(SALT_PREFIX + op),
  epoch: (e: number) => utf8ToBytes(String(e)), // ascii(epoch_id): decimal digits, no padding
};

/**
 * The code's reading: each 32-bit discriminator as 8 lowercase hex digits, numerically smaller
 * first (for fixed-width hex this equals lexicographic order), 16 ASCII characters; epoch as
 * decimal ASCII; operator_id as its UTF-8 octets.
 */
export const CANONICAL_READING: HkdfReading = {
  name: 'hex-lower',
  description:
    'session_id = 16 lowercase hex ASCII characters (8 per discriminator, zero-padded), smaller||larger; ' +
    'epoch_id decimal ASCII',
  ...base,
  sessionId: (a, b) => utf8ToBytes(sessionIdText(a, b)),
};

/** Every reading the text admits; tests show which derive keys different from the canonical one. */
export const READINGS: readonly HkdfReading[] = [
  CANONICAL_READING,
  {
    name: 'hex-upper',
    description: 'as hex-lower, uppercase hex digits (the text names no case)',
    ...base,
    sessionId: (a, b) => utf8ToBytes(sessionIdText(a, b).toUpperCase()),
  },
  {
    name: 'raw-octets',
    description: 'session_id = the 8 raw octets (two big-endian uint32), "8 octets" read literally',
    ...base,
    sessionId: (a, b) => concatBytes(...orderedDiscriminators(a, b).map(be32)),
  },
  {
    name: 'hex-unpadded-lex',
    description:
      'each discriminator as unpadded lowercase hex, ordered lexicographically as strings ' +
      '(differs from numeric order, e.g. "a" > "10")',
    ...base,
    sessionId: (a, b) => utf8ToBytes([a.toString(16), b.toString(16)].sort().join('')),
  },
  {
    name: 'hex-literal-bars',
    description: 'session_id = "smaller||larger" with literal "||" between the two 8-digit halves (18 characters)',
    ...base,
    sessionId: (a, b) => utf8ToBytes(orderedDiscriminators(a, b).map(discriminatorHex).join('||')),
  },
  {
    name: 'epoch-hex',
    description: 'as hex-lower, ascii(epoch_id) read as lowercase hex digits',
    ...base,
    sessionId: CANONICAL_READING.sessionId,
    epoch: (e) => utf8ToBytes(e.toString(16)),
  },
  {
    name: 'epoch-u64-be',
    description: 'as hex-lower, epoch_id as 8 big-endian octets (not ASCII)',
    ...base,
    sessionId: CANONICAL_READING.sessionId,
    epoch: (e) => concatBytes(be32(Math.floor(e / 2 ** 32)), be32(e >>> 0)),
  },
  {
    name: 'ocr-scan',
    description:
      'the salt and info strings exactly as the scan prints them ("M/PS- Perf Sec-vl", "coherence-bfd-auth-vl")',
    salt: (op) => utf8ToBytes('M/PS- Perf Sec-vl|operator:' + op),
    epoch: base.epoch,
    sessionId: CANONICAL_READING.sessionId,
  },
];

/** The info octets: prefix || session_id || "|epoch:" || ascii(epoch_id) (draft §6). */
export function infoOf(i: BfdKeyInput, r: HkdfReading = CANONICAL_READING): Uint8Array {
  const prefix = r.name === 'ocr-scan' ? 'coherence-bfd-auth-vl|session:' : INFO_PREFIX;
  return concatBytes(
    utf8ToBytes(prefix),
    r.sessionId(i.discriminators[0], i.discriminators[1]),
    utf8ToBytes(EPOCH_INFIX),
    r.epoch(i.epochId),
  );
}

/** K_BFD_auth = HKDF-SHA256(salt, ikm = K_op, info, 32) (draft §6). */
export function deriveBfdAuthKey(i: BfdKeyInput, r: HkdfReading = CANONICAL_READING): Uint8Array {
  return hkdf(sha256, i.kOp, r.salt(i.operatorId), infoOf(i, r), K_BFD_AUTH_LENGTH);
}

/**
 * A stand-in for CWT's K_v_epoch derivation from the same K_op (CWT §5 is not part of this
 * draft): HKDF-SHA256 with a CWT salt and a (vantage, epoch) info. Used only to check that
 * K_BFD_auth is derived independently of K_v_epoch (draft §6).
 */
export function deriveVantageEpochKey(
  kOp: Uint8Array,
  operatorId: string,
  vantageId: string,
  epochId: number,
): Uint8Array {
  return hkdf(
    sha256,
    kOp,
    utf8ToBytes(`MVPS-CWT-v1|operator:${operatorId}`),
    utf8ToBytes(`cwt-vantage-epoch-v1|vantage:${vantageId}|epoch:${epochId}`),
    32,
  );
}

/** The generic RFC 5869 wrapper the derivation uses, exposed for the RFC 5869 vectors. */
export function hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Uint8Array {
  return hkdf(sha256, ikm, salt, info, length);
}
