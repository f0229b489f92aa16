/**
 * The shared shape of a mutant test: each deliberately broken model must be caught by every claim
 * named for it, within a budget, with a seed and path that replay the failure. Every mutant test
 * (test/*-mutants.test.ts, test/t-hkdf-ps.test.ts) goes through caughtBy.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { Theorem } from '../../src/engine/theorem.js';
import { search, type SearchOutcome } from '../../src/engine/search.js';

/** A broken subject, named after its slip, with the claims that must catch it. */
export interface Mutant<M> {
  readonly name: string;
  readonly subject: M;
  readonly caughtBy: readonly string[];
}

/** How hard a mutant test searches: the seed (vitest's perfsecSeed) and the runs per claim. */
export interface MutantSearch {
  readonly seed: number;
  readonly numRuns: number;
}

/**
 * The one "caught" check: claim ID of THEOREM, instantiated on SUBJECT, fails within the budget,
 * and its seed and path alone regenerate the same counterexample (the reproducibility contract).
 * Returns the search's outcome, for tests that go on to look at the counterexample.
 */
export function caughtBy<M>(theorem: Theorem<M>, subject: M, id: string, o: MutantSearch): SearchOutcome {
  const claim = theorem.claims(subject).find((c) => c.id === id);
  expect(claim, id).toBeDefined();
  const found = search(claim!, { seed: o.seed, numRuns: o.numRuns });
  expect(found.failed, `seed ${o.seed}: no counterexample in ${o.numRuns} runs`).toBe(true);
  expect(found.path).toMatch(/^\d+(:\d+)*$/);
  const again = search(claim!, { seed: found.seed, numRuns: o.numRuns, path: found.path! });
  expect(again.failed).toBe(true);
  expect(fc.stringify(again.counterexample)).toBe(fc.stringify(found.counterexample));
  return found;
}

/** Registers one test per (mutant, claim), each the caughtBy check. */
export function eachMutantCaught<M>(theorem: Theorem<M>, mutants: readonly Mutant<M>[], o: MutantSearch): void {
  for (const m of mutants) {
    for (const id of m.caughtBy) test(`${id} catches ${m.name}`, () => void caughtBy(theorem, m.subject, id, o));
  }
}
