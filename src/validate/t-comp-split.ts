/**
 * Validator checks for T-COMP-SPLIT (draft §7, §9) and the capability quartet (draft §8): public
 * C2SP vectors, the §7 refusal and cross-verification checks, the split-view bound over small
 * parameters, the printed detection probabilities against Monte Carlo, the consumer rule and the
 * conformance checker on the example deployments.
 */
import { conformance, consumerAccepts, QUARTET, type DeploymentDescription } from '../../model/capabilities.js';
import { bodyOf, minimalSplit, play, S, splitPossible, type Attack } from '../../model/collector.js';
import { cosign, cosignerOf, verifyCosignature } from '../../model/cosignature.js';
import tCompSplit from '../../properties/t-comp-split.prop.js';
import { loadConstants } from '../lib/constants.js';
import { readValidated } from '../lib/json-file.js';
import { projectPath } from '../lib/paths.js';
import { vectorsCheck } from './artifact-checks.js';
import type { Check } from './registry.js';
import { searchCheck } from './search-checks.js';
import { examplesCheck, publicVectorsCheck } from './t-hkdf-ps.js';

const NOTE_TYPES = [
  'Rfc8032Ed25519',
  'C2spVerifierKey',
  'C2spSignedNote',
  'C2spNoteParse',
  'C2spCheckpointBody',
  'C2spConsistencyProof',
  'C2spCosignedCheckpoint',
  'SigsumRawSignature',
  'C2spCosignedMessage',
  'C2spCosignatureBlob',
];

const twoViews = (moves: Attack['moves']): Attack => ({
  w: 1,
  q: 1,
  c: 0,
  policy: 'first-cosign-wins',
  placement: 'extension',
  values: { A: [1.5, 2.25], B: [1.5, 3] },
  moves,
});

/** The T-COMP-SPLIT checks. */
export const T_COMP_SPLIT_CHECKS: readonly Check[] = [
  publicVectorsCheck(
    'check:t-comp-split/c2sp-formats',
    'public RFC 8032 and C2SP signed-note / checkpoint / cosignature vectors: ' +
      'every keyed one verifies, every negative one is rejected',
    '§7',
    NOTE_TYPES,
  ),
  {
    id: 'check:t-comp-split/first-cosign-wins',
    title:
      'an honest first-cosign-wins witness refuses the second cosignature on the same (bundle_id, bundle_seq) ' +
      'when the dual-mode body differs',
    section: '§7',
    run: () => {
      const o = play(
        twoViews([
          { witness: 0, view: 'A', ahead: 0 },
          { witness: 0, view: 'B', ahead: 0 },
        ]),
      );
      return { pass: o.statuses.join() === '200,409', detail: `answers ${o.statuses.join(', ')}` };
    },
  },
  {
    id: 'check:t-comp-split/v1-over-split-body',
    title: 'the existing cosignature/v1 does not verify over the split body',
    section: '§7',
    run: () => {
      const a = twoViews([]);
      const signer = { name: 'witness.example/w1', seed: new Uint8Array(32).fill(3) };
      const sig = cosign(bodyOf(a, 'A', S), signer, 1n);
      const own = verifyCosignature(cosignerOf(signer), sig, bodyOf(a, 'A', S));
      const other = verifyCosignature(cosignerOf(signer), sig, bodyOf(a, 'B', S));
      return { pass: own && !other, detail: `verifies over its own body: ${own}; over the split body: ${other}` };
    },
  },
  {
    id: 'check:t-comp-split/bound',
    title:
      'for every w <= 7, q, c: the minimal split succeeds exactly when 2*max(0, q-c) <= w-c, ' +
      'under both policies (values in the leaf)',
    section: '§7',
    run: () => {
      const bad: string[] = [];
      let cases = 0;
      for (let w = 1; w <= 7; w++)
        for (let q = 1; q <= w; q++)
          for (let c = 0; c <= w; c++)
            for (const policy of ['first-cosign-wins', 'c2sp'] as const) {
              cases++;
              const o = play({
                w,
                q,
                c,
                policy,
                placement: 'in-leaf',
                values: { A: [1, 2], B: [1, 3] },
                moves: minimalSplit(w, q, c),
              });
              if (o.split !== splitPossible(w, q, c)) bad.push(`w=${w} q=${q} c=${c} ${policy}`);
            }
      return {
        pass: bad.length === 0,
        detail:
          bad.length > 0
            ? `mismatch at ${bad.slice(0, 5).join('; ')}`
            : `${cases} parameter points agree; split impossible exactly when q > (w+c)/2`,
      };
    },
  },
  examplesCheck(
    'check:t-comp-split/detection',
    'the §7 and §9 detection probabilities against a Monte Carlo estimate from the witness model (seed 7)',
    '§7, §9',
    () => tCompSplit.examples!(tCompSplit.model),
  ),
  searchCheck('T-COMP-SPLIT'),
  vectorsCheck('T-COMP-SPLIT', '§7', 't-comp-split.json'),
];

const deployment = (f: string): DeploymentDescription =>
  readValidated<DeploymentDescription>(projectPath('spec', 'deployments', f), 'perfsec-deployment-v1');

/** The capability-quartet checks (draft §8). */
export const CAP_CHECKS: readonly Check[] = [
  {
    id: 'check:cap-quartet/consumer',
    title:
      'the consumer rejects bundles advertising any of the first three flags without perfsec-coupling-v1 ' +
      'when joint hypotheses hold',
    section: '§8',
    run: () => {
      const h = { insider_flood_plausible: true, byzantine_fraction: 0.25 };
      const quiet = { insider_flood_plausible: false, byzantine_fraction: 0 };
      const rows: Array<[string, boolean, boolean]> = [
        ['all four, joint hypotheses', consumerAccepts(QUARTET, h).accept, true],
        ['first three only, joint hypotheses', consumerAccepts(QUARTET.slice(0, 3), h).accept, false],
        ['first three only, no joint hypothesis', consumerAccepts(QUARTET.slice(0, 3), quiet).accept, true],
        [
          'cwt-profile-v1 only (literal reading; §8 also says CWT-only MAY ignore the profile)',
          consumerAccepts(['cwt-profile-v1'], h).accept,
          false,
        ],
        ['cwt-profile-v1 only (composed reading)', consumerAccepts(['cwt-profile-v1'], h, 'composed').accept, true],
      ];
      const bad = rows.filter(([, got, want]) => got !== want);
      return {
        pass: bad.length === 0,
        detail:
          bad.length > 0
            ? `wrong: ${bad.map(([n]) => n).join('; ')}`
            : rows.map(([n, got]) => `${n}: ${got ? 'accept' : 'reject'}`).join('; '),
      };
    },
  },
  {
    id: 'check:cap-quartet/conformance',
    title:
      'the conformance checker passes spec/deployments/regime-c-conformant.json ' +
      'and fails every requirement of regime-c-nonconformant.json',
    section: '§8',
    run: () => {
      const c = loadConstants().constants_us;
      const good = conformance(deployment('regime-c-conformant.json'), c);
      const bad = conformance(deployment('regime-c-nonconformant.json'), c);
      const caught = bad.findings.filter((f) => !f.pass).map((f) => f.id);
      return {
        pass: good.conformant && caught.length === bad.findings.length,
        detail: `conformant example: ${good.conformant}; non-conformant example fails ${caught.join(', ')}`,
      };
    },
  },
  vectorsCheck('CAP-QUARTET', '§8', 'capabilities.json'),
];
