/**
 * Measured JOINT (draft §3.2, T-JCOST-1): one second of honest traffic of a deployment pushed
 * through the pipeline (paths A and B with the rate limit a conformant broker runs, path C with
 * its bundles), timed per path, against the closed form with the given (calibrated) constants.
 */
import type { CostConstants } from '../../model/constants.js';
import { bundlesPerSecond, ppsPerPath, type Deployment } from '../../model/deployment.js';
import { joint, type PathName } from '../../model/joint-cost.js';
import { DEFAULT_POLICY } from '../../model/token-bucket.js';
import { AdmissionPipeline } from '../pipeline/admission.js';
import { framesOf, pipelineSetupOf } from '../pipeline/traffic.js';
import { measureRuns, type RunTiming } from './measure.js';
import { bundleNote } from './stages.js';

/** One path, measured against predicted. */
export interface PathMeasurement {
  readonly measured_us_per_s: number;
  readonly predicted_us_per_s: number;
  readonly ratio: number;
  readonly run: RunTiming;
}

/** JOINT of one deployment, measured and predicted. */
export interface JointMeasurement {
  readonly deployment: Deployment;
  readonly simulated_s: number;
  readonly paths: Readonly<Record<PathName, PathMeasurement>>;
  readonly measured_us_per_s: number;
  readonly predicted_us_per_s: number;
  /** measured / predicted. */
  readonly ratio: number;
}

/**
 * Pushes SECONDS (whole ticks) of D's honest traffic through the pipeline; path C gets D's bundles (q = 2 cosignatures
 * each).
 */
export async function measureJoint(d: Deployment, c: CostConstants, seconds = 1, runs = 3): Promise<JointMeasurement> {
  if (d.q !== 2) throw new Error('the measured witness path carries q = 2 cosignatures');
  const ticks = Math.max(1, Math.round((seconds * 1000) / d.tickMs));
  const w = pipelineSetupOf(d.n);
  const frames = framesOf(w, { n: d.n, tickMs: d.tickMs, coalition: 0, floodFactor: 1, durationTicks: ticks });
  const simulated = (ticks * d.tickMs) / 1000;
  const bundles = Math.max(1, Math.round(bundlesPerSecond(d) * simulated));
  const { note, path } = bundleNote();
  let p = new AdmissionPipeline({ ...w, policy: DEFAULT_POLICY, tickMs: d.tickMs });
  const fresh = () => void (p = new AdmissionPipeline({ ...w, policy: DEFAULT_POLICY, tickMs: d.tickMs }));
  const a = frames.filter((f) => f.path === 0);
  const b = frames.filter((f) => f.path === 1);
  const runA = await measureRuns(
    'JOINT path A',
    fresh,
    () => {
      for (const f of a) p.admitSnapshot(f.vantage, f.bytes, f.tUs);
    },
    runs,
  );
  const runB = await measureRuns(
    'JOINT path B',
    fresh,
    () => {
      for (const f of b) p.admitPush(f.bytes, f.tUs);
    },
    runs,
  );
  const runC = await measureRuns(
    'JOINT path C',
    () => undefined,
    () => {
      for (let i = 0; i < bundles; i++) path.admit(note);
    },
    runs,
  );
  const predicted = joint(d, c);
  const perPath = (run: RunTiming, name: PathName, scale = 1): PathMeasurement => {
    const measured = ((run.median_ms * 1000) / simulated) * scale;
    return {
      measured_us_per_s: measured,
      predicted_us_per_s: predicted.paths[name].usPerSecond,
      ratio: measured / predicted.paths[name].usPerSecond,
      run,
    };
  };
  // Path C: `bundles` is bundlesPerSecond * simulated rounded; rescale to the exact rate.
  const paths = {
    A: perPath(runA, 'A'),
    B: perPath(runB, 'B'),
    C: perPath(runC, 'C', (bundlesPerSecond(d) * simulated) / bundles),
  };
  const measured = paths.A.measured_us_per_s + paths.B.measured_us_per_s + paths.C.measured_us_per_s;
  if (a.length !== Math.round(ppsPerPath(d) * simulated)) throw new Error('generated traffic does not match PPS_t');
  return {
    deployment: d,
    simulated_s: simulated,
    paths,
    measured_us_per_s: measured,
    predicted_us_per_s: predicted.usPerSecond,
    ratio: measured / predicted.usPerSecond,
  };
}
