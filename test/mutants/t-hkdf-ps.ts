/**
 * Deliberately broken T-HKDF-PS derivations (draft §6): each slip must be caught by the claims
 * named (test/t-hkdf-ps.test.ts).
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import {
  CANONICAL_READING,
  deriveBfdAuthKey,
  deriveVantageEpochKey,
  INFO_PREFIX,
  SALT_PREFIX,
  type BfdKeyInput,
} from '../../model/hkdf.js';
import { discriminatorHex as hex8, sessionIdText } from '../../model/session-id.js';
import type { HkdfSubject } from '../../properties/t-hkdf-ps.prop.js';
import type { Mutant } from './caught.js';

/** A broken derivation, with the claims that must catch it. */
export type HkdfMutant = Mutant<HkdfSubject>;

const bfd = (i: BfdKeyInput, session: string, epoch: string, ikm = i.kOp, length = 32): Uint8Array =>
  hkdf(sha256, ikm, utf8ToBytes(SALT_PREFIX + i.operatorId), utf8ToBytes(`${INFO_PREFIX}${session}${epoch}`), length);
const canonical = (i: BfdKeyInput): string => sessionIdText(...i.discriminators);
const fair = { vantageEpoch: deriveVantageEpochKey };

/** The mutants. */
export const HKDF_MUTANTS: readonly HkdfMutant[] = [
  {
    name: 'session-unordered: discriminators concatenated as given (My||Your), not smaller||larger',
    subject: { ...fair, derive: (i) => bfd(i, i.discriminators.map(hex8).join(''), `|epoch:${i.epochId}`) },
    caughtBy: ['T-HKDF-PS.pair-order'],
  },
  {
    name: 'no-epoch: the "|epoch:" part left out of info',
    subject: { ...fair, derive: (i) => bfd(i, canonical(i), '') },
    caughtBy: ['T-HKDF-PS.epoch-separation'],
  },
  {
    name: 'kop-ignored: ikm is the operator_id, not K_op',
    subject: { ...fair, derive: (i) => bfd(i, canonical(i), `|epoch:${i.epochId}`, utf8ToBytes(i.operatorId)) },
    caughtBy: ['T-HKDF-PS.kop-rotation'],
  },
  {
    name: 'truncated: 16 octets instead of 32',
    subject: { ...fair, derive: (i) => bfd(i, canonical(i), `|epoch:${i.epochId}`, i.kOp, 16) },
    caughtBy: ['T-HKDF-PS.length'],
  },
  {
    name: 'session-low-only: session_id from the smaller discriminator alone',
    subject: { ...fair, derive: (i) => bfd(i, hex8(Math.min(...i.discriminators)), `|epoch:${i.epochId}`) },
    caughtBy: ['T-HKDF-PS.session-separation'],
  },
  {
    name: 'shared-label: CWT and BFD derive with one label (K_v_epoch = K_BFD_auth)',
    subject: {
      derive: (i) => bfd(i, 'shared', `|epoch:${i.epochId}`),
      vantageEpoch: (kOp, op, _v, e) =>
        bfd({ operatorId: op, kOp, discriminators: [0, 0], epochId: e }, 'shared', `|epoch:${e}`),
    },
    caughtBy: ['T-HKDF-PS.independent-of-kv-epoch', 'T-HKDF-PS.session-separation'],
  },
];

/** The faithful derivation, for the control test. */
export const faithfulDerive = (i: BfdKeyInput): Uint8Array => deriveBfdAuthKey(i, CANONICAL_READING);
