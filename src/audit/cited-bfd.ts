/**
 * The checks of the draft's statements about BFD discriminators and authentication against RFC 5880
 * (spec/cited/rfc5880.json): the key the §6 derivation gives for the discriminator pairs RFC 5880 lets a session go
 * through (§4.1, §6.3), a rate-limit key read from My Discriminator, the state variables, the authentication types.
 * The sequence-number checks are in src/audit/cited-bfd-seq.ts.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { AUTH_LEN, AUTH_TYPE_HMAC_SHA256 } from '../../model/bfd/packet.js';
import { deriveBfdAuthKey } from '../../model/hkdf.js';
import { sessionIdText } from '../../model/session-id.js';
import type { CheckResult } from './cited-check.js';

/** §6: the Discriminator pair is two 32-bit fields (RFC 5880 §4.1): 8 octets, 16 hex characters. */
export function discWidth(): CheckResult {
  const text = sessionIdText(0xffffffff, 0x00000001);
  const octets = 2 * 4; // My Discriminator and Your Discriminator are 32-bit fields (RFC 5880 §4.1)
  return {
    open: [],
    method: 'the session_id of the widest pair',
    outcomes: [
      {
        choice: 'RFC 5880 §4.1 field widths',
        value: `${text.length} hex characters, ${octets} octets`,
        holds: text.length === 16 && octets === 8,
      },
    ],
    note: 'Two 32-bit discriminators are 8 octets, 16 hex characters.',
  };
}

/** §6: K_BFD_auth over the discriminator pairs one session goes through (RFC 5880 §4.1, §6.3). */
export function discBringUp(): CheckResult {
  const key = (a: number, b: number) =>
    bytesToHex(
      deriveBfdAuthKey({ operatorId: 'op-1', kOp: new Uint8Array(32).fill(7), discriminators: [a, b], epochId: 1 }),
    );
  const settled = key(0x1111, 0x2222);
  const cases: Array<[string, string]> = [
    ['pair once both discriminators are known', settled],
    ['pair as first sent (Your Discriminator 0, RFC 5880 §4.1)', key(0x1111, 0)],
    ['pair after one end changes its discriminator (RFC 5880 §6.3)', key(0x3333, 0x2222)],
  ];
  return {
    open: [
      {
        name: 'which discriminator pair session_id is taken from',
        admissible: cases.map((c) => c[0]).join(' | '),
        lines: '§6 lines 698-700',
      },
    ],
    method: 'K_BFD_auth (model/hkdf.ts, the hex-lower reading) for each pair',
    outcomes: cases.map(([choice, k]) => ({ choice, value: `key ${k.slice(0, 16)}…`, holds: k === settled })),
    note:
      'The key changes with the pair; the draft says neither which key authenticates packets sent before Your ' +
      'Discriminator is known nor what happens when a discriminator changes mid-session.',
  };
}

/** §4.1: the rate-limit key from a "My Discriminator mapping" (RFC 5880 §6.3, §6.8.1). */
export function discMapping(): CheckResult {
  // Two vantages (two systems) each choose My Discriminator 1: unique on each system, as §6.3 requires.
  const packets = [
    { source: '192.0.2.1', myDisc: 1 },
    { source: '192.0.2.2', myDisc: 1 },
  ];
  const distinct = (key: (p: (typeof packets)[number]) => string) => new Set(packets.map(key)).size === packets.length;
  return {
    open: [
      {
        name: 'what the mapping keys on',
        admissible: 'My Discriminator alone | (source, My Discriminator)',
        lines: '§4.1 lines 475-478',
      },
    ],
    method: 'two vantages that choose the same My Discriminator',
    outcomes: [
      {
        choice: 'My Discriminator alone',
        value: distinct((p) => String(p.myDisc)) ? 'two buckets' : 'one shared bucket',
        holds: distinct((p) => String(p.myDisc)),
      },
      {
        choice: '(source, My Discriminator)',
        value: distinct((p) => `${p.source}|${p.myDisc}`) ? 'two buckets' : 'one shared bucket',
        holds: distinct((p) => `${p.source}|${p.myDisc}`),
      },
    ],
    note:
      'RFC 5880 makes a discriminator unique only among the sessions of the system that chooses it (§6.3), opaque ' +
      'to the receiver (§6.8.1) and changeable during a session (§6.3); the draft does not define the mapping, and ' +
      'it runs before HMAC verification, on unauthenticated fields.',
  };
}

/** RFC 5880 §6.8.1's state variables: none is an epoch. */
const STATE_VARIABLES = [
  'SessionState',
  'RemoteSessionState',
  'LocalDiscr',
  'RemoteDiscr',
  'LocalDiag',
  'DesiredMinTxInterval',
  'RequiredMinRxInterval',
  'RemoteMinRxInterval',
  'DemandMode',
  'RemoteDemandMode',
  'DetectMult',
  'AuthType',
  'RcvAuthSeq',
  'XmitAuthSeq',
  'AuthSeqKnown',
];

/** §6: "BFD does not natively have epochs". */
export function noEpochs(): CheckResult {
  const epochs = STATE_VARIABLES.filter((v) => /epoch/i.test(v));
  return {
    open: [],
    method: `RFC 5880 §6.8.1's ${STATE_VARIABLES.length} state variables searched for an epoch`,
    outcomes: [
      { choice: 'RFC 5880', value: epochs.length === 0 ? 'no epoch' : epochs.join(', '), holds: epochs.length === 0 },
    ],
    note: 'Key management is outside RFC 5880 (§6.7); no state variable is an epoch.',
  };
}

/** RFC 5880 §4.1's authentication types. */
const AUTH_TYPES = ['Simple Password', 'Keyed MD5', 'Meticulous Keyed MD5', 'Keyed SHA1', 'Meticulous Keyed SHA1'];
/** RFC 5880 §6.7.4: the Keyed SHA1 section is 28 bytes. */
const SHA1_AUTH_LEN = 28;

/** §1.1: the AuthHMAC path, against RFC 5880's authentication types. */
export function authType(): CheckResult {
  const hmacTypes = AUTH_TYPES.filter((t) => /hmac/i.test(t));
  return {
    open: [
      {
        name: 'which Auth Type carries HMAC-SHA256',
        admissible: 'Keyed SHA1 (4/5) | an unassigned type',
        lines: '§1.1 lines 128-130; §10 line 893',
      },
    ],
    method: `RFC 5880 §4.1's types searched for HMAC; a 32-byte digest's section beside §6.7.4's ${SHA1_AUTH_LEN}`,
    outcomes: [
      {
        choice: 'Keyed SHA1 / Meticulous Keyed SHA1 (types 4, 5)',
        value: `Auth Len ${AUTH_LEN} ≠ ${SHA1_AUTH_LEN}: discarded (§6.7.4)`,
        holds: AUTH_LEN === SHA1_AUTH_LEN,
      },
      {
        choice: 'an unassigned type (6-255 reserved; this project uses 253)',
        value: `type ${AUTH_TYPE_HMAC_SHA256}, no RFC 5880 code point: agreed out of band`,
        holds: hmacTypes.length === 0,
      },
    ],
    note:
      `RFC 5880 §4.1 defines ${AUTH_TYPES.length} types (${AUTH_TYPES.join(', ')}), none HMAC; §9 says its keyed ` +
      'types use a secret-suffix construction instead of HMAC. The draft requests no code point (§10, line 893).',
  };
}
