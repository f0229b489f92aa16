/**
 * The exhaustive explorer (src/verify/explore.ts) on a toy model whose answers are known: breadth first finds a
 * shortest counterexample, duplicates are folded by key, and the scope bounds say whether the search was complete.
 */
import { describe, expect, test } from 'vitest';
import { explore, summaryLine, type Explorable } from '../src/verify/explore.js';

/** A counter from 0 that adds 1 or 2 per step (modulo M), violated when it reaches BAD. */
const counter = (bad: number, m = 1000): Explorable<number, number> => ({
  initial: () => [0],
  actions: () => [1, 2],
  step: (s, a) => (s + a) % m,
  key: (s) => String(s),
  check: (s) => (s === bad ? `reached ${bad}` : undefined),
  showAction: (a) => `add(${a})`,
  showState: (s) => `x=${s}`,
});

describe('exhaustive exploration', () => {
  test('the first violation breadth first is a shortest counterexample', () => {
    const r = explore(counter(5), { maxDepth: 10, maxStates: 1e6 });
    expect(r.counterexample?.violation).toBe('reached 5');
    expect(r.counterexample?.trace.length).toBe(4); // x=0, then three steps: 5 needs at least 3 additions of 1 or 2
    expect(r.counterexample?.trace[0]).toEqual({ state: 'x=0' });
    expect(summaryLine(r)).toMatch(/counterexample of 3 step\(s\): reached 5$/);
  });

  test('the violating state is counted among the distinct states found, as TLC counts it', () => {
    // a box counterexample found at its first state: 1 state found, 1 distinct (was reported as 0)
    expect(explore(counter(0), { maxDepth: 5, maxStates: 100 })).toMatchObject({ statesFound: 1, distinctStates: 1 });
    const r = explore(counter(2), { maxDepth: 5, maxStates: 100 }); // x=0, then 1 and 2: 2 is the violation
    expect(r).toMatchObject({ statesFound: 3, distinctStates: 3, depth: 1 });
  });

  test('states are deduplicated by key, and a bounded space is explored completely', () => {
    const r = explore(counter(-1, 7), { maxDepth: 20, maxStates: 1e6 });
    expect(r.counterexample).toBeUndefined();
    expect(r.distinctStates).toBe(7);
    expect(r.statesFound).toBeGreaterThan(r.distinctStates);
    expect(r.complete).toBe(true);
    expect(summaryLine(r)).toMatch(/7 distinct, .* no counterexample \(every state to depth \d+\)$/);
  });

  test('depth and state bounds limit the search and say so', () => {
    expect(explore(counter(50), { maxDepth: 3, maxStates: 1e6 })).toMatchObject({ depth: 3, complete: true });
    expect(explore(counter(50), { maxDepth: 3, maxStates: 1e6 }).counterexample).toBeUndefined();
    const cut = explore(counter(-1), { maxDepth: 100, maxStates: 10 });
    expect(cut).toMatchObject({ complete: false, distinctStates: 10 });
    expect(summaryLine(cut)).toContain('cut at 10 distinct states');
  });

  test('a violating state is found even when its key folds it into a clean one already seen', () => {
    // the key forgets the flag the check reads: only checking before folding sees the violation
    const m: Explorable<{ x: number; bad: boolean }, boolean> = {
      initial: () => [{ x: 0, bad: false }],
      actions: () => [false, true],
      step: (s, bad) => ({ x: Math.min(s.x + 1, 1), bad }),
      key: (s) => String(s.x),
      check: (s) => (s.bad ? 'bad' : undefined),
      showAction: (a) => String(a),
      showState: (s) => JSON.stringify(s),
    };
    expect(explore(m, { maxDepth: 3, maxStates: 100 }).counterexample?.violation).toBe('bad');
  });
});
