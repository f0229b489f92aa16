/**
 * The claims registry (spec/claims): rounding and comparison rules, schema checks, and pins that
 * break when the model's verdict on a printed number changes.
 */
import { describe, expect, test } from 'vitest';
import { closedForm } from '../model/joint-cost.js';
import { computeClaims, jointCostQuantities, loadClaims, roundTo, verdictOf } from '../src/lib/claims.js';
import { loadConstants } from '../src/lib/constants.js';
import { problems } from '../src/lib/schemas.js';
import { at } from './json-edit.js';
import { MUTANTS } from './mutants/t-jcost-1.js';

const file = loadClaims('t-jcost-1');
const draft = loadConstants().constants_us;

describe('printed numbers compared at the draft precision', () => {
  test.each([
    [174.25216, 2, 174.25],
    [0.88261, 2, 0.88],
    [1.7425216, 2, 1.74],
    [2521.6, 0, 2522],
    [0.125, 2, 0.13],
  ])('roundTo(%f, %i) = %f', (x, places, want) => expect(roundTo(x, places)).toBe(want));

  test.each([
    [174.25216, 174.25, { kind: 'decimals', places: 2 } as const, 'holds'],
    [197.42871, 198, { kind: 'approx', places: 0, rel_tol: 0.02 } as const, 'holds within rounding'],
    [197.42871, 198, { kind: 'approx', places: 0, rel_tol: 0.001 } as const, 'refuted'],
    [16, 1.6, { kind: 'decimals', places: 1 } as const, 'refuted'],
  ])('model %f against printed %f (%o) is %s', (model, printed, cmp, want) =>
    expect(verdictOf(model, printed, cmp)).toBe(want),
  );
});

describe('spec/claims/t-jcost-1.json', () => {
  test('every claim computes to its pinned verdict with the draft constants', () => {
    const off = computeClaims(file, jointCostQuantities(closedForm), draft)
      .filter((r) => !r.asPinned)
      .map((r) => `${r.claim.id}: ${r.verdict} (model ${r.model})`);
    expect(off).toEqual([]);
  });

  test('the Appendix A witness line is refuted, and its correction is what the model computes', () => {
    const refuted = computeClaims(file, jointCostQuantities(closedForm), draft).filter(
      (r) => r.verdict === 'refuted' && r.claim.section === 'App. A',
    );
    expect(refuted.map((r) => r.claim.id)).toEqual([
      'JCOST-A-path-c-bundles',
      'JCOST-A-path-c-us',
      'JCOST-A-path-c-pct',
    ]);
    for (const r of refuted) expect(roundTo(r.model, r.claim.compare.places)).toBe(r.claim.corrected?.value);
  });

  test('a broken cost model no longer matches the pins', () => {
    const off = computeClaims(file, jointCostQuantities(MUTANTS[0]!.subject.cost), draft).filter((r) => !r.asPinned);
    expect(off.length).toBeGreaterThan(10);
  });

  test.each([
    [
      'a claim without its verdict',
      (d: unknown) => delete at(d, 'claims', 0).verdict,
      /missing field 'claims\/0\/verdict'/,
    ],
    [
      'a quantity that is not a name',
      (d: unknown) => (at(d, 'claims', 0, 'expr').quantity = 'Joules!'),
      /claims\/0\/expr/,
    ],
    ['a section that is not a section', (d: unknown) => (at(d, 'claims', 0).section = 'three'), /claims\/0\/section/],
    ['an unknown field', (d: unknown) => (at(d, 'claims', 0).colour = 'red'), /unknown field 'claims\/0\/colour'/],
  ])('the schema rejects %s', (_what, breakIt, message) => {
    const d = structuredClone(file) as unknown;
    breakIt(d);
    expect(problems('claims-v1', d).join('; ')).toMatch(message);
  });
});
