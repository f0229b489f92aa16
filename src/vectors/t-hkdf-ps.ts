/**
 * T-HKDF-PS conformance vectors (draft §6): group type "PerfsecBfdKey". A valid test's expected
 * key is what the code's reading (hex-lower) derives; an invalid test carries the key another
 * reading of §6 derives, which a conformant implementation must not produce.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import {
  CANONICAL_READING,
  deriveBfdAuthKey,
  infoOf,
  READINGS,
  type BfdKeyInput,
  type HkdfReading,
} from '../../model/hkdf.js';
import { InputError } from '../lib/errors.js';
import { keyBytes } from '../lib/key-hex.js';
import { str } from './c2sp-verifiers.js';
import {
  registerExporter,
  registerVerifier,
  TEST_KEYS_LINE,
  vectorsFile,
  type TestVector,
  type VectorsFile,
} from './format.js';

/** The group type. */
export const BFD_KEY_TYPE = 'PerfsecBfdKey';

function inputOf(t: TestVector): BfdKeyInput {
  const [a, b, e] = ['disc_a', 'disc_b', 'epoch_id'].map((k) => t.input[k]);
  if (![a, b, e].every((x) => Number.isInteger(x) && (x as number) >= 0))
    throw new InputError('disc_a, disc_b, epoch_id must be non-negative integers');
  return {
    operatorId: str(t.input, 'operator_id'),
    kOp: keyBytes(str(t.input, 'k_op'), `tcId ${t.tcId}: k_op`),
    discriminators: [a as number, b as number],
    epochId: e as number,
  };
}

registerVerifier({
  type: BFD_KEY_TYPE,
  verify(t) {
    const i = inputOf(t);
    const key = bytesToHex(deriveBfdAuthKey(i));
    const want = str(t.expected, 'k_bfd_auth');
    if (t.result === 'valid') {
      const info = bytesToHex(infoOf(i));
      const diff = [
        key === want ? '' : `k_bfd_auth: expected ${want}, got ${key}`,
        info === str(t.expected, 'info_hex') ? '' : 'info_hex differs',
      ].filter(Boolean);
      return { ok: diff.length === 0, detail: diff.join('; ') || 'key and info match' };
    }
    return {
      ok: key !== want,
      detail: key !== want ? "the other reading's key is not produced" : 'model produces the key of another reading',
    };
  },
});

interface Case {
  comment: string;
  input: BfdKeyInput;
  flags?: string[];
}
const KOP = hexToBytes('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
const base: BfdKeyInput = {
  operatorId: 'operator.example/1',
  kOp: KOP,
  discriminators: [0x0000abcd, 0x12],
  epochId: 20,
};
const CASES: Case[] = [
  { comment: 'probe: discriminators 0x0000abcd and 0x12 (hex letters, unequal widths), epoch 20', input: base },
  {
    comment: 'the same session from the other end (discriminators swapped): same key',
    input: { ...base, discriminators: [0x12, 0x0000abcd] },
  },
  { comment: 'equal discriminators', input: { ...base, discriminators: [7, 7] }, flags: ['EdgeCase'] },
  {
    comment: 'discriminators 0 and 0xffffffff',
    input: { ...base, discriminators: [0xffffffff, 0] },
    flags: ['EdgeCase'],
  },
  { comment: 'epoch_id 0', input: { ...base, epochId: 0 }, flags: ['EdgeCase'] },
  { comment: 'epoch_id 2^40 (beyond 32 bits)', input: { ...base, epochId: 2 ** 40 }, flags: ['EdgeCase'] },
  { comment: '16-octet K_op', input: { ...base, kOp: KOP.slice(0, 16) }, flags: ['EdgeCase'] },
  {
    comment: 'non-ASCII operator_id (UTF-8 octets in the salt: an assumption, CWT §5.4 grammar not in the draft)',
    input: { ...base, operatorId: 'opérateur.example' },
    flags: ['EdgeCase'],
  },
];

const ser = (i: BfdKeyInput) => ({
  operator_id: i.operatorId,
  k_op: bytesToHex(i.kOp),
  disc_a: i.discriminators[0],
  disc_b: i.discriminators[1],
  epoch_id: i.epochId,
});

/** Builds the vectors from the model. */
export function buildBfdKeyVectors(): VectorsFile {
  let tcId = 0;
  const valid = CASES.map((k) => ({
    tcId: ++tcId,
    comment: k.comment,
    flags: ['CodeReading', ...(k.flags ?? [])],
    input: ser(k.input),
    expected: { k_bfd_auth: bytesToHex(deriveBfdAuthKey(k.input)), info_hex: bytesToHex(infoOf(k.input)) },
    result: 'valid' as const,
  }));
  const others = READINGS.filter((r: HkdfReading) => r !== CANONICAL_READING).map((r) => ({
    tcId: ++tcId,
    comment: `probe input under the '${r.name}' reading: ${r.description}`,
    flags: ['AltReading'],
    input: ser(base),
    expected: { k_bfd_auth: bytesToHex(deriveBfdAuthKey(base, r)) },
    result: 'invalid' as const,
  }));
  return vectorsFile({
    algorithm: 'T-HKDF-PS',
    header: [
      'K_BFD_auth = HKDF-SHA256(salt = "MVPS-PerfSec-v1|operator:" || operator_id, ikm = K_op, info = ' +
        '"coherence-bfd-auth-v1|session:" || session_id || "|epoch:" || ascii(epoch_id), 32) (draft §6).',
      'This project reads session_id as 16 lowercase hex ASCII characters, each discriminator zero-padded to ' +
        '8, numerically smaller first; ascii(epoch_id) as decimal digits; operator_id as UTF-8. Invalid tests ' +
        'carry keys other readings derive.',
      TEST_KEYS_LINE,
    ],
    notes: {
      CodeReading: { bugType: 'BASIC', description: "The key under the project's reading of draft §6 (hex-lower)." },
      AltReading: {
        bugType: 'AMBIGUOUS',
        description:
          "A key another reading of draft §6's byte strings derives: an implementation producing it read the " +
          'text differently.',
      },
      EdgeCase: { bugType: 'EDGE_CASE', description: 'A boundary input of the derivation.' },
    },
    testGroups: [
      { type: BFD_KEY_TYPE, source: 'computed with model/hkdf.ts (@noble/hashes hkdf)', tests: [...valid, ...others] },
    ],
  });
}

registerExporter({ file: 't-hkdf-ps.json', build: buildBfdKeyVectors });
