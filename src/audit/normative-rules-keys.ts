/**
 * The key and replay statements of the draft as predicates (§2.1's inheritance, §5's epoch boundary, §6's key
 * derivation and rotation): the text is in spec/normative.json, by id.
 */
import { deriveBfdAuthKey, deriveVantageEpochKey, K_BFD_AUTH_LENGTH } from '../../model/hkdf.js';
import { isQuartet, perfsecKeys, runsBfd, type RuleCode } from './normative-rule.js';

/** The key and replay statements, by id. */
export const KEY_RULES: Readonly<Record<string, RuleCode>> = {
  // §2.1 line 255: whether Coherence-BFD §12's 30-day rotation is among the inherited assumptions.
  'NORM-2.1-no-relaxation': {
    kind: 'must',
    when: ['adopts', 'operated'],
    what: ['kBfdRotationDays'],
    readings: ['the 30-day cadence is an inherited assumption', 'the cadence is not an assumption'],
    applies: (c) => c.adopts && runsBfd(c),
    ok: (c, r) => (r === 'the cadence is not an assumption' ? true : c.kBfdRotationDays <= 30),
  },
  'NORM-5-reject-logged': {
    kind: 'must',
    when: ['adopts'],
    what: ['rejectLogged'],
    applies: (c) => c.adopts,
    ok: (c) => c.rejectLogged,
  },
  'NORM-5-epoch-init': {
    kind: 'must',
    when: ['adopts'],
    what: ['cwtCounterInit'],
    applies: (c) => c.adopts,
    ok: (c) => c.cwtCounterInit === -1,
  },
  'NORM-5-epoch-keep-bfd': {
    kind: 'must',
    when: ['adopts'],
    what: ['bfdSeqMemory'],
    applies: (c) => c.adopts,
    ok: (c) => c.bfdSeqMemory === 'kept',
  },
  'NORM-5-epoch-overlap': {
    kind: 'must',
    when: ['adopts'],
    what: ['overlapAccept'],
    applies: (c) => c.adopts,
    ok: (c) => c.overlapAccept === 'both',
  },
  'NORM-6-derive': {
    kind: 'must',
    when: ['adopts', 'kOpShared'],
    what: ['derivation'],
    applies: (c) => c.adopts && c.kOpShared,
    ok: (c) => c.derivation === 'perfsec-hkdf',
  },
  // The §6 derivation gives 32 octets whatever its inputs (model/hkdf.ts).
  'NORM-6-32-octets': {
    kind: 'must',
    when: ['adopts', 'kOpShared', 'derivation'],
    what: [],
    applies: (c) => perfsecKeys(c),
    ok: () => keyChecks().length32,
  },
  // Independence is the derivation's (RFC 5869 side: spec/cited/rfc5869.json); here: the two keys differ.
  'NORM-6-independent': {
    kind: 'must',
    when: ['adopts', 'kOpShared', 'derivation'],
    what: [],
    applies: (c) => perfsecKeys(c),
    ok: () => keyChecks().independent,
  },
  'NORM-6-kop-rotation-90': {
    kind: 'should',
    when: ['adopts'],
    what: ['kOpRotationDays'],
    applies: (c) => c.adopts,
    ok: (c) => c.kOpRotationDays <= 90,
  },
  'NORM-6-rotation-atomic': {
    kind: 'must',
    when: ['adopts', 'kOpShared', 'derivation'],
    what: ['kOpRotationDays', 'kBfdRotationDays'],
    applies: (c) => perfsecKeys(c),
    ok: (c) => c.kBfdRotationDays <= c.kOpRotationDays,
  },
  // The 30-day cadence is superseded: K_BFD_auth may follow K_op's 90 days.
  'NORM-6-bfd-30-superseded': {
    kind: 'may',
    when: ['adopts', 'kOpShared', 'derivation'],
    what: ['kOpRotationDays', 'kBfdRotationDays'],
    act: ['kBfdRotationDays'],
    applies: (c) => perfsecKeys(c),
    acts: (c) => c.kBfdRotationDays > 30 && c.kBfdRotationDays === c.kOpRotationDays && c.kOpRotationDays <= 90,
  },
  // Coherence-BFD §12 as quoted (lines 719-721): binds deployments that do not adopt the profile.
  'NORM-6-coherence-bfd-30': {
    kind: 'should',
    when: ['adopts', 'operated'],
    what: ['kBfdRotationDays'],
    applies: (c) => !c.adopts && runsBfd(c),
    ok: (c) => c.kBfdRotationDays <= 30,
  },
  'NORM-6-may-rotate-more': {
    kind: 'may',
    when: ['adopts', 'kOpShared', 'derivation'],
    what: ['kOpRotationDays', 'kBfdRotationDays', 'counterInInfo'],
    act: ['counterInInfo'], // "more frequently than K_op": the periods are relative, the act is the counter
    applies: (c) => perfsecKeys(c),
    acts: (c) => c.kBfdRotationDays < c.kOpRotationDays && c.counterInInfo,
  },
  'NORM-6-not-less-frequent': {
    kind: 'must',
    when: ['adopts', 'kOpShared', 'derivation'],
    what: ['kOpRotationDays', 'kBfdRotationDays'],
    applies: (c) => perfsecKeys(c),
    ok: (c) => c.kBfdRotationDays <= c.kOpRotationDays,
  },
  'NORM-6-legacy-may': {
    kind: 'may',
    when: ['adopts', 'kOpShared'],
    what: ['derivation'],
    applies: (c) => c.adopts && !c.kOpShared,
    acts: (c) => c.derivation === 'legacy',
  },
  // "the conformance flag of Section 8 then signals a mixed deployment": by a flag set other than a plain
  // deployment's, or by a value §8 and §10 would have to define (they define none: §10 line 893).
  'NORM-6-legacy-signal': {
    kind: 'must',
    when: ['adopts', 'kOpShared', 'derivation'],
    what: ['flags'],
    readings: ['by a flag set other than the quartet', 'by a value the draft defines'],
    applies: (c) => c.adopts && !c.kOpShared && c.derivation === 'legacy',
    ok: (c, r) => (r === 'by a value the draft defines' ? false : !isQuartet(c)),
  },
};

/** A fixed sample of the §6 inputs, for the two checks that compute keys. */
const SAMPLE = {
  operatorId: 'op-1',
  kOp: new Uint8Array(32).fill(7),
  discriminators: [1, 2] as [number, number],
  epochId: 7,
} as const;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

let keys: { length32: boolean; independent: boolean } | undefined;
/** The two key checks of §6, computed once: K_BFD_auth is 32 octets, and differs from the K_v_epoch stand-in. */
function keyChecks(): { length32: boolean; independent: boolean } {
  if (!keys) {
    const k = deriveBfdAuthKey(SAMPLE);
    keys = {
      length32: K_BFD_AUTH_LENGTH === 32 && k.length === 32,
      independent: !sameBytes(k, deriveVantageEpochKey(SAMPLE.kOp, SAMPLE.operatorId, 'v1', SAMPLE.epochId)),
    };
  }
  return keys;
}
