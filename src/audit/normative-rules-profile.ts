/**
 * The profile statements of the draft as predicates (§3.4 dimensioning and acceleration, §7, §8's conformance,
 * invariants and consumer rule, §9's acceleration and liveness, §10's consumer verification): the text is in
 * spec/normative.json, by id.
 */
import { consumerAccepts, type ConsumerReading } from '../../model/capabilities.js';
import { BFD, CWT, DDOS, has, isQuartet, only, PERFSEC, type RuleCode } from './normative-rule.js';

/**
 * What a consumer can observe of each invariant (draft §8 lines 799-813), under each reading of §10's "verify":
 * from the bundle alone (flags, cosigned checkpoint), or also from what the draft has operators publish (the
 * management interface of §3.4 and §9, the deployment-readiness document of I-PS-5).
 */
export const CONSUMER_EVIDENCE: Readonly<Record<string, { bundle: boolean; published: boolean; why: string }>> = {
  'I-PS-1': {
    bundle: false,
    published: false,
    why: 'no rate-limit parameter is in a bundle; §9 has only a lower factor disclosed, never where the limit runs',
  },
  'I-PS-2': {
    bundle: false,
    published: false,
    why: 'key derivation is internal; a consumer holds neither K_op nor K_BFD_auth',
  },
  'I-PS-3': { bundle: true, published: true, why: 'the dual-mode values stand in the cosigned checkpoint (§7)' },
  'I-PS-4': { bundle: false, published: false, why: "the broker's acceptance rule leaves no trace in a bundle" },
  'I-PS-5': {
    bundle: false,
    published: true,
    why: 'not in a bundle; only the deployment-readiness document (I-PS-5) shows it',
  },
};

/** The profile statements, by id. */
export const PROFILE_RULES: Readonly<Record<string, RuleCode>> = {
  'NORM-3.4-dimension-joint': {
    kind: 'must',
    when: ['adopts'],
    what: ['dimensioning'],
    applies: (c) => c.adopts,
    ok: (c) => c.dimensioning === 'joint',
  },
  // "MUST use HMAC hardware acceleration ... or kernel-bypass crypto": requires one, permits each.
  'NORM-3.4-regime-d-accel': {
    kind: 'must',
    when: ['adopts', 'regime'],
    what: ['accel'],
    applies: (c) => c.adopts && c.regime === 'D',
    ok: (c) => c.accel !== 'none',
    acts: (c) => c.accel !== 'none',
  },
  'NORM-3.4-declare-accel': {
    kind: 'should',
    when: ['adopts', 'regime'],
    what: ['accel', 'accelDeclared'],
    applies: (c) => c.adopts && c.regime === 'D',
    ok: (c) => c.accel === 'none' || c.accelDeclared,
  },
  'NORM-7-dual-mode': {
    kind: 'must',
    when: ['adopts'],
    what: ['dualMode'],
    applies: (c) => c.adopts,
    ok: (c) => c.dualMode,
  },
  'NORM-8-conformance-flags': {
    kind: 'must',
    when: ['adopts'],
    what: ['flags'],
    applies: (c) => c.adopts,
    ok: (c) => isQuartet(c),
  },
  'I-PS-1': {
    kind: 'must',
    when: ['adopts'],
    what: ['rlPlacement', 'rlf', 'bf'],
    applies: (c) => c.adopts,
    ok: (c) => c.rlPlacement === 'nic-before-hmac' && c.rlf <= 4 && c.bf <= 8, // "at or stricter": not larger
  },
  'I-PS-2': {
    kind: 'must',
    when: ['adopts', 'kOpShared'],
    what: ['derivation'],
    applies: (c) => c.adopts && c.kOpShared,
    ok: (c) => c.derivation === 'perfsec-hkdf',
  },
  'I-PS-3': {
    kind: 'must',
    when: ['adopts'],
    what: ['dualMode'],
    applies: (c) => c.adopts,
    ok: (c) => c.dualMode,
  },
  'I-PS-4': {
    kind: 'must',
    when: ['adopts'],
    what: ['replayRule'],
    applies: (c) => c.adopts,
    ok: (c) => c.replayRule === 'and',
  },
  'I-PS-5': {
    kind: 'must',
    when: ['adopts'],
    what: ['dimensioning', 'receiptReproduced'],
    applies: (c) => c.adopts,
    ok: (c) => c.dimensioning === 'joint' && c.receiptReproduced,
  },
  // The consumer rule as model/capabilities.ts decides it, under both of its readings.
  'NORM-8-consumer-reject': {
    kind: 'must',
    when: ['joint', 'flags'],
    what: ['consumerAccepts'],
    readings: ['literal', 'composed'],
    applies: (c, r) => !accepts(c.flags, c.joint, r as ConsumerReading),
    ok: (c) => !c.consumerAccepts,
  },
  // "MAY ignore this profile": a CWT-only deployment advertises its own flag, and no rule of this profile turns its
  // bundles away.
  'NORM-8-cwt-only-may-ignore': {
    kind: 'may',
    when: ['operated'],
    what: ['adopts', 'flags', 'consumerAccepts'],
    act: ['adopts', 'consumerAccepts'],
    applies: (c) => c.operated === 'cwt-only',
    acts: (c) => !c.adopts && only(c, CWT) && c.consumerAccepts,
  },
  // "permitted but UNSAFE": operating Coherence-BFD alone, advertising its flag.
  'NORM-8-bfd-without-cwt': {
    kind: 'may',
    when: ['operated'],
    what: ['adopts', 'flags'],
    act: ['adopts'],
    applies: (c) => c.operated === 'bfd-only',
    acts: (c) => !c.adopts && only(c, BFD),
  },
  'NORM-9-accel-recommended-c': {
    kind: 'should',
    when: ['adopts', 'regime'],
    what: ['accel'],
    applies: (c) => c.adopts && c.regime === 'C',
    ok: (c) => c.accel !== 'none',
  },
  'NORM-9-accel-required-d': {
    kind: 'must',
    when: ['adopts', 'regime'],
    what: ['accel'],
    readings: ['hardware only (QAT, ARMv8 CE)', 'hardware or kernel-bypass crypto'],
    applies: (c) => c.adopts && c.regime === 'D',
    ok: (c, r) => (r === 'hardware only (QAT, ARMv8 CE)' ? c.accel === 'hw' : c.accel !== 'none'),
  },
  'NORM-9-liveness-tighten': {
    kind: 'may',
    when: ['adopts'],
    what: ['livenessBudgetS'],
    applies: (c) => c.adopts,
    acts: (c) => c.livenessBudgetS < 5,
  },
  // §10: verify I-PS-1..I-PS-5 before declaring coherence on a bundle advertising the quartet.
  'NORM-10-consumer-verify': {
    kind: 'must',
    when: ['flags'],
    what: ['consumerFactorCheck'],
    readings: ['from the bundle', 'from the bundle and what operators publish'],
    applies: (c) => has(c, CWT) && has(c, BFD) && has(c, DDOS) && has(c, PERFSEC),
    ok: (c, r) =>
      c.consumerFactorCheck === 'verify' &&
      Object.values(CONSUMER_EVIDENCE).every((e) => (r === 'from the bundle' ? e.bundle : e.published)),
    explain: (c, r) =>
      Object.entries(CONSUMER_EVIDENCE)
        .filter(([, e]) => !(r === 'from the bundle' ? e.bundle : e.published))
        .map(([id, e]) => `${id} cannot be observed: ${e.why}`)
        .join('; '),
  },
};

const decided = new Map<string, boolean>();
/** model/capabilities.ts's consumer rule on FLAGS, memoised (the search asks it for every configuration). */
function accepts(flags: readonly string[], joint: boolean, r: ConsumerReading): boolean {
  const key = `${flags.join()}|${joint}|${r}`;
  let v = decided.get(key);
  if (v === undefined) {
    v = consumerAccepts(flags, { insider_flood_plausible: joint, byzantine_fraction: 0 }, r).accept;
    decided.set(key, v);
  }
  return v;
}
