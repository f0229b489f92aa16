/**
 * Runs once per `vitest run`: fixes the seed of the whole run (PERFSEC_SEED, or a fresh random one)
 * and prints it, so any failure can be replayed with PERFSEC_SEED=<seed> npm test.
 */
import type { TestProject } from 'vitest/node';
import { runSettings } from './src/lib/seed.js';

declare module 'vitest' {
  export interface ProvidedContext {
    perfsecSeed: number;
    perfsecRuns: number | null;
  }
}

export default function setup(project: TestProject): void {
  const s = runSettings();
  project.provide('perfsecSeed', s.seed);
  project.provide('perfsecRuns', s.numRuns ?? null);
  const runs = s.numRuns ? `PERFSEC_RUNS=${s.numRuns}` : 'runs: per-property defaults';
  console.log(
    `perfsec: PERFSEC_SEED=${s.seed} (${s.seedSource}); ${runs}; replay a failure with PERFSEC_SEED=${s.seed} npm test`,
  );
}
