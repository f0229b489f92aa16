/**
 * `perfsec calibrate`: measures the draft §1.3 constants on this machine (src/calibrate/workloads.ts)
 * and writes them as a constants file (schemas/constants-v1.schema.json) that every command takes
 * with --constants FILE. The medians become the constants; the spread and the candidates'
 * figures go in the report beside them.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { CONSTANT_NAMES, type ConstantsFile, type CostConstants } from '../../model/constants.js';
import { assertValid } from '../lib/schemas.js';
import { DEFAULT_BUDGET, measure, type Budget, type Timing } from './measure.js';
import { candidateWorkloads, constantWorkloads, inputs } from './workloads.js';

/** The machine a measurement ran on. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
  readonly platform: string;
  /** 1-minute load average when the run started: other processes share the cores (measurements are noisier above 1 per core). */
  readonly loadavg_1m: number;
}

/** This machine. */
export function machine(): Machine {
  return { cpu: cpus()[0]?.model.trim() ?? 'unknown', cores: availableParallelism(), node: process.version, platform: `${process.platform}-${process.arch}`, loadavg_1m: Number(loadavg()[0]!.toFixed(2)) };
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

/** Rounds a cost to 4 significant digits (more would overstate what a median over noisy samples knows). */
const round4 = (x: number): number => Number(x.toPrecision(4));

/** Measures the five constants (and optionally the candidates). */
export async function calibrate(o: CalibrateOptions = {}): Promise<Calibration> {
  const budget = o.budget ?? DEFAULT_BUDGET;
  const vantages = o.vantages ?? 100_000;
  const x = inputs();
  const work = constantWorkloads(x, vantages);
  const list = CONSTANT_NAMES.map((k) => work[k]);
  const extra = o.candidates ? candidateWorkloads(x, vantages) : [];
  const total = list.length + extra.length;
  const say = (t: Timing, i: number) => o.onProgress?.(`calibrate ${i + 1}/${total}: ${t.name}: ${t.median_us.toPrecision(4)} µs`);
  const measured = await measure(list, budget, say);
  const candidates = await measure(extra, budget, (t, i) => say(t, i + list.length));
  const timings = Object.fromEntries(CONSTANT_NAMES.map((k, i) => [k, measured[i]!])) as Record<keyof CostConstants, Timing>;
  const m = machine();
  const constants: ConstantsFile = {
    schema: 'perfsec-constants-v1',
    source: `perfsec calibrate on ${m.cpu} (${m.cores} cores), node ${m.node}, ${new Date().toISOString().slice(0, 10)}`,
    notes: `medians over repeated samples after warm-up (p10-p90 in µs: ${CONSTANT_NAMES.map((k) => `${k} ${round4(timings[k].p10_us)}-${round4(timings[k].p90_us)}`).join(', ')}); c_xdp among ${vantages} vantages; codecs and primitives of src/pipeline`,
    constants_us: Object.fromEntries(CONSTANT_NAMES.map((k) => [k, round4(timings[k].median_us)])) as unknown as CostConstants,
  };
  assertValid<ConstantsFile>('constants-v1', constants, 'calibrated constants');
  return { constants, timings, candidates, machine: m, budget, vantages };
}
