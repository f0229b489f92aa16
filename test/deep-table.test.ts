/**
 * The README's "Deep baseline" table is the recorded baseline (issue 19, Deliver 4): src/audit/deep-table.ts makes
 * it from spec/deep-baseline.json, and the README must show exactly that table, so a figure there can only change
 * with a new recorded run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { deepBaselineTable, type DeepTableInput } from '../src/audit/deep-table.js';
import { readValidated } from '../src/lib/json-file.js';
import { projectPath } from '../src/lib/paths.js';

describe('the deep baseline table', () => {
  test('the README shows the table of spec/deep-baseline.json, figure for figure', () => {
    const baseline = readValidated<DeepTableInput>(projectPath('spec', 'deep-baseline.json'), 'deep-baseline-v1');
    const readme = readFileSync(projectPath('README.md'), 'utf8');
    expect(readme).toContain(deepBaselineTable(baseline));
  });

  test('a claim with no random search says "not yet"; one with no exploration says "not run"', () => {
    const table = deepBaselineTable({
      random: [{ claim: 'B.random-only', cases: 1_000_000, seconds: 61.4 }],
      exhaustive: [
        {
          claim: 'A.explored-only',
          depth: 7,
          states: 2_700_029,
          distinct: 539_893,
          seconds: 254.2,
          status: 'verified',
        },
      ],
    }).split('\n');
    expect(table).toHaveLength(4);
    expect(table[2]).toMatch(
      /^\| A\.explored-only \| +not yet \| +7 \| 2 700 029 \| +539 893 \| +254 s \| verified \|$/,
    );
    expect(table[3]).toMatch(/^\| B\.random-only +\| +1 000 000 \(61 s\) \| +\| +\| +\| +\| not run +\|$/);
    expect(new Set(table.map((l) => l.length)).size).toBe(1); // every row padded to the same widths
  });
});
