/**
 * The capability quartet (draft §8): the consumer rule as a property with a mutant that breaks
 * it, and the conformance checker on each requirement.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  conformance,
  consumerAccepts,
  QUARTET,
  type DeploymentDescription,
  type Hypotheses,
} from '../model/capabilities.js';
import { loadConstants } from '../src/lib/constants.js';
import { readValidated } from '../src/lib/json-file.js';
import { projectPath } from '../src/lib/paths.js';

const flags = fc.subarray([...QUARTET, 'other-flag-v1']);
const hyp: fc.Arbitrary<Hypotheses> = fc.record({
  insider_flood_plausible: fc.boolean(),
  byzantine_fraction: fc.constantFrom(0, 0.125, 0.5),
});
type Rule = typeof consumerAccepts;

/** §8 consumer rule as a property of RULE: reject iff joint hypotheses, one of the first three, not the fourth. */
const ruleHolds = (rule: Rule) =>
  fc.property(flags, hyp, (f, h) => {
    const joint = h.insider_flood_plausible || h.byzantine_fraction > 0;
    const reject = joint && QUARTET.slice(0, 3).some((x) => f.includes(x)) && !f.includes('perfsec-coupling-v1');
    return rule(f, h).accept === !reject;
  });

describe('§8 consumer rule', () => {
  test('the model follows the literal rule', () => fc.assert(ruleHolds(consumerAccepts), { seed: 7, numRuns: 200 }));
  test('mutant "needs all three": rejecting only bundles with all of the first three flags is caught', () => {
    const mutant: Rule = (f, h) => ({
      accept: !(
        (h.insider_flood_plausible || h.byzantine_fraction > 0) &&
        QUARTET.slice(0, 3).every((x) => f.includes(x)) &&
        !f.includes('perfsec-coupling-v1')
      ),
      reason: 'mutant',
    });
    expect(fc.check(ruleHolds(mutant), { seed: 7, numRuns: 200 }).failed).toBe(true);
  });
  test('mutant "ignores hypotheses" is caught', () => {
    const mutant: Rule = (f) => consumerAccepts(f, { insider_flood_plausible: true, byzantine_fraction: 1 });
    expect(fc.check(ruleHolds(mutant), { seed: 7, numRuns: 200 }).failed).toBe(true);
  });
  test(
    'the literal and composed readings disagree on a CWT-only bundle ' + '(§8 consumer rule vs "CWT-only MAY ignore")',
    () => {
      const h = { insider_flood_plausible: true, byzantine_fraction: 0 };
      expect(consumerAccepts(['cwt-profile-v1'], h, 'literal').accept).toBe(false);
      expect(consumerAccepts(['cwt-profile-v1'], h, 'composed').accept).toBe(true);
    },
  );
});

describe('§8 conformance checker', () => {
  const good = readValidated<DeploymentDescription>(
    projectPath('spec', 'deployments', 'regime-c-conformant.json'),
    'perfsec-deployment-v1',
  );
  const c = loadConstants().constants_us;
  const failing = (d: DeploymentDescription) =>
    conformance(d, c)
      .findings.filter((f) => !f.pass)
      .map((f) => f.id);

  test('the conformant example passes every requirement', () => expect(failing(good)).toEqual([]));
  test.each<[string, (d: DeploymentDescription) => DeploymentDescription, string]>([
    ['flag missing', (d) => ({ ...d, capability_flags: d.capability_flags.slice(0, 3) }), 'CAP-FLAGS'],
    [
      'rate limit factor relaxed to 5',
      (d) => ({ ...d, rate_limit: { ...d.rate_limit, rate_limit_factor: 5 } }),
      'I-PS-1',
    ],
    [
      'burst factor below the REQUIRED 2',
      (d) => ({ ...d, rate_limit: { ...d.rate_limit, burst_factor: 1 } }),
      'I-PS-1',
    ],
    ['rate limit after HMAC', (d) => ({ ...d, rate_limit: { ...d.rate_limit, before_hmac: false } }), 'I-PS-1'],
    [
      'shared K_op with the legacy derivation',
      (d) => ({ ...d, keys: { ...d.keys, bfd_key_derivation: 'legacy' } }),
      'I-PS-2',
    ],
    [
      'sample key for another epoch',
      (d) => ({ ...d, keys: { ...d.keys, sample: { ...d.keys.sample!, epoch_id: 21 } } }),
      'I-PS-2',
    ],
    [
      'checkpoint without the extra field',
      (d) => ({
        ...d,
        checkpoint: { sample_body: d.checkpoint.sample_body.split('\n').slice(0, 3).join('\n') + '\n' },
      }),
      'I-PS-3',
    ],
    ['replay rule OR instead of AND', (d) => ({ ...d, replay: { ...d.replay, combine: 'or' } }), 'I-PS-4'],
    ['one core for Regime C', (d) => ({ ...d, dimensioning: { ...d.dimensioning, broker_cores: 1 } }), 'I-PS-5'],
  ])('%s fails %s only', (_name, change, id) => expect(failing(change(good))).toEqual([id]));

  test('K_op not shared: the legacy derivation passes I-PS-2 (mixed deployment, §6)', () => {
    expect(failing({ ...good, keys: { shares_k_op: false, bfd_key_derivation: 'legacy' } })).toEqual([]);
  });
});
