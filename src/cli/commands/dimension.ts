/**
 * `perfsec dimension`: JOINT for one deployment (draft §3.2), per path, and the cores it needs.
 */
import type { Command } from 'commander';
import type { Deployment } from '../../../model/deployment.js';
import { joint, PATHS, US_PER_CORE_SECOND, type PathName } from '../../../model/joint-cost.js';
import { loadConstants } from '../../lib/constants.js';
import { nonNegativeInt, positiveInt, positiveNumber } from '../options.js';
import { printJson, row, say } from '../output.js';

const WHAT: Record<PathName, string> = {
  A: 'CWT snapshot (decode + HMAC)',
  B: 'BFD push (parse + HMAC)',
  C: 'witness cosignatures (q Ed25519)',
};

interface Options { n: number; tickMs: number; q: number; cells: number; bundlePeriod: number; constants?: string; json?: boolean }

/** Registers the command. */
export function registerDimension(program: Command): void {
  program
    .command('dimension')
    .description('broker CPU for a deployment: JOINT per path (draft §3.2) and the cores needed')
    .requiredOption('--n <N>', 'number of admitted vantages', positiveInt)
    .requiredOption('--tick-ms <ms>', 'control-tick period T_tick in milliseconds', positiveNumber)
    .option('--q <q>', 'witness quorum (cosignatures verified per bundle)', nonNegativeInt, 2)
    .option('--cells <k>', 'number of coherence cells cells_k', positiveInt, 8)
    .option('--bundle-period <ticks>', 'bundle_period_ticks', positiveInt, 10)
    .option('--constants <file>', 'constants file (default: the draft §1.3 values)')
    .option('--json', 'print one JSON document')
    .action((o: Options) => {
      const constants = loadConstants(o.constants);
      const d: Deployment = { n: o.n, tickMs: o.tickMs, q: o.q, bundlePeriodTicks: o.bundlePeriod, cellsK: o.cells };
      const j = joint(d, constants.constants_us);
      const dominant = PATHS.reduce((a, b) => (j.paths[b].usPerSecond > j.paths[a].usPerSecond ? b : a));
      const headroomCores = j.coresNeeded - j.usPerSecond / US_PER_CORE_SECOND;
      if (o.json) {
        printJson({
          theorem: 'T-JCOST-1', section: '§3.2', deployment: d, constants_source: constants.file, constants_us: constants.constants_us,
          paths: Object.fromEntries(PATHS.map((p) => [p, { what: WHAT[p], ...j.paths[p], pctOneCore: (j.paths[p].usPerSecond / US_PER_CORE_SECOND) * 100 }])),
          joint_us_per_s: j.usPerSecond, joint_pct_one_core: j.pctOneCore, cores_needed: j.coresNeeded, headroom_cores: headroomCores, dominant_path: dominant,
        });
        return;
      }
      say(`JOINT (draft §3.2) at N=${d.n}, T_tick=${d.tickMs} ms, q=${d.q}, cells_k=${d.cellsK}, bundle_period_ticks=${d.bundlePeriodTicks}`);
      say(`constants: ${constants.file} (${constants.source})`);
      const w = [5, 34, 12, 10, 14];
      say(row(['path', 'what', 'ops/s', 'µs/op', 'µs CPU/s', '% one core'], w));
      for (const p of PATHS) {
        const c = j.paths[p];
        say(row([p, WHAT[p], fmt(c.opsPerSecond), c.usPerOp.toFixed(2), fmt(c.usPerSecond), pct(c.usPerSecond)], w));
      }
      say(row(['JOINT', '', '', '', fmt(j.usPerSecond), pct(j.usPerSecond)], w));
      say(`cores needed: ${j.coresNeeded} (headroom ${headroomCores.toFixed(2)} core); dominant path: ${dominant} (${WHAT[dominant]})`);
    });
}

function fmt(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function pct(us: number): string {
  return ((us / US_PER_CORE_SECOND) * 100).toFixed(3);
}
