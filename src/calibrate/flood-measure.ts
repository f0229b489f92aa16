/**
 * Measured T-VDOS-1 (draft §4.3): attacked / baseline broker CPU, with and without the rate
 * limit, for insider floods at several flood factors (every vantage floods, as in the §4.4
 * table), pushed through the pipeline; beside the model's ratio with the same constants
 * (aggregated simulator), the draft's §4.3 bound and the token-bucket bound (model/vdos-bounds.ts).
 * The ratio does not depend on N when every vantage floods, so N (at most 1000) shrinks as the
 * flood grows to keep each run near PACKET_BUDGET packets; each row's baseline is the same N
 * vantages unattacked.
 */
import type { CostConstants } from '../../model/constants.js';
import type { FloodScenario } from '../../model/flood.js';
import { DEFAULT_POLICY, type RateLimitPolicy } from '../../model/token-bucket.js';
import { simulateAggregated } from '../../model/vdos-aggregate.js';
import { draftBound, tokenBucketBound } from '../../model/vdos-bounds.js';
import { floodCost } from '../../model/vdos-cost.js';
import { AdmissionPipeline } from '../pipeline/admission.js';
import { framesOf, pipelineSetupOf, type Frame } from '../pipeline/traffic.js';
import { measureRuns } from './measure.js';

/** One flood factor: measured and predicted ratios. */
export interface FloodRow {
  readonly flood_factor: number;
  readonly n: number;
  readonly packets: number;
  /** Measured honest CPU of the same N vantages, µs per vantage per second, no rate limit: the baseline. */
  readonly baseline_us_per_vantage_s: number;
  readonly measured_ratio_no_rl: number;
  readonly measured_ratio_with_rl: number;
  readonly model_ratio_no_rl: number;
  readonly model_ratio_with_rl: number;
  readonly draft_bound: number;
  readonly token_bucket_bound: number;
}

/** What a flood measurement ran. */
export interface FloodMeasurement {
  readonly t_tick_ms: number;
  readonly duration_s: number;
  readonly policy: RateLimitPolicy;
  readonly rows: readonly FloodRow[];
}

/** Packets per run the vantage count is chosen for. */
const PACKET_BUDGET = 120_000;

function cpuUsPerVantageSecond(
  frames: readonly Frame[],
  s: FloodScenario,
  policy: RateLimitPolicy | null,
  runs: number,
) {
  const w = pipelineSetupOf(s.n);
  let p = new AdmissionPipeline({ ...w, policy, tickMs: s.tickMs });
  return measureRuns(
    `flood ${s.floodFactor}`,
    () => void (p = new AdmissionPipeline({ ...w, policy, tickMs: s.tickMs })),
    () => {
      for (const f of frames)
        if (f.path === 0) p.admitSnapshot(f.vantage, f.bytes, f.tUs);
        else p.admitPush(f.bytes, f.tUs);
    },
    runs,
  ).then((t) => (t.median_ms * 1000) / ((s.durationTicks * s.tickMs) / 1000) / s.n);
}

/** Measures each flood factor; ON_ROW reports progress. */
export async function measureFloods(
  c: CostConstants,
  factors: readonly number[],
  o: { tickMs?: number; durationTicks?: number; runs?: number; onRow?: (r: FloodRow) => void } = {},
): Promise<FloodMeasurement> {
  const tickMs = o.tickMs ?? 50;
  const durationTicks = o.durationTicks ?? 60;
  const runs = o.runs ?? 3;
  const policy = DEFAULT_POLICY;
  const vantagesFor = (f: number) => Math.max(1, Math.min(1000, Math.floor(PACKET_BUDGET / (2 * f * durationTicks))));
  const rows: FloodRow[] = [];
  for (const f of factors) {
    const n = vantagesFor(f);
    const s: FloodScenario = { n, tickMs, coalition: n, floodFactor: f, durationTicks };
    const honest: FloodScenario = { ...s, coalition: 0, floodFactor: 1 };
    // draft §4.3: JOINT_baseline is the same N vantages, unattacked, no rate limit; a small run is repeated more.
    const baseline = await cpuUsPerVantageSecond(
      framesOf(pipelineSetupOf(n), honest),
      honest,
      null,
      Math.min(200, Math.max(runs, Math.ceil((runs * f) / 4))),
    );
    const frames = framesOf(pipelineSetupOf(n), s);
    const none = await cpuUsPerVantageSecond(frames, s, null, runs);
    const limited = await cpuUsPerVantageSecond(frames, s, policy, runs);
    const model = (p: RateLimitPolicy | null) =>
      floodCost(s, simulateAggregated(s, p), c, { rateLimited: p !== null }).ratio;
    const row: FloodRow = {
      flood_factor: f,
      n,
      packets: frames.length,
      baseline_us_per_vantage_s: baseline,
      measured_ratio_no_rl: none / baseline,
      measured_ratio_with_rl: limited / baseline,
      model_ratio_no_rl: model(null),
      model_ratio_with_rl: model(policy),
      draft_bound: draftBound(s, policy, c),
      token_bucket_bound: tokenBucketBound(s, policy, c),
    };
    rows.push(row);
    o.onRow?.(row);
  }
  return { t_tick_ms: tickMs, duration_s: (durationTicks * tickMs) / 1000, policy, rows };
}
