/**
 * C2SP signed notes (c2sp.org/signed-note v1.0.0): text, a blank line, signature lines
 * "— <name> base64(keyID || sig)". Parsing never throws: it returns a typed error with a reason.
 * Verifier keys ("vkeys": name+hexID+base64(type||key)) for Ed25519 (type 0x01) and
 * cosignature/v1 (0x04); ECDSA (0x02) keys are parsed for their key ID and verified over
 * SHA-256 of the text with a DER signature. Draft §7 carries its checkpoints in this format.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** Signature type bytes (signed-note "Signature types"). */
export const SIG_TYPE = { ed25519: 0x01, ecdsa: 0x02, cosignatureV1: 0x04 } as const;
/** The em dash and space that open a signature line. */
export const SIG_PREFIX = '\u2014 ';
/** The most signatures a note may carry here (the spec: at least 16 MUST be accepted). */
export const MAX_SIGNATURES = 100;

/** A result that is either a value or the reason it could not be had. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };
/** Builds a success. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
/** Builds a failure. */
export const fail = <T = never>(reason: string): Result<T> => ({ ok: false, reason });

/** One signature line. */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  readonly sig: Uint8Array;
}
/** A parsed note. */
export interface Note {
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}
/** A verifier key. */
export interface Verifier {
  readonly name: string;
  readonly keyId: number;
  readonly type: number;
  readonly publicKey: Uint8Array;
}

const B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/**
 * Standard padded base64 (RFC 4648 §4) to octets, or undefined. Non-zero pad bits are accepted,
 * as Go's base64.StdEncoding does (RFC 4648 §3.5 lets decoders choose); the alphabet and padding are strict.
 */
export function decodeBase64(s: string): Uint8Array | undefined {
  if (!B64.test(s)) return undefined;
  const out = new Uint8Array((s.length / 4) * 3); // decoded straight into its own bytes (no pooled Buffer copied)
  const n = Buffer.from(out.buffer).write(s, 'base64');
  return n === out.length ? out : out.slice(0, n);
}
/** Octets to standard padded base64. */
export const encodeBase64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

/** A key name: non-empty, no Unicode space, no '+' (signed-note "Format"). */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name);
}

/** key ID = SHA-256(name || 0x0A || type || public key)[:4], big-endian uint32. */
export function keyIdOf(name: string, type: number, publicKey: Uint8Array): number {
  const h = sha256(concatBytes(utf8ToBytes(name), Uint8Array.of(0x0a, type), publicKey));
  return new DataView(h.buffer, h.byteOffset).getUint32(0);
}

/** Parses a vkey "name+hexid+base64(type||key)"; splits on the first two '+' only. */
export function parseVerifierKey(vkey: string): Result<Verifier> {
  const i = vkey.indexOf('+');
  const j = vkey.indexOf('+', i + 1); // with no '+' at all, i = -1 and the search from 0 finds none either
  if (j === -1) return fail('vkey: expected name+keyid+key');
  const name = vkey.slice(0, i);
  const idHex = vkey.slice(i + 1, j);
  if (!isValidKeyName(name)) return fail('vkey: invalid key name');
  if (!/^[0-9a-f]{8}$/.test(idHex)) return fail('vkey: key ID must be 8 lowercase hex digits');
  const blob = decodeBase64(vkey.slice(j + 1));
  if (!blob || blob.length < 2) return fail('vkey: key is not base64 of type byte || key');
  const type = blob[0]!;
  const publicKey = blob.slice(1);
  const keyId = parseInt(idHex, 16);
  if (type === SIG_TYPE.ed25519 || type === SIG_TYPE.cosignatureV1) {
    if (publicKey.length !== 32) return fail(`vkey: Ed25519 key material is ${publicKey.length} bytes, not 32`);
    if (keyIdOf(name, type, publicKey) !== keyId)
      return fail('vkey: key ID does not match SHA-256(name||0x0A||type||key)');
  } else if (type === SIG_TYPE.ecdsa) {
    const spkiId = sha256(publicKey);
    if (new DataView(spkiId.buffer).getUint32(0) !== keyId)
      return fail('vkey: ECDSA key ID does not match SHA-256(SPKI)');
  } else return fail(`vkey: unknown signature type 0x${type.toString(16).padStart(2, '0')}`);
  return ok({ name, keyId, type, publicKey });
}

/** Formats a vkey. */
export function formatVerifierKey(v: Verifier): string {
  const key = encodeBase64(concatBytes(Uint8Array.of(v.type), v.publicKey));
  return `${v.name}+${v.keyId.toString(16).padStart(8, '0')}+${key}`;
}

/** Parses a signed note (signed-note "Format"); the text/signature split is at the last blank line. */
export function parseNote(msg: string): Result<Note> {
  // eslint-disable-next-line no-control-regex -- C0 controls but newline (U+000A): a note may hold no other control
  if (/[\u0000-\u0009\u000b-\u001f]/.test(msg))
    return fail('malformed note: ASCII control character other than newline');
  // A lone surrogate has no UTF-8 encoding: it comes back from the round trip as U+FFFD.
  if (Buffer.from(msg).toString() !== msg) return fail('malformed note: not valid UTF-8 (lone surrogate)');
  if (!msg.endsWith('\n')) return fail('malformed note: does not end in a newline');
  const split = msg.lastIndexOf('\n\n');
  if (split < 0) return fail('malformed note: no blank line before the signatures');
  const text = msg.slice(0, split + 1);
  const block = msg.slice(split + 2, -1);
  if (block === '') return fail('malformed note: no signature lines');
  const lines = block.split('\n');
  if (lines.length > MAX_SIGNATURES) return fail(`malformed note: more than ${MAX_SIGNATURES} signatures`);
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    if (!line.startsWith(SIG_PREFIX))
      return fail('malformed note: a line after the blank line is not a signature line');
    const rest = line.slice(SIG_PREFIX.length);
    const sp = rest.indexOf(' ');
    const name = rest.slice(0, sp);
    if (sp === -1 || !isValidKeyName(name)) return fail('malformed note: signature line has an invalid key name');
    const blob = decodeBase64(rest.slice(sp + 1));
    if (!blob || blob.length < 5) return fail('malformed note: signature is not base64 of key ID || signature');
    signatures.push({ name, keyId: new DataView(blob.buffer).getUint32(0), sig: blob.slice(4) });
  }
  return ok({ text, signatures });
}

/** Formats a note from its text and signatures. */
export function formatNote(n: Note): string {
  const sigs = n.signatures.map((s) => {
    const id = new Uint8Array(4);
    new DataView(id.buffer).setUint32(0, s.keyId);
    return `${SIG_PREFIX}${s.name} ${encodeBase64(concatBytes(id, s.sig))}\n`;
  });
  return `${n.text}\n${sigs.join('')}`;
}

/** The message a signature of type TYPE signs (0x04 is cosignature/v1: see model/cosignature.ts). */
export type MessageOf = (sig: NoteSignature, text: string) => Uint8Array | undefined;

/**
 * Verifies one signature of a known key over the note text; type 0x04 needs MESSAGE_OF (without it,
 * there is no message and the signature does not verify). Malformed keys and signatures (an Ed25519
 * signature not 64 bytes, a key not 32) make the libraries throw: they verify false.
 */
export function verifySignature(
  v: Verifier,
  s: NoteSignature,
  text: string,
  messageOf: MessageOf = () => undefined,
): boolean {
  try {
    if (v.type === SIG_TYPE.ed25519) return ed25519.verify(s.sig, utf8ToBytes(text), v.publicKey);
    if (v.type === SIG_TYPE.ecdsa)
      return p256.verify(s.sig, utf8ToBytes(text), p256PointOf(v.publicKey), {
        format: 'der',
        prehash: true,
        lowS: false,
      });
    const m = messageOf(s, text);
    // Stryker disable next-line ConditionalExpression: without a message ed25519.verify throws and the catch below
    // gives false too; the test states the rule
    return m !== undefined && ed25519.verify(s.sig.slice(8), m, v.publicKey);
  } catch {
    return false;
  }
}

function p256PointOf(spki: Uint8Array): Uint8Array {
  return spki.slice(spki.length - 65); // SPKI DER for P-256 ends with the 65-byte uncompressed point
}

/** What opening a note found: the verified signers, the ignored unknown ones. */
export interface Opened {
  readonly note: Note;
  readonly verified: readonly Verifier[];
  readonly unknown: number;
}

/**
 * Opens a note with the trusted keys (signed-note "Signatures"): unknown keys (name and ID not
 * both matching) are ignored; a known key's failing signature rejects the whole note; at least
 * one known key must verify.
 */
export function openNote(msg: string, known: readonly Verifier[], messageOf?: MessageOf): Result<Opened> {
  const parsed = parseNote(msg);
  if (!parsed.ok) return parsed;
  const verified: Verifier[] = [];
  let unknown = 0;
  for (const s of parsed.value.signatures) {
    const v = known.find((k) => k.name === s.name && k.keyId === s.keyId);
    if (!v) {
      unknown++;
      continue;
    }
    if (!verifySignature(v, s, parsed.value.text, messageOf))
      return fail(`invalid signature for key ${v.name}+${v.keyId.toString(16).padStart(8, '0')}`);
    if (!verified.includes(v)) verified.push(v);
  }
  if (verified.length === 0) return fail('no verifiable signatures');
  return ok({ note: parsed.value, verified, unknown });
}

/** An Ed25519 signer: a 32-byte seed and a key name. */
export interface Signer {
  readonly name: string;
  readonly seed: Uint8Array;
}

/** The Ed25519 (type 0x01) verifier of a signer. */
export function verifierOf(s: Signer, type: number = SIG_TYPE.ed25519): Verifier {
  const publicKey = ed25519.getPublicKey(s.seed);
  return { name: s.name, keyId: keyIdOf(s.name, type, publicKey), type, publicKey };
}

/** Signs TEXT with an Ed25519 note signature (type 0x01). */
export function signText(text: string, s: Signer): NoteSignature {
  return { name: s.name, keyId: verifierOf(s).keyId, sig: ed25519.sign(utf8ToBytes(text), s.seed) };
}
