/**
 * The T-JCOST-1 properties can fail: each deliberately broken model (test/mutants/t-jcost-1.ts) is
 * caught by the claims that should catch it, with a seed and a path that replay the failure.
 */
import { describe, expect, inject, test } from 'vitest';
import tJcost1 from '../properties/t-jcost-1.prop.js';
import { search } from '../src/engine/search.js';
import { eachMutantCaught } from './mutants/caught.js';
import { MUTANTS } from './mutants/t-jcost-1.js';

const seed = inject('perfsecSeed');

describe('T-JCOST-1 properties catch broken cost models', () => {
  eachMutantCaught(tJcost1, MUTANTS, { seed, numRuns: 300 });

  test('the faithful model passes every claim the mutants fail', () => {
    for (const c of tJcost1.claims(tJcost1.model)) expect(search(c, { seed, numRuns: 50 }).failed, c.id).toBe(false);
  });
});
