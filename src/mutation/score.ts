/**
 * `npm run mutation:score`: the mutation score of model/ from the StrykerJS JSON reports.
 *
 * The full run (`npm run mutation`) writes reports/mutation/all.json; a group run
 * (PERFSEC_MUTATION_GROUP=rc npm run mutation) writes reports/mutation/rc.json. Where a model file
 * appears in several reports the newest report wins, so re-running one group updates its files only.
 * Metrics come from mutation-testing-metrics (the library behind Stryker's own report).
 */
import { relative } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { calculateMetrics } from 'mutation-testing-metrics';
import { projectPath } from '../lib/paths.js';
import { collectResults, groupOf, modelFiles, reportNames, type Sourced } from './reports.js';
/** Mutation score over detected + undetected mutants, as Stryker computes it (percent). */
function score(killed: number, valid: number): number {
  return valid === 0 ? 100 : (100 * killed) / valid;
}

function main(argv: string[]): number {
  const opts = new Command('mutation-score')
    .description('mutation score of model/ from the StrykerJS reports in reports/mutation/')
    .option('--survivors', 'list every surviving and uncovered mutant')
    .option('--json', 'print the metrics as JSON')
    .option('--min <percent>', 'exit 1 when the total score is below this', (v) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('a percentage from 0 to 100');
      return n;
    })
    .parse(argv, { from: 'user' })
    .opts<{ survivors?: boolean; json?: boolean; min?: number }>();
  const root = projectPath('.');
  const dir = projectPath('reports/mutation');
  let results: Map<string, Sourced>;
  try {
    results = collectResults(dir, root);
  } catch (e) {
    process.stderr.write(
      `mutation-score: cannot read the reports in ${relative(root, dir)}: ${(e as Error).message}\n`,
    );
    return 2;
  }
  const files = Object.fromEntries([...results].map(([k, v]) => [k, v.file]));
  const metrics = calculateMetrics(files);
  // A file absent from every report either has no mutants (types only, or only ignored static code)
  // or was never run: it was run when the full report or its group's report exists.
  const ran = reportNames(dir);
  const missing = modelFiles(root).filter((f) => !results.has(f) && !ran.has('all') && !ran.has(groupOf(f) ?? ''));
  const rows = [...results]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, src]) => {
      const m = calculateMetrics({ [name]: src.file }).metrics;
      return {
        file: name,
        report: src.report,
        killed: m.totalDetected,
        valid: m.totalValid,
        score: score(m.totalDetected, m.totalValid),
      };
    });
  const total = metrics.metrics;
  const survivors = Object.entries(files).flatMap(([file, res]) =>
    res.mutants
      .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
      .map((m) => ({
        file,
        line: m.location.start.line,
        status: m.status,
        mutator: m.mutatorName,
        replacement: m.replacement ?? '',
      })),
  );
  const summary = {
    score: score(total.totalDetected, total.totalValid),
    detected: total.totalDetected,
    valid: total.totalValid,
    survived: total.survived,
    noCoverage: total.noCoverage,
    timeout: total.timeout,
    ignored: total.ignored,
    missing,
  };
  if (opts.json) {
    process.stdout.write(
      `${JSON.stringify({ ...summary, files: rows, survivors: opts.survivors ? survivors : undefined }, null, 2)}\n`,
    );
  } else {
    for (const r of rows)
      process.stdout.write(
        `${r.score.toFixed(1).padStart(6)} %  ${String(r.killed).padStart(4)}/${String(r.valid).padEnd(4)} ` +
          `${r.file}  (${r.report})\n`,
      );
    if (opts.survivors)
      for (const s of survivors)
        process.stdout.write(
          `${s.status} ${s.file}:${s.line} ${s.mutator} -> ${s.replacement.replace(/\s+/g, ' ').slice(0, 100)}\n`,
        );
    for (const f of missing) process.stdout.write(`   not measured  ${f}\n`);
    process.stdout.write(
      `total ${summary.score.toFixed(2)} % (${summary.detected} detected of ${summary.valid}; ` +
        `${summary.survived} survived, ${summary.noCoverage} uncovered, ` +
        `${summary.timeout} timed out, ${summary.ignored} ignored)\n`,
    );
  }
  if (opts.min !== undefined && (summary.score < opts.min || missing.length > 0)) return 1;
  return 0;
}

process.exitCode = main(process.argv.slice(2));
