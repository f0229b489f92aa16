/**
 * `npm run deep`: the deep baseline of the corrected claims (issue 19 Deliver 4). Each corrected claim is searched at
 * random to --runs cases (default 10^6), split into --shards local processes of `perfsec search --shard i/n` and
 * added up by `perfsec search merge` (README "Deep search across machines"), and explored exhaustively by `perfsec
 * verify` in its deep scope (DEEP_SCOPES, else the registry's default). The result, spec/deep-baseline.json
 * (schemas/deep-baseline-v1.schema.json), is what `perfsec audit` and docs/ERRATA.md show beside each corrected
 * claim. Resumable: every finished search is a file in the work folder (--work), reused when its seed, budget and
 * shard count match, so a cut run loses only the searches under way. Progress on stderr; `--quick` is for tests.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { deepBaselineTable, type DeepTableInput } from '../src/audit/deep-table.js';
import { readValidated, writeJsonAtomic, writeTextAtomic } from '../src/lib/json-file.js';
import { oneLine } from '../src/lib/one-line.js';
import { assertValid } from '../src/lib/schemas.js';
import { projectPath } from '../src/lib/paths.js';
import { gitCommit, projectVersion } from '../src/lib/provenance.js';
import { allClaims } from '../src/registry/theorems.js';
import { VERIFY_TARGETS } from '../src/verify/registry.js';

/**
 * Deeper scopes than `perfsec verify`'s defaults, each chosen to end in minutes on one core of a 2-core EPYC
 * (README "Deep baseline"); a claim not listed is explored in its default scope.
 */
export const DEEP_SCOPES: Readonly<Record<string, string>> = {
  // T-RC-1: every adversary command sequence to depth 8 (about 5x depth 7's states; depth 9 would take half an hour)
  'T-RC-1.A.iff': 'depth=8',
  'T-RC-1.A.overlap': 'depth=8',
  'T-RC-1.A.reasons': 'depth=8',
  'T-RC-1.A.seq-kept': 'depth=8',
  'T-RC-1.A.reference': 'depth=8',
  'T-RC-1.A.no-false-reject': 'depth=8',
  'T-RC-1.A.seq-per-session': 'depth=8',
  'T-RC-1.B.forge-reasons': 'depth=8',
  'T-RC-1.B.replay-reasons': 'depth=8',
  // T-COMP-SPLIT: the whole scope the targets take (w <= 7 witnesses, 3 value pairs, 14 moves)
  'T-COMP-SPLIT.split-bound': 'w=7,values=3,depth=14',
  'T-COMP-SPLIT.c2sp-in-leaf-one-body': 'w=7,values=3,depth=14',
  'T-COMP-SPLIT.c2sp-relabel': 'w=7,values=3,depth=14',
  'T-COMP-SPLIT.detectors': 'w=7,values=3,depth=14',
  'T-COMP-SPLIT.fcw-extension-bound': 'w=7,values=3,depth=14',
  'T-COMP-SPLIT.c2sp-extension-split': 'w=7,values=3',
  // T-VDOS-1 boxes: larger boxes, each under the 2^24 distinct states one JS Set holds
  'T-VDOS-1.bound-corrected': 'floods=12,ticks=8',
  'T-VDOS-1.claim-a-corrected': 'floods=12,ticks=20',
  'T-VDOS-1.claim-b-corrected': 'gap=600',
  'T-VDOS-1.legit-corrected': 'depth=40', // each state keeps its stream's arguments: depth 60 passes a 4 GB heap
};

const positive = (v: string): number => {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1 || n > 1e9) throw new InvalidArgumentError('a whole number from 1 to 10^9');
  return n;
};
const o = new Command('deep')
  .option('--claims <ids>', 'comma-separated claim ids (default: every corrected claim)')
  .option('--runs <N>', 'random cases per claim', positive, 1_000_000)
  .option('--shards <n>', 'local processes per claim', positive, Math.max(1, os.availableParallelism()))
  .option('--seed <S>', 'seed of every search', positive, 20261204)
  .option('--only <part>', 'random or exhaustive (default: both)')
  .option('--max-states <N>', 'states an exhaustive exploration may visit before it is cut', positive, 2 ** 24)
  .option('--quick', 'default scopes, no deep scopes (for tests)')
  .option('--work <dir>', 'where finished searches are kept for a rerun', path.join(os.tmpdir(), 'perfsec-deep'))
  .option('--out <file>', 'the baseline to write', projectPath('spec', 'deep-baseline.json'))
  .option('--table', "print the README's table of the baseline in --out and run nothing")
  .parse(process.argv)
  .opts<{
    claims?: string;
    runs: number;
    shards: number;
    seed: number;
    only?: string;
    quick?: boolean;
    maxStates: number;
    table?: boolean;
  }>();
const { work, out } = o as unknown as { work: string; out: string };
if (o.table) {
  // README "Deep baseline": test/deep-table.test.ts checks the README shows this table
  try {
    process.stdout.write(`${deepBaselineTable(readValidated<DeepTableInput>(out, 'deep-baseline-v1'))}\n`);
    process.exit(0);
  } catch (e) {
    process.stderr.write(`deep: ${oneLine(e instanceof Error ? e.message : String(e))}\n`); // a missing or bad --out
    process.exit(2);
  }
}
if (o.only !== undefined && o.only !== 'random' && o.only !== 'exhaustive') {
  process.stderr.write('deep: --only must be random or exhaustive\n');
  process.exit(2);
}

/** The corrected claims: the project's own statements beside a refuted one (titles "corrected ..."). */
const corrected = allClaims()
  .map(({ claim }) => claim)
  .filter((c) => !c.refutedBy && c.title.startsWith('corrected'))
  .map((c) => c.id);
const claims = o.claims ? o.claims.split(',') : corrected;
const known = new Set(allClaims().map(({ claim }) => claim.id));
for (const c of claims)
  if (!known.has(c)) {
    process.stderr.write(`deep: unknown claim ${JSON.stringify(c)}\n`);
    process.exit(2);
  }
mkdirSync(work, { recursive: true });
const tell = (line: string) => process.stderr.write(`deep: ${line}\n`);

/**
 * Heap of each search process, MB: 60 % of the machine's memory, at most 16 GB (node's default is about 4 GB; a deep
 * exploration keeps millions of states' keys and the nodes of its last levels).
 */
const HEAP_MB = Math.min(16_384, Math.floor((os.totalmem() / 2 ** 20) * 0.6));

/** Runs `perfsec ARGS` as a process; its stdout, or an error naming the command and its last stderr line. */
function perfsec(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, projectPath('bin', 'perfsec.js'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    p.on('close', (code) =>
      // exit 1 is a verdict (a counterexample, an incomplete search): its JSON is still the result
      code === 0 || code === 1 ? resolve(out) : reject(new Error(`perfsec ${args.join(' ')}: exit ${code}: ${err}`)),
    );
  });
}

/** A finished search kept in the work folder, or undefined (missing, unreadable or for other settings). */
function kept<T>(file: string, fits: (doc: T) => boolean): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as T;
    return fits(doc) ? doc : undefined;
  } catch {
    return undefined;
  }
}

/** The parts of a merged search (schemas/search-merge-v1.schema.json) the baseline keeps. */
interface Merged {
  commit: string;
  seed: number;
  runs: number;
  shardCount: number;
  complete: boolean;
  results: Array<{ claim: string; status: string; runsExecuted: number; counterexamples: unknown[] }>;
}

/** One claim searched at random to o.runs cases over o.shards processes. */
async function random(claim: string) {
  const merged = path.join(work, `${claim}.merged.json`);
  const fits = (m: Merged) => m.complete && m.seed === o.seed && m.runs === o.runs && m.shardCount === o.shards;
  const timing = path.join(work, `${claim}.merged.seconds`);
  const t0 = Date.now();
  let doc = kept<Merged>(merged, fits);
  if (!doc) {
    const shards = Array.from({ length: o.shards }, (_, k) => path.join(work, `${claim}.shard-${k + 1}.json`));
    await Promise.all(
      shards.map(async (file, k) => {
        const args = ['search', claim, '--runs', String(o.runs), '--seed', String(o.seed), '--json', '--no-save'];
        await writeTextAtomic(file, await perfsec([...args, '--shard', `${k + 1}/${o.shards}`]));
      }),
    );
    await writeTextAtomic(merged, await perfsec(['search', 'merge', ...shards, '--json']));
    doc = kept<Merged>(merged, fits);
    if (!doc) throw new Error(`deep: ${merged}: the merge is not for seed ${o.seed}, ${o.runs} runs`);
    await writeTextAtomic(timing, `${(Date.now() - t0) / 1000}\n`); // wall time of the search, kept for a rerun
  }
  const c = doc.results[0]!;
  return {
    claim,
    commit: doc.commit,
    cases: c.runsExecuted,
    seed: o.seed,
    shards: o.shards,
    counterexamples: c.counterexamples.length,
    status: c.status,
    seconds: Number(existsSync(timing) ? readFileSync(timing, 'utf8') : 0) || 0,
  };
}

interface Verified {
  outcomes: Array<{
    claim: string;
    scope: Record<string, number>;
    scopeText: string;
    status: string;
    result: { statesFound: number; distinctStates: number; transitions: number; ms: number; complete: boolean };
  }>;
}

/** One claim explored exhaustively in its deep scope (or its default one). */
async function exhaustive(claim: string) {
  const scope = o.quick ? undefined : DEEP_SCOPES[claim];
  const file = path.join(work, `${claim}.verify-${(scope ?? 'default').replace(/[^a-z0-9=,-]/gi, '_')}.json`);
  // an exploration cut by --max-states is run again (with a larger --max-states it may end)
  let doc = kept<Verified>(file, (d) => d.outcomes?.[0]?.claim === claim && d.outcomes[0].result.complete);
  if (!doc) {
    const args = ['verify', claim, '--json', '--max-states', String(o.maxStates), ...(scope ? ['--scope', scope] : [])];
    await writeTextAtomic(file, await perfsec(args));
    doc = kept<Verified>(file, () => true)!;
  }
  const x = doc.outcomes[0]!;
  return {
    target: x.claim,
    claim,
    scope: x.scopeText,
    depth: x.scope['depth'] ?? 0,
    states: x.result.statesFound,
    distinct: x.result.distinctStates,
    transitions: x.result.transitions,
    seconds: x.result.ms / 1000,
    status: x.status,
  };
}

const randoms: Array<Awaited<ReturnType<typeof random>>> = [];
const exhaustives: Array<Awaited<ReturnType<typeof exhaustive>>> = [];
const failed: string[] = [];
const verifiable = new Set(VERIFY_TARGETS.map((t) => t.claim));
/** Runs one claim's search; a failure (a crash, memory) is told and the run goes on to the next claim. */
async function attempt<T>(what: string, into: T[], run: () => Promise<T>): Promise<void> {
  try {
    into.push(await run());
  } catch (e) {
    failed.push(what);
    tell(`FAILED ${what}: ${(e instanceof Error ? e.message : String(e)).split('\n').find((l) => l.trim()) ?? ''}`);
  }
}
for (const [i, claim] of claims.entries()) {
  if (o.only !== 'exhaustive') {
    tell(`[${i + 1}/${claims.length}] ${claim}: ${o.runs} random cases on ${o.shards} process(es)`);
    await attempt(`${claim} (random)`, randoms, () => random(claim));
  }
  if (o.only !== 'random' && verifiable.has(claim)) {
    const scope = o.quick ? 'default' : (DEEP_SCOPES[claim] ?? 'default');
    tell(`[${i + 1}/${claims.length}] ${claim}: exhaustive, ${scope}`);
    await attempt(`${claim} (exhaustive, ${scope})`, exhaustives, () => exhaustive(claim));
  }
}
if (failed.length > 0) {
  // a baseline missing a claim would read as complete: none is written; the finished searches stay in --work
  tell(`${failed.length} search(es) failed, ${out} not written (rerun to resume from ${work}): ${failed.join('; ')}`);
  process.exit(1);
}
const cpus = os.cpus();
const baseline = assertValid<DeepTableInput>(
  'deep-baseline-v1',
  {
    schema: 'perfsec-deep-baseline-v1',
    date: new Date().toISOString(),
    commit: gitCommit(),
    version: projectVersion(),
    machine: { cpus: cpus.length, model: cpus[0]?.model.trim() ?? 'unknown', node: process.version },
    seed: o.seed,
    random: randoms,
    exhaustive: exhaustives,
  },
  'deep baseline',
);
await writeJsonAtomic(out, baseline);
tell(`wrote ${out}: ${randoms.length} random searches, ${exhaustives.length} exhaustive explorations`);
tell(`README "Deep baseline" table (npm run deep -- --table prints it again):\n${deepBaselineTable(baseline)}`);
