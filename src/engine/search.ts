/**
 * Runs claim searches outside vitest (the `perfsec search` command, the validator) with visible,
 * replayable seeds, and splits deep searches into deterministic shards. Replays: src/engine/replay.ts.
 */
import fc from 'fast-check';
import { propertyOf, type Claim } from './claim.js';
import { InputError } from '../lib/errors.js';

/** What one search of one claim found. */
export interface SearchOutcome {
  readonly claimId: string;
  readonly seed: number;
  readonly numRuns: number;
  /** Runs actually executed (fewer when a counterexample stopped the search). */
  readonly runsExecuted: number;
  /** A counterexample was found. */
  readonly failed: boolean;
  /** The shrunk counterexample, one value per arbitrary. */
  readonly counterexample: readonly unknown[] | null;
  /** fast-check's replay path of the shrunk counterexample. */
  readonly path: string | null;
  /** The predicate's error, when it threw. */
  readonly error: string | null;
}

/** Budget of one claim: PERFSEC_RUNS when set, else the claim's own, else fast-check's 100. */
export function budgetFor(c: Claim, env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = env.PERFSEC_RUNS ? Number(env.PERFSEC_RUNS) : undefined;
  return fromEnv && Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : (c.numRuns ?? 100);
}

/** Searches one claim with a given seed and budget (and, to replay, a path). */
export function search(c: Claim, o: { seed: number; numRuns: number; path?: string }): SearchOutcome {
  const d = fc.check(propertyOf(c), { seed: o.seed, numRuns: o.numRuns, ...(o.path ? { path: o.path } : {}) });
  const err = d.errorInstance;
  return {
    claimId: c.id,
    seed: d.seed,
    numRuns: o.numRuns,
    runsExecuted: d.numRuns,
    failed: d.failed,
    counterexample: d.counterexample ?? null,
    path: d.counterexamplePath ?? null,
    error: err ? (err instanceof Error ? err.message : String(err)) : null,
  };
}

/** A shard "i/n" (1-based, as vitest --shard), parsed and checked. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses "--shard i/n". */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count)
    throw new InputError(`--shard must be i/n with 1 <= i <= n, got '${text}'`);
  return { index, count };
}

/**
 * The seed and budget of one shard of a search: shard i of n searches its own stream, derived from
 * the run seed, with ceil(runs / n) runs. Shard 1/1 is the unsharded search.
 */
export function shardOf(seed: number, numRuns: number, shard: Shard): { seed: number; numRuns: number } {
  return {
    seed: (seed + Math.imul(shard.index - 1, 0x9e3779b9)) | 0, // golden-ratio stride: shards never share a stream
    numRuns: Math.ceil(numRuns / shard.count),
  };
}
