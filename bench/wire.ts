/**
 * `npm run bench:wire`: the broker over the wire in one run (issue 20): a broker process and a
 * load-generator process, the measured-against-predicted grid per path (draft §3.2) with its stage
 * ledger, c_xdp measured by the kernel (draft §4.1), and the T-VDOS-1 flood curves (draft §4.3)
 * with no limit, the user-space limit and the XDP limit, with honest-loss counts. `-- --json`
 * prints the bench-wire-v1 document (validated first), `-- --quick` the same document in under
 * five minutes, `-- --constants FILE` predicts with FILE instead of calibrating first. Without
 * root or XDP: one line says so and the XDP rows are absent. Every process it starts is ended,
 * also on Ctrl-C; speed is measured here, never asserted in tests.
 */
import { Command } from 'commander';
import { calibrate } from '../src/calibrate/calibrate.js';
import { progress, progressDone, note, printJson } from '../src/cli/output.js';
import { loadConstants } from '../src/lib/constants.js';
import { EXIT } from '../src/lib/errors.js';
import { assertFinite } from '../src/lib/finite.js';
import { oneLine } from '../src/lib/one-line.js';
import { assertValid } from '../src/lib/schemas.js';
import type { BenchWireDoc } from '../src/wire/document.js';
import { benchPlan, runBench } from '../src/wire/run-bench.js';
import { LIVE_PROCESSES } from '../src/wire/session.js';
import { wireTable } from '../src/wire/table.js';

const o = new Command('bench:wire')
  .option('--json', 'one JSON document on stdout (schemas/bench-wire-v1.schema.json)')
  .option('--quick', 'short windows (the same document in under five minutes)')
  .option('--constants <file>', 'predict with these constants instead of calibrating first')
  .parse(process.argv)
  .opts<{ json?: boolean; quick?: boolean; constants?: string }>();

let interrupted = false;
const onSignal = (sig: NodeJS.Signals) => {
  interrupted = true;
  note(`bench:wire: ${sig}, ending the broker and generator`);
  for (const p of LIVE_PROCESSES) p.killNow(); // by pid; pending requests then fail and finally blocks clean up
  setTimeout(() => process.exit(130), 15_000).unref(); // the namespace helper's cleanup has this long
};
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

try {
  const say = (line: string) => progress(line);
  const draft = loadConstants().constants_us;
  const calibrated = o.constants
    ? loadConstants(o.constants).constants_us
    : (await calibrate({ budget: { timeMs: 150, warmupMs: 50, minSamples: 10 }, onProgress: say })).constants
        .constants_us;
  const doc = await runBench(benchPlan(o.quick === true), { draft, calibrated }, say, (line) => {
    progressDone();
    note(line);
  });
  progressDone();
  assertFinite(doc, 'bench:wire', 'internal');
  assertValid<BenchWireDoc>('bench-wire-v1', doc, 'bench:wire document');
  if (o.json) printJson(doc);
  else process.stdout.write(wireTable(doc));
} catch (e) {
  progressDone();
  for (const p of LIVE_PROCESSES) p.killNow();
  process.stderr.write(`bench:wire: ${oneLine(String((e as Error).message))}\n`);
  process.exitCode = interrupted ? 130 : (e as Error).name === 'InputError' ? EXIT.usage : EXIT.internal;
}
