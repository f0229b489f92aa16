/**
 * Verifiers of the public cryptographic vectors (RFC 5869, RFC 4231, RFC 8032, C2SP signed
 * notes, checkpoints, cosignatures) run through the project's own code: model/hkdf.ts,
 * model/note.ts, model/checkpoint.ts, model/cosignature.ts, model/merkle.ts.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { extract } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { parseCheckpoint } from '../../model/checkpoint.js';
import { cosignatureMessageOf, cosignatureTimestamp, cosignedMessage } from '../../model/cosignature.js';
import { hkdfSha256 } from '../../model/hkdf.js';
import { verifyConsistency } from '../../model/merkle.js';
import {
  decodeBase64,
  encodeBase64,
  formatNote,
  keyIdOf,
  openNote,
  parseNote,
  parseVerifierKey,
  SIG_TYPE,
  signText,
  type Verifier,
} from '../../model/note.js';
import { InputError } from '../lib/errors.js';
import { registerVerifier, type TestVector, type Verification, type VectorVerifier } from './format.js';

type Obj = Readonly<Record<string, unknown>>;
/** A string field of O, or InputError naming it. */
export function str(o: Obj, k: string): string {
  const v = o[k];
  if (typeof v !== 'string') throw new InputError(`field '${k}' must be a string`);
  return v;
}
const strs = (o: Obj, k: string): string[] => {
  const v = o[k];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
    throw new InputError(`field '${k}' must be an array of strings`);
  return v as string[];
};
const int = (o: Obj, k: string): number => {
  const v = o[k];
  if (!Number.isInteger(v)) throw new InputError(`field '${k}' must be an integer`);
  return v as number;
};
const verdict = (t: TestVector, accepted: boolean, detail: string): Verification => ({
  ok: accepted === (t.result === 'valid'),
  detail: `${accepted ? 'accepted' : 'rejected'}: ${detail}`,
});
const cmp = (what: string, want: string, got: string): string[] =>
  want === got ? [] : [`${what}: expected ${want}, got ${got}`];
const done = (diff: string[]): Verification => ({
  ok: diff.length === 0,
  detail: diff.length === 0 ? 'matches' : diff.join('; '),
});

/** A 0x01 vkey re-read as the same key's cosignature/v1 (0x04) verifier. */
export function asCosigner(v: Verifier): Verifier {
  return { ...v, type: SIG_TYPE.cosignatureV1, keyId: keyIdOf(v.name, SIG_TYPE.cosignatureV1, v.publicKey) };
}
function vkeys(list: readonly string[]): Verifier[] {
  return list.map((s) => {
    const r = parseVerifierKey(s);
    if (!r.ok) throw new InputError(`${s}: ${r.reason}`);
    return r.value;
  });
}
/** The 32-byte key of an OpenSSH "ssh-ed25519 <base64>" public key (the wire blob ends in it). */
export function sshEd25519Key(line: string): Uint8Array {
  const blob = decodeBase64(line.split(' ')[1] ?? '');
  if (!blob || blob.length !== 51) throw new InputError('not an ssh-ed25519 public key');
  return blob.slice(19);
}

const V: VectorVerifier[] = [
  {
    type: 'Rfc5869Hkdf',
    verify: (t) => {
      const [ikm, salt, info] = ['ikm', 'salt', 'info'].map((k) => hexToBytes(str(t.input, k))) as [
        Uint8Array,
        Uint8Array,
        Uint8Array,
      ];
      return done([
        ...cmp('prk', str(t.expected, 'prk'), bytesToHex(extract(sha256, ikm, salt))),
        ...cmp('okm', str(t.expected, 'okm'), bytesToHex(hkdfSha256(ikm, salt, info, int(t.input, 'length')))),
      ]);
    },
  },
  {
    type: 'Rfc4231Hmac',
    verify: (t) =>
      done(
        cmp(
          'mac',
          str(t.expected, 'mac'),
          bytesToHex(hmac(sha256, hexToBytes(str(t.input, 'key')), hexToBytes(str(t.input, 'data')))),
        ),
      ),
  },
  {
    type: 'Rfc8032Ed25519',
    verify: (t) => {
      const seed = hexToBytes(str(t.input, 'secret_key'));
      const msg = hexToBytes(str(t.input, 'message'));
      const sig = str(t.expected, 'signature');
      const pub = str(t.expected, 'public_key');
      return done([
        ...cmp('public_key', pub, bytesToHex(ed25519.getPublicKey(seed))),
        ...cmp('signature', sig, bytesToHex(ed25519.sign(msg, seed))),
        ...(ed25519.verify(hexToBytes(sig), msg, hexToBytes(pub)) ? [] : ['verify rejects']),
      ]);
    },
  },
  {
    type: 'C2spVerifierKey',
    verify: (t) => {
      const r = parseVerifierKey(str(t.input, 'vkey'));
      return verdict(
        t,
        r.ok,
        r.ok
          ? `type 0x${r.value.type.toString(16).padStart(2, '0')}, ` +
              `key ID ${r.value.keyId.toString(16).padStart(8, '0')}`
          : r.reason,
      );
    },
  },
  {
    type: 'C2spSignedNote',
    verify: (t) => {
      const known = vkeys(strs(t.input, 'vkeys'));
      const r = openNote(str(t.input, 'note'), known, cosignatureMessageOf);
      if (!r.ok || t.result !== 'valid')
        return verdict(t, r.ok, r.ok ? `verified by ${r.value.verified.map((v) => v.name).join(', ')}` : r.reason);
      const diff = [
        ...cmp('text', str(t.expected, 'text'), r.value.note.text),
        ...cmp('verified', strs(t.expected, 'verified').join(','), r.value.verified.map((v) => v.name).join(',')),
        ...cmp('unknown', String(int(t.expected, 'unknown')), String(r.value.unknown)),
      ];
      if (typeof t.input.skey_seed === 'string') {
        const signer = { name: known[0]!.name, seed: hexToBytes(t.input.skey_seed) };
        diff.push(
          ...cmp(
            're-signed note',
            str(t.input, 'note'),
            formatNote({ text: r.value.note.text, signatures: [signText(r.value.note.text, signer)] }),
          ),
        );
      }
      return done(diff);
    },
  },
  {
    type: 'C2spNoteParse',
    verify: (t) => {
      const r = parseNote(str(t.input, 'note'));
      if (!r.ok || t.result !== 'valid') return verdict(t, r.ok, r.ok ? 'parsed' : r.reason);
      return done([
        ...cmp('text', str(t.expected, 'text'), r.value.text),
        ...cmp(
          'key_ids',
          strs(t.expected, 'key_ids').join(','),
          r.value.signatures.map((s) => s.keyId.toString(16).padStart(8, '0')).join(','),
        ),
      ]);
    },
  },
  {
    type: 'C2spCheckpointBody',
    verify: (t) => {
      const hashLen = t.input.hash_len === undefined ? undefined : int(t.input, 'hash_len');
      const r = parseCheckpoint(str(t.input, 'text'), hashLen);
      if (!r.ok || t.result !== 'valid') return verdict(t, r.ok, r.ok ? 'parsed' : r.reason);
      const c = r.value;
      return done([
        ...cmp('origin', str(t.expected, 'origin'), c.origin),
        ...cmp('size', str(t.expected, 'size'), c.size.toString()),
        ...cmp('root_hash', str(t.expected, 'root_hash'), encodeBase64(c.rootHash)),
        ...cmp('extensions', strs(t.expected, 'extensions').join('|'), c.extensions.join('|')),
      ]);
    },
  },
  {
    type: 'C2spConsistencyProof',
    verify: (t) => {
      const b = (k: string): Uint8Array => decodeBase64(str(t.input, k)) ?? new Uint8Array();
      const proof = strs(t.input, 'proof').map((p) => decodeBase64(p) ?? new Uint8Array());
      const okay = verifyConsistency(
        int(t.input, 'old_size'),
        int(t.input, 'new_size'),
        b('old_root'),
        b('new_root'),
        proof,
      );
      return verdict(
        t,
        okay,
        `${proof.length}-hash proof from ${int(t.input, 'old_size')} to ${int(t.input, 'new_size')}`,
      );
    },
  },
  {
    type: 'C2spCosignedCheckpoint',
    verify: (t) => {
      const log = vkeys([str(t.input, 'log_vkey')]);
      const witnesses = vkeys(strs(t.input, 'witness_vkeys_type01')).map(asCosigner);
      const r = openNote(str(t.input, 'note'), [...log, ...witnesses], cosignatureMessageOf);
      if (!r.ok) return verdict(t, false, r.reason);
      const stamps = r.value.note.signatures
        .filter((s) => witnesses.some((w) => w.keyId === s.keyId))
        .map((s) => {
          const x = cosignatureTimestamp(s.sig);
          return x.ok ? x.value.toString() : x.reason;
        });
      return done([
        ...cmp('verified', strs(t.expected, 'verified').join(','), r.value.verified.map((v) => v.name).join(',')),
        ...cmp(
          'cosigner_key_ids',
          strs(t.expected, 'cosigner_key_ids').join(','),
          witnesses.map((w) => w.keyId.toString(16).padStart(8, '0')).join(','),
        ),
        ...cmp('timestamps', strs(t.expected, 'timestamps').join(','), stamps.join(',')),
      ]);
    },
  },
  {
    type: 'SigsumRawSignature',
    verify: (t) => {
      const key = sshEd25519Key(str(t.input, 'public_key_ssh'));
      const logKey = t.input.log_public_key_ssh === undefined ? key : sshEd25519Key(str(t.input, 'log_public_key_ssh'));
      const origin = `sigsum.org/v1/tree/${bytesToHex(sha256(logKey))}`; // sigsum: origin names the log key hash
      const body =
        `${origin}\n${int(t.input, 'tree_size')}\n` + `${encodeBase64(hexToBytes(str(t.input, 'root_hash_hex')))}\n`;
      const ts = t.input.timestamp === undefined ? undefined : BigInt(str(t.input, 'timestamp'));
      const msg = ts === undefined ? utf8ToBytes(body) : cosignedMessage(ts, body);
      const okay = ed25519.verify(hexToBytes(str(t.input, 'signature_hex')), msg, key);
      const diff = cmp('signed message', str(t.expected, 'message'), new TextDecoder().decode(msg));
      return diff.length > 0
        ? done(diff)
        : verdict(t, okay, `Ed25519 over ${ts === undefined ? 'the checkpoint body' : 'the cosignature/v1 message'}`);
    },
  },
  {
    type: 'C2spCosignedMessage',
    verify: (t) => {
      const body =
        `${str(t.input, 'origin')}\n${int(t.input, 'tree_size')}\n` +
        `${encodeBase64(hexToBytes(str(t.input, 'root_hash_hex')))}\n`;
      return done(
        cmp(
          'message',
          str(t.expected, 'message'),
          new TextDecoder().decode(cosignedMessage(BigInt(str(t.input, 'timestamp')), body)),
        ),
      );
    },
  },
  {
    type: 'C2spCosignatureBlob',
    verify: (t) => {
      const blob = decodeBase64(str(t.input, 'sig_b64'));
      const r =
        blob && blob.length >= 4 ? cosignatureTimestamp(blob.slice(4)) : ({ ok: false, reason: 'not base64' } as const);
      if (!r.ok || t.result !== 'valid') return verdict(t, r.ok, r.ok ? `timestamp ${r.value}` : r.reason);
      return done([
        ...cmp('timestamp', str(t.expected, 'timestamp'), r.value.toString()),
        ...cmp('key_id', str(t.expected, 'key_id'), bytesToHex(blob!.slice(0, 4))),
      ]);
    },
  },
];

for (const v of V) registerVerifier(v);
/** The group types of the public vectors. */
export const C2SP_TYPES = V.map((v) => v.type);
