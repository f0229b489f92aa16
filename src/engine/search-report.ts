/**
 * The document `perfsec search --json` prints (schemas/search-report-v1.schema.json): one shard of a search, with
 * what `perfsec search merge` needs to tell shards of one search from shards of another (issue 19, Deliver 3): the
 * code (version, commit), the claims (selector), the seed, the budget per claim and the shard.
 */
import type { ClaimStatus } from './check-claim.js';
import type { SearchOutcome, Shard } from './search.js';

/** The schema name of a shard's document (schemas/search-report-v1.schema.json). */
export const SEARCH_REPORT_SCHEMA = 'search-report-v1';

/** The `schema` field of a shard's document. */
export const SEARCH_REPORT_FORMAT = 'perfsec-search-report-v1';

/** One claim's line of the report: what its search found in this shard. */
export interface ClaimReport extends SearchOutcome {
  readonly theorem: string;
  readonly claim: string;
  readonly title: string;
  readonly status: ClaimStatus;
  /** Runs of the whole search for this claim (before sharding): --runs, else PERFSEC_RUNS, else the claim's own. */
  readonly budget: number;
  readonly shard: string;
  readonly saved: string | null;
  readonly pinned: string | null;
}

/** One shard of a search, as `perfsec search --json` prints it. */
export interface SearchReport {
  readonly schema: typeof SEARCH_REPORT_FORMAT;
  /** The project's version (package.json). */
  readonly version: string;
  /** The git commit of the tree that ran, or "unknown" (src/lib/provenance.ts). */
  readonly commit: string;
  /** The theorem or claim id searched; null for every claim. */
  readonly selector: string | null;
  /** The run seed (each shard derives its own stream from it: shardOf). */
  readonly seed: number;
  /** --runs when given; null when each claim took PERFSEC_RUNS or its own budget (see each result's budget). */
  readonly runs: number | null;
  /** "i/n". */
  readonly shard: string;
  readonly results: readonly ClaimReport[];
}

/** "i/n". */
export function shardText(s: Shard): string {
  return `${s.index}/${s.count}`;
}
