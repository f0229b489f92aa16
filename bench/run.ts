/**
 * `npm run bench`: the admission pipeline measured in one run (tinybench): per-stage and end-to-end
 * packets/s on one core; the admission-path candidates (every HMAC-SHA256 primitive, checked
 * correct first, alone and in path B end to end, and both BFD parsers: process CPU ns per operation,
 * src/calibrate/admission-candidates.ts); measured JOINT against the T-JCOST-1 prediction (draft
 * §3.2) with calibrated constants; attacked / baseline CPU with and without the rate limit against the
 * T-VDOS-1 bound (draft §4.3) at several flood factors; the aggregated simulator's Regime D time.
 * `-- --json` prints one JSON document; `-- --quick` shortens every budget. Speed is measured
 * here, never asserted in tests. (`npm run bench:models` runs the vitest benches of the models.)
 */
import { Command } from 'commander';
import { calibrate, machine } from '../src/calibrate/calibrate.js';
import { measureAdmissionCandidates } from '../src/calibrate/admission-candidates.js';
import { measureFloods } from '../src/calibrate/flood-measure.js';
import { measureJoint } from '../src/calibrate/joint-measure.js';
import { measureRuns } from '../src/calibrate/measure.js';
import { measureStages } from '../src/calibrate/stages.js';
import { loadConstants } from '../src/lib/constants.js';
import { progress, progressDone } from '../src/cli/output.js';
import { DEFAULT_POLICY } from '../model/token-bucket.js';
import { simulateAggregated } from '../model/vdos-aggregate.js';
import { benchTable } from './table.js';

const o = new Command('bench')
  .option('--json', 'one JSON document on stdout')
  .option('--quick', 'short budgets')
  .option('--constants <file>', 'predict with these constants instead of calibrating first')
  .parse(process.argv)
  .opts<{ json?: boolean; quick?: boolean; constants?: string }>();
const tell = (line: string) => {
  if (process.stderr.isTTY) progress(line);
};
const budget = o.quick ? { timeMs: 100, warmupMs: 30, minSamples: 10 } : { timeMs: 500, warmupMs: 100, minSamples: 20 };
const runs = o.quick ? 2 : 3;

const host = machine(); // before the bench loads the cores
const draft = loadConstants();
const calibrated = o.constants ? loadConstants(o.constants) : (await calibrate({ budget, onProgress: tell })).constants;
const c = calibrated.constants_us;
const stages = await measureStages(budget, (t) => tell(`stage: ${t.name}`));
// 14 workloads in 3 or 5 rounds: about 6 s quick, 20 s otherwise
const candidates = measureAdmissionCandidates(
  { timeMs: o.quick ? 100 : 250, warmupMs: o.quick ? 30 : 50, minSamples: 1 },
  o.quick ? 3 : 5,
  (r) => tell(`candidates: round ${r}`),
);
tell('JOINT: one second of N = 1000, T_tick = 50 ms');
const jointRegime = await measureJoint({ n: 1000, tickMs: 50, q: 2, bundlePeriodTicks: 10, cellsK: 8 }, c, 1, runs);
const floods = await measureFloods(c, o.quick ? [1, 4, 64, 1024] : [1, 4, 16, 64, 256, 1024], {
  runs,
  durationTicks: o.quick ? 20 : 60,
  onRow: (r) => tell(`flood ${r.flood_factor}: ratio ${r.measured_ratio_with_rl.toFixed(2)} with rate limit`),
});
const regimeD = { n: 100_000, tickMs: 50, coalition: 100_000, floodFactor: 1024, durationTicks: 1200 };
const regimeDTime = await measureRuns(
  'aggregated simulator, Regime D (N = 100 000, flood 1024, 60 s)',
  () => undefined,
  () => simulateAggregated(regimeD, DEFAULT_POLICY),
  o.quick ? 3 : 5,
);
progressDone();

const byName = (prefix: string) => stages.find((t) => t.name.startsWith(prefix))!;
const goalUs = (draft.constants_us.c_xdp + draft.constants_us.c_bfd_parse + draft.constants_us.c_hmac) / 2;
const doc = {
  machine: host,
  constants: { draft: draft.constants_us, calibrated: c, calibrated_source: calibrated.source },
  stages,
  goal: {
    what: 'path B per packet <= (c_xdp + c_bfd_parse + c_hmac) / 2 with the draft §1.3 constants',
    limit_us: goalUs,
    measured_us: byName('B  end').median_us,
    met: byName('B  end').median_us <= goalUs,
  },
  admission_candidates: candidates,
  joint: jointRegime,
  floods,
  regime_d: { scenario: regimeD, ...regimeDTime },
};
if (o.json) process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
else process.stdout.write(benchTable(doc));
