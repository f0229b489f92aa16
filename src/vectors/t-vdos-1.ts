/**
 * T-VDOS-1 conformance vectors (draft §4): group type "VerificationDosTest". A test gives a flood
 * experiment (N, T_tick, coalition, flood factor, duration in ticks, every phase 0) and, when a
 * rate limit runs, its factors and budget reading; it expects the packets that arrived and were
 * admitted on each path and the CPU ratio. Implementers of the §4.1 rate limiter can check their
 * admission counts against these exactly.
 */
import type { CostConstants } from '../../model/constants.js';
import { FloodError, type FloodScenario } from '../../model/flood.js';
import { RateLimitError, type CapacityReading, type RateLimitPolicy } from '../../model/token-bucket.js';
import { simulateAggregated } from '../../model/vdos-aggregate.js';
import { floodCost } from '../../model/vdos-cost.js';
import { loadConstants } from '../lib/constants.js';
import { InputError } from '../lib/errors.js';
import { checkInDomain, type DomainName } from '../lib/domains.js';
import { floodWork, type FloodWork } from '../lib/work-budget.js';
import { assertFinite } from '../lib/finite.js';
import {
  expectShape,
  groupConstants,
  numberMismatches,
  registerExporter,
  registerVerifier,
  vectorsFile,
  type TestGroup,
  type TestVector,
  type VectorExporter,
  type VectorsFile,
  type VectorVerifier,
} from './format.js';

/** The group type of T-VDOS-1 vectors. */
export const VERIFICATION_DOS_TYPE = 'VerificationDosTest';
const REL_TOL = 1e-9;

/** The input of a VerificationDosTest (rate_limit_factor absent: no rate limiter). */
export interface VdosInput {
  readonly n: number;
  readonly t_tick_ms: number;
  readonly coalition: number;
  readonly flood_factor: number;
  readonly duration_ticks: number;
  readonly rate_limit_factor?: number;
  readonly burst_factor?: number;
  readonly budget_reading?: CapacityReading;
}

const OUTPUTS = ['arrived_a', 'arrived_b', 'admitted_a', 'admitted_b', 'dropped', 'ratio'] as const;

function scenarioOf(i: VdosInput): FloodScenario {
  return {
    n: i.n,
    tickMs: i.t_tick_ms,
    coalition: i.coalition,
    floodFactor: i.flood_factor,
    durationTicks: i.duration_ticks,
  };
}

function policyOf(i: VdosInput): RateLimitPolicy | null {
  if (i.rate_limit_factor === undefined) return null;
  return {
    rateLimitFactor: i.rate_limit_factor,
    burstFactor: i.burst_factor ?? Number.NaN,
    scope: 'per-path',
    capacity: i.budget_reading ?? 'rate-times-1s',
  };
}

/** The outputs of the reference model (the aggregated simulator; it agrees with the per-packet one). */
export function vdosOutputs(i: VdosInput, c: CostConstants): Record<(typeof OUTPUTS)[number], number> {
  const s = scenarioOf(i);
  const p = policyOf(i);
  const r = floodCost(s, simulateAggregated(s, p), c, { rateLimited: p !== null });
  return {
    arrived_a: r.counts.arrived.A,
    arrived_b: r.counts.arrived.B,
    admitted_a: r.counts.admitted.A,
    admitted_b: r.counts.admitted.B,
    dropped: r.dropped,
    ratio: Number(r.ratio.toPrecision(15)),
  };
}

/** Numeric input fields with a documented domain (src/lib/domains.ts). */
const DOMAIN_FIELDS: ReadonlyArray<keyof VdosInput & DomainName> = [
  'n',
  't_tick_ms',
  'coalition',
  'flood_factor',
  'duration_ticks',
  'rate_limit_factor',
  'burst_factor',
];

/**
 * The simulation a test will run. The model's own domain first (its DomainError is an invalid
 * test's expected rejection; an invalid test the model accepts fails without a simulation), then,
 * for a valid test, the documented domain (InputError), before any simulation.
 */
function plannedWork(test: TestVector, i: VdosInput): FloodWork[] {
  const work = floodWork(scenarioOf(i), policyOf(i));
  if (test.result !== 'valid') return [];
  for (const k of DOMAIN_FIELDS) if (i[k] !== undefined) checkInDomain(k, i[k], 'input');
  return [work];
}

function checkedInput(test: TestVector): VdosInput {
  expectShape(
    test.input,
    {
      n: 'number',
      t_tick_ms: 'number',
      coalition: 'number',
      flood_factor: 'number',
      duration_ticks: 'number',
      ...(test.input.rate_limit_factor !== undefined
        ? { rate_limit_factor: 'number', burst_factor: 'number', budget_reading: 'string' }
        : {}),
    },
    'input',
  );
  return test.input as unknown as VdosInput;
}

/** The parameter a rejection names: the first word of the model's message. */
function rejected(e: Error): string {
  const word = e.message.split(/\s/, 1)[0] ?? '';
  return (
    ({ floodFactor: 'flood_factor', durationTicks: 'duration_ticks', tickMs: 't_tick_ms' } as Record<string, string>)[
      word
    ] ?? word
  );
}

/** The VerificationDosTest verifier. */
export const VDOS_VERIFIER: VectorVerifier = {
  type: VERIFICATION_DOS_TYPE,
  verify(test: TestVector, group: TestGroup) {
    const c = groupConstants(group);
    const input = checkedInput(test);
    if (test.result === 'acceptable')
      throw new InputError(`result 'acceptable' is not used by ${VERIFICATION_DOS_TYPE}`);
    let got: Record<string, number>;
    try {
      plannedWork(test, input); // verifyVectors has checked the budget of the whole file
      if (test.result === 'invalid')
        return {
          ok: false,
          detail: `error: expected rejection of '${String(test.expected.error)}', model accepts the input`,
        };
      // in-domain inputs give finite outputs: a miss is a bug
      got = assertFinite(vdosOutputs(input, c), 'T-VDOS-1 model outputs', 'internal');
    } catch (e) {
      if (!(e instanceof RateLimitError || e instanceof FloodError)) throw e;
      if (test.result === 'valid')
        return { ok: false, detail: `model rejects the input (${e.message}); vectors expect it valid` };
      const ok = rejected(e) === test.expected.error;
      return {
        ok,
        detail: ok
          ? `rejected as expected: ${e.message}`
          : `error: expected rejection of '${String(test.expected.error)}', model says: ${e.message}`,
      };
    }
    const diff = numberMismatches(test.expected as Record<string, number>, got, REL_TOL);
    return {
      ok: diff.length === 0,
      detail: diff.length === 0 ? `all ${OUTPUTS.length} outputs match` : diff.join('; '),
    };
  },
  work(test: TestVector, group: TestGroup) {
    groupConstants(group);
    return plannedWork(test, checkedInput(test));
  },
};

interface Case {
  readonly comment: string;
  readonly flags: readonly string[];
  readonly input: VdosInput;
  readonly rejects?: string;
}

const table = (f: number, limited: boolean): Case => ({
  comment:
    `§4.4 row flood ${f} ${limited ? 'with' : 'without'} the rate limit (N=1000, T_tick=50 ms, 60 s; the draft ` +
    `states no duration)`,
  flags: ['DraftTableRow'],
  input: {
    n: 1000,
    t_tick_ms: 50,
    coalition: 1000,
    flood_factor: f,
    duration_ticks: 1200,
    ...(limited ? { rate_limit_factor: 4, burst_factor: 8, budget_reading: 'rate-times-1s' as const } : {}),
  },
});
const rl = (over: Partial<VdosInput>): VdosInput => ({
  n: 10,
  t_tick_ms: 50,
  coalition: 10,
  flood_factor: 16,
  duration_ticks: 20,
  rate_limit_factor: 4,
  burst_factor: 8,
  budget_reading: 'rate-times-1s',
  ...over,
});

const CASES: readonly Case[] = [
  ...[1, 4, 16, 64, 256, 1024].flatMap((f) => [table(f, false), table(f, true)]),
  {
    comment: 'one second of flood 16: the burst budget dominates (ratio far above the §4.3 bound)',
    flags: ['BurstBudget'],
    input: rl({}),
  },
  {
    comment: 'budget read as burst_factor ticks (8 packets), not burst_factor * natural rate',
    flags: ['BurstBudget', 'Reading'],
    input: rl({ budget_reading: 'ticks' }),
  },
  {
    comment: 'flood below rate_limit_factor: nothing dropped',
    flags: ['BelowLimit'],
    input: rl({ flood_factor: 3.5 }),
  },
  { comment: 'coalition of 3 of 10 vantages', flags: ['Coalition'], input: rl({ coalition: 3, duration_ticks: 200 }) },
  {
    comment: 'no flood at all: honest traffic pays only the lookups',
    flags: ['Coalition'],
    input: rl({ coalition: 0, duration_ticks: 200 }),
  },
  {
    comment: 'T_tick = 2500 ms, burst_factor 2: the literal budget is 0.8 token, every honest packet is dropped',
    flags: ['TinyBudget'],
    input: rl({ t_tick_ms: 2500, coalition: 0, burst_factor: 2, rate_limit_factor: 2, duration_ticks: 4 }),
  },
  {
    comment: 'rate_limit_factor 1.5 is below the REQUIRED minimum of 2 (draft §4.2)',
    flags: ['InvalidParameter'],
    input: rl({ rate_limit_factor: 1.5 }),
    rejects: 'rate_limit_factor',
  },
  {
    comment: 'burst_factor 1 is below the REQUIRED minimum of 2 (draft §4.2)',
    flags: ['InvalidParameter'],
    input: rl({ burst_factor: 1 }),
    rejects: 'burst_factor',
  },
  {
    comment: 'a coalition larger than N',
    flags: ['InvalidParameter'],
    input: rl({ coalition: 11 }),
    rejects: 'coalition',
  },
  {
    comment: 'a flood factor below 1',
    flags: ['InvalidParameter'],
    input: rl({ flood_factor: 0.5 }),
    rejects: 'flood_factor',
  },
];

const NOTES = {
  DraftTableRow: {
    bugType: 'BASIC',
    description:
      'A row of the draft §4.4 table, simulated over 60 s. The draft prints the ratios rounded and does not ' +
      'state its duration; these are exact counts.',
  },
  BurstBudget: {
    bugType: 'EDGE_CASE',
    description:
      'A short flood where the burst budget (draft §4.2) admits far more than rate_limit_factor times the ' +
      'natural rate; the §4.3 proof drops this term.',
  },
  Reading: {
    bugType: 'EDGE_CASE',
    description: 'The other reading of the §4.2 budget: burst_factor packets instead of burst_factor * natural rate.',
  },
  BelowLimit: {
    bugType: 'BASIC',
    description: 'A flood below rate_limit_factor: the bucket admits every packet (draft §4.3 (a) says otherwise).',
  },
  Coalition: {
    bugType: 'BASIC',
    description: 'Only part of the deployment floods; honest vantages still pay one lookup per packet.',
  },
  TinyBudget: {
    bugType: 'KNOWN_BUG',
    description:
      'With T_tick above burst_factor seconds the literal §4.2 budget is under one token and the bucket never ' +
      'admits a packet.',
  },
  InvalidParameter: {
    bugType: 'MISSING_STEP',
    description: 'A parameter outside its domain; expected.error names it.',
  },
};

/** Builds the T-VDOS-1 vectors file. */
export function buildVdosVectors(): VectorsFile {
  const draft = loadConstants();
  const c = draft.constants_us;
  const tests: TestVector[] = CASES.map((k, i) => {
    const base = {
      tcId: i + 1,
      comment: k.comment,
      flags: [...k.flags],
      input: { ...k.input } as Record<string, unknown>,
    };
    if (k.rejects) return { ...base, expected: { error: k.rejects }, result: 'invalid' as const };
    return { ...base, expected: vdosOutputs(k.input, c), result: 'valid' as const };
  });
  return vectorsFile({
    algorithm: 'T-VDOS-1',
    header: [
      'T-VDOS-1 (draft §4): a token bucket per vantage and path sits before verification: rate = ' +
        'rate_limit_factor * 1000 / t_tick_ms packets/s, budget = burst_factor * 1000 / t_tick_ms packets (or ' +
        'burst_factor packets when budget_reading is "ticks"), full at time 0; a packet is admitted iff a whole ' +
        'token is available.',
      'Vantages 0..coalition-1 send on each path at flood_factor times the natural rate, packet i at floor(i * ' +
        't_tick_us / flood_factor) us; the others send one packet per tick at i * t_tick_us; every phase is 0; ' +
        'the experiment lasts duration_ticks ticks.',
      'ratio = (c_xdp per arriving packet when rate-limited + (c_json + c_hmac) per admitted snapshot + ' +
        '(c_bfd_parse + c_hmac) per admitted push) / (n * natural rate * c_path * duration), c_path = c_json + ' +
        'c_bfd_parse + 2 c_hmac.',
      'Counts are exact; compare ratio with relative tolerance 1e-9. An input without rate_limit_factor runs ' +
        'with no rate limiter.',
    ],
    notes: NOTES,
    testGroups: [
      {
        type: VERIFICATION_DOS_TYPE,
        source: `${draft.source} [${draft.file}]`,
        parameters: { constants_us: c },
        tests,
      },
    ],
  });
}

/** The exporter of spec/vectors/t-vdos-1.json. */
export const vdosExporter: VectorExporter = { file: 't-vdos-1.json', build: buildVdosVectors };

registerVerifier(VDOS_VERIFIER);
registerExporter(vdosExporter);
