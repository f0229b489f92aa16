/**
 * `perfsec vectors verify FILE` runs a conformance-vector file against the model;
 * `perfsec vectors export` regenerates the project's vector files.
 */
import type { Command } from 'commander';
import { EXIT } from '../../lib/errors.js';
import { relativeToRoot } from '../../lib/paths.js';
import { DEFAULT_VECTORS_DIR, exportVectors, verifyVectors } from '../../vectors/index.js';
import { outputFolder } from '../options.js';
import { printJson, say } from '../output.js';

/** Registers the command. */
export function registerVectors(program: Command): void {
  const vectors = program.command('vectors').description('conformance vectors (Wycheproof-style JSON)');
  vectors
    .command('verify')
    .description('run a vectors file against the model and report each tcId')
    .argument('<file>', 'a vectors file, e.g. spec/vectors/t-jcost-1.json')
    .option('--json', 'print one JSON document')
    .action((file: string, o: { json?: boolean }) => {
      const r = verifyVectors(file);
      process.exitCode = r.failed === 0 ? EXIT.ok : EXIT.failed;
      if (o.json) {
        printJson(r);
        return;
      }
      for (const t of r.results)
        say(
          `${t.ok ? 'ok  ' : 'FAIL'}  tcId ${String(t.tcId).padEnd(4)} ${t.result.padEnd(10)} ` +
            `${t.comment}${t.ok ? '' : `: ${t.detail}`}`,
        );
      say(`${r.algorithm}: ${r.passed}/${r.passed + r.failed} vectors pass`);
    });
  vectors
    .command('export')
    .description('regenerate every vectors file from the model')
    .option('--out <dir>', 'output folder', outputFolder, DEFAULT_VECTORS_DIR)
    .action(async (o: { out: string }) => {
      for (const f of await exportVectors(o.out)) say(`wrote ${relativeToRoot(f)}`);
    });
  vectors.commands.forEach((c) => c.exitOverride());
}
