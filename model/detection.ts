/**
 * Split-view detection probability (draft §7, §9) estimated from the witness model by Monte
 * Carlo. The model, stated because the draft gives none: the collector splits minimally (view
 * A to q - c honest witnesses, view B to q - c others, chosen uniformly at random); an auditor
 * holding view A asks k witnesses drawn uniformly with replacement and detects when one of
 * them cosigned view B. Then P = 1 - (1 - m/w)^k with m = q - c, the honest cosigners of B.
 * §7 prints 1 - (1 - 2/w)^q, §9 prints 1 - (1 - 1/w)^q "for q honest cosignatures of w witnesses".
 * The random draws of the estimate are an argument (seeded by the caller:
 * properties/t-comp-split-detection.ts), so the model needs no generator library.
 */
import { detectors, minimalSplit, play, type Attack } from './collector.js';

/** The parameters of one estimate. */
export interface DetectionSetup {
  readonly w: number;
  readonly q: number;
  readonly c: number;
  readonly queries: number;
  readonly trials: number;
  readonly seed: number;
}

/** The estimate and its standard error. */
export interface Estimate {
  readonly p: number;
  readonly stderr: number;
  readonly detected: number;
  readonly trials: number;
}

/** 1 - (1 - m/w)^k: some of K queries, each drawn uniformly from W witnesses, hits one of M (the one formula). */
export function detectionProbability(w: number, m: number, k: number): number {
  return 1 - (1 - m / w) ** k;
}

/** P(detect) of the model in closed form: 1 - (1 - m/w)^k, m = q - c honest cosigners of the other view. */
export function modelProbability(w: number, q: number, c: number, queries: number): number {
  return detectionProbability(w, Math.max(0, q - c), queries);
}

/** The draft's §7 formula, 1 - (1 - 2/w)^q. */
export const draftSection7 = (w: number, q: number): number => detectionProbability(w, 2, q);
/** The draft's §9 formula, 1 - (1 - 1/w)^q. */
export const draftSection9 = (w: number, q: number): number => detectionProbability(w, 1, q);

/**
 * One trial's random draws: the order in which the collector takes the honest witnesses c .. w-1
 * (a permutation of them), and the `queries` witnesses (0 .. w-1) the auditor asks.
 */
export type DetectionTrial = readonly [order: readonly number[], asked: readonly number[]];

/** Monte Carlo estimate over the witness model (model/collector.ts) from S.trials draws of TRIALS. */
export function estimateDetection(s: DetectionSetup, trials: Iterable<DetectionTrial>): Estimate {
  let detected = 0;
  for (const [order, asked] of trials) {
    const base = minimalSplit(s.w, s.q, s.c);
    // the collector's random choice of honest witnesses
    const moves = base.map((m) => ({ ...m, witness: order[m.witness - s.c]! }));
    const a: Attack = {
      w: s.w,
      q: s.q,
      c: s.c,
      moves,
      // Stryker disable next-line StringLiteral: each honest witness is asked once, so every policy and placement
      // cosigns the same views
      policy: 'first-cosign-wins',
      // Stryker disable next-line StringLiteral: the same reason: the placement changes no witness's answer here
      placement: 'extension',
      values: {
        // Stryker disable next-line ArrayDeclaration: the auditor holds view A; A's values do not change which
        // witnesses cosigned view B
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
