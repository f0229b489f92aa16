/**
 * `perfsec search`: runs the property searches outside vitest, with progress on stderr, a
 * replayable seed, deterministic shards, and every new counterexample saved under
 * spec/counterexamples/.
 */
import type { Command } from 'commander';
import path from 'node:path';
import { checkClaim, type ClaimStatus } from '../../engine/check-claim.js';
import { COUNTEREXAMPLE_DIR, nextId, recordOf, saveCounterexample } from '../../engine/counterexamples.js';
import { EXIT } from '../../lib/errors.js';
import { relativeToRoot } from '../../lib/paths.js';
import { budgetFor, parseShard, shardOf, type Shard } from '../../engine/search.js';
import { SEARCH_REPORT_FORMAT, shardText, type ClaimReport, type SearchReport } from '../../engine/search-report.js';
import { gitCommit, projectVersion } from '../../lib/provenance.js';
import { runSettings } from '../../lib/seed.js';
import { allClaims, selectClaims } from '../../registry/theorems.js';
import { outputFolder, runsOption, seedOption } from '../options.js';
import { note, printJson, progress, progressDone, say } from '../output.js';
import { registerSearchMerge } from './search-merge.js';

interface Options {
  runs?: number;
  seed?: number;
  shard?: string;
  json?: boolean;
  list?: boolean;
  save: boolean;
  saveDir?: string;
}

/** Registers the command. */
export function registerSearch(program: Command): void {
  const search = program
    .command('search')
    .description('search the claims of a theorem (or one claim) for counterexamples')
    .argument('[selector]', 'a theorem id (T-JCOST-1) or a claim id (T-JCOST-1.ledger); all when omitted')
    .option('--runs <N>', "runs per claim (default: PERFSEC_RUNS, else each claim's own)", runsOption)
    .option('--seed <S>', 'seed (default: PERFSEC_SEED, else random; always printed)', seedOption)
    .option('--shard <i/n>', 'run shard i of n of the search (deterministic; shards search disjoint streams)')
    .option('--list', 'list the claims and exit')
    .option('--no-save', 'do not save new counterexamples')
    .option('--save-dir <dir>', 'where to save counterexamples', outputFolder, COUNTEREXAMPLE_DIR)
    .option('--json', 'print one JSON document')
    .action(async (selector: string | undefined, o: Options) => {
      const picked = selectClaims(selector);
      if (o.list) {
        for (const { claim } of picked)
          say(`${claim.id}${claim.refutedBy ? ` [refuted: ${claim.refutedBy}]` : ''}  ${claim.title}`);
        return;
      }
      const settings = runSettings();
      const seed = o.seed ?? settings.seed;
      const shard: Shard = o.shard ? parseShard(o.shard) : { index: 1, count: 1 };
      const source = o.seed !== undefined ? 'flag' : settings.seedSource;
      note(`perfsec search: seed ${seed} (${source}), shard ${shard.index}/${shard.count}, ${picked.length} claim(s)`);
      const results: ClaimReport[] = [];
      for (const [i, { theorem, claim }] of picked.entries()) {
        const budget = o.runs ?? budgetFor(claim);
        const s = shardOf(seed, budget, shard);
        progress(`[${i + 1}/${picked.length}] ${claim.id}: ${s.numRuns} runs at seed ${s.seed}`);
        const dir = o.saveDir ?? COUNTEREXAMPLE_DIR;
        // a pinned claim is searched too: its search may store a pin that is not stored yet
        let check = checkClaim(claim, { ...s, counterexampleDir: dir, searchPinned: true });
        const out = check.search!; // searchPinned: every claim was searched
        const save = async (id: string, file: string): Promise<string> => {
          const record = recordOf(out, { id, theorem: theorem.id, claim: claim.title, model: 'faithful', file });
          return relativeToRoot(await saveCounterexample(record, dir));
        };
        let saved: string | null = null;
        if (check.status === 'pin-lost' && !check.pin.stored && out.failed && o.save) {
          // A claim pinned as refuted whose counterexample is not stored yet: store this one under the pinned id.
          saved = await save(check.pin.id, relativeToRoot(path.join(dir, `${check.pin.id}.json`)));
          check = checkClaim(claim, { ...s, counterexampleDir: dir }); // its replay, searched no more
        } else if (check.status === 'new-counterexample' && o.save) {
          const id = nextId(theorem.id, dir);
          saved = await save(id, relativeToRoot(`${dir}/${id}.json`));
        }
        const hint = out.failed
          ? ' (run without --no-save to store it)'
          : ' and this search found none: try more --runs or another --seed';
        const pinned =
          check.status === 'pin-lost' && !check.pin.stored
            ? `pinned ${check.reason}${hint}`
            : check.status === 'pin-lost' || check.status === 'refuted-as-pinned'
              ? check.detail
              : null;
        const about = { theorem: theorem.id, claim: claim.id, title: claim.title, status: check.status };
        results.push({ ...about, ...out, budget, shard: shardText(shard), saved, pinned }); // --json's key order
      }
      progressDone();
      const fresh = results.filter((r) => r.status === 'new-counterexample' || r.status === 'pin-lost');
      process.exitCode = fresh.length > 0 ? EXIT.failed : EXIT.ok;
      if (o.json) {
        // what `perfsec search merge` checks before it adds shards up (schemas/search-report-v1.schema.json)
        const code = { schema: SEARCH_REPORT_FORMAT, version: projectVersion(), commit: gitCommit() } as const;
        const run = { selector: selector ?? null, seed, runs: o.runs ?? null, shard: shardText(shard) };
        const report: SearchReport = { ...code, ...run, results };
        printJson(report);
        return;
      }
      for (const r of results) {
        say(`${r.status.toUpperCase().padEnd(26)} ${r.claim} (${r.runsExecuted}/${r.numRuns} runs, seed ${r.seed})`);
        if (r.status === 'new-counterexample') {
          say(`  claim:   ${r.title}`);
          say(`  value:   ${JSON.stringify(r.counterexample)}`);
          if (r.error) say(`  error:   ${r.error}`);
          say(`  seed:    ${r.seed}   path: ${r.path}`);
          if (r.saved) say(`  saved:   ${r.saved}`);
          const replay = r.saved
            ? `npx perfsec replay ${r.saved}`
            : `npx perfsec search ${r.claim} --seed ${r.seed} --runs ${r.numRuns}`;
          say(`  replay:  ${replay}`);
        }
        if (r.pinned) say(`  pinned:  ${r.pinned}`);
      }
      const count = (s: ClaimStatus) => results.filter((r) => r.status === s).length;
      const counts =
        `${count('holds')} hold, ${count('refuted-as-pinned')} refuted as pinned, ` +
        `${count('new-counterexample')} new counterexample(s), ${count('pin-lost')} pin(s) lost`;
      say(`${results.length} claim(s): ${counts} (seed ${seed}, shard ${shard.index}/${shard.count})`);
    });
  registerSearchMerge(search);
}

/** Claim ids, for completion and help texts. */
export function claimIds(): string[] {
  return allClaims().map(({ claim }) => claim.id);
}
