/**
 * The T-VDOS-1 properties can fail: each broken rate limiter or accounting
 * (test/mutants/t-vdos-1.ts) is caught by the claims named for it, with a seed and path.
 */
import { describe, inject } from 'vitest';
import tVdos1 from '../properties/t-vdos-1.prop.js';
import { eachMutantCaught } from './mutants/caught.js';
import { FLOOD_MUTANTS } from './mutants/t-vdos-1.js';

describe('T-VDOS-1 properties catch broken rate limiters', () => {
  eachMutantCaught(tVdos1, FLOOD_MUTANTS, { seed: inject('perfsecSeed'), numRuns: 400 });
});
