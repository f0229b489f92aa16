/**
 * RFC 5880 §4.1 BFD Control packet: the 24-byte mandatory section and the §4.4 keyed
 * authentication section layout (Auth Type, Auth Len, Auth Key ID, Reserved, Sequence Number,
 * digest), here with a 32-byte HMAC-SHA256 digest. Draft §3.1 path B carries these packets; the
 * Sequence Number is the `bfd_seq` of draft §5 predicate (a).
 *
 * Encoding never fails on a well-typed value; decoding never throws: it returns a typed error.
 */

/** RFC 5880 §4.1 state values. */
export const BFD_STATE = { AdminDown: 0, Down: 1, Init: 2, Up: 3 } as const;

/**
 * Auth Type of the HMAC-SHA256 section. PRIVATE CHOICE: no RFC assigns an Auth Type for
 * HMAC-SHA256 (the drafts that tried expired), so this value is this project's, to be agreed out
 * of band; it lies outside RFC 5880's values 1-5. The layout follows RFC 5880 §4.4 (Meticulous
 * Keyed SHA1), with a 32-byte digest instead of 20.
 */
export const AUTH_TYPE_HMAC_SHA256 = 253;
/** Bytes of the HMAC-SHA256 digest. */
export const DIGEST_LEN = 32;
/** Auth Len: type, len, key id, reserved (4) + sequence number (4) + digest. */
export const AUTH_LEN = 8 + DIGEST_LEN;
/** The mandatory section (RFC 5880 §4.1). */
export const MANDATORY_LEN = 24;
/** A whole packet with the HMAC-SHA256 section. */
export const PACKET_LEN = MANDATORY_LEN + AUTH_LEN;

/** The fields of an authenticated BFD Control packet (RFC 5880 §4.1, §4.4). */
export interface BfdControl {
  readonly diag: number;
  readonly state: number;
  /** Poll, Final, Control Plane Independent, Demand flags; the A bit is implied, M is zero. */
  readonly poll: boolean;
  readonly final: boolean;
  readonly cpi: boolean;
  readonly demand: boolean;
  readonly detectMult: number;
  readonly myDiscriminator: number;
  readonly yourDiscriminator: number;
  readonly desiredMinTxUs: number;
  readonly requiredMinRxUs: number;
  readonly requiredMinEchoRxUs: number;
  /** Selects the key; this project sends the CWT epoch_id mod 256 (draft §6 binds K_BFD_auth to the epoch). */
  readonly authKeyId: number;
  /** Unsigned 32-bit; draft §5 predicate (a). */
  readonly seq: number;
  /** 32 bytes; zero while the digest is computed. */
  readonly digest: Uint8Array;
}

/** Why bytes are not an authenticated BFD Control packet. */
export type BfdDecodeError =
  | 'too-short'
  | 'bad-version'
  | 'bad-length'
  | 'length-exceeds-buffer'
  | 'zero-detect-mult'
  | 'multipoint-set'
  | 'zero-my-discriminator'
  | 'zero-your-discriminator'
  | 'no-auth-section'
  | 'unsupported-auth-type'
  | 'bad-auth-len';

/** A decoding result: the packet, or the reason it is not one. */
export type BfdDecoded =
  | { readonly ok: true; readonly packet: BfdControl }
  | { readonly ok: false; readonly error: BfdDecodeError; readonly detail: string };

const u32 = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= 0xffffffff;

/** Encodes a packet; throws only on an out-of-range field (a programming error, not input). */
export function encodeBfd(p: BfdControl): Uint8Array {
  for (const [k, v] of Object.entries({
    myDiscriminator: p.myDiscriminator,
    yourDiscriminator: p.yourDiscriminator,
    seq: p.seq,
    desiredMinTxUs: p.desiredMinTxUs,
    requiredMinRxUs: p.requiredMinRxUs,
    requiredMinEchoRxUs: p.requiredMinEchoRxUs,
  })) {
    if (!u32(v)) throw new RangeError(`BFD ${k} must be an unsigned 32-bit integer, got ${v}`);
  }
  if (p.digest.length !== DIGEST_LEN) throw new RangeError(`BFD digest must be ${DIGEST_LEN} bytes`);
  const b = new Uint8Array(PACKET_LEN);
  const v = new DataView(b.buffer);
  b[0] = (1 << 5) | (p.diag & 0x1f); // RFC 5880 §4.1: version 1
  b[1] =
    ((p.state & 3) << 6) |
    (p.poll ? 0x20 : 0) |
    (p.final ? 0x10 : 0) |
    (p.cpi ? 0x08 : 0) |
    0x04 |
    (p.demand ? 0x02 : 0); // A bit set, M clear
  b[2] = p.detectMult & 0xff;
  b[3] = PACKET_LEN;
  v.setUint32(4, p.myDiscriminator);
  v.setUint32(8, p.yourDiscriminator);
  v.setUint32(12, p.desiredMinTxUs);
  v.setUint32(16, p.requiredMinRxUs);
  v.setUint32(20, p.requiredMinEchoRxUs);
  b[24] = AUTH_TYPE_HMAC_SHA256;
  b[25] = AUTH_LEN;
  b[26] = p.authKeyId & 0xff;
  b[27] = 0; // Reserved
  v.setUint32(28, p.seq);
  b.set(p.digest, 32);
  return b;
}

const fail = (error: BfdDecodeError, detail: string): BfdDecoded => ({ ok: false, error, detail });

/** Decodes bytes with RFC 5880 §6.8.6 reception checks; never throws. */
export function decodeBfd(bytes: Uint8Array): BfdDecoded {
  if (!(bytes instanceof Uint8Array)) return fail('too-short', 'not a byte array');
  if (bytes.length < MANDATORY_LEN)
    return fail('too-short', `${bytes.length} bytes, the mandatory section is ${MANDATORY_LEN}`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const b0 = bytes[0]!,
    b1 = bytes[1]!,
    length = bytes[3]!;
  if (b0 >> 5 !== 1) return fail('bad-version', `version ${b0 >> 5}, expected 1`);
  if (length > bytes.length)
    return fail('length-exceeds-buffer', `Length field ${length} exceeds the ${bytes.length}-byte payload`);
  if (!(b1 & 0x04))
    return fail(
      'no-auth-section',
      'A bit clear: unauthenticated packets are not accepted (draft §5 needs a sequence number)',
    );
  if (length < MANDATORY_LEN + 2) return fail('bad-length', `Length ${length} below 26 with the A bit set`);
  if (bytes[2] === 0) return fail('zero-detect-mult', 'Detect Mult is zero');
  if (b1 & 0x01) return fail('multipoint-set', 'Multipoint (M) bit set');
  const my = v.getUint32(4),
    your = v.getUint32(8);
  if (my === 0) return fail('zero-my-discriminator', 'My Discriminator is zero');
  const state = b1 >> 6;
  if (your === 0 && state !== BFD_STATE.Down && state !== BFD_STATE.AdminDown)
    return fail('zero-your-discriminator', 'Your Discriminator is zero outside Down/AdminDown');
  if (bytes[24] !== AUTH_TYPE_HMAC_SHA256)
    return fail(
      'unsupported-auth-type',
      `Auth Type ${bytes[24]}, expected ${AUTH_TYPE_HMAC_SHA256} (HMAC-SHA256, private)`,
    );
  if (bytes[25] !== AUTH_LEN || length !== PACKET_LEN)
    return fail('bad-auth-len', `Auth Len ${bytes[25]} / Length ${length}, expected ${AUTH_LEN} / ${PACKET_LEN}`);
  return {
    ok: true,
    packet: {
      diag: b0 & 0x1f,
      state,
      poll: !!(b1 & 0x20),
      final: !!(b1 & 0x10),
      cpi: !!(b1 & 0x08),
      demand: !!(b1 & 0x02),
      detectMult: bytes[2]!,
      myDiscriminator: my,
      yourDiscriminator: your,
      desiredMinTxUs: v.getUint32(12),
      requiredMinRxUs: v.getUint32(16),
      requiredMinEchoRxUs: v.getUint32(20),
      authKeyId: bytes[26]!,
      seq: v.getUint32(28),
      digest: bytes.slice(32, 32 + DIGEST_LEN),
    },
  };
}
