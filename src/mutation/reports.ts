/**
 * The StrykerJS reports of model/ and the groups a mutation run can be narrowed to
 * (stryker.config.mjs): which report holds each file's newest result, which files a run covered.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { minimatch } from 'minimatch';
import type { FileResult, MutationTestResult } from 'mutation-testing-report-schema';
// @ts-expect-error -- the Stryker config is plain JavaScript; its group table is read as data
import { MUTATION_GROUPS as GROUPS } from '../../stryker.config.mjs';

/** The groups of model files a group run mutates (stryker.config.mjs). */
export const MUTATION_GROUPS = GROUPS as Readonly<Record<string, readonly string[]>>;

/** The group whose patterns match a model file, or undefined when none does. */
export function groupOf(file: string): string | undefined {
  return Object.keys(MUTATION_GROUPS).find((g) => MUTATION_GROUPS[g]!.some((pat) => minimatch(file, pat)));
}

/** One model file's result, with the report it came from. */
export interface Sourced {
  file: FileResult;
  report: string;
  mtimeMs: number;
}

/** Reads every StrykerJS JSON report in `dir` and keeps the newest result for each file. */
export function collectResults(dir: string, root: string): Map<string, Sourced> {
  const byFile = new Map<string, Sourced>();
  const reports = readdirSync(dir).filter((n) => n.endsWith('.json') && !n.endsWith('.incremental.json'));
  for (const name of reports) {
    const path = join(dir, name);
    const { mtimeMs } = statSync(path);
    const result = JSON.parse(readFileSync(path, 'utf8')) as MutationTestResult;
    for (const [file, res] of Object.entries(result.files)) {
      const key = file.startsWith('/') ? relative(root, file) : file; // reports may hold absolute paths
      const seen = byFile.get(key);
      if (seen === undefined || seen.mtimeMs < mtimeMs) byFile.set(key, { file: res, report: name, mtimeMs });
    }
  }
  return byFile;
}

/** Lists the TypeScript files of model/ (the scope of `npm run mutation`). */
export function modelFiles(root: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(join(root, d), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.ts') ? [join(d, e.name)] : [],
    );
  return walk('model').sort();
}

/** Names of the reports in `dir` (without .json): 'all' and the groups that were run. */
export function reportNames(dir: string): Set<string> {
  return new Set(
    readdirSync(dir)
      .filter((n) => n.endsWith('.json') && !n.endsWith('.incremental.json'))
      .map((n) => n.slice(0, -5)),
  );
}
