/**
 * `perfsec report --out DIR`: the dimensioning report, an HTML page with SVG charts rendered by
 * vega-lite and vega in Node (src/report).
 */
import type { Command } from 'commander';
import { loadConstants } from '../../lib/constants.js';
import { quickMeasurement, readBench } from '../../report/measurement.js';
import { writeReport } from '../../report/report.js';
import { readWire } from '../../report/wire-doc.js';
import { outputFolder } from '../options.js';
import { progress, progressDone, say } from '../output.js';

interface Options {
  out: string;
  constants?: string;
  bench?: string;
  measure?: boolean;
  wire?: string;
}

/** Registers the command. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'write a self-contained HTML dimensioning report with SVG charts ' +
        '(JOINT against N and T_tick, T-VDOS-1 ratios, measured against predicted, the broker on the wire)',
    )
    .requiredOption('--out <dir>', 'directory to write index.html, the SVG charts and report.json into', outputFolder)
    .option(
      '--constants <file>',
      'constants file (default: the draft §1.3 values; `perfsec calibrate --out FILE` measures them)',
    )
    .option('--bench <file>', 'the measured part: a `npm run bench -- --json` document')
    .option('--measure', 'take a short measurement now for the measured charts')
    .option(
      '--wire <file>',
      'the real broker: a `npm run bench:wire -- --json` document (per-path grid, c_xdp, flood curves)',
    )
    .action(async (o: Options) => {
      const constants = loadConstants(o.constants);
      const wire = o.wire ? readWire(o.wire) : null; // before any measurement: a bad file fails fast
      const measurement = o.bench
        ? readBench(o.bench)
        : o.measure
          ? await (process.stderr.isTTY && progress('measuring the pipeline (short run)'),
            quickMeasurement(constants.constants_us))
          : null;
      progressDone();
      const w = await writeReport(o.out, constants, loadConstants(), measurement, wire);
      say(`wrote ${w.files.length} files to ${o.out}: ${w.files.join(', ')}`);
    });
}
