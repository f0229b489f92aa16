/**
 * The claims registry (spec/claims): rounding and comparison rules, schema checks, and pins that
 * break when the model's verdict on a printed number changes.
 */
import { describe, expect, test } from 'vitest';
import { closedForm } from '../model/joint-cost.js';
import {
  computeClaims,
  jointCostQuantities,
  loadClaims,
  roundTo,
  verdictOf,
  type ClaimsFile,
} from '../src/lib/claims.js';
import { loadConstants } from '../src/lib/constants.js';
import { InputError } from '../src/lib/errors.js';
import { VDOS_QUANTITIES } from '../src/lib/vdos-quantities.js';
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

describe('open choices in spec/claims/t-vdos-1.json', () => {
  const vdos = loadClaims('t-vdos-1');
  const one = (id: string, edit: (d: unknown) => void): ClaimsFile => {
    const d = structuredClone({ ...vdos, claims: vdos.claims.filter((k) => k.id === id) }) as unknown;
    edit(d);
    return d as ClaimsFile;
  };

  test.each([
    [
      'a choice the file does not declare',
      (d: unknown) => (at(d, 'claims', 0).choices = ['duration_s', 'wind_speed']),
      /choice 'wind_speed' is not declared/,
    ],
    [
      'two ranges on one claim',
      (d: unknown) => {
        at(d, 'choices').flood_factor = {
          range: { min: 1, max: 2, step: 1 },
          unit: 'x',
          open: at(d, 'choices', 'duration_s').open,
        };
        at(d, 'claims', 0).choices = ['duration_s', 'flood_factor'];
      },
      /one range per claim/,
    ],
    [
      'a base point outside the admissible range',
      (d: unknown) => (at(d, 'scenarios', 'flood-16').duration_s = 7200),
      /sets duration_s 7200, outside its admissible choices/,
    ],
    [
      'a range that is not a grid',
      (d: unknown) => (at(d, 'choices', 'duration_s').range = { min: 1, max: 2, step: 0.3 }),
      /is not a grid/,
    ],
  ])('computing a claim with %s is refused as bad input', (_what, breakIt, message) => {
    const run = () => computeClaims(one('VDOS-4.4-16-with-rl', breakIt), VDOS_QUANTITIES, draft);
    expect(run).toThrow(InputError);
    expect(run).toThrow(message);
  });

  test.each([
    [
      'a choice with both a set and a range',
      (d: unknown) => (at(d, 'choices', 'xdp_per_pair').range = { min: 0, max: 1, step: 1 }),
      /choices\/xdp_per_pair/,
    ],
    ['a choice without its lines', (d: unknown) => delete at(d, 'choices', 'duration_s').open, /choices\/duration_s/],
    [
      'readings without the lines that leave them open',
      (d: unknown) => {
        const k = at(d, 'claims', 0);
        k.readings = [{ name: 'other', expr: k.expr, note: 'n' }];
      },
      /readings_open/,
    ],
  ])('the schema rejects %s', (_what, breakIt, message) => {
    const d = structuredClone(vdos) as unknown;
    breakIt(d);
    expect(problems('claims-v1', d).join('; ')).toMatch(message);
  });

  test('the §4.4 row at flood 16 holds under some choices only, and names them', () => {
    const [r] = computeClaims(
      one('VDOS-4.4-16-with-rl', () => undefined),
      VDOS_QUANTITIES,
      draft,
    );
    expect(r!.verdict).toBe('holds under');
    expect(r!.search.outcomes.filter((o) => o.holds).map((o) => o.choice)).toContainEqual(
      expect.stringMatching(
        /xdp_per_pair "c_xdp once per \(snapshot, push\) pair \(§4.3 proof\)".*duration_s 7\d\.\d+\.\.7\d(\.\d+)? s/,
      ),
    );
    // the corrected statement is about the base point: the scenario's own 60 s, c_xdp on every packet
    expect(roundTo(r!.model, 2)).toBe(r!.claim.corrected!.value);
  });
});
