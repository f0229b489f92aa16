/**
 * `perfsec verify` (issue 19): the TLC-style report (states found, distinct, depth, time; the shortest
 * counterexample as a step table), exit 0 when each outcome is as the project pins it, and one line with exit 2 for
 * a bad selector or scope.
 */
import { describe, expect, test } from 'vitest';
import { perfsec } from './cli-harness.js';

describe('perfsec verify', () => {
  test('a claim pinned as refuted: its shortest counterexample as a trace, no longer than the stored one', async () => {
    const r = await perfsec('verify', 'T-COMP-SPLIT.no-split', '--scope', 'w=2');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^REFUTED AS PINNED +T-COMP-SPLIT\.no-split$/m);
    expect(r.stdout).toMatch(
      /search: \d+ states found, \d+ distinct, \d+ transitions, depth 2, \d+ ms: counterexample/,
    );
    expect(r.stdout).toMatch(/^ +0 +\(initial\)/m);
    expect(r.stdout).toMatch(/^ +2 +ask\(/m);
  });

  test('a corrected claim: no counterexample within its scope, in JSON for machines', async () => {
    const r = await perfsec('verify', 'T-COMP-SPLIT.split-bound', '--scope', 'w=3', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { outcomes: Array<{ status: string; result: { complete: boolean } }> };
    expect(doc.outcomes).toHaveLength(1);
    expect(doc.outcomes[0]).toMatchObject({ status: 'verified', result: { complete: true } });
  });

  test('a state bound that cuts the search says so and exits 1', async () => {
    const r = await perfsec('verify', 'T-COMP-SPLIT.split-bound', '--max-states', '5');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^INCOMPLETE +T-COMP-SPLIT\.split-bound$/m);
  });

  test.each([
    [['verify', 'T-NOPE'], /no claim or theorem 'T-NOPE'/],
    [['verify', 'T-COMP-SPLIT.no-split', '--scope', 'w=99'], /w must be in 1\.\.7, got 99/],
    [['verify', 'T-COMP-SPLIT.no-split', '--scope', 'nope=1'], /has no parameter 'nope'/],
    [['verify', 'T-COMP-SPLIT', '--scope', 'w=2'], /--scope applies to one claim/],
    [['verify', 'T-COMP-SPLIT.no-split', '--max-states', '0'], /max-states/],
    // one JS Set holds at most 2^24 keys: a larger bound would end in V8's RangeError mid-search
    [['verify', 'T-COMP-SPLIT.no-split', '--max-states', '16777217'], /max-states.*16777216|16 777 216/],
  ])('bad input %j: one line, exit 2', async (args, message) => {
    const r = await perfsec(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(
      r.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('perfsec: error')),
    ).toHaveLength(1);
  });
});
