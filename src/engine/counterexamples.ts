/**
 * Counterexamples as files: what a search found, saved under spec/counterexamples/ so anyone can
 * replay it (`perfsec replay FILE`) and the test suite can pin the refutation.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { readValidated, writeJsonAtomic } from '../lib/json-file.js';
import { InputError } from '../lib/errors.js';
import { projectPath, relativeToRoot } from '../lib/paths.js';
import type { SearchOutcome } from './search.js';

/** The folder of stored counterexamples. */
export const COUNTEREXAMPLE_DIR = projectPath('spec', 'counterexamples');

/** The fields every stored counterexample has (schemas/counterexample-v1.schema.json). */
interface RecordBase {
  readonly schema: 'perfsec-counterexample-v1';
  /** `CX-<THEOREM>-<NNN>`. */
  readonly id: string;
  readonly theorem: string;
  /** The claim id the counterexample refutes. */
  readonly property: string;
  /** The claim as the property titles it, with its draft section. */
  readonly claim: string;
  /** The counterexample, one JSON value per arbitrary (the claim's generator domain). */
  readonly value: readonly unknown[];
  /** The same value as fast-check prints it. */
  readonly valueText: string;
  /** The error the predicate raised, if any. */
  readonly error: string | null;
  /** Which model was searched: the faithful one, or a named mutant. */
  readonly model: string;
  readonly found_at: string;
  readonly replay: string;
}

/** How fast-check regenerates a value: its seed, its path of run index and shrink steps, and its budget. */
export interface FastCheckRecipe {
  readonly seed: number;
  readonly path: string;
  /** For command sequences (fc.commands): the replay path of the scheduler; null otherwise. */
  readonly replayPath: string | null;
  readonly numRuns: number;
}

/** A counterexample fast-check found and shrank: replay regenerates its value from seed and path. */
export interface FastCheckRecord extends RecordBase, FastCheckRecipe {
  readonly origin?: never;
  readonly exhaustive?: never;
  readonly shrunk_by_fast_check?: never;
}

/** Where an exhaustive search (`perfsec verify`, issue 19) found a counterexample: its first, hence shortest, one. */
export interface ExhaustiveOrigin {
  /** The verify target: the claim id (src/verify/registry.ts). */
  readonly target: string;
  /** Every scope parameter of the target (`perfsec verify --scope`). */
  readonly scope: Readonly<Record<string, number>>;
  readonly scope_text: string;
  /** The counterexample's steps: the level breadth first found it at. */
  readonly depth: number;
  /** States found, distinct states and transitions when it was found. */
  readonly states: number;
  readonly distinct: number;
  readonly transitions: number;
  /** The `perfsec verify` command that finds it. */
  readonly command: string;
}

/**
 * A counterexample an exhaustive search found, shorter or smaller than what fast-check had shrunk to (kept as
 * history): no seed or path; replay evaluates the value (and `perfsec replay` re-runs the bounded search).
 */
export interface ExhaustiveRecord extends RecordBase {
  readonly origin: 'exhaustive';
  readonly exhaustive: ExhaustiveOrigin;
  readonly shrunk_by_fast_check?: FastCheckRecipe & Pick<RecordBase, 'value' | 'valueText' | 'error' | 'found_at'>;
  readonly seed?: never;
  readonly path?: never;
  readonly replayPath?: never;
  readonly numRuns?: never;
}

/** A stored counterexample (schemas/counterexample-v1.schema.json): found by fast-check or exhaustively. */
export type CounterexampleRecord = FastCheckRecord | ExhaustiveRecord;

/** True for a record an exhaustive search found. */
export const isExhaustive = (cx: CounterexampleRecord): cx is ExhaustiveRecord => cx.origin === 'exhaustive';

/**
 * The replay budget (issue 16, "Work budgets"): fast-check walks a path by generating and skipping
 * runs up to its first segment, then walking one shrink stream per further segment. A run index
 * of 10^6 is skipped in about two seconds; stored records stay far below these limits.
 */
export const REPLAY_LIMITS = { runIndex: 1_000_000, steps: 1000, shrinkIndex: 100_000, distinct: 50_000 } as const;

/**
 * Throws InputError naming the limit when CX would make a replay unbounded work: a fast-check path too long, or an
 * exhaustive search of more distinct states than a replay re-runs (REPLAY_LIMITS.distinct, a few seconds).
 */
export function checkReplayBudget(cx: CounterexampleRecord, what: string): CounterexampleRecord {
  if (isExhaustive(cx)) {
    if (cx.exhaustive.distinct > REPLAY_LIMITS.distinct)
      throw new InputError(
        `${what}: the exhaustive search saw ${cx.exhaustive.distinct} distinct states; ` +
          `a replay re-runs at most ${REPLAY_LIMITS.distinct}`,
      );
    return cx;
  }
  const segments = cx.path.split(':');
  const number = (s: string) => (s.length > 15 ? `a ${s.length}-digit number` : s);
  if (segments.length > REPLAY_LIMITS.steps + 1)
    throw new InputError(
      `${what}: path has ${segments.length - 1} shrink steps; a replay walks at most ${REPLAY_LIMITS.steps}`,
    );
  const run = segments[0]!;
  if (run.length > 15 || Number(run) > REPLAY_LIMITS.runIndex)
    throw new InputError(
      `${what}: path's run index is ${number(run)}; a replay skips at most ${REPLAY_LIMITS.runIndex} runs`,
    );
  if (Number(run) >= cx.numRuns)
    throw new InputError(`${what}: path's run index is ${run}, not below the record's numRuns ${cx.numRuns}`);
  const step = segments.slice(1).findIndex((s) => s.length > 15 || Number(s) > REPLAY_LIMITS.shrinkIndex);
  if (step >= 0)
    throw new InputError(
      `${what}: shrink step ${step + 1} of the path is ${number(segments[step + 1]!)}; ` +
        `a replay takes at most shrink ${REPLAY_LIMITS.shrinkIndex}`,
    );
  return cx;
}

/**
 * Loads a counterexample by id (from spec/counterexamples/) or by file path; schema-valid and within the replay
 * budget.
 */
export function loadCounterexample(idOrFile: string, dir = COUNTEREXAMPLE_DIR): CounterexampleRecord {
  if (idOrFile.endsWith('.json'))
    return checkReplayBudget(readValidated<CounterexampleRecord>(idOrFile, 'counterexample-v1'), idOrFile);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(idOrFile))
    throw new InputError(`'${idOrFile}' is neither a counterexample id nor a .json file`);
  const file = path.join(dir, `${idOrFile}.json`);
  if (!existsSync(file))
    throw new InputError(`no counterexample '${idOrFile}' in ${relativeToRoot(dir)} (give an id or a .json file)`);
  return checkReplayBudget(readValidated<CounterexampleRecord>(file, 'counterexample-v1'), file);
}

/** Every stored counterexample file, sorted by id. */
export function listCounterexamples(dir = COUNTEREXAMPLE_DIR): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /^CX-.*\.json$/.test(f))
      .sort()
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

/** The next free id for a theorem: CX-T-JCOST-1-001, -002, ... */
export function nextId(theorem: string, dir = COUNTEREXAMPLE_DIR): string {
  const prefix = `CX-${theorem}-`;
  const taken = listCounterexamples(dir)
    .map((f) => path.basename(f, '.json'))
    .filter((n) => n.startsWith(prefix));
  const max = taken.reduce((m, n) => Math.max(m, Number(n.slice(prefix.length)) || 0), 0);
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}

/** Builds the record of a failed search. */
export function recordOf(
  o: SearchOutcome,
  meta: { id: string; theorem: string; claim: string; model: string; file: string },
): FastCheckRecord {
  if (!o.failed || !o.counterexample || o.path === null)
    throw new InputError(`${o.claimId}: the search found no counterexample to record`);
  const value = JSON.parse(JSON.stringify(o.counterexample)) as unknown[];
  const valueText = fc.stringify(o.counterexample);
  // fc.commands prints the scheduler's replay path inside the value: /*replayPath="..."*/
  const replayPath = /replayPath="([^"]+)"/.exec(valueText)?.[1] ?? null;
  return {
    schema: 'perfsec-counterexample-v1',
    id: meta.id,
    theorem: meta.theorem,
    property: o.claimId,
    claim: meta.claim,
    seed: o.seed,
    path: o.path,
    replayPath,
    numRuns: o.numRuns,
    value,
    valueText,
    error: o.error,
    model: meta.model,
    found_at: new Date().toISOString(),
    replay: `npx perfsec replay ${meta.file}`,
  };
}

/** Saves a record atomically as DIR/<id>.json and returns the file. */
export async function saveCounterexample(r: CounterexampleRecord, dir = COUNTEREXAMPLE_DIR): Promise<string> {
  const file = path.join(dir, `${r.id}.json`);
  await writeJsonAtomic(file, r);
  return file;
}
