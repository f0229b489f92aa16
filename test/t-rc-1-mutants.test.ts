/**
 * The T-RC-1 properties can fail (draft §5): each deliberately broken broker
 * (test/mutants/t-rc-1.ts) is caught by the adversary search of the claims that should catch it,
 * with a seed and a path that replay the failure. Two are spelled out: a broker that drops
 * predicate (a), and one that resets the BFD seq at an epoch boundary.
 */
import fc from 'fast-check';
import { describe, expect, inject, test } from 'vitest';
import tRc1 from '../properties/t-rc-1.prop.js';
import { search } from '../src/engine/search.js';
import { caughtBy, eachMutantCaught } from './mutants/caught.js';
import { RC_MUTANTS, type RcMutant } from './mutants/t-rc-1.js';

const seed = inject('perfsecSeed');
// A ceiling, not a cost: a search stops at its first counterexample (about 40 runs on average for
// reset-seq); 300 missed it at seed -71229830 (377 runs), and the tail beyond 2000 is about e^-50.
const RUNS = 2000;

/** The caughtBy check (test/mutants/caught.ts), with the counterexample as text and the predicate's error. */
function caught(m: RcMutant, id: string) {
  const found = caughtBy(tRc1, m.subject, id, { seed, numRuns: RUNS });
  return { text: fc.stringify(found.counterexample), error: found.error ?? '' };
}

const mutant = (prefix: string) => RC_MUTANTS.find((m) => m.name.startsWith(prefix))!;

describe('T-RC-1 adversary search catches broken brokers (draft §5)', () => {
  eachMutantCaught(tRc1, RC_MUTANTS, { seed, numRuns: RUNS });

  test('a broker that drops predicate (a) accepts a replayed push: the search shrinks to emit, deliver, replay', () => {
    const { text, error } = caught(mutant('drop-a'), 'T-RC-1.A.no-double-accept');
    expect(error).toMatch(/accepted twice \(push /);
    expect(text).toMatch(/emit\(v\d,push,s\d\)/);
    expect(text).toMatch(/replay\(\d+\)/);
    // a short list (shrinking stops at a local minimum that depends on the seed)
    expect(text.split('),').length).toBeLessThanOrEqual(16);
  });

  test('a broker that resets the BFD seq at the epoch boundary accepts an old-epoch push again in the overlap', () => {
    const { text, error } = caught(mutant('reset-seq'), 'T-RC-1.B.cross-epoch-rejected');
    expect(error).toMatch(/cross-epoch replay or forge accepted: (replay|deliver) of push/);
    expect(text).toMatch(/advance\((400|1000)ms\)/); // the clock crosses a boundary
    expect(text.split('),').length).toBeLessThanOrEqual(16);
  });

  test('the faithful broker passes every claim the mutants fail', () => {
    for (const c of tRc1.claims(tRc1.model))
      if (!c.refutedBy) expect(search(c, { seed, numRuns: 100 }).failed, c.id).toBe(false);
  });
});
