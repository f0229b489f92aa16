/**
 * Capability-quartet vectors (draft §8): the consumer rule ("ConsumerRule") over flag sets and
 * hypotheses, and the conformance verdicts of deployment descriptions ("DeploymentConformance").
 * Expected values are computed from model/capabilities.ts.
 */
import {
  conformance,
  consumerAccepts,
  QUARTET,
  type DeploymentDescription,
  type Hypotheses,
} from '../../model/capabilities.js';
import { loadConstants } from '../lib/constants.js';
import { InputError } from '../lib/errors.js';
import { readValidated } from '../lib/json-file.js';
import { projectPath } from '../lib/paths.js';
import { assertValid } from '../lib/schemas.js';
import {
  registerExporter,
  registerVerifier,
  TEST_KEYS_LINE,
  vectorsFile,
  type TestVector,
  type VectorsFile,
} from './format.js';

function ruleInput(t: TestVector): { flags: string[]; h: Hypotheses } {
  const { flags, insider_flood_plausible: i, byzantine_fraction: b } = t.input as Record<string, unknown>;
  if (!Array.isArray(flags) || typeof i !== 'boolean' || typeof b !== 'number')
    throw new InputError('ConsumerRule input needs flags[], insider_flood_plausible, byzantine_fraction');
  return { flags: flags as string[], h: { insider_flood_plausible: i, byzantine_fraction: b } };
}

registerVerifier({
  type: 'ConsumerRule',
  verify(t) {
    const { flags, h } = ruleInput(t);
    const got = consumerAccepts(flags, h).accept;
    return { ok: got === t.expected.accept, detail: `${got ? 'accept' : 'reject'}` };
  },
});

registerVerifier({
  type: 'DeploymentConformance',
  verify(t) {
    const d = assertValid<DeploymentDescription>('perfsec-deployment-v1', t.input.deployment, 'input.deployment');
    const r = conformance(d, loadConstants().constants_us);
    const failing = r.findings
      .filter((f) => !f.pass)
      .map((f) => f.id)
      .join(',');
    const ok = r.conformant === t.expected.conformant && failing === t.expected.failing;
    return {
      ok,
      detail: ok ? `conformant ${r.conformant}` : `expected failing '${String(t.expected.failing)}', got '${failing}'`,
    };
  },
});

const RULES: Array<[string, string[], Hypotheses]> = [
  ['all four flags, insider flood plausible', [...QUARTET], { insider_flood_plausible: true, byzantine_fraction: 0 }],
  [
    'first three flags, Byzantine fraction 3/8',
    QUARTET.slice(0, 3),
    { insider_flood_plausible: false, byzantine_fraction: 0.375 },
  ],
  [
    'first three flags, no joint hypothesis',
    QUARTET.slice(0, 3),
    { insider_flood_plausible: false, byzantine_fraction: 0 },
  ],
  [
    'coherence-bfd-v1 alone, insider flood plausible',
    ['coherence-bfd-v1'],
    { insider_flood_plausible: true, byzantine_fraction: 0 },
  ],
  [
    'cwt-profile-v1 alone, joint hypotheses (literal §8 reading rejects; §8 also lets CWT-only deployments ' +
      'ignore the profile)',
    ['cwt-profile-v1'],
    { insider_flood_plausible: true, byzantine_fraction: 0.125 },
  ],
  ['perfsec-coupling-v1 alone', ['perfsec-coupling-v1'], { insider_flood_plausible: true, byzantine_fraction: 0.125 }],
  ['no flags', [], { insider_flood_plausible: true, byzantine_fraction: 0.5 }],
];

/** Builds the vectors from the model and spec/deployments/. */
export function buildCapabilityVectors(): VectorsFile {
  let tcId = 0;
  const rules = RULES.map(([comment, flags, h]) => ({
    tcId: ++tcId,
    comment,
    flags: comment.includes('literal') ? ['ConsumerRule', 'Ambiguous'] : ['ConsumerRule'],
    input: { flags, ...h },
    expected: { accept: consumerAccepts(flags, h).accept },
    result: 'valid' as const,
  }));
  const c = loadConstants().constants_us;
  const deps = ['regime-c-conformant.json', 'regime-c-nonconformant.json'].map((f) => {
    const d = readValidated<DeploymentDescription>(projectPath('spec', 'deployments', f), 'perfsec-deployment-v1');
    const r = conformance(d, c);
    return {
      tcId: ++tcId,
      comment: `spec/deployments/${f}: ${d.name}`,
      flags: ['Deployment'],
      input: { deployment: d },
      expected: {
        conformant: r.conformant,
        failing: r.findings
          .filter((x) => !x.pass)
          .map((x) => x.id)
          .join(','),
      },
      result: 'valid' as const,
    };
  });
  return vectorsFile({
    algorithm: 'CAP-QUARTET',
    header: [
      'Draft §8: a consumer rejects bundles advertising cwt-profile-v1, coherence-bfd-v1 or ddos-resilience-v1 ' +
        'without perfsec-coupling-v1 while the joint hypotheses hold; a deployment conforms iff it advertises ' +
        'all four and implements I-PS-1..I-PS-5 (schemas/perfsec-deployment-v1.schema.json).',
      TEST_KEYS_LINE,
    ],
    notes: {
      ConsumerRule: { bugType: 'BASIC', description: 'The §8 consumer rule, literal reading.' },
      Ambiguous: {
        bugType: 'AMBIGUOUS',
        description: "The literal rule conflicts with §8's permission for CWT-only deployments to ignore the profile.",
      },
      Deployment: { bugType: 'FUNCTIONALITY', description: 'A deployment description and the requirements it fails.' },
    },
    testGroups: [
      { type: 'ConsumerRule', source: 'model/capabilities.ts', tests: rules },
      { type: 'DeploymentConformance', source: 'spec/deployments/ checked by model/capabilities.ts', tests: deps },
    ],
  });
}

registerExporter({ file: 'capabilities.json', build: buildCapabilityVectors });
