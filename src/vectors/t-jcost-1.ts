/**
 * T-JCOST-1 conformance vectors (draft §3): group type "JointCostTest". Each test gives the five
 * deployment parameters; a valid test expects every rate and cost of the §3.2 closed form, an
 * invalid one expects the parameter a conformant implementation rejects. The group's parameters
 * carry the cost constants, so each vector is self-contained.
 */
import type { CostConstants } from '../../model/constants.js';
import { DeploymentError, TABLE_DEFAULTS, type Deployment } from '../../model/deployment.js';
import { closedForm, jointRecord, US_PER_CORE_SECOND, type CostModel } from '../../model/joint-cost.js';
import { loadClaims, param } from '../lib/claims.js';
import { loadConstants } from '../lib/constants.js';
import { InputError } from '../lib/errors.js';
import { checkInDomain } from '../lib/domains.js';
import {
  expectShape,
  groupConstants,
  numberMismatches,
  registerExporter,
  registerVerifier,
  vectorsFile,
  type FieldKind,
  type TestGroup,
  type TestVector,
  type VectorExporter,
  type VectorsFile,
  type VectorVerifier,
} from './format.js';

/** The group type of T-JCOST-1 vectors. */
export const JOINT_COST_TYPE = 'JointCostTest';
/** Relative tolerance of every numeric comparison. */
export const REL_TOL = 1e-9;

/** Input field -> the model's Deployment field (draft §1.3 symbols N, T_tick, q; §3.2 bundle_period_ticks, cells_k). */
const PARAMS = {
  n: 'n',
  t_tick_ms: 'tickMs',
  q: 'q',
  bundle_period_ticks: 'bundlePeriodTicks',
  cells_k: 'cellsK',
} as const;
/** The name of an input parameter. */
export type ParamName = keyof typeof PARAMS;
/** The input of a JointCostTest. */
export type JointCostInput = Readonly<Record<ParamName, number>>;
const INPUT_SHAPE = Object.fromEntries(Object.keys(PARAMS).map((k) => [k, 'number'])) as Record<ParamName, FieldKind>;

const OUTPUTS = [
  'pps_t',
  'bundles_per_s',
  'path_a_us_per_s',
  'path_b_us_per_s',
  'path_c_us_per_s',
  'joint_us_per_s',
  'joint_pct_one_core',
  'cores_needed',
] as const;
/** The expected outputs of a valid JointCostTest. */
export type JointCostExpected = Readonly<Record<(typeof OUTPUTS)[number], number>>;
const OUTPUT_SHAPE: Record<string, FieldKind> = {
  ...Object.fromEntries(OUTPUTS.map((k) => [k, 'number'])),
  cores_needed: 'integer',
};

/** The model's Deployment for an input. */
export function deploymentOf(i: JointCostInput): Deployment {
  return { n: i.n, tickMs: i.t_tick_ms, q: i.q, bundlePeriodTicks: i.bundle_period_ticks, cellsK: i.cells_k };
}

/** Every output of MODEL at an input; throws DeploymentError for a parameter outside its domain. */
export function outputsOf(i: JointCostInput, c: CostConstants, model: CostModel = closedForm): JointCostExpected {
  return jointRecord(model.joint(deploymentOf(i), c)); // joint() checks the domain first
}

/** The input parameter a DeploymentError names (its message starts with the model's field name). */
export function rejectedParameter(e: DeploymentError): ParamName | undefined {
  const first = e.message.split(/\s/, 1)[0];
  return (Object.keys(PARAMS) as ParamName[]).find((k) => k === first || PARAMS[k] === first);
}

/** A JointCostTest verifier running MODEL (the draft's closed form by default). */
export function jointCostVerifier(model: CostModel = closedForm): VectorVerifier {
  return {
    type: JOINT_COST_TYPE,
    verify(test: TestVector, group: TestGroup) {
      const c = groupConstants(group);
      expectShape(test.input, INPUT_SHAPE, 'input');
      const input = test.input as JointCostInput;
      if (test.result === 'acceptable')
        throw new InputError(`result 'acceptable' is not used by ${JOINT_COST_TYPE}: every input is valid or invalid`);
      if (test.result === 'valid') expectShape(test.expected, OUTPUT_SHAPE, 'expected');
      else expectShape(test.expected, { error: 'string' }, 'expected');
      let got: JointCostExpected;
      try {
        got = outputsOf(input, c, model);
      } catch (e) {
        if (!(e instanceof DeploymentError)) throw e;
        const param = rejectedParameter(e);
        if (test.result === 'valid')
          return { ok: false, detail: `model rejects the input (${e.message}); vectors expect it valid` };
        const ok = param === test.expected.error;
        return {
          ok,
          detail: ok
            ? `rejected as expected: ${e.message}`
            : `error: expected rejection of '${String(test.expected.error)}', ` +
              `model rejects ${param ? `'${param}'` : 'an unnamed parameter'} (${e.message})`,
        };
      }
      if (test.result === 'invalid')
        return {
          ok: false,
          detail:
            `error: expected rejection of '${String(test.expected.error)}', model accepts the input ` +
            `(joint_us_per_s ${got.joint_us_per_s})`,
        };
      // issue 16: a valid test's input must also be in its documented domain (src/lib/domains.ts), or JOINT may not
      // be finite.
      for (const k of Object.keys(PARAMS) as ParamName[]) checkInDomain(k, input[k], 'input');
      const diff = numberMismatches(test.expected as JointCostExpected, got, REL_TOL);
      return {
        ok: diff.length === 0,
        detail: diff.length === 0 ? `all ${OUTPUTS.length} outputs match` : diff.join('; '),
      };
    },
  };
}

/** A test before numbering: comment, flags, input, and for an invalid one the parameter it must be rejected for. */
interface Case {
  readonly comment: string;
  readonly flags: readonly string[];
  readonly input: JointCostInput;
  readonly rejects?: ParamName;
}

/** The model's value rounded to 15 significant digits: strips float noise (6300.000000000001 -> 6300). */
const clean = (x: number): number => Number(x.toPrecision(15));

function testOf(tcId: number, k: Case, c: CostConstants): TestVector {
  const base = { tcId, comment: k.comment, flags: k.flags, input: k.input };
  if (k.rejects) {
    try {
      outputsOf(k.input, c);
    } catch (e) {
      const param = e instanceof DeploymentError ? rejectedParameter(e) : undefined;
      if (param === k.rejects) return { ...base, expected: { error: param }, result: 'invalid' };
      throw e;
    }
    throw new Error(
      `T-JCOST-1 vector ${tcId}: the model accepts ${JSON.stringify(k.input)}, expected rejection of ${k.rejects}`,
    );
  }
  const out = outputsOf(k.input, c);
  const cores = out.joint_us_per_s / US_PER_CORE_SECOND;
  // draft §3.4 dimensions in whole cores: a JOINT within float noise of a core boundary would make cores_needed
  // depend on rounding.
  if (Math.abs(cores - Math.round(cores)) <= REL_TOL * cores)
    throw new Error(`T-JCOST-1 vector ${tcId}: JOINT is ${cores} cores, too close to a whole number`);
  const expected = Object.fromEntries(OUTPUTS.map((k) => [k, clean(out[k])]));
  return { ...base, expected, result: 'valid' };
}

const at = (n: number, t_tick_ms: number, over: Partial<JointCostInput> = {}): JointCostInput => ({
  n,
  t_tick_ms,
  q: TABLE_DEFAULTS.q,
  bundle_period_ticks: TABLE_DEFAULTS.bundlePeriodTicks,
  cells_k: TABLE_DEFAULTS.cellsK,
  ...over,
});

/** The five §3.3 scale points, from spec/claims/t-jcost-1.json, with the JOINT the draft prints there. */
function tableRows(): Array<{
  readonly id: string;
  readonly label: string;
  readonly printed: string;
  readonly input: JointCostInput;
}> {
  const claims = loadClaims('t-jcost-1');
  return Object.entries(claims.scenarios).map(([id, s]) => ({
    id,
    label: `'${s.label}' (N=${param(s, 'n')}, T_tick=${param(s, 't_tick_ms')} ms)`,
    printed:
      claims.claims.find(
        (x) =>
          x.section === '§3.3' && 'quantity' in x.expr && x.expr.quantity === 'joint_pct' && x.expr.scenario === id,
      )?.printed ?? '(not printed)',
    input: at(param(s, 'n'), param(s, 't_tick_ms')),
  }));
}

const EDGE: Case[] = [
  { comment: 'N=1: a single vantage at 1 Hz', flags: ['EdgeCase'], input: at(1, 1000) },
  { comment: 'cells_k=1: one coherence cell', flags: ['EdgeCase'], input: at(1000, 50, { cells_k: 1 }) },
  {
    comment: 'q=0: no cosignature verified, Path C costs nothing (draft §3.1)',
    flags: ['EdgeCase'],
    input: at(1000, 50, { q: 0 }),
  },
  { comment: 'T_tick=1 ms: one million packets per second per path', flags: ['EdgeCase'], input: at(1000, 1) },
  {
    comment: 'bundle_period_ticks=1: one bundle per cell every tick',
    flags: ['EdgeCase'],
    input: at(1000, 50, { bundle_period_ticks: 1 }),
  },
  { comment: 'T_tick=0.5 ms: a non-integer tick period', flags: ['EdgeCase'], input: at(1000, 0.5) },
  { comment: 'T_tick=3 ms: PPS_t and bundles_per_s are not whole numbers', flags: ['EdgeCase'], input: at(1000, 3) },
  { comment: 'N=10^7: large deployment, JOINT over 1700 cores', flags: ['EdgeCase'], input: at(1e7, 50) },
  {
    comment: 'Path C dominates: 10 vantages, q=5, 64 cells bundling every tick',
    flags: ['EdgeCase'],
    input: at(10, 1000, { q: 5, cells_k: 64, bundle_period_ticks: 1 }),
  },
];

// The model's domain (model/deployment.ts checkDeployment): N, bundle_period_ticks, cells_k positive integers;
// T_tick > 0; q a non-negative integer.
const INVALID: Case[] = [
  { comment: 'n=0: no admitted vantage', input: at(0, 50), rejects: 'n' },
  { comment: 't_tick_ms=-50: negative tick period', input: at(1000, -50), rejects: 't_tick_ms' },
  { comment: 't_tick_ms=0: zero tick period (PPS_t would divide by zero)', input: at(1000, 0), rejects: 't_tick_ms' },
  { comment: 'q=-1: negative quorum', input: at(1000, 50, { q: -1 }), rejects: 'q' },
  { comment: 'q=1.5: fractional quorum (q counts cosignatures)', input: at(1000, 50, { q: 1.5 }), rejects: 'q' },
  { comment: 'cells_k=0: no coherence cell', input: at(1000, 50, { cells_k: 0 }), rejects: 'cells_k' },
  {
    comment: 'bundle_period_ticks=0: bundle period of zero ticks (bundles_per_s would divide by zero)',
    input: at(1000, 50, { bundle_period_ticks: 0 }),
    rejects: 'bundle_period_ticks',
  },
  { comment: 'n=0.5: N counts vantages', input: at(0.5, 50), rejects: 'n' },
  { comment: 'cells_k=2.5: cells_k counts coherence cells', input: at(1000, 50, { cells_k: 2.5 }), rejects: 'cells_k' },
  {
    comment: 'bundle_period_ticks=1.5: a bundle period is a whole number of ticks',
    input: at(1000, 50, { bundle_period_ticks: 1.5 }),
    rejects: 'bundle_period_ticks',
  },
].map((k) => ({ ...k, flags: ['InvalidParameter'], rejects: k.rejects as ParamName }));

/** Illustrative constants (not a measurement), different from draft §1.3 in every field. */
export const OTHER_CONSTANTS: CostConstants = {
  c_json: 1.1,
  c_bfd_parse: 0.08,
  c_hmac: 0.9,
  c_ed25519: 45.0,
  c_xdp: 0.02,
};

const NOTES = {
  DraftTableRow: {
    bugType: 'BASIC',
    description:
      'A scale point of the draft §3.3 table (q=2, bundle_period_ticks=10, cells_k=8, draft §1.3 constants). ' +
      'The draft prints JOINT rounded to 2 decimals; the expected values here are unrounded.',
  },
  AppendixAErratum: {
    bugType: 'KNOWN_BUG',
    description:
      'Appendix A works DDoS Regime C with 1.6 bundles/s and 252 us/s for Path C; the §3.2 formula gives 8 / ' +
      '(10 * 0.05 s) = 16 bundles/s and 2521.6 us/s, which is what reproduces the §3.3 JOINT of 174.25 %. An ' +
      'implementation that follows Appendix A fails bundles_per_s and path_c_us_per_s.',
  },
  EdgeCase: {
    bugType: 'EDGE_CASE',
    description:
      'A parameter at or near the boundary of its domain, or a value that is not a whole number (draft §1.3, §3.2).',
  },
  InvalidParameter: {
    bugType: 'MISSING_STEP',
    description:
      'One parameter outside its domain (N, bundle_period_ticks, cells_k positive integers; T_tick positive; q ' +
      'a non-negative integer). A conformant implementation rejects the input and names the parameter in ' +
      'expected.error.',
  },
  OtherConstants: {
    bugType: 'FUNCTIONALITY',
    description:
      'Constants other than draft §1.3 (illustrative, not measured): catches implementations that hard-code ' +
      "the draft's constants instead of taking them as parameters.",
  },
};

/** Builds the T-JCOST-1 vectors file from the model and the draft's §1.3 constants. */
export function buildJointCostVectors(): VectorsFile {
  const draft = loadConstants();
  let tcId = 0;
  const group = (source: string, c: CostConstants, cases: readonly Case[]): TestGroup => ({
    type: JOINT_COST_TYPE,
    source,
    parameters: { constants_us: c },
    tests: cases.map((k) => testOf(++tcId, k, c)),
  });
  const rows = tableRows();
  const draftRows = rows.map((r): Case => ({
    comment: `§3.3 table row ${r.label}; the draft prints JOINT ${r.printed}`,
    flags: r.id === 'regime-c' ? ['DraftTableRow', 'AppendixAErratum'] : ['DraftTableRow'],
    input: r.input,
  }));
  const otherRows = rows.map((r): Case => ({
    comment: `§3.3 table row ${r.label} with other constants`,
    flags: ['OtherConstants'],
    input: r.input,
  }));
  const otherEdges = EDGE.filter((k) => /^(q=0|T_tick=3 ms):/.test(k.comment)).map((k): Case => ({
    ...k,
    comment: `${k.comment}, with other constants`,
    flags: ['OtherConstants', 'EdgeCase'],
  }));
  const testGroups = [
    group(`${draft.source} [${draft.file}]`, draft.constants_us, [...draftRows, ...EDGE, ...INVALID]),
    group('illustrative constants (not a measurement) that differ from draft §1.3 in every field', OTHER_CONSTANTS, [
      ...otherRows,
      ...otherEdges,
    ]),
  ];
  return vectorsFile({
    algorithm: 'T-JCOST-1',
    header: [
      'T-JCOST-1 joint broker CPU cost (draft §3.2): JOINT = PPS_t * (c_json + c_hmac) [Path A] + PPS_t * ' +
        '(c_bfd_parse + c_hmac) [Path B] + bundles_per_s * q * c_ed25519 [Path C], in CPU us per second of wall ' +
        'clock; paths as in draft §3.1.',
      'PPS_t = n * 1000 / t_tick_ms (draft §1.3); bundles_per_s = cells_k / (bundle_period_ticks * t_tick_ms / ' +
        '1000) (draft §3.2).',
      'joint_pct_one_core = joint_us_per_s / 10^6 * 100; cores_needed = ceil(joint_us_per_s / 10^6), whole ' +
        'cores for the draft §3.4 dimensioning rule (the §3.3 table\'s "~2c", Appendix A\'s "at least 2 ' +
        'dedicated cores").',
      "Each group's parameters.constants_us gives the per-operation costs in us (draft §1.3 symbols); take " +
        'them from the vectors, never hard-code them. c_xdp is not part of JOINT (it belongs to T-VDOS-1, draft ' +
        '§4) and is given for completeness.',
      'A valid test expects every output; an invalid test has one parameter outside its domain and ' +
        'expected.error names it. N, T_tick, bundle_period_ticks and cells_k must be positive; q must be a ' +
        'non-negative integer.',
      `Expected numbers are the reference model's IEEE-754 doubles rounded to 15 significant digits; compare ` +
        `them with relative tolerance ${REL_TOL} (no vector puts JOINT within that tolerance of a whole number ` +
        `of cores, so cores_needed is exact).`,
    ],
    notes: NOTES,
    testGroups,
  });
}

/** The registered verifier: the draft's §3.2 closed form. */
export const JOINT_COST_VERIFIER = jointCostVerifier();

/** The exporter of spec/vectors/t-jcost-1.json. */
export const jointCostExporter: VectorExporter = { file: 't-jcost-1.json', build: buildJointCostVectors };

registerVerifier(JOINT_COST_VERIFIER);
registerExporter(jointCostExporter);
