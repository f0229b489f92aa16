/**
 * `perfsec verify [CLAIM|THEOREM]`: exhaustive small-scope checking (issue 19). Each target's model is explored
 * breadth first within its scope; the command prints, per claim, states found, distinct states, transitions,
 * depth and time, then "no counterexample within the scope" or the shortest counterexample as a step table.
 * Exit 0 when every outcome is what the project pins, 1 otherwise, 2 for bad input. `--store` rewrites the record
 * of each claim pinned as refuted whose exhaustive counterexample is shorter or smaller than the stored one
 * (src/verify/record.ts; same id, fast-check's value kept as history).
 */
import type { Command } from 'commander';
import { loadCounterexample, saveCounterexample } from '../../engine/counterexamples.js';
import { EXIT, InputError } from '../../lib/errors.js';
import { relativeToRoot } from '../../lib/paths.js';
import { allClaims } from '../../registry/theorems.js';
import { exhaustiveRecord } from '../../verify/record.js';
import { summaryLine } from '../../verify/explore.js';
import { selectTargets } from '../../verify/registry.js';
import { asExpected, parseScope, verifyTarget, type VerifyOutcome } from '../../verify/run.js';
import { domainInt } from '../options.js';
import { note, printJson, progress, progressDone, say } from '../output.js';
import type { Scope, VerifyTarget } from '../../verify/target.js';

interface Options {
  depth?: number;
  scope?: string;
  maxStates: number;
  json?: boolean;
  list?: boolean;
  store?: boolean;
}

/** Default bound on distinct states per claim: every default scope fits (the largest, a T-VDOS-1 box, 3.5 M). */
export const VERIFY_MAX_STATES = 4_000_000;

const STATUS_WORD: Readonly<Record<VerifyOutcome['status'], string>> = {
  verified: 'VERIFIED',
  'refuted-as-pinned': 'REFUTED AS PINNED',
  'longer-than-stored': 'LONGER THAN STORED',
  'unexpected-counterexample': 'COUNTEREXAMPLE',
  'not-refuted-in-scope': 'NOT REFUTED IN SCOPE',
  incomplete: 'INCOMPLETE',
};

/**
 * Stores T's exhaustive counterexample within SCOPE in place of its pinned record when it is shorter or smaller;
 * returns what was done, in one line.
 */
async function store(t: VerifyTarget, scope: Scope, maxStates: number): Promise<string> {
  const claim = allClaims().find(({ claim: c }) => c.id === t.claim)?.claim;
  if (!claim?.refutedBy) return `${t.claim}: not pinned as refuted, nothing to store`;
  const old = loadCounterexample(claim.refutedBy);
  const record = exhaustiveRecord(claim, t, scope, old, maxStates);
  if (!record) return `${old.id}: kept (the exhaustive search finds nothing shorter or smaller)`;
  const file = await saveCounterexample(record);
  const steps = record.exhaustive.depth;
  return `${old.id}: stored the exhaustive counterexample (${steps} step(s)) in ${relativeToRoot(file)}`;
}

function print(o: VerifyOutcome, refutedWithin: number | undefined): void {
  say(`${STATUS_WORD[o.status].padEnd(21)} ${o.claim}`);
  say(`  scope:  ${o.scopeText}`);
  say(`  search: ${summaryLine(o.result)}`);
  if (refutedWithin !== undefined) say(`  stored: the pinned counterexample has ${refutedWithin} step(s)`);
  const cx = o.result.counterexample;
  if (!cx) return;
  say(`  violation: ${cx.violation}`);
  cx.trace.forEach((s, i) => say(`  ${String(i).padStart(4)}  ${(s.action ?? '(initial)').padEnd(32)} ${s.state}`));
}

/** Registers the command. */
export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('explore every behaviour of a claim within a bounded scope (exhaustive small-scope checking)')
    .argument('[selector]', 'a theorem id (T-RC-1) or a claim id (T-RC-1.A.seq-kept); all when omitted')
    .option('--depth <D>', 'deepest number of actions (overrides the scope)', domainInt('verify_depth'))
    .option('--scope <k=v,...>', "scope parameters, e.g. 'vantages=2,epochs=2' (see --list)")
    .option('--max-states <N>', 'stop a claim after N distinct states', domainInt('verify_states'), VERIFY_MAX_STATES)
    .option('--list', 'list the claims with their scope parameters and exit')
    .option('--json', 'print one JSON document')
    .option(
      '--store',
      "store each pinned claim's exhaustive counterexample where shorter or smaller than the stored one",
    )
    .action(async (selector: string | undefined, o: Options) => {
      const targets = selectTargets(selector);
      if (o.list) {
        for (const t of targets) {
          const params = Object.entries(t.scope).map(([k, p]) => `${k}=${p.default} (${p.min}..${p.max})`);
          say(`${t.claim}${t.refutedWithin !== undefined ? ' [refuted]' : ''}  ${params.join(', ')}`);
        }
        return;
      }
      if (o.scope !== undefined && targets.length !== 1)
        throw new InputError('--scope applies to one claim: name it (perfsec verify --list shows the claims)');
      const outcomes = targets.map((t, i) => {
        const scope = parseScope(t, o.scope, o.depth);
        progress(`perfsec verify: [${i + 1}/${targets.length}] ${t.claim}: ${t.describe(scope)}`);
        const out = verifyTarget(t, scope, o.maxStates, (n, d) =>
          progress(`perfsec verify: [${i + 1}/${targets.length}] ${t.claim}: depth ${d}, ${n} distinct states`),
        );
        progressDone();
        if (!o.json) print(out, t.refutedWithin);
        return { ...out, refutedWithin: t.refutedWithin ?? null, target: t };
      });
      if (o.store)
        for (const x of outcomes.filter((y) => y.status === 'refuted-as-pinned'))
          note(await store(x.target, x.scope, o.maxStates));
      const fine = outcomes.filter((x) => asExpected(x.status)).length;
      process.exitCode = fine === outcomes.length ? EXIT.ok : EXIT.failed;
      if (o.json) printJson({ outcomes: outcomes.map(({ target: _, ...x }) => x) });
      else say(`${outcomes.length} claim(s): ${fine} as pinned, ${outcomes.length - fine} not`);
    });
}
