/**
 * Work budgets (issue 16, Deliver 3): a command that simulates or allocates in proportion to its
 * input computes the cost first and refuses work beyond its budget (src/lib/work-budget.ts) with
 * one line naming the limit and what lowers the work, exit 2, before it starts; these inputs used
 * to crash V8 after 2 GB, run out of memory or never end. The cost model is an upper bound of
 * what the simulator does.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { arrivals, type FloodScenario } from '../../model/flood.js';
import { DEFAULT_POLICY } from '../../model/token-bucket.js';
import { projectPath } from '../../src/lib/paths.js';
import { checkFloodBudget, FLOOD_STEP_BUDGET, floodWork } from '../../src/lib/work-budget.js';
import type { TestVector } from '../../src/vectors/index.js';
import { perfsec } from '../cli-harness.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'perfsec-hostile-budgets-'));
let files = 0;

/**
 * The committed T-VDOS-1 vectors with test INDEX's input changed by INPUT (test 1 is rate-limited), plus COPIES more
 * copies of it.
 */
function vdosFile(input: Record<string, number>, copies = 0, index = 0): string {
  const text = readFileSync(projectPath('spec', 'vectors', 't-vdos-1.json'), 'utf8');
  const doc = JSON.parse(text) as { numberOfTests: number; testGroups: { tests: TestVector[] }[] };
  const tests = doc.testGroups[0]!.tests;
  Object.assign(tests[index]!.input, input);
  const max = Math.max(...tests.map((t) => t.tcId));
  for (let i = 1; i <= copies; i++) tests.push({ ...tests[index]!, tcId: max + i });
  doc.numberOfTests = tests.length;
  const f = path.join(tmp, `${++files}-t-vdos-1.json`);
  writeFileSync(f, JSON.stringify(doc));
  return f;
}

const STEPS = /over the budget of 2\.0e7 steps/;

// One row per command and class of oversized work: [command, class, argv, what stderr names].
const CASES: Array<[string, string, () => string[], RegExp[]]> = [
  [
    'dimension',
    'a microsecond tick flooded for 200 s (was V8 "invalid size", exit 133)',
    () => ['dimension', '--n', '1', '--tick-ms', '0.001', '--flood', '5', '--duration-s', '200'],
    [STEPS, /packets enumerated/, /--duration-s/],
  ],
  [
    'dimension',
    'a billion flooding vantages',
    () => ['dimension', '--n', '1000000000', '--tick-ms', '50', '--flood', '2'],
    [STEPS, /flooding buckets/, /--coalition/],
  ],
  [
    'dimension',
    'a day of microsecond ticks at the largest flood',
    () => ['dimension', '--n', '1000000000', '--tick-ms', '0.001', '--flood', '1000000', '--duration-s', '86400'],
    [/2\^53|budget/],
  ],
  [
    'vectors',
    'a billion flooding vantages in one test',
    () => ['vectors', 'verify', vdosFile({ n: 1e9, coalition: 1e9 })],
    [STEPS, /flooding buckets/],
  ],
  [
    'vectors',
    'a test that enumerates 5e9 packets',
    () => [
      'vectors',
      'verify',
      vdosFile({ n: 1, coalition: 1, t_tick_ms: 0.001, flood_factor: 5, duration_ticks: 1e9 }, 0, 1),
    ],
    [STEPS, /packets enumerated/],
  ],
  [
    'vectors',
    'forty tests under budget each, over it together',
    () => ['vectors', 'verify', vdosFile({ n: 300_000, coalition: 300_000, duration_ticks: 20 }, 40)],
    [STEPS, /split the file/],
  ],
  [
    'calibrate',
    '10^8 vantages (was out of memory)',
    () => ['calibrate', '--vantages', '100000000'],
    [/vantages must be >= 1 and <= 10000000/],
  ],
  [
    'calibrate',
    '10^7 vantages with the Map candidate',
    () => ['calibrate', '--vantages', '10000000', '--candidates'],
    [/over the budget of 500 MB/, /--vantages/],
  ],
  [
    'calibrate',
    'a minute of sampling per constant',
    () => ['calibrate', '--time-ms', '60000'],
    [/over the budget of 300 s/, /--time-ms/],
  ],
  [
    'calibrate',
    'a million samples per constant',
    () => ['calibrate', '--samples', '1000000'],
    [/samples must be >= 1 and <= 10000/],
  ],
];

describe('hostile work: refused before it starts, in one line (src/lib/work-budget.ts)', () => {
  test.each(CASES)('%s: %s', async (_command, _class, argv, names) => {
    const r = await perfsec(...argv());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(''); // nothing half-done
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    for (const n of names) expect(r.stderr).toMatch(n);
  });
});

// The cost model against the simulator: [case, scenario, rate-limited]; the enumerated figure bounds the real arrivals.
const SCENARIOS: Array<[string, FloodScenario, boolean]> = [
  [
    'enumerated: flood 5 at a 1 µs tick',
    { n: 2, tickMs: 0.001, coalition: 2, floodFactor: 5, durationTicks: 1000 },
    true,
  ],
  [
    'enumerated: flood 4.37 with one honest vantage',
    { n: 3, tickMs: 0.001, coalition: 2, floodFactor: 4.37, durationTicks: 777 },
    true,
  ],
  [
    'closed form: the §4.4 setting',
    { n: 1000, tickMs: 50, coalition: 1000, floodFactor: 1024, durationTicks: 1200 },
    true,
  ],
  ['no rate limit: closed form', { n: 10, tickMs: 0.001, coalition: 10, floodFactor: 5, durationTicks: 1000 }, false],
];

describe('the flood cost model bounds the simulator', () => {
  test.each(SCENARIOS)('%s', (name, s, limited) => {
    const w = floodWork(s, limited ? DEFAULT_POLICY : null);
    expect(w.buckets).toBe(s.coalition * 2);
    expect(w.enumerated > 0).toBe(name.startsWith('enumerated'));
    if (w.enumerated > 0) {
      const real = Array.from(
        { length: s.coalition },
        (_, v) => arrivals(s, v, 'A').length + arrivals(s, v, 'B').length,
      ).reduce((a, b) => a + b, 0);
      expect(w.enumerated).toBeGreaterThanOrEqual(real);
      expect(w.enumerated).toBeLessThanOrEqual(real + w.buckets); // at most one packet of slack per bucket
    }
  });
  test('the budget is a sum over runs and names its figures', () => {
    const s: FloodScenario = { n: 6_000_000, tickMs: 50, coalition: 6_000_000, floodFactor: 2, durationTicks: 20 };
    const one = floodWork(s, null);
    expect(one.steps).toBeLessThanOrEqual(FLOOD_STEP_BUDGET);
    expect(() => checkFloodBudget([one], 'x', 'lower it')).not.toThrow();
    expect(() => checkFloodBudget([one, one], 'x', 'lower it')).toThrow(
      new RegExp(
        String.raw`^x: the flood simulation would take 2\.4e7 steps \(2\.4e7 flooding buckets, ` +
          String.raw`0 packets enumerated\), over the budget of 2\.0e7 steps \(.*lower it\)$`,
      ),
    );
  });
});
