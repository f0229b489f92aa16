/**
 * The shared shape of a mutant test: each deliberately broken model must be caught by every claim
 * named for it, within a budget, with a seed and path that replay the failure.
 */
import { expect, test } from 'vitest';
import type { Theorem } from '../../src/engine/theorem.js';
import { search } from '../../src/engine/search.js';

/** A broken subject, named after its slip, with the claims that must catch it. */
export interface Mutant<M> {
  readonly name: string;
  readonly subject: M;
  readonly caughtBy: readonly string[];
}

/** Registers one test per (mutant, claim): the claim's search fails on the mutant, and its seed and path replay. */
export function eachMutantCaught<M>(
  theorem: Theorem<M>,
  mutants: readonly Mutant<M>[],
  seed: number,
  numRuns: number,
): void {
  for (const m of mutants) {
    for (const id of m.caughtBy) {
      test(`${id} catches ${m.name}`, () => {
        const claim = theorem.claims(m.subject).find((c) => c.id === id);
        expect(claim, id).toBeDefined();
        const found = search(claim!, { seed, numRuns });
        expect(found.failed, `seed ${seed}: no counterexample in ${numRuns} runs`).toBe(true);
        expect(found.path).toMatch(/^\d+(:\d+)*$/);
        const again = search(claim!, { seed: found.seed, numRuns, path: found.path! });
        expect(again.failed).toBe(true);
      });
    }
  }
}
