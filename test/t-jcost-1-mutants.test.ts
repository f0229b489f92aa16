/**
 * The T-JCOST-1 properties can fail: each deliberately broken model (test/mutants/t-jcost-1.ts) is
 * caught by the claims that should catch it, with a seed and a path that replay the failure.
 */
import { describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import tJcost1 from '../properties/t-jcost-1.prop.js';
import { search } from '../src/lib/search.js';
import { MUTANTS } from './mutants/t-jcost-1.js';

const seed = inject('perfsecSeed');

describe('T-JCOST-1 properties catch broken cost models', () => {
  for (const m of MUTANTS) {
    for (const id of m.caughtBy) {
      test(`${id} catches ${m.name}`, () => {
        const claim = tJcost1.claims(m.subject).find((c) => c.id === id);
        expect(claim, id).toBeDefined();
        const found = search(claim!, { seed, numRuns: 300 });
        expect(found.failed, `seed ${seed}: no counterexample in 300 runs`).toBe(true);
        expect(found.path).toMatch(/^\d+(:\d+)*$/);
        // The seed and path alone regenerate the failure: the reproducibility contract.
        const again = search(claim!, { seed: found.seed, numRuns: 300, path: found.path! });
        expect(again.failed).toBe(true);
        expect(again.counterexample).toEqual(found.counterexample);
      });
    }
  }

  test('the faithful model passes every claim the mutants fail', () => {
    for (const c of tJcost1.claims(tJcost1.model)) expect(search(c, { seed, numRuns: 50 }).failed, c.id).toBe(false);
  });
});
