/**
 * The checks of the draft's statements about the documents it cites, by name (spec/cited/*.json `check`): RFC 5869
 * and RFC 2104 here, RFC 5880 in src/audit/cited-bfd.ts, the C2SP documents in src/audit/cited-c2sp.ts. Each computes
 * what it can with the project's models (keys, digests, witness decisions) and states the document's rule it rests on.
 */
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import {
  deriveBfdAuthKey,
  deriveVantageEpochKey,
  EPOCH_INFIX,
  hkdfSha256,
  INFO_PREFIX,
  infoOf,
  K_BFD_AUTH_LENGTH,
  SALT_PREFIX,
} from '../../model/hkdf.js';
import { sessionIdText } from '../../model/session-id.js';
import { readJson } from '../lib/json-file.js';
import { sharedPath } from '../lib/paths.js';
import * as bfd from './cited-bfd.js';
import * as seq from './cited-bfd-seq.js';
import * as witness from './cited-c2sp-witness.js';
import * as c2sp from './cited-c2sp.js';
import type { CheckResult, CitedCheck } from './cited-check.js';

/** The §6 inputs the checks derive keys from. */
const INPUT = {
  operatorId: 'op-1',
  kOp: new Uint8Array(32).fill(7),
  discriminators: [0x1111, 0x2222],
  epochId: 7,
} as const;
const HASH_LEN = sha256.outputLen; // 32 octets for SHA-256

/** RFC 5869 §2.2-§2.3 written out with node:crypto: Extract = HMAC(salt, IKM), T(1) = HMAC(PRK, info || 0x01). */
function hkdfByHand(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array): Uint8Array {
  const prk = createHmac('sha256', salt).update(ikm).digest();
  return new Uint8Array(
    createHmac('sha256', prk)
      .update(concatBytes(info, Uint8Array.of(1)))
      .digest(),
  );
}

/** RFC 5869 Appendix A vectors from the shared public vectors, when present: how many the model reproduces. */
function appendixA(): string {
  const file = sharedPath('vectors', 'public-vectors.json');
  if (!existsSync(file)) return 'RFC 5869 Appendix A vectors not available here';
  const doc = readJson(file) as { hkdf_sha256?: Array<Record<string, string | number>> };
  const vs = doc.hkdf_sha256 ?? [];
  const good = vs.filter((v) => {
    const okm = hkdfSha256(
      hexToBytes(String(v.ikm_hex)),
      hexToBytes(String(v.salt_hex)),
      hexToBytes(String(v.info_hex)),
      Number(v.L),
    );
    return bytesToHex(okm) === v.okm_hex;
  });
  return `the model reproduces ${good.length} of ${vs.length} RFC 5869 Appendix A vectors`;
}

/** §6: K_BFD_auth = HKDF-SHA256(salt, K_op, info, 32). */
function hkdfShape(): CheckResult {
  const byModel = deriveBfdAuthKey(INPUT);
  const byHand = hkdfByHand(INPUT.kOp, utf8ToBytes(SALT_PREFIX + INPUT.operatorId), infoOf(INPUT));
  const same = bytesToHex(byModel) === bytesToHex(byHand);
  return {
    open: [],
    method: 'K_BFD_auth by the model beside RFC 5869 §2.2-§2.3 written out with node:crypto HMAC',
    outcomes: [
      {
        choice: 'RFC 5869',
        value: `L = ${K_BFD_AUTH_LENGTH} <= 255 * ${HASH_LEN}; model and hand-written HKDF agree: ${same}`,
        holds: same && K_BFD_AUTH_LENGTH <= 255 * HASH_LEN,
      },
    ],
    note:
      'RFC 5869 §2.2: the salt is the non-secret HMAC key of Extract; §2.3: info enters Expand, L <= 255 * HashLen; ' +
      `${appendixA()}.`,
  };
}

/** §6 and §9: K_BFD_auth and K_v_epoch from one K_op, separated by salt and info. */
function hkdfIndependence(): CheckResult {
  const bfdKey = bytesToHex(deriveBfdAuthKey(INPUT));
  const vKey = bytesToHex(deriveVantageEpochKey(INPUT.kOp, INPUT.operatorId, 'v1', INPUT.epochId));
  const sameInputs = bytesToHex(hkdfByHand(INPUT.kOp, utf8ToBytes(SALT_PREFIX + INPUT.operatorId), infoOf(INPUT)));
  return {
    open: [],
    method: "K_BFD_auth beside the project's stand-in for CWT's K_v_epoch (model/hkdf.ts), both from one K_op",
    outcomes: [
      {
        choice: 'RFC 5869 §3.1-§3.2',
        value: `keys differ: ${bfdKey !== vKey}; the same salt and info give the same key: ${sameInputs === bfdKey}`,
        holds: bfdKey !== vKey && sameInputs === bfdKey,
      },
    ],
    note:
      'RFC 5869 §3.1: salt ensures "independence between different uses of the hash function"; §3.2: info binds ' +
      'the key to its context and may prevent the same keying material for different contexts under one IKM. ' +
      'RFC 5869 gives no proof itself and names no "PRF security": §5 refers the analysis to [HKDF-paper]. ' +
      "K_v_epoch's derivation (CWT §13) was not obtained: the separation holds if its salt or info differs from §6's.",
  };
}

/** §6: the salt is a fixed public per-operator string. */
function hkdfSalt(): CheckResult {
  const salt = utf8ToBytes(SALT_PREFIX + INPUT.operatorId);
  return {
    open: [],
    method: 'the §6 salt for a sample operator_id',
    outcomes: [
      {
        choice: 'RFC 5869 §3.1, §3.4',
        value: `${salt.length} octets, public, fixed per operator, independent of K_op`,
        holds: salt.length > 0,
      },
    ],
    note:
      'RFC 5869 §3.1: a salt is non-secret and may be reused; ideally random of HashLen octets, "yet, even a salt ' +
      'value of less quality" helps; §3.4: salts are assumed independent of the IKM and not attacker-chosen.',
  };
}

/** §6: a counter in the info string, placed three ways. */
function hkdfInfoCounter(): CheckResult {
  const sid = sessionIdText(INPUT.discriminators[0], INPUT.discriminators[1]);
  const base = `${INFO_PREFIX}${sid}${EPOCH_INFIX}${INPUT.epochId}`;
  const readings: Array<[string, Uint8Array]> = [
    ['"|counter:" || ascii(counter) after ascii(epoch_id)', utf8ToBytes(`${base}|counter:1`)],
    ['ascii(counter) before "|epoch:"', utf8ToBytes(`${INFO_PREFIX}${sid}|counter:1${EPOCH_INFIX}${INPUT.epochId}`)],
    ['counter as 4 octets big-endian at the end', concatBytes(utf8ToBytes(base), Uint8Array.of(0, 0, 0, 1))],
  ];
  const salt = utf8ToBytes(SALT_PREFIX + INPUT.operatorId);
  const keys = readings.map(([, info]) => bytesToHex(hkdfSha256(INPUT.kOp, salt, info, K_BFD_AUTH_LENGTH)));
  return {
    open: [
      {
        name: 'where and how the counter enters info',
        admissible: readings.map((r) => r[0]).join(' | '),
        lines: '§6 lines 721-723',
      },
    ],
    method: 'K_BFD_auth for counter 1 under each placement',
    outcomes: readings.map(([choice], i) => ({
      choice,
      value: `key ${keys[i]!.slice(0, 16)}…`,
      holds: keys[i] === keys[0],
    })),
    note:
      'RFC 5869 §3.2 leaves the content of info to the application; ' +
      "the draft fixes neither the counter's place nor its encoding.",
  };
}

/** §5: "HMAC PRF of [RFC2104]". */
function hmacPrf(): CheckResult {
  return {
    open: [
      {
        name: 'what "HMAC PRF" attributes to RFC 2104',
        admissible: 'a pseudorandom-function property | unforgeability as a MAC',
        lines: '§5 lines 643-646',
      },
    ],
    method:
      "RFC 2104's statements of HMAC's security (rules RFC2104-1-mac, RFC2104-6-security; the word PRF is absent)",
    outcomes: [
      { choice: 'a pseudorandom-function property', value: 'not stated by RFC 2104', holds: false },
      { choice: 'unforgeability as a MAC', value: 'RFC 2104 §6 argues it (analysis in [BCK1])', holds: true },
    ],
    note:
      'RFC 2104 presents HMAC as a message authentication code (§1) whose security as message authentication rests ' +
      'on properties of the hash function (§6); it never states a PRF property. The proof of T-RC-1 needs ' +
      'unforgeability, ' +
      'which §6 supports.',
  };
}

/** §6: a 32-octet HMAC-SHA256 key against RFC 2104 §3. */
function hmacKeyLength(): CheckResult {
  return {
    open: [],
    method: 'K_BFD_auth length beside SHA-256 output length L',
    outcomes: [
      {
        choice: 'RFC 2104 §3',
        value: `key ${K_BFD_AUTH_LENGTH} octets, L = ${HASH_LEN}`,
        holds: K_BFD_AUTH_LENGTH >= HASH_LEN,
      },
    ],
    note: 'RFC 2104 §3: keys shorter than L bytes are strongly discouraged; longer ones add little.',
  };
}

/** Every check, by the name spec/cited/*.json gives it. */
export const CHECKS: Readonly<Record<string, CitedCheck>> = {
  'disc-width': bfd.discWidth,
  'disc-bring-up': bfd.discBringUp,
  'disc-mapping': bfd.discMapping,
  'no-epochs': bfd.noEpochs,
  'auth-type': bfd.authType,
  'seq-memory': seq.seqMemory,
  'seq-circular': seq.seqCircular,
  'seq-per-session': seq.seqPerSession,
  'seq-within': seq.seqWithin,
  'hkdf-shape': hkdfShape,
  'hkdf-independence': hkdfIndependence,
  'hkdf-salt': hkdfSalt,
  'hkdf-info-counter': hkdfInfoCounter,
  'hmac-prf': hmacPrf,
  'hmac-key-length': hmacKeyLength,
  'note-byte-mismatch': c2sp.noteByteMismatch,
  'checkpoint-extra': c2sp.checkpointExtra,
  'witness-endpoint': witness.witnessEndpoint,
  'witness-append-only': witness.witnessAppendOnly,
  'witness-schema': witness.witnessSchema,
  'witness-policy': witness.witnessPolicy,
  'witness-refuses-second': witness.witnessRefusesSecond,
  'witness-auditor': witness.witnessAuditor,
  'cosig-covers-extension': c2sp.cosigCoversExtension,
  'cosig-as-if-root': c2sp.cosigAsIfRoot,
  'cosig-over-root': c2sp.cosigOverRoot,
};
