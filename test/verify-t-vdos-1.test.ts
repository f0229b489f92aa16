/**
 * `perfsec verify` on T-VDOS-1 (src/verify/t-vdos-1*.ts; issue 19, Deliver 1 and 2), in small boxes: each claim
 * pinned as refuted has a counterexample there that fails the claim's predicate evaluated directly and ranks no
 * higher than the stored one; each corrected claim holds on every scenario; the boxes lie in the claims' generator
 * domains and list their scenarios smallest first; deliberately wrong bounds and buckets are caught.
 */
import { describe, expect, test } from 'vitest';
import { simulateExact, tokenBucket } from '../model/vdos-exact.js';
import type { BucketParams } from '../model/token-bucket.js';
import tVdos1, { type FloodSubject } from '../properties/t-vdos-1.prop.js';
import { loadCounterexample } from '../src/engine/counterexamples.js';
import { asStored, domainReason } from '../src/engine/outcome.js';
import { explore, summaryLine } from '../src/verify/explore.js';
import { verifyTarget } from '../src/verify/run.js';
import { defaultScope, type Scope, type VerifyTarget } from '../src/verify/target.js';
import { T_VDOS_1_TARGETS, tVdos1Targets } from '../src/verify/t-vdos-1.js';
import { violation, type BoxState } from '../src/verify/box.js';
import { compareRanks, smallestCounterexample, T_VDOS_1_RANKS } from '../src/verify/t-vdos-1-order.js';
import { claimOf, FAITHFUL } from '../src/verify/t-vdos-1-scope.js';

/** Small scopes, a few seconds in all. */
const SMALL: Readonly<Record<string, Scope>> = {
  'T-VDOS-1.bound': { n: 1, ticks: 1, 'tick-values': 1, phases: 1, floods: 2, factors: 1 },
  'T-VDOS-1.claim-a': { n: 1, ticks: 1, 'tick-values': 1, phases: 1, floods: 1, factors: 1, constants: 1 },
  'T-VDOS-1.claim-b': { f1: 1, gap: 1 },
  'T-VDOS-1.legit': { 'tick-values': 1, phases: 1, starts: 1, lengths: 1, multipliers: 1, depth: 10 },
  'T-VDOS-1.steady-honest': { 'tick-values': 3, factors: 1, depth: 0 },
  'T-VDOS-1.bound-corrected': { n: 2, ticks: 2, 'tick-values': 1, phases: 2, floods: 8, factors: 2, constants: 2 },
  'T-VDOS-1.no-rl-linear': { n: 2, ticks: 3, 'tick-values': 2, phases: 2, floods: 8, constants: 4 },
  'T-VDOS-1.claim-a-corrected': { n: 2, ticks: 2, 'tick-values': 1, phases: 2, floods: 5, factors: 4 },
  'T-VDOS-1.sims-agree': { n: 2, ticks: 2, 'tick-values': 3, phases: 2, floods: 4, factors: 3 },
  'T-VDOS-1.claim-b-per-pair': { f1: 40, stride: 147, gap: 20 },
  'T-VDOS-1.claim-b-corrected': { f1: 40, stride: 147, gap: 5 },
  'T-VDOS-1.legit-3s': { 'tick-values': 2, phases: 1, starts: 2, lengths: 1, multipliers: 1, depth: 119 },
  'T-VDOS-1.legit-corrected': { 'tick-values': 1, phases: 1, starts: 3, lengths: 1, multipliers: 1, depth: 8 },
  'T-VDOS-1.steady-honest-corrected': {},
};

const small = (t: VerifyTarget): Scope => ({ ...defaultScope(t), ...SMALL[t.claim] });
const target = (id: string, ts: readonly VerifyTarget[] = T_VDOS_1_TARGETS) => ts.find((t) => t.claim === id)!;
const claims = tVdos1.claims(tVdos1.model);
const pinned = claims.filter((c) => c.refutedBy);
const holding = claims.filter((c) => !c.refutedBy);

/** Steps of a stored counterexample in its target's model: a stream of L ticks is L - 1 ticks added to one. */
function storedSteps(id: string, value: readonly unknown[]): number {
  if (id === 'T-VDOS-1.legit') return (value[0] as { durationTicks: number }).durationTicks - 1;
  if (id === 'T-VDOS-1.steady-honest') return (value[2] as number) - 1;
  return 0; // a box of scenarios: no step
}

describe('T-VDOS-1 targets', () => {
  test('one target per claim of the property file; pinned exactly when the claim is refuted, as long as stored', () => {
    expect(T_VDOS_1_TARGETS.map((t) => t.claim).sort()).toEqual(claims.map((c) => c.id).sort());
    expect(Object.keys(SMALL).sort()).toEqual(claims.map((c) => c.id).sort());
    for (const c of claims) {
      const t = target(c.id);
      if (!c.refutedBy) expect(t.refutedWithin, c.id).toBeUndefined();
      else expect(t.refutedWithin, c.id).toBe(storedSteps(c.id, loadCounterexample(c.refutedBy).value as unknown[]));
    }
  });

  test('the small boxes list their scenarios smallest first, inside the claim generators domain', () => {
    for (const c of claims) {
      const t = target(c.id);
      const m = t.model(small(t));
      const states = [...m.initial()] as BoxState[];
      const rank = T_VDOS_1_RANKS[c.id];
      if (rank)
        for (let i = 1; i < states.length; i++)
          expect(compareRanks(rank(states[i - 1]!.args), rank(states[i]!.args)), c.id).toBeLessThanOrEqual(0);
      // the domain check is slow (fast-check's own): 50 scenarios spread over the box, the first and last included
      const picked = new Set(Array.from({ length: 50 }, (_, j) => Math.round((j * (states.length - 1)) / 49)));
      for (const i of picked) {
        let s: BoxState = states[i]!;
        expect(domainReason(c, asStored(s.args) as unknown[]), `${c.id} ${m.showState(s)}`).toBeNull();
        // and the longest stream a stepped model reaches from it
        for (let a = [...m.actions(s)]; a.length > 0; a = [...m.actions(s)]) s = m.step(s, a[0]) as BoxState;
        expect(domainReason(c, asStored(s.args) as unknown[]), `${c.id} ${m.showState(s)}`).toBeNull();
      }
    }
  });
});

test('the canonical key folds only true symmetries: phases permuted within a role, same key, same packets', () => {
  const t = target('T-VDOS-1.sims-agree');
  const m = t.model({ ...small(t), n: 3, ticks: 1, 'tick-values': 1, floods: 3, factors: 1 });
  let permuted = 0;
  for (const s of m.initial()) {
    const [sc, policy] = (s as BoxState).args as Parameters<FloodSubject['exact']>;
    const ps = sc.phasesUs!;
    const within = { ...sc, phasesUs: [...ps.slice(0, sc.coalition).reverse(), ...ps.slice(sc.coalition).reverse()] };
    const across = { ...sc, phasesUs: [...ps].reverse() };
    const keyOf = (x: typeof sc) => m.key({ args: [x, policy] });
    expect(keyOf(within), m.showState(s)).toBe(m.key(s));
    expect(JSON.stringify(FAITHFUL.exact(within, policy))).toBe(JSON.stringify(FAITHFUL.exact(sc, policy)));
    if (JSON.stringify(within) !== JSON.stringify(sc)) permuted++;
    // a flooder and an honest vantage are not interchangeable
    if (sc.coalition > 0 && sc.coalition < sc.n && JSON.stringify(ps[0]) !== JSON.stringify(ps[sc.n - 1]))
      expect(keyOf(across), m.showState(s)).not.toBe(m.key(s));
  }
  expect(permuted).toBeGreaterThan(0);
});

describe('T-VDOS-1 claims pinned as refuted: a counterexample in a small box, none smaller than the stored one', () => {
  test.each(pinned.map((c) => [c.id, c.refutedBy!] as const))('%s (stored %s)', (id, stored) => {
    const t = target(id);
    const scope = small(t);
    const { result, args } = smallestCounterexample(t, scope);
    expect(verifyTarget(t, scope, 1e6).status, summaryLine(result)).toBe('refuted-as-pinned');
    const c = claimOf(FAITHFUL, id);
    expect(args).toBeDefined();
    expect(violation(c, args!), 'fails evaluated directly').toBeDefined();
    expect(domainReason(c, asStored(args) as unknown[])).toBeNull();
    const value = loadCounterexample(stored).value as unknown[];
    expect(violation(c, value), 'the stored value fails too').toBeDefined();
    const rank = T_VDOS_1_RANKS[id]!;
    // the stored value is the minimum of its (larger) recorded box (test/verify-stored-minimal.test.ts): the small
    // box, a part of it, holds nothing that comes before it
    expect(
      Math.sign(compareRanks(rank(args!), rank(value))),
      `${rank(args!).join(' ')} vs ${rank(value).join(' ')}`,
    ).toBeGreaterThanOrEqual(0);
    expect(result.counterexample!.trace.length - 1).toBeLessThanOrEqual(t.refutedWithin!);
  });
});

describe('T-VDOS-1 corrected and holding claims: no counterexample on any scenario of a small box', () => {
  test.each(holding.map((c) => c.id))('%s', (id) => {
    const t = target(id);
    const o = verifyTarget(t, small(t), 1e6);
    expect(o.status, summaryLine(o.result)).toBe('verified');
    expect(o.result.distinctStates).toBeGreaterThan(50);
  });
});

/** A bucket that forgets its burst budget: it never holds more than one token. */
const forgetful = (b: BucketParams) => tokenBucket({ ...b, capacityUnits: Math.min(b.capacityUnits, b.unitsPerToken) });
/** A bucket whose tokens pile up past the budget while idle. */
const uncapped = (b: BucketParams) => {
  let units = b.capacityUnits;
  let last = 0;
  return {
    offer: (t: number) => {
      units += (t - last) * b.refillPerUs;
      last = t;
      if (units < b.unitsPerToken) return false;
      units -= b.unitsPerToken;
      return true;
    },
  };
};
const MUTANTS: ReadonlyArray<readonly [string, FloodSubject, readonly string[]]> = [
  [
    'forgets its burst budget',
    { ...FAITHFUL, limiter: forgetful, exact: (s, p) => simulateExact(s, p, forgetful) },
    ['T-VDOS-1.sims-agree', 'T-VDOS-1.claim-a-corrected', 'T-VDOS-1.legit-corrected'],
  ],
  [
    'refills past its budget',
    { ...FAITHFUL, limiter: uncapped, exact: (s, p) => simulateExact(s, p, uncapped) },
    ['T-VDOS-1.sims-agree', 'T-VDOS-1.legit-corrected'],
  ],
  [
    'limits after verifying',
    { ...FAITHFUL, limiter: () => ({ offer: () => true }), exact: (s) => simulateExact(s, null) },
    ['T-VDOS-1.bound-corrected', 'T-VDOS-1.sims-agree', 'T-VDOS-1.legit-corrected'],
  ],
];

describe('T-VDOS-1 targets catch wrong bounds and buckets', () => {
  test("the draft's bound checked as the corrected one fails in the corrected claim's box", () => {
    const t = target('T-VDOS-1.bound-corrected');
    const m = t.model(small(t));
    const draft = claimOf(FAITHFUL, 'T-VDOS-1.bound');
    const r = explore({ ...m, check: (s) => violation(draft, (s as BoxState).args) }, { maxDepth: 0, maxStates: 1e6 });
    expect(r.counterexample?.violation).toMatch(/^T-VDOS-1\.bound fails/);
  });

  test.each(MUTANTS)('a bucket that %s', (_, subject, caughtBy) => {
    const ts = tVdos1Targets(subject);
    for (const id of caughtBy) {
      const t = target(id, ts);
      const { result, args } = smallestCounterexample(t, small(t));
      expect(result.counterexample, `${id} misses it`).toBeDefined();
      expect(violation(claimOf(subject, id), args!)).toBeDefined();
      expect(violation(claimOf(FAITHFUL, id), args!), 'the faithful model holds there').toBeUndefined();
    }
  });
});
