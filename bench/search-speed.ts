/**
 * `npm run bench:search` (issue 19, Deliver 5, measuring): cases per second of the property search, per claim,
 * on one core (one Node thread), for every claim of every theorem, at a fixed seed and a fixed number of cases.
 * The clock wraps fast-check's whole check (generation, the claim's predicate, fast-check's own work), never the
 * inside of the property. A claim pinned as refuted would stop at its first counterexample and shrink, so every
 * claim is run through a predicate that evaluates the claim's and keeps going (a throw or a false is counted as a
 * case like any other): the rate is what a deep search pays per case. A second pass with a predicate that does
 * nothing times the generators alone, to say where the time goes. Prints a table, slowest first, against the
 * issue's goal of 10 000 cases/s; `-- --json` prints one JSON document. Speed is measured here, never asserted in
 * tests; other jobs on the machine slow it down (the load average at start is printed).
 */
import { Command } from 'commander';
import fc from 'fast-check';
import type { Claim } from '../src/engine/claim.js';
import { machine } from '../src/calibrate/calibrate.js';
import { parseRuns, parseSeed } from '../src/lib/seed.js';
import { allClaims } from '../src/registry/theorems.js';

/** The aim: every claim at least 10 000 cases a second on one core. */
const GOAL = 10_000;

const o = new Command('bench:search')
  .option('--runs <N>', 'cases per claim', (t) => parseRuns(t), 1000)
  .option(
    '--repeat <N>',
    'timings per claim; the fastest is kept (other jobs only ever slow a run down)',
    (t) => parseRuns(t, 'repeat'),
    3,
  )
  .option('--seed <S>', 'seed of every search', (t) => parseSeed(t), 42)
  .option('--only <text>', 'only the claims whose id contains this text')
  .option('--json', 'one JSON document on stdout')
  .parse(process.argv)
  .opts<{ runs: number; repeat: number; seed: number; only?: string; json?: boolean }>();

/** One claim's measurement. */
interface Row {
  readonly claim: string;
  readonly cases: number;
  readonly seconds: number;
  readonly cases_per_s: number;
  /** Share of the time spent generating the cases (the predicate replaced by a no-op). */
  readonly generation_share: number;
  readonly meets_goal: boolean;
}

/**
 * Seconds fast-check takes to run NUM_RUNS cases of CLAIM's generators through PREDICATE (the fastest of REPEAT
 * timings of the same cases), and the cases run.
 */
function timed(c: Claim, predicate: (...a: unknown[]) => boolean, numRuns: number, repeat = 1) {
  const property = fc.property(...(c.arbitraries as unknown as [fc.Arbitrary<unknown>]), predicate);
  let best = { s: Infinity, cases: 0 };
  for (let i = 0; i < repeat; i++) {
    const start = process.hrtime.bigint();
    const d = fc.check(property, { seed: o.seed, numRuns });
    const s = Number(process.hrtime.bigint() - start) / 1e9;
    if (s < best.s) best = { s, cases: d.numRuns };
  }
  return best;
}

/** The claim's predicate, evaluated and never stopping the search. */
const everyCase =
  (c: Claim) =>
  (...a: unknown[]): boolean => {
    try {
      (c.predicate as (...x: unknown[]) => unknown)(...a);
    } catch {
      // a refutation (or a crash) is one more case here; perfsec search is where they are reported
    }
    return true;
  };

const host = machine(); // before the bench loads the core
const claims = allClaims().filter(({ claim }) => !o.only || claim.id.includes(o.only));
const rows: Row[] = [];
for (const [i, { claim }] of claims.entries()) {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K[${i + 1}/${claims.length}] ${claim.id}`);
  timed(claim, everyCase(claim), Math.min(20, o.runs)); // warm-up: compile the model's hot paths first
  const run = timed(claim, everyCase(claim), o.runs, o.repeat);
  const gen = timed(claim, () => true, o.runs, o.repeat);
  const rate = run.cases / run.s;
  rows.push({
    claim: claim.id,
    cases: run.cases,
    seconds: Number(run.s.toFixed(4)),
    cases_per_s: Math.round(rate),
    generation_share: Number(Math.min(1, gen.s / run.s).toFixed(3)),
    meets_goal: rate >= GOAL,
  });
}
if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
rows.sort((a, b) => a.cases_per_s - b.cases_per_s);

const below = rows.filter((r) => !r.meets_goal).length;
if (o.json) {
  const doc = {
    machine: host,
    seed: o.seed,
    runs: o.runs,
    repeat: o.repeat,
    goal_cases_per_s: GOAL,
    below_goal: below,
    rows,
  };
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
} else {
  const k = (x: number) => Math.round(x).toLocaleString('en-US');
  const out = [
    `machine: ${host.cpu}, ${host.cores} cores, node ${host.node} (${host.platform}), ` +
      `load average ${host.loadavg_1m} at start; seed ${o.seed}, ${o.runs} cases per claim (fastest of ` +
      `${o.repeat}), one core`,
    '',
    `| claim (slowest first) | cases/s | goal ${k(GOAL)}/s | generation share | s for ${o.runs} |`,
    '|---|---:|:---:|---:|---:|',
    ...rows.map((r) => {
      const goal = r.meets_goal ? 'met' : `**below** (x${(GOAL / r.cases_per_s).toFixed(1)} short)`;
      const gen = `${(100 * r.generation_share).toFixed(0)} %`;
      return `| ${r.claim} | ${k(r.cases_per_s)} | ${goal} | ${gen} | ${r.seconds.toFixed(3)} |`;
    }),
    '',
    `${below} of ${rows.length} claims below the goal of ${k(GOAL)} cases/s on one core`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}
