/**
 * The random draws of the split-view detection estimate (model/detection.ts), seeded and
 * replayable: fast-check samples each trial's order of honest witnesses and the auditor's queries.
 */
import fc from 'fast-check';
import type { DetectionSetup, DetectionTrial } from '../model/detection.js';

/** S.trials draws from seed S.seed: a permutation of the honest witnesses c .. w-1, and S.queries witnesses asked. */
export function detectionTrials(s: DetectionSetup): DetectionTrial[] {
  const trial = fc.tuple(
    fc.shuffledSubarray(
      [...Array(s.w - s.c).keys()].map((i) => i + s.c),
      { minLength: s.w - s.c, maxLength: s.w - s.c },
    ),
    fc.array(fc.integer({ min: 0, max: s.w - 1 }), { minLength: s.queries, maxLength: s.queries }),
  );
  return fc.sample(trial, { seed: s.seed, numRuns: s.trials });
}
