/**
 * The vitest side of the claim engine: turns a theorem's claims into tests, only for the file vitest
 * is collecting. Loaded by src/engine/declare-theorem.ts under vitest alone.
 */
import { test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { loadCounterexample } from './counterexamples.js';
import { budgetFor } from './search.js';
import { replay } from './replay.js';
import type { Claim } from './claim.js';
import type { Theorem } from './theorem.js';

function refutedTest(c: Claim & { refutedBy: string }): void {
  test(`${c.title} [refuted: ${c.refutedBy}]`, () => {
    const r = replay(c, loadCounterexample(c.refutedBy));
    expect(r.reproduced, r.summary).toBe(true);
  });
}

/** Registers the theorem's claims when vitest is collecting the file that declares it. */
export function register(t: Theorem): void {
  if (expect.getState().testPath !== t.file) return;
  describe(`${t.id} (${t.section}) ${t.title}`, () => {
    for (const c of t.claims(t.model)) {
      if (c.refutedBy) refutedTest(c as Claim & { refutedBy: string });
      // PERFSEC_RUNS, else the claim's own budget
      else fcTest.prop(c.arbitraries as never, { numRuns: budgetFor(c) })(c.title, c.predicate as never);
    }
    for (const e of t.examples?.(t.model) ?? []) {
      test(e.title, () => {
        const r = e.check();
        expect(r.ok, r.detail).toBe(true);
      });
    }
  });
}
