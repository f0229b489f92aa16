/**
 * Adds up the shards of one search (issue 19, Deliver 3, `perfsec search merge`): per claim the runs of every
 * shard, the shards' own seeds, every counterexample with its shard and the command that replays it, and one
 * status in the engine's words (src/engine/check-claim.ts). The shards are checked first (search-shards.ts).
 */
import type { ClaimStatus } from './check-claim.js';
import type { ClaimReport } from './search-report.js';
import { checkShards, type ShardFile } from './search-shards.js';

/** The `schema` field of a merged report. */
export const SEARCH_MERGE_FORMAT = 'perfsec-search-merge-v1';

/** The schema name of a merged report (schemas/search-merge-v1.schema.json). */
export const SEARCH_MERGE_SCHEMA = 'search-merge-v1';

/**
 * The status of a claim over its shards: the worst one. A lost pin or a new counterexample in any shard is the
 * claim's; a claim refuted as pinned stays so; it holds only when every shard held.
 */
const RANK: Readonly<Record<ClaimStatus, number>> = {
  holds: 0,
  'refuted-as-pinned': 1,
  'new-counterexample': 2,
  'pin-lost': 3,
};

/** One shard's search of one claim. */
export interface ShardRun {
  readonly shard: string;
  readonly seed: number;
  readonly numRuns: number;
  readonly runsExecuted: number;
  readonly status: ClaimStatus;
}

/** A counterexample one shard found, and how to find it again. */
export interface FoundCounterexample {
  readonly shard: string;
  readonly file: string;
  readonly seed: number;
  readonly path: string | null;
  readonly value: readonly unknown[] | null;
  readonly error: string | null;
  /** Where that shard saved it (on its own machine), or null. */
  readonly saved: string | null;
  /** Repeats that shard's search of this claim alone, anywhere: `npx perfsec search CLAIM --seed S --runs R`. */
  readonly replay: string;
}

/** One claim over every shard. */
export interface MergedClaim {
  readonly theorem: string;
  readonly claim: string;
  readonly title: string;
  readonly status: ClaimStatus;
  /** Runs of the whole search for this claim, as asked (each shard ran ceil(budget / n)). */
  readonly budget: number;
  /** Runs the shards given planned, and ran (fewer when a counterexample stopped a shard). */
  readonly runs: number;
  readonly runsExecuted: number;
  readonly shards: readonly ShardRun[];
  readonly counterexamples: readonly FoundCounterexample[];
  /** What the shards say of the claim's pinned counterexample (distinct lines). */
  readonly pinned: readonly string[];
}

/** A merged search. */
export interface MergedReport {
  readonly schema: typeof SEARCH_MERGE_FORMAT;
  readonly version: string;
  readonly commit: string;
  readonly selector: string | null;
  readonly seed: number;
  readonly runs: number | null;
  readonly shardCount: number;
  /** The shards merged, "i/n", in order, with their files. */
  readonly shards: readonly { readonly shard: string; readonly file: string }[];
  /** Shard indexes missing (ranges); non-empty only under --allow-partial. */
  readonly missing: readonly string[];
  readonly complete: boolean;
  readonly results: readonly MergedClaim[];
  readonly counts: Readonly<Record<ClaimStatus, number>>;
}

function mergeClaim(rows: readonly { file: string; row: ClaimReport }[]): MergedClaim {
  const { theorem, claim, title, budget } = rows[0]!.row;
  const status = rows.map((r) => r.row.status).reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
  const counterexamples = rows
    .filter(({ row }) => row.failed)
    .map(({ file, row }) => ({
      shard: row.shard,
      file,
      seed: row.seed,
      path: row.path,
      value: row.counterexample,
      error: row.error,
      saved: row.saved,
      replay: `npx perfsec search ${claim} --seed ${row.seed} --runs ${row.numRuns}`,
    }));
  const shards = rows.map(({ row }) => {
    const { shard, seed, numRuns, runsExecuted, status: s } = row;
    return { shard, seed, numRuns, runsExecuted, status: s };
  });
  const sum = (f: (s: ShardRun) => number) => shards.reduce((n, s) => n + f(s), 0);
  const pinned = [...new Set(rows.flatMap(({ row }) => (row.pinned ? [row.pinned] : [])))];
  const runs = { runs: sum((s) => s.numRuns), runsExecuted: sum((s) => s.runsExecuted) };
  return { theorem, claim, title, status, budget, ...runs, shards, counterexamples, pinned };
}

/** Checks FILES as the shards of one search (search-shards.ts) and merges them. */
export function mergeShards(files: readonly ShardFile[], allowPartial = false): MergedReport {
  const set = checkShards(files, allowPartial);
  const head = set.shards[0]!.report;
  const results = head.results.map((_, i) =>
    mergeClaim(set.shards.map((s) => ({ file: s.file, row: s.report.results[i]! }))),
  );
  const counts = { holds: 0, 'refuted-as-pinned': 0, 'new-counterexample': 0, 'pin-lost': 0 };
  for (const r of results) counts[r.status]++;
  return {
    schema: SEARCH_MERGE_FORMAT,
    version: head.version,
    commit: head.commit,
    selector: head.selector,
    seed: head.seed,
    runs: head.runs,
    shardCount: set.count,
    shards: set.shards.map((s) => ({ shard: s.report.shard, file: s.file })),
    missing: set.missing,
    complete: set.missing.length === 0,
    results,
    counts,
  };
}
