/**
 * The T-VDOS-1 properties can fail: each broken rate limiter or accounting
 * (test/mutants/t-vdos-1.ts) is caught by the claims named for it, with a seed and path.
 */
import { describe, expect, inject, test } from 'vitest';
import tVdos1 from '../properties/t-vdos-1.prop.js';
import { search } from '../src/lib/search.js';
import { FLOOD_MUTANTS } from './mutants/t-vdos-1.js';

const seed = inject('perfsecSeed');

describe('T-VDOS-1 properties catch broken rate limiters', () => {
  for (const m of FLOOD_MUTANTS) {
    for (const id of m.caughtBy) {
      test(`${id} catches ${m.name}`, () => {
        const claim = tVdos1.claims(m.subject).find((c) => c.id === id);
        expect(claim, id).toBeDefined();
        const found = search(claim!, { seed, numRuns: 400 });
        expect(found.failed, `seed ${seed}: no counterexample in 400 runs`).toBe(true);
        expect(found.path).toMatch(/^\d+(:\d+)*$/);
      });
    }
  }
});
