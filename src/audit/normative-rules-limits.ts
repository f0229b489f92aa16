/**
 * The rate-limit statements of the draft as predicates (§4.1-§4.2 and §9's "Open issues" on the factors): the text
 * is in spec/normative.json, by id. The §4.2 headroom requirement is read four ways, over the bursts §4.2 lists.
 */
import { has, PERFSEC, runsBfd, withinFloors, type RuleCode } from './normative-rule.js';
import type { Config } from './normative-space.js';

/** The legitimate bursts §4.2 lists (lines 500-518): multiple of the natural rate, and how long, in seconds. */
interface Burst {
  readonly m: number;
  readonly seconds: (tTickMs: number) => number;
}
/** "one to a few seconds" (line 510): the search takes 1, 2 and 3 s, three being the fewest that is "a few". */
const BGP_SECONDS = [1, 2, 3];
/** Each source alone: clock jitter 1.5x over one tick, BGP batches 3x, recalibration 1.3x over 600 ticks. */
const EACH: readonly Burst[] = [
  { m: 1.5, seconds: (t) => t / 1000 },
  ...BGP_SECONDS.map((s) => ({ m: 3, seconds: () => s })),
  { m: 1.3, seconds: (t) => (600 * t) / 1000 },
];
/** The three together, the worst case the text computes (line 520: 1.5 * 3 * 1.3 ~= 5.85x), over a BGP batch. */
const PRODUCT: readonly Burst[] = BGP_SECONDS.map((s) => ({ m: 1.5 * 3 * 1.3, seconds: () => s }));

/**
 * Whether factors (r, b) leave headroom for BURSTS at T_tick: with the bucket, the excess (m - r) * natural rate over
 * the burst must fit the burst budget b * natural rate (§4.2 lines 493-494); the factor alone must reach m.
 */
function covers(r: number, b: number, tTickMs: number, bursts: readonly Burst[], bucket: boolean): boolean {
  return bursts.every((x) => (bucket ? (x.m - r) * x.seconds(tTickMs) <= b : r >= x.m));
}

/** The first burst of the reading that factors (r, b) do not cover, with the arithmetic. */
function uncovered(c: Config, reading: string): string {
  const bucket = reading.endsWith('burst budget');
  const bursts = reading.startsWith('combined') ? PRODUCT : EACH;
  const x = bursts.find((y) => !covers(c.rlf, c.bf, c.tTickMs, [y], bucket));
  if (!x) return 'every listed burst is covered';
  const s = x.seconds(c.tTickMs);
  return bucket
    ? `a ${x.m.toFixed(2)}x burst over ${s} s exceeds the bucket: (${x.m.toFixed(2)} - ${c.rlf}) * ${s} > ${c.bf}`
    : `a ${x.m.toFixed(2)}x burst exceeds rate_limit_factor ${c.rlf}`;
}

/** The four readings of the §4.2 headroom requirement (lines 496-498, 520-521). */
const HEADROOM: Readonly<Record<string, (c: Config) => boolean>> = {
  'combined worst case, factor plus burst budget': (c) => covers(c.rlf, c.bf, c.tTickMs, PRODUCT, true),
  'each source alone, factor plus burst budget': (c) => covers(c.rlf, c.bf, c.tTickMs, EACH, true),
  'each source alone, the factor alone': (c) => covers(c.rlf, c.bf, c.tTickMs, EACH, false),
  'combined worst case, the factor alone': (c) => covers(c.rlf, c.bf, c.tTickMs, PRODUCT, false),
};

/** The rate-limit statements, by id. */
export const LIMIT_RULES: Readonly<Record<string, RuleCode>> = {
  'NORM-4.1-rl-before-hmac': {
    kind: 'must',
    when: ['adopts'],
    what: ['rlPlacement'],
    applies: (c) => c.adopts,
    ok: (c) => c.rlPlacement === 'nic-before-hmac' || c.rlPlacement === 'software-before-hmac',
  },
  'NORM-4.1-rl-fast-path': {
    kind: 'must',
    when: ['adopts'],
    what: ['rlPlacement'],
    applies: (c) => c.adopts,
    ok: (c) => c.rlPlacement === 'nic-before-hmac',
  },
  'NORM-4.1-measure-cxdp': {
    kind: 'must',
    when: ['adopts', 'regime'],
    what: ['cxdpMeasured'],
    applies: (c) => c.adopts && c.regime === 'D',
    ok: (c) => c.cxdpMeasured,
  },
  // "MAY tighten for HFT/orbital": no value named, so within the "REQUIRED >= 2" of the same list.
  'NORM-4.2-may-tighten': {
    kind: 'may',
    when: ['adopts', 'platform'],
    what: ['rlf', 'bf'],
    applies: (c) => c.adopts && c.platform === 'low-jitter',
    acts: (c) => withinFloors(c) && c.rlf <= 4 && c.bf <= 8 && (c.rlf < 4 || c.bf < 8),
  },
  // "MAY relax with explicit risk acceptance": inside the profile, or as a way out of it.
  'NORM-4.2-may-relax': {
    kind: 'may',
    when: ['adopts', 'riskAccepted'],
    what: ['rlf', 'bf'],
    readings: ['the relaxed deployment stays in the profile', 'relaxing leaves the profile'],
    applies: (c, r) => c.riskAccepted && (r === 'relaxing leaves the profile' ? !c.adopts : c.adopts),
    acts: (c) => withinFloors(c) && (c.rlf > 4 || c.bf > 8),
  },
  'NORM-4.2-rlf-min': {
    kind: 'must',
    when: ['adopts'],
    what: ['rlf'],
    applies: (c) => c.adopts,
    ok: (c) => c.rlf >= 2,
  },
  'NORM-4.2-bf-min': {
    kind: 'must',
    when: ['adopts'],
    what: ['bf'],
    applies: (c) => c.adopts,
    ok: (c) => c.bf >= 2,
  },
  'NORM-4.2-headroom': {
    kind: 'must',
    when: ['adopts', 'tTickMs'],
    what: ['rlf', 'bf'],
    readings: Object.keys(HEADROOM),
    applies: (c) => c.adopts,
    ok: (c, r) => HEADROOM[r]!(c),
    explain: uncovered,
  },
  'NORM-4.2-recal-emit': {
    kind: 'may',
    when: ['operated'],
    what: [],
    applies: (c) => runsBfd(c),
    acts: () => true,
  },
  'NORM-4.2-rt-2-2': {
    kind: 'may',
    when: ['adopts', 'platform'],
    what: ['rlf', 'bf'],
    applies: (c) => c.adopts && c.platform === 'low-jitter',
    acts: (c) => c.rlf === 2 && c.bf === 2,
  },
  // "MAY relax the factor further": raise it (the word), or lower it (the reason: jitter shrinks).
  'NORM-4.2-long-tick-relax': {
    kind: 'may',
    when: ['adopts', 'tTickMs'],
    what: ['rlf'],
    readings: ['raise the factor, in the profile', 'raise the factor, leaving the profile', 'lower it below 2'],
    applies: (c, r) => c.tTickMs >= 1000 && (r === 'raise the factor, leaving the profile' ? !c.adopts : c.adopts),
    acts: (c, r) => (r === 'lower it below 2' ? c.rlf < 2 : c.rlf > 4),
  },
  'NORM-9-tighten-2-2': {
    kind: 'may',
    when: ['adopts', 'platform'],
    what: ['rlf', 'bf'],
    applies: (c) => c.adopts && c.platform === 'low-jitter',
    acts: (c) => c.rlf === 2 && c.bf === 2,
  },
  'NORM-9-disclose-lower': {
    kind: 'must',
    when: ['adopts'],
    what: ['rlf', 'bf', 'disclosed'],
    applies: (c) => c.adopts,
    ok: (c) => (c.rlf < 4 || c.bf < 8 ? c.disclosed : true),
  },
  // Relying on the default as the bound's factor is sound when the factors are at or below it.
  'NORM-9-consumer-default': {
    kind: 'may',
    when: ['adopts', 'flags', 'disclosed'],
    what: ['consumerFactorCheck'],
    facts: ['rlf', 'bf'],
    applies: (c) => c.adopts && has(c, PERFSEC) && !c.disclosed,
    acts: (c) => c.consumerFactorCheck === 'rely-on-default',
    presupposes: (c) => c.rlf <= 4 && c.bf <= 8,
  },
};
