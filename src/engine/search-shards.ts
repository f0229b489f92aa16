/**
 * Which shard files make one search (issue 19, Deliver 3: `perfsec search merge` "refuses shards of different
 * seeds, budgets or commits"). Each file must agree with itself (every result of the shard it says it is, at the
 * seed and runs shardOf gives it) and with the first file on everything that makes the search: the code (version,
 * commit), the claims (selector, claim ids in order), the seed and the budgets. Then the shards 1..n must each be
 * there once. Every refusal is one InputError naming the file and the field.
 */
import { InputError } from '../lib/errors.js';
import { clip } from '../lib/one-line.js';
import { shardOf, type Shard } from './search.js';
import type { SearchReport } from './search-report.js';

/** A shard's document and the file it was read from. */
export interface ShardFile {
  readonly file: string;
  readonly report: SearchReport;
}

/** The shards given, checked: their count n, and the shard indexes missing (empty unless allowed). */
export interface ShardSet {
  readonly count: number;
  /** The files in shard order. */
  readonly shards: readonly (ShardFile & { readonly shard: Shard })[];
  /** The indexes of the shards missing, as ranges ("2", "4-6"); empty for a whole search. */
  readonly missing: readonly string[];
}

const show = (v: unknown): string => clip(JSON.stringify(v), 80);

/** "i/n" of a document whose schema already checked the digits; refused when i > n. */
function shardOfFile(f: ShardFile, field: string, text: string): Shard {
  const [index, count] = text.split('/').map(Number) as [number, number];
  if (index > count) throw new InputError(`${f.file}: field '${field}' is ${text}: shard index over shard count`);
  return { index, count };
}

/** Checks that every result of F belongs to the shard F says it is. */
function checkSelf(f: ShardFile, shard: Shard): void {
  const r = f.report;
  r.results.forEach((c, i) => {
    const at = (field: string) => `${f.file}: field 'results/${i}/${field}'`;
    if (c.claimId !== c.claim) throw new InputError(`${at('claimId')} is ${show(c.claimId)}, not its claim ${c.claim}`);
    if (c.shard !== r.shard) throw new InputError(`${at('shard')} is ${c.shard}, but the document is shard ${r.shard}`);
    if (r.runs !== null && c.budget !== r.runs)
      throw new InputError(`${at('budget')} is ${c.budget}, but field 'runs' is ${r.runs}`);
    const expected = shardOf(r.seed, c.budget, shard);
    if (c.seed !== expected.seed || c.numRuns !== expected.numRuns)
      throw new InputError(
        `${at(c.seed !== expected.seed ? 'seed' : 'numRuns')} is ${c.seed !== expected.seed ? c.seed : c.numRuns}, ` +
          `but shard ${r.shard} of a search at seed ${r.seed} with ${c.budget} runs has seed ${expected.seed}, ` +
          `${expected.numRuns} runs`,
      );
    if (c.runsExecuted > c.numRuns) throw new InputError(`${at('runsExecuted')} is over numRuns (${c.numRuns})`);
  });
}

/** What two shards of one search share: refused with the first field that differs. */
function checkSame(f: ShardFile, first: ShardFile, count: number, firstCount: number): void {
  const [a, b] = [f.report, first.report];
  const why: Record<string, string> = {
    version: 'shards of different versions',
    commit: 'shards of different commits',
    selector: 'shards of different claim selections',
    seed: 'shards of different seeds',
    runs: 'shards of different budgets',
  };
  for (const field of ['version', 'commit', 'selector', 'seed', 'runs'] as const)
    if (a[field] !== b[field])
      throw new InputError(
        `${f.file}: field '${field}' is ${show(a[field])}, but ${first.file} has ${show(b[field])} (${why[field]})`,
      );
  if (count !== firstCount)
    throw new InputError(
      `${f.file}: field 'shard' is ${a.shard}, a shard of ${count}, but ${first.file} is a shard of ${firstCount}`,
    );
  if (a.results.length !== b.results.length)
    throw new InputError(
      `${f.file}: field 'results' holds ${a.results.length} claims, but ${first.file} holds ` +
        `${b.results.length} (shards of different claim selections)`,
    );
  a.results.forEach((c, i) => {
    const o = b.results[i]!;
    if (c.claim !== o.claim)
      throw new InputError(
        `${f.file}: field 'results/${i}/claim' is ${c.claim}, but ${first.file} has ${o.claim} ` +
          `(shards of different claim selections)`,
      );
    if (c.budget !== o.budget)
      throw new InputError(
        `${f.file}: field 'results/${i}/budget' is ${c.budget}, but ${first.file} has ${o.budget} ` +
          `(shards of different budgets)`,
      );
  });
}

/** Ranges of the numbers 1..COUNT that are not in PRESENT: ["2", "4-6"]. */
export function missingRanges(present: ReadonlySet<number>, count: number): string[] {
  const out: string[] = [];
  for (let i = 1; i <= count; i++) {
    if (present.has(i)) continue;
    let j = i;
    while (j < count && !present.has(j + 1)) j++;
    out.push(i === j ? `${i}` : `${i}-${j}`);
    i = j;
  }
  return out;
}

/**
 * Checks FILES as the shards of one search: each consistent, all alike, no shard twice, and every shard 1..n
 * there unless ALLOW_PARTIAL (then the missing ones are listed). Throws InputError (one line) otherwise.
 */
export function checkShards(files: readonly ShardFile[], allowPartial: boolean): ShardSet {
  if (files.length === 0) throw new InputError('no shard files given');
  const first = files[0]!;
  const firstShard = shardOfFile(first, 'shard', first.report.shard);
  const seen = new Map<number, ShardFile>();
  const shards = files.map((f) => {
    const shard = shardOfFile(f, 'shard', f.report.shard);
    checkSelf(f, shard);
    checkSame(f, first, shard.count, firstShard.count);
    const twin = seen.get(shard.index);
    if (twin) {
      const why = twin.file === f.file ? 'the same file given twice' : 'a duplicated shard';
      throw new InputError(`${f.file}: field 'shard' is ${f.report.shard}, as in ${twin.file} (${why})`);
    }
    seen.set(shard.index, f);
    return { ...f, shard };
  });
  const count = firstShard.count;
  const missing = missingRanges(new Set(seen.keys()), count);
  if (missing.length > 0 && !allowPartial)
    throw new InputError(
      `missing shard(s) ${missing.join(', ')} of ${count} (given ${files.length} file(s)): ` +
        `pass every shard's file, or --allow-partial to merge the ones given`,
    );
  return { count, shards: shards.sort((x, y) => x.shard.index - y.shard.index), missing };
}
