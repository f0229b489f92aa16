/**
 * `perfsec annotate --draft FILE --out DIR` (issue 21): the draft itself, with every claim of the audit marked
 * where it stands, coloured by verdict, a margin note per claim, the counterexamples as tables and a summary with
 * filters: one self-contained page, DIR/index.html (src/annotate).
 */
import type { Command } from 'commander';
import { annotate } from '../../annotate/annotate.js';
import { runSettings } from '../../lib/seed.js';
import { outputFolder, runsOption, seedOption } from '../options.js';
import { progress, progressDone, say } from '../output.js';

/** Runs per statement in the page's audit (as `perfsec audit`). */
const ANNOTATE_RUNS = 25;

interface Options {
  draft: string;
  out: string;
  seed?: number;
  runs?: number;
}

/** Registers the command. */
export function registerAnnotate(program: Command): void {
  program
    .command('annotate')
    .description(
      'write the draft annotated with every audited claim (marked at its lines, coloured by verdict, a note each), ' +
        'its counterexamples and a summary: one self-contained HTML page',
    )
    .requiredOption('--draft <file>', 'the draft text (draft-melegassi-mvps-perfsec-coupling-00.txt)')
    .requiredOption('--out <dir>', 'folder to write index.html into', outputFolder)
    .option('--seed <S>', 'seed of the audit searches (default: PERFSEC_SEED, else random; printed)', seedOption)
    .option('--runs <N>', `runs per statement (default: PERFSEC_RUNS, else ${ANNOTATE_RUNS})`, runsOption)
    .action(async (o: Options) => {
      const settings = runSettings();
      const seed = o.seed ?? settings.seed;
      const runs = o.runs ?? settings.numRuns ?? ANNOTATE_RUNS;
      const onAudit = () => progress(`perfsec annotate: auditing at seed ${seed}, ${runs} runs per statement`);
      const w = await annotate(o.draft, o.out, { seed, runs, onAudit });
      progressDone();
      say(`wrote ${w.file}: ${w.claims} claims marked, ${w.counterexamples} counterexamples`);
    });
}
