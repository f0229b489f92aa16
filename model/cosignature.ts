/**
 * C2SP cosignature/v1 (c2sp.org/tlog-cosignature, Ed25519): a note signature whose blob is
 * keyID(4) || u64 big-endian timestamp || Ed25519 signature(64), over
 * "cosignature/v1\ntime <ts>\n" || checkpoint body; key ID uses type byte 0x04.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import {
  fail,
  keyIdOf,
  ok,
  SIG_TYPE,
  verifySignature,
  type MessageOf,
  type NoteSignature,
  type Result,
  type Signer,
  type Verifier,
} from './note.js';

/** The largest timestamp a cosignature may carry (2^63 - 1). */
export const MAX_TIMESTAMP = 2n ** 63n - 1n;

/** The signed message of a cosignature/v1 at TIMESTAMP over a checkpoint body. */
export function cosignedMessage(timestamp: bigint, body: string): Uint8Array {
  return utf8ToBytes(`cosignature/v1\ntime ${timestamp}\n${body}`);
}

/** The timestamp of a cosignature/v1 signature blob (after the key ID), or why not. */
export function cosignatureTimestamp(sig: Uint8Array): Result<bigint> {
  if (sig.length !== 72) return fail(`wrong type of signature: ${sig.length + 4} bytes, a cosignature/v1 is 76`);
  const t = new DataView(sig.buffer, sig.byteOffset).getBigUint64(0);
  return t > MAX_TIMESTAMP ? fail('cosignature timestamp exceeds 2^63 - 1') : ok(t);
}

/** The MessageOf for type 0x04 signatures (model/note.ts openNote). */
export const cosignatureMessageOf: MessageOf = (s, text) => {
  const t = cosignatureTimestamp(s.sig);
  return t.ok ? cosignedMessage(t.value, text) : undefined;
};

/** The cosignature/v1 verifier of a witness signer (type 0x04). */
export function cosignerOf(s: Signer): Verifier {
  const publicKey = ed25519.getPublicKey(s.seed);
  return {
    name: s.name,
    keyId: keyIdOf(s.name, SIG_TYPE.cosignatureV1, publicKey),
    type: SIG_TYPE.cosignatureV1,
    publicKey,
  };
}

/**
 * Cosigns a checkpoint body at TIMESTAMP. KEY_ID, when the caller already holds cosignerOf(s), is its keyId (saves
 * deriving the public key a second time; a search signs with a fresh key in every case).
 */
export function cosign(body: string, s: Signer, timestamp: bigint, keyId = cosignerOf(s).keyId): NoteSignature {
  const ts = new Uint8Array(8);
  new DataView(ts.buffer).setBigUint64(0, timestamp);
  return {
    name: s.name,
    keyId,
    sig: concatBytes(ts, ed25519.sign(cosignedMessage(timestamp, body), s.seed)),
  };
}

/**
 * Whether a cosignature by V verifies over BODY: same name and key ID, and the signature verifies as a
 * cosignature/v1 (type 0x04) under V's key, whatever type V was given with.
 */
export function verifyCosignature(v: Verifier, sig: NoteSignature, body: string): boolean {
  return (
    sig.keyId === v.keyId &&
    sig.name === v.name &&
    verifySignature({ ...v, type: SIG_TYPE.cosignatureV1 }, sig, body, cosignatureMessageOf)
  );
}
