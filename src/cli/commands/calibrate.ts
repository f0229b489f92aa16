/**
 * `perfsec calibrate`: the draft §1.3 constants measured on this machine, written as a constants
 * file for --constants FILE (src/calibrate/calibrate.ts).
 */
import type { Command } from 'commander';
import { CONSTANT_NAMES } from '../../../model/constants.js';
import { calibrate, calibrationPlan, checkCalibrationPlan, type CalibrateOptions } from '../../calibrate/calibrate.js';
import { DEFAULT_BUDGET } from '../../calibrate/measure.js';
import { loadConstants } from '../../lib/constants.js';
import { writeJsonAtomic } from '../../lib/json-file.js';
import { domainInt, outputFile } from '../options.js';
import { printJson, progress, progressDone, row, say } from '../output.js';

/** Planned seconds above which progress is printed on any stderr, not only a terminal. */
const LONG_RUN_S = 30;

interface Options {
  out?: string;
  json?: boolean;
  timeMs: number;
  samples: number;
  vantages: number;
  candidates?: boolean;
}

/** Registers the command. */
export function registerCalibrate(program: Command): void {
  program
    .command('calibrate')
    .description("measure the draft §1.3 constants on this machine with the project's codecs and crypto")
    .option('--out <file>', 'write the constants file (schemas/constants-v1.schema.json) here', outputFile)
    // Flags within their documented domains (src/lib/domains.ts); the whole run within its budgets
    // (src/lib/work-budget.ts).
    .option('--time-ms <ms>', 'sampling time per constant, ms', domainInt('time_ms'), DEFAULT_BUDGET.timeMs)
    .option('--samples <n>', 'at least this many samples per constant', domainInt('samples'), DEFAULT_BUDGET.minSamples)
    .option('--vantages <N>', 'vantages in the rate-limit table for c_xdp', domainInt('vantages'), 100_000)
    .option('--candidates', 'also time the primitives the pipeline chose between')
    .option('--json', 'print one JSON document')
    .action(async (o: Options) => {
      const options: CalibrateOptions = {
        budget: { timeMs: o.timeMs, warmupMs: Math.max(10, Math.round(o.timeMs / 4)), minSamples: o.samples },
        vantages: o.vantages,
        candidates: o.candidates ?? false,
      };
      const plan = calibrationPlan(options);
      checkCalibrationPlan(plan);
      // issue 16: a run of more than LONG_RUN_S seconds reports progress even when stderr is not a terminal.
      const talk = process.stderr.isTTY || plan.seconds > LONG_RUN_S;
      const c = await calibrate({
        ...options,
        onProgress: (line) => {
          if (talk) progress(line);
        },
      });
      progressDone();
      if (o.out) await writeJsonAtomic(o.out, c.constants);
      if (o.json) {
        printJson({ ...c, written: o.out ?? null });
        return;
      }
      const draft = loadConstants().constants_us;
      say(`draft §1.3 constants measured on ${c.machine.cpu}, ${c.machine.cores} cores, node ${c.machine.node}`);
      const w = [12, 12, 12, 12, 10];
      say(row(['constant', 'median µs', 'p10 µs', 'p90 µs', 'draft µs', 'measured / draft'], w));
      for (const k of CONSTANT_NAMES) {
        const t = c.timings[k];
        say(
          row(
            [
              k,
              c.constants.constants_us[k].toString(),
              t.p10_us.toPrecision(4),
              t.p90_us.toPrecision(4),
              draft[k].toString(),
              (c.constants.constants_us[k] / draft[k]).toFixed(2),
            ],
            w,
          ),
        );
      }
      if (c.candidates.length > 0) say('candidates the pipeline chose between: ns/op median (p10-p90)');
      const ns = (us: number) => Math.round(us * 1000).toString();
      for (const t of c.candidates)
        say(`  ${ns(t.median_us).padStart(8)} ns/op (${ns(t.p10_us)}-${ns(t.p90_us)})  ${t.name}`);
      say(o.out ? `wrote ${o.out}` : 'not written (use --out FILE, then --constants FILE with any command)');
    });
}
