/**
 * Issue 19, Deliver 2: the scope a corrected claim is verified in, shown beside it (src/audit/checked.ts). The
 * figures come from the deep baseline where it lists the claim, else the registry's default verify scope is named
 * with no state counts (never run by the audit); the line says which.
 */
import { describe, expect, test } from 'vitest';
import { checkedLine, checkedOf, type DeepBaseline } from '../src/audit/checked.js';
import { VERIFY_TARGETS } from '../src/verify/registry.js';
import { defaultScope } from '../src/verify/target.js';

const BASELINE: DeepBaseline = {
  schema: 'perfsec-deep-baseline-v1',
  date: '2026-12-04T13:00:00.000Z',
  random: [{ claim: 'T-VDOS-1.bound-corrected', cases: 1_000_000 }],
  exhaustive: [
    {
      target: 'T-VDOS-1.bound-corrected',
      claim: 'T-VDOS-1.bound-corrected',
      scope: 'N 1-4, ...',
      depth: 0,
      states: 1_234_567,
      distinct: 480_112,
      status: 'verified',
    },
    {
      target: 'T-RC-1.A.iff',
      claim: 'T-RC-1.A.iff',
      scope: 'S',
      depth: 7,
      states: 5000,
      distinct: 900,
      status: 'incomplete',
    },
  ],
};

describe('checked: how far a corrected claim is checked', () => {
  test('from the deep baseline where it lists the claim', () => {
    const k = checkedOf('T-VDOS-1.bound-corrected', 80, BASELINE);
    expect(k).toMatchObject({
      source: 'deep-baseline',
      random_cases: 1_000_000,
      exhaustive: { target: 'T-VDOS-1.bound-corrected', depth: 0, states: 1_234_567, distinct: 480_112 },
      date: BASELINE.date,
    });
    expect(checkedLine(k)).toBe(
      'verified for every trace up to depth 0 in scope N 1-4, ...: 1.2 M states (480 112 distinct); ' +
        'searched 1.0 M random cases (deep baseline of 2026-12-04)',
    );
  });

  test('a run the baseline records as cut short says so, not "verified"', () => {
    const line = checkedLine(checkedOf('T-RC-1.A.iff', 150, BASELINE));
    expect(line).toMatch(/^incomplete: every trace up to depth 7 in scope S: 5 000 states/);
    expect(line).not.toMatch(/verified/);
  });

  test('without a baseline: the default verify scope, named, no state counts, and the property budget', () => {
    const t = VERIFY_TARGETS.find((x) => x.claim === 'T-RC-1.A.iff')!;
    const k = checkedOf('T-RC-1.A.iff', 150);
    expect(k).toEqual({
      claim: 'T-RC-1.A.iff',
      source: 'verify-default',
      random_cases: 150,
      exhaustive: null,
      verify_default: { target: 'T-RC-1.A.iff', scope: t.describe(defaultScope(t)), depth: 6 },
      date: null,
    });
    expect(checkedLine(k)).toMatch(/^exhaustive scope of `perfsec verify T-RC-1\.A\.iff` \(no deep run recorded\)/);
    expect(checkedLine(k)).toMatch(/searched 150 random cases per test run/);
  });

  test('a claim perfsec verify has no target for', () => {
    const k = checkedOf('T-JCOST-1.whatever', 100, BASELINE);
    expect(k).toMatchObject({ exhaustive: null, verify_default: null, source: 'verify-default' });
    expect(checkedLine(k)).toMatch(/^no exhaustive target; searched 100 random cases/);
  });
});
