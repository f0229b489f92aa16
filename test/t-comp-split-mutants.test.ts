/**
 * The T-COMP-SPLIT properties can fail: each broken witness or cosigner (test/mutants/t-comp-split.ts)
 * is caught, with a replayable seed and path. The split-view search finds the planted flaw: a
 * first-cosign-wins witness keyed by bundle_id alone lets a collector reach a split view where
 * the faithful policy makes one impossible.
 */
import { describe, expect, inject, test } from 'vitest';
import { play, splitPossible, type Attack } from '../model/collector.js';
import { firstCosignWins } from '../model/witness.js';
import tCompSplit from '../properties/t-comp-split.prop.js';
import { search } from '../src/engine/search.js';
import { eachMutantCaught } from './mutants/caught.js';
import { SPLIT_MUTANTS } from './mutants/t-comp-split.js';

const seed = inject('perfsecSeed');
// 400 runs missed bundle-id-only under split-bound for 3 seeds of 1..200; 1000 runs missed none of 1..400.
const MUTANT_RUNS = 1000;

describe('T-COMP-SPLIT properties catch broken witnesses', () => {
  eachMutantCaught(tCompSplit, SPLIT_MUTANTS, { seed, numRuns: MUTANT_RUNS });

  test(
    'the split-view search finds the planted flaw (first-cosign-wins ' +
      'keyed by bundle_id alone) where a split is impossible',
    () => {
      const planted = SPLIT_MUTANTS[0]!;
      const bound = tCompSplit.claims(planted.subject).find((x) => x.id === 'T-COMP-SPLIT.fcw-extension-bound')!;
      const found = search(bound, { seed, numRuns: 400 });
      expect(found.failed, `seed ${seed}`).toBe(true);
      const a = found.counterexample![0] as Attack;
      expect(splitPossible(a.w, a.q, a.c)).toBe(false); // the faithful policy forbids a split here
      expect(play(a, () => firstCosignWins((id) => id, 'bundle-id-only')).split).toBe(true);
      expect(play(a).split).toBe(false); // the same moves against the faithful witnesses
      // the flaw needs a later bundle_seq between the two views: some honest witness saw ahead > 0
      expect(a.moves.some((m) => m.ahead > 0 && m.witness >= a.c)).toBe(true);
    },
  );

  test('a hand-written trace of the planted flaw: A at seq 3, A at seq 4, then B at seq 3 is cosigned', () => {
    const a: Attack = {
      w: 1,
      q: 1,
      c: 0,
      policy: 'first-cosign-wins',
      placement: 'extension',
      values: { A: [1, 2], B: [1, 3] },
      moves: [
        { witness: 0, view: 'A', ahead: 0 },
        { witness: 0, view: 'A', ahead: 1 },
        { witness: 0, view: 'B', ahead: 0 },
      ],
    };
    expect(play(a, () => firstCosignWins((id) => id, 'bundle-id-only')).statuses).toEqual([200, 200, 200]);
    expect(play(a).statuses).toEqual([200, 200, 409]);
  });

  test('the faithful model passes every claim the mutants fail', () => {
    for (const c of tCompSplit.claims(tCompSplit.model))
      if (!c.refutedBy) expect(search(c, { seed, numRuns: 60 }).failed, c.id).toBe(false);
  });
});
