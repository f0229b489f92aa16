/**
 * Runs in each test worker: applies the run's seed and budget to every fast-check search.
 */
import fc from 'fast-check';
import { inject } from 'vitest';

const runs = inject('perfsecRuns');
fc.configureGlobal({ seed: inject('perfsecSeed'), ...(runs ? { numRuns: runs } : {}) });
