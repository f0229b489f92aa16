/**
 * T-HKDF-PS (draft §6): K_BFD_auth = HKDF-SHA256(salt "MVPS-PerfSec-v1|operator:" || operator_id,
 * ikm K_op, info "coherence-bfd-auth-v1|session:" || session_id || "|epoch:" || ascii(epoch_id),
 * 32 octets); session_id is the discriminator pair canonicalized "smaller||larger".
 *
 * Model: model/hkdf.ts (the derivation and every reading of its byte strings; the code uses
 * the 'hex-lower' reading). Generators: properties/t-hkdf-ps-generators.ts (32-bit discriminators
 * including 0, equal pairs and values whose hex has letters; epochs from 0; K_op of 16..64 octets
 * as hex so counterexamples are plain JSON). The readings examples show which readings of §6
 * derive different keys; the 'hex-unpadded-lex' reading loses per-session separation (test/t-hkdf-ps.test.ts).
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import {
  CANONICAL_READING,
  deriveBfdAuthKey,
  deriveVantageEpochKey,
  K_BFD_AUTH_LENGTH,
  READINGS,
  type BfdKeyInput,
  type HkdfReading,
} from '../model/hkdf.js';
import { discriminator, epochId, keyCase, kOpHex, vantageId, type KeyCase } from './t-hkdf-ps-generators.js';
import { claim } from '../src/engine/claim.js';
import { theorem } from '../src/engine/declare-theorem.js';

/** What T-HKDF-PS checks: a K_BFD_auth derivation and the K_v_epoch derivation beside it. */
export interface HkdfSubject {
  readonly derive: (i: BfdKeyInput) => Uint8Array;
  readonly vantageEpoch: (kOp: Uint8Array, operatorId: string, vantageId: string, epochId: number) => Uint8Array;
}

/** The faithful subject under one reading of §6. */
export function subjectOf(r: HkdfReading): HkdfSubject {
  return { derive: (i) => deriveBfdAuthKey(i, r), vantageEpoch: deriveVantageEpochKey };
}

const input = (k: KeyCase): BfdKeyInput => ({
  operatorId: k.operatorId,
  kOp: hexToBytes(k.kOp),
  discriminators: [k.a, k.b],
  epochId: k.epoch,
});
const same = (x: Uint8Array, y: Uint8Array): boolean => bytesToHex(x) === bytesToHex(y);
const pairKey = (a: number, b: number): string => (a <= b ? `${a},${b}` : `${b},${a}`);

/** A fixed input whose discriminators make the readings disagree (hex letters, unequal widths). */
export const READING_PROBE: BfdKeyInput = {
  operatorId: 'operator.example/1',
  kOp: hexToBytes('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'),
  discriminators: [0x0000abcd, 0x12],
  epochId: 20,
};

export default theorem<HkdfSubject>(import.meta, {
  id: 'T-HKDF-PS',
  section: '§6',
  title: 'HKDF derivation of K_BFD_auth',
  model: subjectOf(CANONICAL_READING),
  claims: ({ derive, vantageEpoch }) => [
    claim(
      'T-HKDF-PS.length',
      '§6 claim: K_BFD_auth is exactly 32 octets',
      [keyCase],
      (k) => derive(input(k)).length === K_BFD_AUTH_LENGTH,
      { numRuns: 60 },
    ),
    claim(
      'T-HKDF-PS.deterministic',
      '§6 claim: the derivation is a function of its inputs (both ends derive the same key)',
      [keyCase],
      (k) => same(derive(input(k)), derive(input(k))),
      { numRuns: 40 },
    ),
    claim(
      'T-HKDF-PS.pair-order',
      '§6 claim: session_id is canonicalized "smaller||larger", so the two ends of a session (discriminators ' +
        'swapped) derive one key',
      [keyCase],
      (k) => same(derive(input(k)), derive(input({ ...k, a: k.b, b: k.a }))),
      { numRuns: 60 },
    ),
    claim(
      'T-HKDF-PS.session-separation',
      '§6 claim: distinct sessions (distinct unordered discriminator pairs) derive distinct keys under one K_op ' +
        'and epoch',
      [keyCase, discriminator, discriminator],
      (k, a2, b2) =>
        pairKey(k.a, k.b) === pairKey(a2, b2) || !same(derive(input(k)), derive(input({ ...k, a: a2, b: b2 }))),
      { numRuns: 100 },
    ),
    claim(
      'T-HKDF-PS.epoch-separation',
      '§6 claim: distinct epoch_ids derive distinct keys (the key lifetime is bound to the CWT epoch)',
      [keyCase, epochId],
      (k, e2) => e2 === k.epoch || !same(derive(input(k)), derive(input({ ...k, epoch: e2 }))),
      { numRuns: 60 },
    ),
    claim(
      'T-HKDF-PS.kop-rotation',
      '§6 claim: rotating K_op changes every derived K_BFD_auth (re-derivation is implied)',
      [keyCase, kOpHex],
      (k, kOp2) => kOp2 === k.kOp || !same(derive(input(k)), derive(input({ ...k, kOp: kOp2 }))),
      { numRuns: 60 },
    ),
    claim(
      'T-HKDF-PS.independent-of-kv-epoch',
      '§6 claim: K_BFD_auth differs from K_v_epoch under the shared K_op, for any vantage, epoch and session ' +
        '(distinct salt and info)',
      [keyCase, vantageId],
      (k, vantage) => !same(derive(input(k)), vantageEpoch(hexToBytes(k.kOp), k.operatorId, vantage, k.epoch)),
      { numRuns: 60 },
    ),
  ],
  examples: ({ derive }) => [
    {
      id: 'T-HKDF-PS.readings',
      title:
        '§6 byte strings: every other reading of the salt/info/session_id/epoch encoding derives a key different ' +
        "from the code's reading (hex-lower) at a probe input",
      check: () => {
        const mine = bytesToHex(derive(READING_PROBE));
        const rows = READINGS.filter((r) => r !== CANONICAL_READING).map(
          (r) => [r.name, bytesToHex(deriveBfdAuthKey(READING_PROBE, r))] as const,
        );
        const clash = rows.filter(([, k]) => k === mine).map(([n]) => n);
        return {
          ok: clash.length === 0,
          detail:
            clash.length === 0
              ? `hex-lower ${mine.slice(0, 16)}…; ${rows.length} other readings each derive another key`
              : `readings agreeing with hex-lower: ${clash.join(', ')}`,
        };
      },
    },
  ],
});
