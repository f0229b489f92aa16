/**
 * The measured part of the report: the JOINT and flood measurements of `npm run bench -- --json`
 * (read from a file, schema-checked: schemas/perfsec-bench-v1.schema.json), or a short one taken
 * on the spot.
 */
import type { CostConstants } from '../../model/constants.js';
import { measureFloods, type FloodMeasurement } from '../calibrate/flood-measure.js';
import { measureJoint, type JointMeasurement } from '../calibrate/joint-measure.js';
import { readValidated } from '../lib/json-file.js';

/** What the report charts from a measurement. */
export interface ReportMeasurement {
  readonly source: string;
  readonly joint: JointMeasurement;
  readonly floods: FloodMeasurement;
}

/** Reads the measurement of a `npm run bench -- --json` document. */
export function readBench(file: string): ReportMeasurement {
  const doc = readValidated<{ joint: JointMeasurement; floods: FloodMeasurement }>(file, 'perfsec-bench-v1');
  return { source: file, joint: doc.joint, floods: doc.floods };
}

/** The source of a measurement taken by quickMeasurement. */
export const QUICK_SOURCE = 'measured by perfsec report (short run)';

/** A short measurement on this machine (N = 200 for one second; floods of 1 s). */
export async function quickMeasurement(
  c: CostConstants,
  factors: readonly number[] = [1, 4, 16, 64, 256],
): Promise<ReportMeasurement> {
  const joint = await measureJoint({ n: 200, tickMs: 50, q: 2, bundlePeriodTicks: 10, cellsK: 8 }, c, 1, 2);
  const floods = await measureFloods(c, factors, { runs: 2, durationTicks: 20 });
  return { source: QUICK_SOURCE, joint, floods };
}
