/**
 * Split-view detection probability (draft §7, §9) estimated from the witness model by Monte
 * Carlo. The model, stated because the draft gives none: the collector splits minimally (view
 * A to q - c honest witnesses, view B to q - c others, chosen uniformly at random); an auditor
 * holding view A asks k witnesses drawn uniformly with replacement and detects when one of
 * them cosigned view B. Then P = 1 - (1 - m/w)^k with m = q - c, the honest cosigners of B.
 * §7 prints 1 - (1 - 2/w)^q, §9 prints 1 - (1 - 1/w)^q "for q honest cosignatures of w witnesses".
 */
import fc from 'fast-check';
import { detectors, minimalSplit, play, type Attack } from './collector.js';

/** The parameters of one estimate. */
export interface DetectionSetup { readonly w: number; readonly q: number; readonly c: number; readonly queries: number; readonly trials: number; readonly seed: number }

/** The estimate and its standard error. */
export interface Estimate { readonly p: number; readonly stderr: number; readonly detected: number; readonly trials: number }

/** P(detect) of the model in closed form: 1 - (1 - m/w)^k, m = q - c honest cosigners of the other view. */
export function modelProbability(w: number, q: number, c: number, queries: number): number {
  return 1 - (1 - Math.max(0, q - c) / w) ** queries;
}

/** The draft's §7 formula, 1 - (1 - 2/w)^q. */
export const draftSection7 = (w: number, q: number): number => 1 - (1 - 2 / w) ** q;
/** The draft's §9 formula, 1 - (1 - 1/w)^q. */
export const draftSection9 = (w: number, q: number): number => 1 - (1 - 1 / w) ** q;

/** Monte Carlo estimate over the witness model (model/collector.ts), seeded and replayable. */
export function estimateDetection(s: DetectionSetup): Estimate {
  const trial = fc.tuple(fc.shuffledSubarray([...Array(s.w - s.c).keys()].map((i) => i + s.c), { minLength: s.w - s.c, maxLength: s.w - s.c }), fc.array(fc.integer({ min: 0, max: s.w - 1 }), { minLength: s.queries, maxLength: s.queries }));
  let detected = 0;
  for (const [order, asked] of fc.sample(trial, { seed: s.seed, numRuns: s.trials })) {
    const base = minimalSplit(s.w, s.q, s.c);
    const moves = base.map((m) => ({ ...m, witness: order[m.witness - s.c]! })); // the collector's random choice of honest witnesses
    const a: Attack = {
      w: s.w, q: s.q, c: s.c, moves,
      // Stryker disable next-line StringLiteral: each honest witness is asked once, so every policy and placement cosigns the same views
      policy: 'first-cosign-wins', placement: 'extension',
      values: {
        // Stryker disable next-line ArrayDeclaration: the auditor holds view A; A's values do not change which witnesses cosigned view B
        A: [1, 2],
        B: [1, 3],
      },
    };
    const caught = new Set(detectors(play(a), a, 'A'));
    if (asked.some((i) => caught.has(i))) detected++;
  }
  const p = detected / s.trials;
  return { p, stderr: Math.sqrt((p * (1 - p)) / s.trials) || 1 / s.trials, detected, trials: s.trials };
}
