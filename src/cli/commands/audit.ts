/**
 * `perfsec audit`: every claim of the draft computed from the models, one verdict each, a summary
 * line with the errata (one per root cause, spec/errata.json); --markdown writes docs/ERRATA.md for the
 * draft's author; --json prints the audit, the errata and their symptoms (schemas/audit-v1.schema.json).
 * Problems of the errata mapping (a finding no erratum lists, a stale erratum, an anchor out of its lines)
 * are notes on stderr; test/errata.test.ts fails on them.
 */
import type { Command } from 'commander';
import { writeJsonAtomic, writeTextAtomic } from '../../lib/json-file.js';
import { projectPath, relativeToRoot } from '../../lib/paths.js';
import { runSettings } from '../../lib/seed.js';
import { runAudit } from '../../audit/audit.js';
import { extractionProblem } from '../../audit/coverage.js';
import { currentCoverage } from '../../audit/current-coverage.js';
import { DRAFT_SHA256, shapeProblem } from '../../audit/extract.js';
import { InputError } from '../../lib/errors.js';
import { committedExtraction, DRAFT_NUMBERS_FILE, extractFrom } from '../../audit/draft-text.js';
import { errataMarkdown } from '../../audit/errata.js';
import { checkedLine } from '../../audit/checked.js';
import { auditJson } from '../../audit/audit-json.js';
import { draftLines } from '../../audit/anchor.js';
import { errataProblems, errataView } from '../../audit/errata-checks.js';
import { loadErrataData } from '../../audit/errata-data.js';
import { draftTextFile } from '../../audit/draft-text.js';
import { readInputText } from '../../lib/read-file.js';
import { outputFile, runsOption, seedOption } from '../options.js';
import { note, printJson, progress, progressDone, say } from '../output.js';

/** The errata file `--markdown` writes by default. */
export const ERRATA_FILE = projectPath('docs', 'ERRATA.md');
/** Runs per statement in the audit's searches. */
export const AUDIT_RUNS = 25;

/**
 * `--extract FILE`: re-extracts the draft's numbers into spec/audit/draft-numbers.json. issue 16
 * "Outputs are regular files": a text that does not look like the draft (DRAFT_SHAPE in
 * src/audit/extract.ts: too few numbers or sections; an empty file has none) is refused and the
 * committed extraction stays as it was; a draft-like text other than the pinned one is written,
 * with a note, and check:spec/coverage then fails until DRAFT_SHA256 is updated with it.
 */
async function extractInto(file: string): Promise<void> {
  const extraction = extractFrom(file);
  const shape = shapeProblem(extraction);
  if (shape)
    throw new InputError(
      `${file}: does not look like the draft (${shape}); ${relativeToRoot(DRAFT_NUMBERS_FILE)} left as it was`,
    );
  await writeJsonAtomic(DRAFT_NUMBERS_FILE, extraction);
  if (extraction.draft_sha256 !== DRAFT_SHA256)
    note(
      `perfsec audit: ${file} is not the pinned draft (SHA-256 ${extraction.draft_sha256.slice(0, 12)}…): ` +
        `check:spec/coverage fails until DRAFT_SHA256 in src/audit/extract.ts is updated`,
    );
}

interface Options {
  json?: boolean;
  markdown?: string | boolean;
  seed?: number;
  runs?: number;
  extract?: string;
}

/** Registers the command. */
export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description(
      'check every claim of the draft against the models (holds, holds within rounding, holds under, refuted, ' +
        'underspecified) and list the errata, one per root cause',
    )
    .option(
      '--markdown [file]',
      `write the errata for the draft's author (default ${relativeToRoot(ERRATA_FILE)})`,
      outputFile,
    )
    .option(
      '--extract <draft.txt>',
      `re-extract the draft's table and computation numbers into ${relativeToRoot(DRAFT_NUMBERS_FILE)} first`,
    )
    .option('--seed <S>', 'seed of the statement searches (default: PERFSEC_SEED, else random; printed)', seedOption)
    .option('--runs <N>', `runs per statement (default: PERFSEC_RUNS, else ${AUDIT_RUNS})`, runsOption)
    .option('--json', 'print one JSON document')
    .action(async (o: Options) => {
      if (o.extract) await extractInto(o.extract);
      const settings = runSettings();
      const seed = o.seed ?? settings.seed;
      const runs = o.runs ?? settings.numRuns ?? AUDIT_RUNS;
      process.stderr.write(`perfsec audit: seed ${seed}, ${runs} runs per statement\n`);
      const audit = runAudit(seed, runs, (id, i, total) => progress(`perfsec audit: statement ${i}/${total} ${id}`));
      progressDone();
      const cov = currentCoverage();
      for (const e of audit.entries) if (e.drift) note(`perfsec audit: ${e.id} differs from its pin: ${e.drift}`);
      const wrong = extractionProblem(committedExtraction());
      if (wrong)
        note(
          `perfsec audit: ${relativeToRoot(DRAFT_NUMBERS_FILE)}: ${wrong} (perfsec validate fails check:spec/coverage)`,
        );
      const data = loadErrataData();
      const draft = draftTextFile();
      const problems = errataProblems(
        audit.entries,
        data,
        draft ? draftLines(readInputText(draft)) : undefined, // the anchors' words, where the text is available
      );
      for (const p of problems) note(`perfsec audit: spec/errata.json: ${p}`);
      if (o.markdown) {
        const file = typeof o.markdown === 'string' ? o.markdown : ERRATA_FILE;
        await writeTextAtomic(file, errataMarkdown(audit, cov, data));
        note(`wrote ${relativeToRoot(file)}`);
      }
      const view = errataView(audit.entries, data);
      const summary =
        `${audit.entries.length} claims: ${audit.counts.holds} hold, ` +
        `${audit.counts['holds within rounding']} hold within rounding, ` +
        `${audit.counts['holds under']} hold under, ${audit.counts.refuted} refuted, ` +
        `${audit.counts.underspecified} underspecified; ` +
        `${view.errata.length} errata (one per root cause), ${view.consequences.length} consequences to consider; ` +
        `draft numbers covered ${cov.covered.length}, left out ${cov.leftOut.length}, missing ${cov.missing.length}`;
      if (o.json) {
        printJson(auditJson(audit, cov, data, problems, summary));
        return;
      }
      for (const e of audit.entries) {
        const value =
          e.kind === 'number'
            ? `draft "${e.draft}", model ${e.model}`
            : e.counterexample
              ? `counterexample ${e.counterexample.id}`
              : '';
        say(`${e.verdict.toUpperCase().padEnd(22)} ${e.section.padEnd(7)} ${e.id.padEnd(30)} ${value}`);
        // issue 19: the scope the corrected claim is verified in, beside it
        if (e.checked) say(`${' '.repeat(31)}corrected ${e.checked.claim}: ${checkedLine(e.checked)}`);
      }
      say(summary);
    });
}
