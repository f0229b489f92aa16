/**
 * T-COMP-SPLIT explored exhaustively (src/verify/t-comp-split*.ts, issue 19): every claim pinned as refuted is found
 * at most as long as its stored counterexample and the trace replays through the model; every other claim holds in a
 * small scope (w <= 3); the split bound 2*max(0, q-c) <= w-c is decided by the search itself for every (w, q, c) with
 * w <= 4; the folding loses nothing against the unfolded search; broken witnesses and a wrong bound are caught.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { play, splitPossible, type Attack } from '../model/collector.js';
import type { Explorable, TraceStep } from '../src/verify/explore.js';
import { asExpected, verifyTarget } from '../src/verify/run.js';
import { defaultScope, type Scope, type VerifyTarget } from '../src/verify/target.js';
import { T_COMP_SPLIT_TARGETS, tCompSplitTargets } from '../src/verify/t-comp-split.js';
import { boundMismatches, splitReachability, type SplitReach } from '../src/verify/t-comp-split-bound.js';
import { FAITHFUL_SPLIT, splitClaim } from '../src/verify/t-comp-split-claims.js';
import type { SplitState } from '../src/verify/t-comp-split-model.js';
import { SPLIT_MUTANTS } from './mutants/t-comp-split.js';

/** A small scope: the target's defaults with w <= 3 and at most DEPTH moves (the names the target has). */
const small = (t: VerifyTarget, over: Scope = {}): Scope => {
  const s: Record<string, number> = { ...defaultScope(t) };
  if (s['w'] !== undefined) s['w'] = Math.min(s['w'], 3);
  if ((s['depth'] ?? 0) > 0) s['depth'] = 6;
  return { ...s, ...over };
};

/** Replays TRACE through MODEL: its initial state, then each action by name; returns the last state. */
function replay<S, A>(model: Explorable<S, A>, trace: readonly TraceStep[]): S {
  let s = [...model.initial()].find((x) => model.showState(x) === trace[0]!.state);
  expect(s, 'initial state of the trace').toBeDefined();
  for (const step of trace.slice(1)) {
    const a = [...model.actions(s!)].find((x) => model.showAction(x) === step.action);
    expect(a, `action ${step.action}`).toBeDefined();
    s = model.step(s!, a!);
    expect(model.showState(s)).toBe(step.state);
  }
  return s!;
}

const target = (id: string, ts: readonly VerifyTarget[] = T_COMP_SPLIT_TARGETS) => ts.find((t) => t.claim === id)!;
const refuted = T_COMP_SPLIT_TARGETS.filter((t) => t.refutedWithin !== undefined);

describe('T-COMP-SPLIT: the claims pinned as refuted, found exhaustively', () => {
  test('four refuted targets, each refutedWithin the length of its stored counterexample', () => {
    expect(refuted.map((t) => t.claim).sort()).toEqual([
      'T-COMP-SPLIT.any-honest-detects',
      'T-COMP-SPLIT.c2sp-one-body',
      'T-COMP-SPLIT.fcw-relabel',
      'T-COMP-SPLIT.no-split',
    ]);
    for (const t of refuted) {
      const c = splitClaim(FAITHFUL_SPLIT, t.claim);
      const stored = JSON.parse(readFileSync(`spec/counterexamples/${c.refutedBy}.json`, 'utf8')) as {
        value: [Attack];
      };
      expect(stored.value[0].moves.length, t.claim).toBe(t.refutedWithin);
    }
  });

  test.each(refuted.map((t) => [t.claim, t] as const))('%s: found within refutedWithin, replays', (_, t) => {
    const scope = small(t);
    const out = verifyTarget(t, scope, 100_000);
    expect(out.status).toBe('refuted-as-pinned');
    const cx = out.result.counterexample!;
    expect(cx.trace.length - 1).toBeLessThanOrEqual(t.refutedWithin!);
    // the trace, replayed through the model, ends in the same violation; the claim's predicate fails there
    const model = t.model(scope) as Explorable<SplitState, unknown>;
    const last = replay(model, cx.trace);
    expect(model.check(last)).toBe(cx.violation);
    expect(splitClaim(FAITHFUL_SPLIT, t.claim).predicate(last.attack)).toBe(false);
    const relabel = t.claim.endsWith('relabel');
    const o = play({ ...last.attack, ...(relabel ? { relabel: true } : {}) });
    expect(o.cosignersA.length > 0 && o.cosignersB.length > 0).toBe(true); // both views got a cosignature
  });
});

describe('T-COMP-SPLIT: the claims that hold, in a small scope', () => {
  // split-bound is verified with w <= 4 below
  const holding = T_COMP_SPLIT_TARGETS.filter((t) => t.refutedWithin === undefined && !t.claim.endsWith('split-bound'));
  test.each(holding.map((t) => [t.claim, t] as const))('%s: no counterexample, every state visited', (_, t) => {
    const scope = t.claim.endsWith('no-cross-verify') ? small(t, { w: 1, seeds: 2, timestamps: 1 }) : small(t);
    const out = verifyTarget(t, scope, 100_000);
    expect(out.status).toBe('verified');
    expect(out.result.complete).toBe(true);
  });
});

describe('T-COMP-SPLIT: the split bound 2*max(0, q-c) <= w-c, decided by the search', () => {
  let cached: SplitReach[] | undefined;
  // computed by the first test that asks, not while vitest collects the file
  const reach = (): SplitReach[] => (cached ??= splitReachability(4, 8));

  test('for every (w, q, c) with w <= 4 and both policies, a split is reachable exactly when the bound allows', () => {
    const rows = reach();
    expect(rows.length).toBe(2 * (2 + 6 + 12 + 20)); // every (w, q, c), q in 1..w, c in 0..w; two policies
    expect(boundMismatches(rows, splitPossible)).toEqual([]);
    for (const r of rows) {
      if (r.reachable)
        expect(r.moves).toBe(2 * Math.max(0, r.attack.q - r.attack.c)); // minimalSplit is shortest
      else expect(r.closed).toBe(true); // the whole folded space was explored: unreachable at any depth
    }
  });

  test('a deliberately wrong bound is caught', () => {
    const rows = reach();
    const ignoresC = boundMismatches(rows, (w, q) => 2 * q <= w); // the compromised witnesses forgotten
    const strict = boundMismatches(rows, (w, q, c) => 2 * Math.max(0, q - c) < w - c); // off by one
    expect(ignoresC.length).toBeGreaterThan(0);
    expect(strict.map((r) => [r.attack.w, r.attack.q, r.attack.c])).toContainEqual([2, 1, 0]);
  });

  test('the split-bound target itself holds for every (w, q, c) with w <= 4', () => {
    const t = target('T-COMP-SPLIT.split-bound');
    expect(verifyTarget(t, { ...defaultScope(t), w: 4, depth: 8 }, 100_000).status).toBe('verified');
  });
});

describe('T-COMP-SPLIT: folding and broken witnesses', () => {
  test('the folded search agrees with the search keyed on the move sequence (w <= 2, 2 moves)', () => {
    for (const id of ['T-COMP-SPLIT.split-bound', 'T-COMP-SPLIT.no-split']) {
      const t = target(id);
      const [folded, raw] = [1, 0].map((fold) => verifyTarget(t, { ...small(t), w: 2, depth: 2, fold }, 100_000));
      expect(raw!.status).toBe(folded!.status);
      expect(raw!.result.counterexample?.trace.length).toBe(folded!.result.counterexample?.trace.length);
      expect(folded!.result.distinctStates).toBeLessThan(raw!.result.distinctStates);
    }
  });

  test('the planted flaw (first-cosign-wins keyed by bundle_id) is found folded and unfolded, 3 moves', () => {
    const t = target('T-COMP-SPLIT.fcw-one-body', tCompSplitTargets(SPLIT_MUTANTS[0]!.subject));
    for (const fold of [1, 0]) {
      const out = verifyTarget(t, { ...small(t), w: 1, depth: 3, fold }, 100_000);
      expect(out.status).toBe('unexpected-counterexample');
      const actions = out.result.counterexample!.trace.slice(1).map((s) => s.action);
      expect(actions).toHaveLength(3);
      expect(actions.some((a) => /@S\+[12]/.test(a!))).toBe(true); // a later bundle_seq between the two views
    }
  });

  test.each(SPLIT_MUTANTS.map((m) => [m.name.split(':')[0]!, m] as const))('mutant %s is caught', (_, m) => {
    const ts = tCompSplitTargets(m.subject);
    for (const id of m.caughtBy) {
      const t = target(id, ts);
      const scope = id.endsWith('no-cross-verify') ? small(t, { w: 1, seeds: 1, timestamps: 1 }) : small(t);
      expect(asExpected(verifyTarget(t, { ...scope, depth: Math.min(scope['depth']!, 4) }, 100_000).status), id).toBe(
        false,
      );
    }
  });
});
