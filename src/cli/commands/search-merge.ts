/**
 * `perfsec search merge FILE...` (issue 19, Deliver 3): one report from the `--json` outputs of
 * `perfsec search --shard i/n` runs, wherever they ran (a CI matrix, a Kubernetes Indexed Job). Each file is read
 * as any input (regular file, 16 MiB, JSON without duplicate keys) and validated against
 * schemas/search-report-v1.schema.json; shards of another search (seed, budget, claims, commit, version), a shard
 * given twice or missing (unless --allow-partial) are refused with one line, exit 2 (src/engine/search-shards.ts).
 * Exit 1 when the merged search found a new counterexample or lost a pin, as `perfsec search` would.
 *
 * A subcommand of `search`, as the issue spells it: `search` takes a selector, never "merge" (claim ids start
 * with "T-"), so commander dispatches `search merge` first. Commander lets `search` parse its own flags before
 * the subcommand sees them, so `--json` may land on either (both are read), and a flag of `search` alone
 * (`--runs`, `--seed`, ...) given with `merge` is refused rather than silently ignored.
 */
import type { Command } from 'commander';
import type { ClaimStatus } from '../../engine/check-claim.js';
import { SEARCH_REPORT_SCHEMA, type SearchReport } from '../../engine/search-report.js';
import { mergeShards, type MergedReport } from '../../engine/search-merge.js';
import { EXIT, InputError } from '../../lib/errors.js';
import { readValidated, writeJsonAtomic } from '../../lib/json-file.js';
import { relativeToRoot } from '../../lib/paths.js';
import { outputFile } from '../options.js';
import { note, printJson, say } from '../output.js';

interface Options {
  json?: boolean;
  out?: string;
  allowPartial?: boolean;
}

/** Flags of `search` that mean nothing to `merge` (the shard files say them). */
const SEARCH_ONLY: Readonly<Record<string, string>> = {
  runs: '--runs',
  seed: '--seed',
  shard: '--shard',
  list: '--list',
  save: '--no-save',
  saveDir: '--save-dir',
};

/** Registers `merge` under the `search` command. */
export function registerSearchMerge(search: Command): void {
  search
    .command('merge')
    .description('merge the --json outputs of perfsec search --shard i/n into one report')
    .argument('<files...>', 'the shards: files written by perfsec search ... --shard i/n --json')
    .option('--allow-partial', 'merge even when shards are missing (the report lists them)')
    .option('--out <file>', 'write the merged report as one JSON document (atomically)', outputFile)
    .option('--json', 'print the merged report as one JSON document')
    .action(async (files: string[], o: Options) => {
      for (const [key, flag] of Object.entries(SEARCH_ONLY))
        if (search.getOptionValueSource(key) === 'cli')
          throw new InputError(`search merge takes no ${flag}: the shard files say how they were searched`);
      const shards = files.map((file) => ({ file, report: readValidated<SearchReport>(file, SEARCH_REPORT_SCHEMA) }));
      const merged = mergeShards(shards, o.allowPartial ?? false);
      if (o.out) {
        await writeJsonAtomic(o.out, merged);
        note(`wrote ${relativeToRoot(o.out)}`);
      }
      const fresh = merged.counts['new-counterexample'] + merged.counts['pin-lost'];
      process.exitCode = fresh > 0 ? EXIT.failed : EXIT.ok;
      if (o.json || search.opts<{ json?: boolean }>().json) printJson(merged);
      else printText(merged);
    });
}

/** The merged report for people, in `perfsec search`'s words. */
function printText(m: MergedReport): void {
  const given = `${m.shards.length} of ${m.shardCount} shard(s)`;
  say(
    `merged ${given}: seed ${m.seed}, commit ${m.commit.slice(0, 12)}, version ${m.version}, ` +
      `${m.selector ?? 'every claim'}, ${m.results.length} claim(s)`,
  );
  for (const r of m.results) {
    const found = r.counterexamples.length > 0 ? `, counterexample in ${r.counterexamples.length} shard(s)` : '';
    say(`${r.status.toUpperCase().padEnd(26)} ${r.claim} (${r.runsExecuted}/${r.runs} runs, seed ${m.seed}${found})`);
    if (r.status === 'new-counterexample' || r.status === 'pin-lost') {
      say(`  claim:   ${r.title}`);
      for (const c of r.counterexamples) {
        say(`  shard ${c.shard} (${c.file}): ${JSON.stringify(c.value)}`);
        if (c.error) say(`    error:   ${c.error}`);
        say(`    seed:    ${c.seed}   path: ${c.path}`);
        if (c.saved) say(`    saved:   ${c.saved} (on the machine of shard ${c.shard})`);
        say(`    replay:  ${c.replay}`);
      }
    }
    for (const p of r.pinned) if (r.status !== 'holds') say(`  pinned:  ${p}`);
  }
  const n = (s: ClaimStatus) => m.counts[s];
  say(
    `${m.results.length} claim(s): ${n('holds')} hold, ${n('refuted-as-pinned')} refuted as pinned, ` +
      `${n('new-counterexample')} new counterexample(s), ${n('pin-lost')} pin(s) lost (seed ${m.seed}, ${given})`,
  );
  if (!m.complete) say(`PARTIAL: shard(s) ${m.missing.join(', ')} of ${m.shardCount} missing`);
}
