/**
 * `perfsec validate`: runs every check of the validator, one line each, ending `N/N PASS` (the project's own
 * checks) and, on the next line, the draft's standing (issue 18, Deliver 5: a PASS is never the draft's verdict).
 */
import type { Command } from 'commander';
import { EXIT } from '../../lib/errors.js';
import { runSettings } from '../../lib/seed.js';
import { CHECKS } from '../../validate/index.js';
import { runChecks } from '../../validate/registry.js';
import { runAudit } from '../../audit/audit.js';
import { draftStanding, standingLine } from '../../audit/standing.js';
import { runsOption, seedOption } from '../options.js';
import { printJson, progress, progressDone, say } from '../output.js';

/** Runs per claim in validate's short searches (deep searches: perfsec search). */
export const VALIDATE_RUNS = 25;

/** Registers the command. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('run every check of the validator; exit 0 iff all pass')
    .option('--seed <S>', 'seed of the short searches (default: PERFSEC_SEED, else random; printed)', seedOption)
    .option(
      '--runs <N>',
      `runs per claim in the short searches (default: PERFSEC_RUNS, else ${VALIDATE_RUNS})`,
      runsOption,
    )
    .option('--json', 'print one JSON document')
    .action(async (o: { seed?: number; runs?: number; json?: boolean }) => {
      const settings = runSettings();
      const ctx = { seed: o.seed ?? settings.seed, runs: o.runs ?? settings.numRuns ?? VALIDATE_RUNS };
      process.stderr.write(`perfsec validate: seed ${ctx.seed}, ${ctx.runs} runs per claim in searches\n`);
      // issue 16: with --json the result comes at the end, so each finished check is a progress line on stderr.
      const outcomes = await runChecks(
        CHECKS,
        ctx,
        o.json
          ? (r) => progress(`perfsec validate: ${r.pass ? 'PASS' : 'FAIL'} ${r.id}`)
          : (r) => {
              say(`${r.pass ? 'PASS' : 'FAIL'}  ${r.id.padEnd(38)} ${r.section.padEnd(7)} ${r.title}: ${r.detail}`);
            },
      );
      const passed = outcomes.filter((r) => r.pass).length;
      process.exitCode = passed === outcomes.length ? EXIT.ok : EXIT.failed;
      const draft = draftStanding(runAudit(ctx.seed, ctx.runs));
      if (o.json) {
        progressDone();
        printJson({ seed: ctx.seed, runs: ctx.runs, passed, total: outcomes.length, checks: outcomes, draft });
      } else {
        say(`${passed}/${outcomes.length} PASS: the project's own checks (models, searches, receipts, vectors)`);
        say(standingLine(draft));
      }
    });
}
