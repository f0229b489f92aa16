/**
 * The short table `npm run bench` prints (bench/run.ts builds the document).
 */
import type { Machine } from '../src/calibrate/calibrate.js';
import type { AdmissionCandidates } from '../src/calibrate/admission-candidates.js';
import type { FloodMeasurement } from '../src/calibrate/flood-measure.js';
import type { JointMeasurement } from '../src/calibrate/joint-measure.js';
import type { RunTiming, Timing } from '../src/calibrate/measure.js';
import type { CostConstants } from '../model/constants.js';
import { CONSTANT_NAMES } from '../model/constants.js';

/** What the table shows. */
export interface BenchDoc {
  readonly machine: Machine;
  readonly constants: {
    readonly draft: CostConstants;
    readonly calibrated: CostConstants;
    readonly calibrated_source: string;
  };
  readonly stages: readonly Timing[];
  readonly goal: { readonly limit_us: number; readonly measured_us: number; readonly met: boolean };
  readonly admission_candidates: AdmissionCandidates;
  readonly joint: JointMeasurement;
  readonly floods: FloodMeasurement;
  readonly regime_d: RunTiming;
}

const n = (x: number, d = 2) => x.toFixed(d);
const k = (x: number) => Math.round(x).toLocaleString('en-US');

/** Markdown-friendly text tables. */
export function benchTable(b: BenchDoc): string {
  const out: string[] = [];
  out.push(
    `machine: ${b.machine.cpu}, ${b.machine.cores} cores, node ${b.machine.node} (${b.machine.platform}), ` +
      `load average ${b.machine.loadavg_1m} at start`,
    '',
  );
  out.push('| constant | draft µs | calibrated µs |', '|---|---:|---:|');
  for (const c of CONSTANT_NAMES) out.push(`| ${c} | ${b.constants.draft[c]} | ${b.constants.calibrated[c]} |`);
  out.push('', '| stage (one core) | µs/op median | p10-p90 | ops/s |', '|---|---:|---:|---:|');
  for (const t of b.stages)
    out.push(
      `| ${t.name} | ${t.median_us.toPrecision(4)} | ` +
        `${t.p10_us.toPrecision(3)}-${t.p90_us.toPrecision(3)} | ${k(t.ops_per_s)} |`,
    );
  out.push(
    '',
    `goal (path B per packet <= half the draft's c_xdp + c_bfd_parse + c_hmac = ${n(b.goal.limit_us, 3)} µs): ` +
      `measured ${n(b.goal.measured_us, 3)} µs, ${b.goal.met ? 'met' : 'NOT met'}`,
  );
  const a = b.admission_candidates;
  const chosenHmac = a.chosen.hmac.replace(/^.*: /, '');
  out.push(
    '',
    `admission-path candidates (${a.rounds} interleaved rounds; ` +
      'HMAC ones checked against RFC 4231 and createHmac first)',
    `${a.measure}`,
    '| candidate | CPU ns/op | best round | wall ns/op | in the pipeline |',
    '|---|---:|---:|---:|:---:|',
  );
  for (const r of a.rows)
    out.push(
      `| ${r.name} | ${r.ns_per_op} | ${r.best_ns_per_op} | ${r.wall_ns_per_op} | ` +
        `${r.name === a.chosen.hmac || r.name === a.chosen.parse || r.name.endsWith(chosenHmac) ? 'yes' : ''} |`,
    );
  out.push(
    `speed-up over createHmac per packet: ${n(a.hmac_speedup_vs_create_hmac)}x the HMAC alone, ` +
      `${n(a.path_b_speedup_vs_create_hmac)}x path B end to end; ` +
      `zero-copy parse ${n(a.parse_speedup_vs_decode)}x decodeBfd`,
  );
  const j = b.joint;
  out.push(
    '',
    `JOINT (draft §3.2) at N=${j.deployment.n}, T_tick=${j.deployment.tickMs} ms, q=${j.deployment.q}: ` +
      'measured vs predicted with calibrated constants',
    '| path | measured µs CPU/s | predicted µs CPU/s | measured / predicted |',
    '|---|---:|---:|---:|',
  );
  for (const p of ['A', 'B', 'C'] as const)
    out.push(
      `| ${p} | ${k(j.paths[p].measured_us_per_s)} | ${k(j.paths[p].predicted_us_per_s)} | ${n(j.paths[p].ratio)} |`,
    );
  out.push(`| JOINT | ${k(j.measured_us_per_s)} | ${k(j.predicted_us_per_s)} | ${n(j.ratio)} |`);
  const f = b.floods;
  out.push(
    '',
    `T-VDOS-1 (draft §4.3): attacked / baseline CPU, every vantage flooding, T_tick=${f.t_tick_ms} ms, ` +
      `${f.duration_s} s, rate_limit_factor ${f.policy.rateLimitFactor}, burst_factor ${f.policy.burstFactor}`,
  );
  out.push(
    '| flood | measured no RL | model no RL | measured with RL | ' +
      'model with RL | draft §4.3 bound | token-bucket bound |',
    '|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const r of f.rows)
    out.push(
      `| ${r.flood_factor} | ${n(r.measured_ratio_no_rl)} | ${n(r.model_ratio_no_rl)} | ` +
        `${n(r.measured_ratio_with_rl)} | ${n(r.model_ratio_with_rl)} | ` +
        `${n(r.draft_bound)} | ${n(r.token_bucket_bound)} |`,
    );
  out.push(
    '',
    `aggregated simulator, Regime D (N = 100 000, flood 1024, 60 s): ` +
      `${n(b.regime_d.median_ms, 1)} ms median of ${b.regime_d.runs}`,
    '',
  );
  return out.join('\n');
}
