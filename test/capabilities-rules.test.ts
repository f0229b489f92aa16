/**
 * The capability quartet of draft §8 as reason tables: for each input, the consumer rule's
 * verdict and reason (both readings of §8), and for each deployment description the verdict and
 * detail of every conformance finding (CAP-FLAGS, I-PS-1..I-PS-5), including the boundaries of
 * the §4.2 factors and of the §3.2 core budget.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import {
  conformance,
  consumerAccepts,
  QUARTET,
  type ConsumerReading,
  type DeploymentDescription,
  type Finding,
  type Hypotheses,
} from '../model/capabilities.js';
import { deriveBfdAuthKey, READINGS } from '../model/hkdf.js';
import { joint } from '../model/joint-cost.js';
import { loadConstants } from '../src/lib/constants.js';
import { readValidated } from '../src/lib/json-file.js';
import { projectPath } from '../src/lib/paths.js';

const [CWT, BFD, DDOS, PERFSEC] = QUARTET;
const JOINT: Hypotheses = { insider_flood_plausible: true, byzantine_fraction: 0 };
const BYZ: Hypotheses = { insider_flood_plausible: false, byzantine_fraction: 0.25 };
const NONE: Hypotheses = { insider_flood_plausible: false, byzantine_fraction: 0 };

describe('draft §8 consumer rule: verdict and reason per bundle', () => {
  test.each<[string, readonly string[], Hypotheses, ConsumerReading, boolean, string]>([
    [
      'CWT-only, literal',
      [CWT],
      JOINT,
      'literal',
      false,
      `advertises ${CWT} without ${PERFSEC} while joint hypotheses hold`,
    ],
    [
      'CWT-only, composed (CWT-only MAY ignore the profile)',
      [CWT],
      JOINT,
      'composed',
      true,
      'no composed flag advertised',
    ],
    [
      'BFD-only, literal',
      [BFD],
      BYZ,
      'literal',
      false,
      `advertises ${BFD} without ${PERFSEC} while joint hypotheses hold`,
    ],
    ['BFD-only, composed', [BFD], BYZ, 'composed', true, 'no composed flag advertised'],
    [
      'CWT + BFD, composed',
      [CWT, BFD],
      JOINT,
      'composed',
      false,
      `advertises ${CWT}, ${BFD} without ${PERFSEC} while joint hypotheses hold`,
    ],
    [
      'CWT + DDoS, composed',
      [DDOS, CWT],
      JOINT,
      'composed',
      false,
      `advertises ${CWT}, ${DDOS} without ${PERFSEC} while joint hypotheses hold`,
    ],
    ['BFD + DDoS without CWT, composed', [BFD, DDOS], JOINT, 'composed', true, 'no composed flag advertised'],
    [
      'all three, literal',
      [DDOS, BFD, CWT, 'other-flag-v1'],
      BYZ,
      'literal',
      false,
      `advertises ${CWT}, ${BFD}, ${DDOS} without ${PERFSEC} while joint hypotheses hold`,
    ],
    ['all four, literal', [...QUARTET], JOINT, 'literal', true, 'perfsec-coupling-v1 advertised'],
    ['all four, composed', [...QUARTET], BYZ, 'composed', true, 'perfsec-coupling-v1 advertised'],
    ['the fourth flag alone', [PERFSEC], JOINT, 'literal', true, 'perfsec-coupling-v1 advertised'],
    ['no flag at all', [], JOINT, 'literal', true, 'no composed flag advertised'],
    ['an unrelated flag', ['other-flag-v1'], JOINT, 'composed', true, 'no composed flag advertised'],
    ['CWT + BFD, hypotheses do not hold', [CWT, BFD], NONE, 'literal', true, 'joint hypotheses do not hold'],
    ['all four, hypotheses do not hold', [...QUARTET], NONE, 'composed', true, 'joint hypotheses do not hold'],
  ])('%s', (_name, flags, h, reading, accept, reason) => {
    expect(consumerAccepts(flags, h, reading)).toEqual({ accept, reason });
  });

  test('the default reading is the literal one (the model reports the §8 conflict rather than resolving it)', () => {
    expect(consumerAccepts([CWT], JOINT)).toEqual(consumerAccepts([CWT], JOINT, 'literal'));
  });
});

const good = readValidated<DeploymentDescription>(
  projectPath('spec', 'deployments', 'regime-c-conformant.json'),
  'perfsec-deployment-v1',
);
const bad = readValidated<DeploymentDescription>(
  projectPath('spec', 'deployments', 'regime-c-nonconformant.json'),
  'perfsec-deployment-v1',
);
const constants = loadConstants().constants_us;
const findingOf = (d: DeploymentDescription, id: string): Finding => {
  const f = conformance(d, constants).findings.find((x) => x.id === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
};
const cores = (d: DeploymentDescription['dimensioning']): number =>
  joint({ n: d.n, tickMs: d.t_tick_ms, q: d.q, cellsK: d.cells_k, bundlePeriodTicks: d.bundle_period_ticks }, constants)
    .usPerSecond / 1e6;

describe('draft §8 conformance: the findings and their sections', () => {
  test('findings come in the order CAP-FLAGS, I-PS-1..I-PS-5 with the draft section each requirement cites', () => {
    expect(conformance(good, constants).findings.map((f) => [f.id, f.section])).toEqual([
      ['CAP-FLAGS', '§8'],
      ['I-PS-1', '§4.1-§4.2'],
      ['I-PS-2', '§6'],
      ['I-PS-3', '§7'],
      ['I-PS-4', '§5'],
      ['I-PS-5', '§3.2, §3.4'],
    ]);
  });
  test('the conformant example is conformant and its consumer accepts it', () => {
    const r = conformance(good, constants);
    expect(r.conformant).toBe(true);
    expect(r.consumer).toEqual({ accept: true, reason: 'perfsec-coupling-v1 advertised' });
  });
  test('one failing requirement is enough to make a deployment non-conformant (conformance is the AND of all)', () => {
    expect(
      conformance({ ...good, replay: { ...good.replay, bfd_seq_resets_at_epoch: true } }, constants).conformant,
    ).toBe(false);
  });
  test('the non-conformant example fails every requirement it breaks, and the §8 consumer rejects it', () => {
    const r = conformance(bad, constants);
    expect(r.conformant).toBe(false);
    expect(r.findings.filter((f) => !f.pass).map((f) => f.id)).toEqual([
      'CAP-FLAGS',
      'I-PS-1',
      'I-PS-2',
      'I-PS-3',
      'I-PS-4',
      'I-PS-5',
    ]);
    expect(r.consumer).toEqual({
      accept: false,
      reason: `advertises ${CWT}, ${BFD}, ${DDOS} without ${PERFSEC} while joint hypotheses hold`,
    });
  });
});

type Row = [string, DeploymentDescription, string, boolean, string];

describe('CAP-FLAGS (draft §8): all four flags', () => {
  test.each<Row>([
    ['all four', good, 'CAP-FLAGS', true, 'all four flags advertised'],
    ['the fourth missing', { ...good, capability_flags: [CWT, BFD, DDOS] }, 'CAP-FLAGS', false, `missing ${PERFSEC}`],
    ['two missing', { ...good, capability_flags: [BFD, PERFSEC] }, 'CAP-FLAGS', false, `missing ${CWT}, ${DDOS}`],
    ['none', { ...good, capability_flags: [] }, 'CAP-FLAGS', false, `missing ${CWT}, ${BFD}, ${DDOS}, ${PERFSEC}`],
  ])('%s', (_n, d, id, pass, detail) => expect(findingOf(d, id)).toMatchObject({ pass, detail }));
});

describe('I-PS-1 (draft §4.1, §4.2): fast-path rate limit before HMAC, factors within the defaults', () => {
  const rl = (r: Partial<DeploymentDescription['rate_limit']>): DeploymentDescription => ({
    ...good,
    rate_limit: { ...good.rate_limit, ...r },
  });
  test.each<Row>([
    ['XDP, defaults', good, 'I-PS-1', true, 'xdp, before HMAC, factors 4/8'],
    [
      'NIC, the REQUIRED minimum 2/2',
      rl({ enforced_at: 'nic', rate_limit_factor: 2, burst_factor: 2 }),
      'I-PS-1',
      true,
      'nic, before HMAC, factors 2/2',
    ],
    [
      'userspace',
      rl({ enforced_at: 'userspace' }),
      'I-PS-1',
      false,
      'enforced at userspace, not the NIC/XDP fast path (§4.1)',
    ],
    ['after HMAC', rl({ before_hmac: false }), 'I-PS-1', false, 'rate limit runs after HMAC verification (§4.1)'],
    [
      'rate factor just below 2',
      rl({ rate_limit_factor: 1.5 }),
      'I-PS-1',
      false,
      'rate_limit_factor 1.5 outside [2, 4]',
    ],
    [
      'rate factor just above 4',
      rl({ rate_limit_factor: 4.5 }),
      'I-PS-1',
      false,
      'rate_limit_factor 4.5 outside [2, 4]',
    ],
    ['burst factor just below 2', rl({ burst_factor: 1.5 }), 'I-PS-1', false, 'burst_factor 1.5 outside [2, 8]'],
    ['burst factor just above 8', rl({ burst_factor: 9 }), 'I-PS-1', false, 'burst_factor 9 outside [2, 8]'],
    [
      'everything wrong, reasons joined in order',
      rl({ enforced_at: 'kernel', before_hmac: false, rate_limit_factor: 16, burst_factor: 1 }),
      'I-PS-1',
      false,
      'enforced at kernel, not the NIC/XDP fast path (§4.1); rate limit runs after HMAC ' +
        'verification (§4.1); rate_limit_factor 16 outside [2, 4]; burst_factor 1 outside [2, 8]',
    ],
  ])('%s', (_n, d, id, pass, detail) => expect(findingOf(d, id)).toMatchObject({ pass, detail }));
});

describe('I-PS-2 (draft §6): K_BFD_auth derived by the §6 HKDF when K_op is shared', () => {
  const sample = good.keys.sample!;
  const input = {
    operatorId: sample.operator_id,
    kOp: hexToBytes(sample.k_op_hex),
    discriminators: sample.discriminators,
    epochId: sample.epoch_id,
  } as const;
  const keyUnder = (name: string): string =>
    bytesToHex(
      deriveBfdAuthKey(
        input,
        READINGS.find((r) => r.name === name)!,
      ),
    );
  const withKey = (hex: string): DeploymentDescription => ({
    ...good,
    keys: { ...good.keys, sample: { ...sample, k_bfd_auth_hex: hex } },
  });
  test.each<Row>([
    ['sample recomputed', good, 'I-PS-2', true, 'sample K_BFD_auth recomputed (hex-lower reading)'],
    [
      'K_op not shared, legacy',
      { ...good, keys: { shares_k_op: false, bfd_key_derivation: 'legacy' } },
      'I-PS-2',
      true,
      'K_op not shared: legacy derivation allowed (mixed deployment, §6)',
    ],
    [
      'K_op not shared, §6 derivation',
      { ...good, keys: { shares_k_op: false, bfd_key_derivation: 'perfsec-hkdf-v1' } },
      'I-PS-2',
      true,
      'K_op not shared: perfsec-hkdf-v1 derivation allowed (mixed deployment, §6)',
    ],
    [
      'K_op shared, legacy',
      { ...good, keys: { ...good.keys, bfd_key_derivation: 'legacy' } },
      'I-PS-2',
      false,
      'K_op shared but K_BFD_auth not derived per §6',
    ],
    [
      'K_op shared, §6 declared, no sample',
      { ...good, keys: { shares_k_op: true, bfd_key_derivation: 'perfsec-hkdf-v1' } },
      'I-PS-2',
      true,
      'declares the §6 derivation (no sample key to recompute)',
    ],
    [
      'sample under the raw-octets reading',
      withKey(keyUnder('raw-octets')),
      'I-PS-2',
      false,
      "sample key follows the 'raw-octets' reading of §6, not hex-lower",
    ],
    [
      'sample under the hex-upper reading',
      withKey(keyUnder('hex-upper')),
      'I-PS-2',
      false,
      "sample key follows the 'hex-upper' reading of §6, not hex-lower",
    ],
    [
      'sample for another epoch',
      { ...good, keys: { ...good.keys, sample: { ...sample, epoch_id: 21 } } },
      'I-PS-2',
      false,
      'sample K_BFD_auth matches no reading of §6',
    ],
  ])('%s (finding cites §6)', (_n, d, id, pass, detail) =>
    expect(findingOf(d, id)).toMatchObject({ pass, detail, section: '§6' }),
  );
});

describe('I-PS-3 (draft §7): the dual-mode values are bound into the checkpoint', () => {
  const cp = (c: DeploymentDescription['checkpoint']): DeploymentDescription => ({ ...good, checkpoint: c });
  const body = good.checkpoint.sample_body;
  test.each<Row>([
    ['values in the leaf', good, 'I-PS-3', true, 'dual-mode values bound for bundle_seq 3'],
    [
      'values only in the extra field',
      cp({ sample_body: body, values_in_leaf: false }),
      'I-PS-3',
      true,
      'dual-mode values bound for bundle_seq 3; values only in the extra field: C2SP ' +
        'witnesses do not compare extension lines (see T-COMP-SPLIT.c2sp-one-body)',
    ],
    [
      'placement not stated (read as extra field only)',
      cp({ sample_body: body }),
      'I-PS-3',
      true,
      'dual-mode values bound for bundle_seq 3; values only in the extra field: C2SP ' +
        'witnesses do not compare extension lines (see T-COMP-SPLIT.c2sp-one-body)',
    ],
    [
      'no extra field',
      cp({ sample_body: body.split('\n').slice(0, 3).join('\n') + '\n', values_in_leaf: true }),
      'I-PS-3',
      false,
      'checkpoint: 0 dual-mode extension lines, expected exactly one',
    ],
    [
      'body that is not a checkpoint',
      cp({ sample_body: 'collector.example/mvps-bundles\n3\n', values_in_leaf: true }),
      'I-PS-3',
      false,
      'checkpoint: fewer than three lines',
    ],
  ])('%s', (_n, d, id, pass, detail) => expect(findingOf(d, id)).toMatchObject({ pass, detail }));
});

describe('I-PS-4 (draft §5): acceptance is the AND of both counter rules, BFD seq kept across epochs', () => {
  const rp = (r: Partial<DeploymentDescription['replay']>): DeploymentDescription => ({
    ...good,
    replay: { ...good.replay, ...r },
  });
  test.each<Row>([
    ['AND, kept', good, 'I-PS-4', true, 'AND of BFD seq and CWT counter, BFD seq kept across epochs'],
    ['OR', rp({ combine: 'or' }), 'I-PS-4', false, 'acceptance must be the AND of both counter rules (got or)'],
    [
      'no BFD seq rule',
      rp({ bfd_seq_rule: false }),
      'I-PS-4',
      false,
      'acceptance must be the AND of both counter rules (got and)',
    ],
    [
      'no CWT counter rule',
      rp({ cwt_counter_rule: false }),
      'I-PS-4',
      false,
      'acceptance must be the AND of both counter rules (got and)',
    ],
    [
      'BFD seq reset at the epoch',
      rp({ bfd_seq_resets_at_epoch: true }),
      'I-PS-4',
      false,
      'BFD seq must not reset at the epoch boundary',
    ],
    [
      'both wrong, reasons joined in order',
      rp({ combine: 'bfd-only', bfd_seq_resets_at_epoch: true }),
      'I-PS-4',
      false,
      'acceptance must be the AND of both counter rules (got bfd-only); BFD seq must not reset at the epoch boundary',
    ],
  ])('%s', (_n, d, id, pass, detail) => expect(findingOf(d, id)).toMatchObject({ pass, detail }));
});

describe('I-PS-5 (draft §3.2, §3.4): broker cores carry JOINT, receipt schema reproduced', () => {
  const need = cores(good.dimensioning);
  const dm = (x: Partial<DeploymentDescription['dimensioning']>): DeploymentDescription => ({
    ...good,
    dimensioning: { ...good.dimensioning, ...x },
  });
  test('the Regime C example needs more than one core and less than two (JOINT in cores of 1e6 µs/s)', () => {
    expect(need).toBeGreaterThan(1);
    expect(need).toBeLessThan(2);
  });
  test.each<Row>([
    ['two cores', good, 'I-PS-5', true, `JOINT ${need.toFixed(3)} cores, broker has 2`],
    [
      'exactly JOINT cores (the bound is inclusive)',
      dm({ broker_cores: need }),
      'I-PS-5',
      true,
      `JOINT ${need.toFixed(3)} cores, broker has ${need}`,
    ],
    ['one core', dm({ broker_cores: 1 }), 'I-PS-5', false, `JOINT ${need.toFixed(3)} cores, broker has 1`],
    [
      'receipt schema not reproduced',
      dm({ receipt_schema_reproduced: false }),
      'I-PS-5',
      false,
      `JOINT ${need.toFixed(3)} cores, broker has 2; receipt schema not reproduced`,
    ],
  ])('%s', (_n, d, id, pass, detail) => expect(findingOf(d, id)).toMatchObject({ pass, detail }));
});
