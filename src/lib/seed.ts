/**
 * Run-wide search settings from the environment: PERFSEC_SEED fixes the seed of every property
 * search in a run, PERFSEC_RUNS its budget per property.
 */
import { InputError } from './errors.js';

/** Seed and budget for one run. */
export interface RunSettings {
  /** The fast-check seed (a 32-bit integer). */
  readonly seed: number;
  /** Where the seed came from. */
  readonly seedSource: 'PERFSEC_SEED' | 'random' | 'flag';
  /** Runs per property, when PERFSEC_RUNS sets it; otherwise each property's own default. */
  readonly numRuns: number | undefined;
}

/** Parses a seed: any integer that fits 32 bits (fast-check's range). */
export function parseSeed(text: string, what = 'seed'): number {
  if (!/^-?\d+$/.test(text.trim())) throw new InputError(`${what} must be an integer, got '${text}'`);
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < -(2 ** 31) || n >= 2 ** 32) {
    throw new InputError(`${what} must fit in 32 bits, got ${text}`);
  }
  return n | 0;
}

/** The largest run budget taken: a billion runs is already days of search. */
export const MAX_RUNS = 1_000_000_000;

/** Parses a positive run budget, at most MAX_RUNS. */
export function parseRuns(text: string, what = 'runs'): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1)
    throw new InputError(`${what} must be a positive integer, got '${text}'`);
  if (Number(text) > MAX_RUNS) throw new InputError(`${what} must be at most ${MAX_RUNS}, got ${text.trim()}`);
  return Number(text);
}

/** A fresh random 32-bit seed, as fast-check itself would draw. */
export function randomSeed(): number {
  return (Date.now() ^ (Math.random() * 0x100000000)) | 0;
}

/** Reads PERFSEC_SEED and PERFSEC_RUNS; draws a random seed when PERFSEC_SEED is unset. */
export function runSettings(env: NodeJS.ProcessEnv = process.env): RunSettings {
  const seedText = env.PERFSEC_SEED?.trim();
  const runsText = env.PERFSEC_RUNS?.trim();
  return {
    seed: seedText ? parseSeed(seedText, 'PERFSEC_SEED') : randomSeed(),
    seedSource: seedText ? 'PERFSEC_SEED' : 'random',
    numRuns: runsText ? parseRuns(runsText, 'PERFSEC_RUNS') : undefined,
  };
}
