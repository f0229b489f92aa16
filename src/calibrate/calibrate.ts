/**
 * `perfsec calibrate`: measures the draft §1.3 constants on this machine (src/calibrate/workloads.ts)
 * and writes them as a constants file (schemas/constants-v1.schema.json) that every command takes
 * with --constants FILE. The medians become the constants; the spread and the candidates'
 * figures go in the report beside them.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { CONSTANT_NAMES, type ConstantsFile, type CostConstants } from '../../model/constants.js';
import { assertFinite } from '../lib/finite.js';
import { InputError } from '../lib/errors.js';
import { assertValid } from '../lib/schemas.js';
import { CALIBRATE_BYTES, CALIBRATE_TIME_S, figure } from '../lib/work-budget.js';
import { DEFAULT_BUDGET, measure, type Budget, type Timing } from './measure.js';
import { candidateCount, candidateWorkloads } from './candidates.js';
import { constantWorkloads, inputs, MAP_BYTES_PER_VANTAGE, TABLE_BYTES_PER_VANTAGE } from './workloads.js';

/** The machine a measurement ran on. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
  readonly platform: string;
  /**
   * 1-minute load average when the run started: other processes share the cores (measurements are noisier above 1 per
   * core).
   */
  readonly loadavg_1m: number;
}

/** This machine. */
export function machine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadavg_1m: Number(loadavg()[0]!.toFixed(2)),
  };
}

/** What a calibration found. */
export interface Calibration {
  readonly constants: ConstantsFile;
  readonly timings: Readonly<Record<keyof CostConstants, Timing>>;
  readonly candidates: readonly Timing[];
  readonly machine: Machine;
  readonly budget: Budget;
  readonly vantages: number;
}

/** Options of a calibration run. */
export interface CalibrateOptions {
  readonly budget?: Budget;
  /** N for the c_xdp table (draft §4.1: lookup among N vantages). */
  readonly vantages?: number;
  /** Also time the candidates (figures for the pipeline's choices). */
  readonly candidates?: boolean;
  readonly onProgress?: (line: string) => void;
}

/** What a calibration run will cost, known before it starts. */
export interface CalibrationPlan {
  readonly workloads: number;
  /** Sampling plus warm-up time, seconds (tinybench may take longer to reach minSamples). */
  readonly seconds: number;
  /** Bytes of the rate-limit tables for `vantages`. */
  readonly bytes: number;
}

/** The plan of a calibration with O's budget, vantages and candidates. */
export function calibrationPlan(o: CalibrateOptions = {}): CalibrationPlan {
  const budget = o.budget ?? DEFAULT_BUDGET;
  const vantages = o.vantages ?? 100_000;
  const workloads = CONSTANT_NAMES.length + (o.candidates ? candidateCount() : 0);
  // constants: one compact table; candidates: a second table and the Map of TokenBucket
  const bytes =
    vantages * (TABLE_BYTES_PER_VANTAGE + (o.candidates ? TABLE_BYTES_PER_VANTAGE + MAP_BYTES_PER_VANTAGE : 0));
  return { workloads, seconds: (workloads * (budget.timeMs + budget.warmupMs)) / 1000, bytes };
}

/**
 * Throws InputError when PLAN is over the budgets of src/lib/work-budget.ts, naming the limit and the flag that lowers
 * the work.
 */
export function checkCalibrationPlan(plan: CalibrationPlan): void {
  if (plan.seconds > CALIBRATE_TIME_S)
    throw new InputError(
      `calibrate: ${plan.workloads} workloads would sample for ${figure(plan.seconds)} s, ` +
        `over the budget of ${CALIBRATE_TIME_S} s (src/lib/work-budget.ts; lower --time-ms)`,
    );
  if (plan.bytes > CALIBRATE_BYTES)
    throw new InputError(
      `calibrate: the rate-limit tables would take ${figure(plan.bytes / 1e6)} MB, ` +
        `over the budget of ${CALIBRATE_BYTES / 1e6} MB (src/lib/work-budget.ts; ` +
        `lower --vantages${plan.workloads > CONSTANT_NAMES.length ? ' or drop --candidates' : ''})`,
    );
}

/** Rounds a cost to 4 significant digits (more would overstate what a median over noisy samples knows). */
const round4 = (x: number): number => Number(x.toPrecision(4));

/** Measures the five constants (and optionally the candidates). */
export async function calibrate(o: CalibrateOptions = {}): Promise<Calibration> {
  const budget = o.budget ?? DEFAULT_BUDGET;
  const vantages = o.vantages ?? 100_000;
  checkCalibrationPlan(calibrationPlan(o)); // issue 16 Deliver 3: before any table is built
  const x = inputs();
  const work = constantWorkloads(x, vantages);
  const list = CONSTANT_NAMES.map((k) => work[k]);
  const extra = o.candidates ? candidateWorkloads(x, vantages) : [];
  const total = list.length + extra.length;
  const say = (t: Timing, i: number) =>
    o.onProgress?.(`calibrate ${i + 1}/${total}: ${t.name}: ${t.median_us.toPrecision(4)} µs`);
  const measured = await measure(list, budget, say);
  const candidates = await measure(extra, budget, (t, i) => say(t, i + list.length));
  const timings = Object.fromEntries(CONSTANT_NAMES.map((k, i) => [k, measured[i]!])) as Record<
    keyof CostConstants,
    Timing
  >;
  const m = machine();
  const spread = (k: (typeof CONSTANT_NAMES)[number]) =>
    `${k} ${round4(timings[k].p10_us)}-${round4(timings[k].p90_us)}`;
  const day = new Date().toISOString().slice(0, 10);
  const constants: ConstantsFile = {
    schema: 'perfsec-constants-v1',
    source: `perfsec calibrate on ${m.cpu} (${m.cores} cores), node ${m.node}, ${day}`,
    notes:
      `medians over repeated samples after warm-up (p10-p90 in µs: ${CONSTANT_NAMES.map(spread).join(', ')}); ` +
      `c_xdp among ${vantages} vantages; codecs and primitives of src/pipeline`,
    constants_us: Object.fromEntries(
      CONSTANT_NAMES.map((k) => [k, round4(timings[k].median_us)]),
    ) as unknown as CostConstants,
  };
  // A timer that reports 0 or a broken sample is the machine's fault, not the user's: exit 3, never a written Infinity.
  assertFinite({ timings, candidates }, 'calibrate', 'internal');
  assertValid<ConstantsFile>('constants-v1', constants, 'calibrated constants');
  return { constants, timings, candidates, machine: m, budget, vantages };
}
