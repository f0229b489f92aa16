/**
 * Split-view detection probability (draft §7, §9; model/detection.ts): the closed forms at exact
 * points (the model's 1 - (1 - m/w)^k with m = max(0, q - c), the printed §7 and §9 formulas),
 * the laws relating them, and the seeded Monte Carlo estimate against the model's closed form
 * when compromised witnesses take part (c > 0), with its binomial standard error.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  draftSection7,
  draftSection9,
  estimateDetection,
  modelProbability,
  type DetectionSetup,
} from '../model/detection.js';
import { detectionTrials } from '../properties/t-comp-split-detection.js';

describe('closed forms at exact points', () => {
  test.each<[number, number, number, number, number]>([
    // w, q, c, k queries, P = 1 - (1 - max(0, q - c)/w)^k
    [5, 2, 0, 2, 1 - (3 / 5) ** 2],
    [5, 3, 1, 2, 1 - (3 / 5) ** 2],
    [7, 4, 2, 3, 1 - (5 / 7) ** 3],
    [7, 3, 1, 1, 2 / 7],
    [4, 2, 0, 0, 0],
    [5, 2, 2, 3, 0],
    [5, 1, 3, 4, 0],
  ])(
    'model: w=%d q=%d c=%d k=%d gives %f (the c compromised cosign both views and reveal nothing)',
    (w, q, c, k, p) => {
      expect(modelProbability(w, q, c, k)).toBeCloseTo(p, 12);
    },
  );
  test.each<[number, number, number, number]>([
    // w, q, §7 1 - (1 - 2/w)^q, §9 1 - (1 - 1/w)^q
    [5, 2, 1 - (3 / 5) ** 2, 1 - (4 / 5) ** 2],
    [4, 3, 1 - (1 / 2) ** 3, 1 - (3 / 4) ** 3],
    [10, 1, 0.2, 0.1],
    [2, 4, 1, 1 - (1 / 2) ** 4],
  ])('draft §7 and §9 formulas at w=%d q=%d', (w, q, p7, p9) => {
    expect(draftSection7(w, q)).toBeCloseTo(p7, 12);
    expect(draftSection9(w, q)).toBeCloseTo(p9, 12);
  });
});

describe('laws of the closed forms', () => {
  const wq = fc.integer({ min: 2, max: 40 }).chain((w) => fc.tuple(fc.constant(w), fc.integer({ min: 1, max: w })));
  test('§7 is the model at q = 2 with no compromised witness and k = q queries (draft §7, default q)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 200 }),
        (w) => Math.abs(draftSection7(w, 2) - modelProbability(w, 2, 0, 2)) < 1e-12,
      ),
      { seed: 7, numRuns: 100 },
    );
  });
  test('§9 is the model at q = 1 (one honest cosigner of the other view), and below §7 whenever q >= 1', () => {
    fc.assert(
      fc.property(
        wq,
        ([w, q]) =>
          Math.abs(draftSection9(w, 1) - modelProbability(w, 1, 0, 1)) < 1e-12 &&
          draftSection9(w, q) < draftSection7(w, q) + 1e-12 &&
          draftSection9(w, q) > 0,
      ),
      { seed: 7, numRuns: 100 },
    );
  });
  test(
    'each compromised witness lowers the model probability like ' +
      'one fewer honest cosigner: P(w, q, c) = P(w, q - c, 0)',
    () => {
      fc.assert(
        fc.property(
          wq,
          fc.integer({ min: 0, max: 40 }),
          fc.integer({ min: 0, max: 6 }),
          ([w, q], c, k) =>
            Math.abs(modelProbability(w, q, c, k) - modelProbability(w, Math.max(0, q - c), 0, k)) < 1e-12,
        ),
        { seed: 7, numRuns: 100 },
      );
    },
  );
});

describe('Monte Carlo estimate over the witness model (seeded)', () => {
  const within = (s: DetectionSetup): { p: number; model: number; stderr: number } => {
    const e = estimateDetection(s, detectionTrials(s));
    return { p: e.p, model: modelProbability(s.w, s.q, s.c, s.queries), stderr: e.stderr };
  };
  test.each<DetectionSetup>([
    { w: 7, q: 4, c: 2, queries: 3, trials: 300, seed: 7 },
    { w: 5, q: 2, c: 1, queries: 2, trials: 300, seed: 11 },
    { w: 6, q: 3, c: 0, queries: 2, trials: 300, seed: 3 },
  ])(
    'with $c compromised of $w witnesses, q = $q, $queries ' +
      'queries: the estimate is within 4 standard errors of the model',
    (s) => {
      const { p, model, stderr } = within(s);
      expect(Math.abs(p - model)).toBeLessThanOrEqual(4 * stderr);
    },
  );
  test('the estimate reports detected / trials and the binomial standard error sqrt(p(1 - p)/trials)', () => {
    const s = { w: 5, q: 2, c: 0, queries: 2, trials: 200, seed: 5 };
    const e = estimateDetection(s, detectionTrials(s));
    expect(e.trials).toBe(200);
    expect(e.p).toBe(e.detected / 200);
    expect(e.p).toBeGreaterThan(0);
    expect(e.p).toBeLessThan(1);
    expect(e.stderr).toBeCloseTo(Math.sqrt((e.p * (1 - e.p)) / 200), 12);
  });
  test(
    'with q <= c no honest witness cosigns either view: nothing ' +
      'is detected, and the standard error falls back to 1/trials',
    () => {
      const s = { w: 5, q: 2, c: 2, queries: 4, trials: 50, seed: 1 };
      expect(estimateDetection(s, detectionTrials(s))).toEqual({ p: 0, stderr: 1 / 50, detected: 0, trials: 50 });
    },
  );
});
