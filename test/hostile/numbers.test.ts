/**
 * Numbers are finite and in range everywhere (issue 16, Deliver 2): every number a command reads
 * (flags, constants files, vectors files, deployment descriptions) is refused outside its
 * documented domain (src/lib/domains.ts) with one line and exit 2, or judged a failure (exit 1);
 * never exit 0 with Infinity or NaN printed, never an internal error. At the corners of the
 * domains every printed number is finite. The tolerance comparison never calls a non-finite
 * number close.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/lib/errors.js';
import { assertFinite, firstNonFinite } from '../../src/lib/finite.js';
import { domainProblem } from '../../src/lib/domains.js';
import { projectPath } from '../../src/lib/paths.js';
import { closeTo, near, within } from '../../src/lib/tolerance.js';
import { numberMismatches } from '../../src/vectors/format.js';
import { perfsec } from '../cli-harness.js';
import { at } from '../json-edit.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'perfsec-hostile-numbers-'));
let files = 0;

/** A copy of the project file REL with the text of JSON value at KEY path replaced by RAW (e.g. 5e-324, 1e999, NaN). */
function edited(rel: string[], edit: (doc: unknown) => void, raw?: string): string {
  const doc = JSON.parse(readFileSync(projectPath(...rel), 'utf8')) as unknown;
  edit(doc);
  let text = JSON.stringify(doc, null, 2);
  if (raw !== undefined) text = text.replace('"@RAW@"', raw); // a number JSON.stringify cannot write (1e999, NaN)
  const f = path.join(tmp, `${++files}-${rel.at(-1)}`);
  writeFileSync(f, text);
  return f;
}

const RAW = '@RAW@';
const constants = (v: number | string, raw?: string) =>
  edited(
    ['spec', 'constants', 'draft-1.3.json'],
    (d) => {
      at(d, 'constants_us').c_hmac = v;
    },
    raw,
  );
const jcost = (field: string, v: number | string, raw?: string) =>
  edited(
    ['spec', 'vectors', 't-jcost-1.json'],
    (d) => {
      const t = at(d, 'testGroups', 0, 'tests', 0);
      at(t, 'input')[field] = v;
      // issue 16: all-1 expectations passed at t_tick_ms 5e-324
      for (const k of Object.keys(at(t, 'expected'))) at(t, 'expected')[k] = 1;
    },
    raw,
  );
const vdos = (field: string, v: number | string, raw?: string) =>
  edited(
    ['spec', 'vectors', 't-vdos-1.json'],
    (d) => {
      at(d, 'testGroups', 0, 'tests', 0, 'input')[field] = v;
    },
    raw,
  );
const jcostExpected = (raw: string) =>
  edited(
    ['spec', 'vectors', 't-jcost-1.json'],
    (d) => {
      at(d, 'testGroups', 0, 'tests', 0, 'expected').pps_t = RAW;
    },
    raw,
  );
const deployment = (set: (d: unknown) => void, raw?: string) =>
  edited(['spec', 'deployments', 'regime-c-conformant.json'], set, raw);
const dim = (...more: string[]) => ['dimension', '--n', '1000', '--tick-ms', '50', ...more];

// One row per command and hostile number class: [command, class, argv, allowed exit codes, what stderr names].
const CASES: Array<[string, string, () => string[], readonly number[], RegExp]> = [
  [
    'dimension',
    'subnormal tick (5e-324)',
    () => ['dimension', '--n', '1000', '--tick-ms', '5e-324'],
    [2],
    /t_tick_ms must be >= 0\.001/,
  ],
  [
    'dimension',
    'huge tick (1e308)',
    () => ['dimension', '--n', '1000', '--tick-ms', '1e308'],
    [2],
    /t_tick_ms must be .*<= 86400000/,
  ],
  [
    'dimension',
    'Infinity as a tick',
    () => ['dimension', '--n', '1000', '--tick-ms', 'Infinity'],
    [2],
    /must be a positive number, got 'Infinity'/,
  ],
  [
    'dimension',
    'NaN as a tick',
    () => ['dimension', '--n', '1000', '--tick-ms', 'NaN'],
    [2],
    /must be a positive number, got 'NaN'/,
  ],
  [
    'dimension',
    'N = 2^53-1',
    () => ['dimension', '--n', '9007199254740991', '--tick-ms', '50'],
    [2],
    /n must be >= 1 and <= 1000000000/,
  ],
  ['dimension', 'quorum of a million', () => dim('--q', '1000000'), [2], /q must be .*<= 1000\b/],
  ['dimension', 'cells beyond 10^6', () => dim('--cells', '10000000'), [2], /cells_k must be/],
  ['dimension', 'flood factor 1e308', () => dim('--flood', '1e308'), [2], /flood_factor must be/],
  [
    'dimension',
    'subnormal flood duration',
    () => dim('--flood', '4', '--duration-s', '5e-324'),
    [2],
    /duration_s must be >= 0\.000001/,
  ],
  [
    'dimension',
    'flood duration 1e308 s',
    () => dim('--flood', '4', '--duration-s', '1e308'),
    [2],
    /duration_s must be/,
  ],
  [
    'dimension',
    'rate-limit factor 1e308',
    () => dim('--flood', '4', '--rate-limit-factor', '1e308'),
    [2],
    /rate_limit_factor must be/,
  ],
  [
    'dimension',
    'constants of 5e-324',
    () => dim('--constants', constants(5e-324)),
    [2],
    /c_hmac' must be >= 0\.000001/,
  ],
  ['dimension', 'constants of 1e308', () => dim('--constants', constants(1e308)), [2], /c_hmac' must be <= 1000000/],
  ['dimension', 'constants of 1e999 (Infinity)', () => dim('--constants', constants(RAW, '1e999')), [2], /c_hmac/],
  ['dimension', 'NaN in a constants file', () => dim('--constants', constants(RAW, 'NaN')), [2], /not valid JSON|NaN/],
  [
    'dimension',
    'Infinity in a constants file',
    () => dim('--constants', constants(RAW, 'Infinity')),
    [2],
    /not valid JSON|Infinity/,
  ],
  [
    'receipts',
    'constants of 5e-324',
    () => ['receipts', '--out', path.join(tmp, 'receipts'), '--constants', constants(5e-324)],
    [2],
    /c_hmac' must be >= 0\.000001/,
  ],
  [
    'vectors',
    'JointCostTest at t_tick_ms 5e-324, all outputs 1',
    () => ['vectors', 'verify', jcost('t_tick_ms', 5e-324)],
    [1, 2],
    /t_tick_ms must be >= 0\.001/,
  ],
  [
    'vectors',
    'JointCostTest at t_tick_ms 1e999',
    () => ['vectors', 'verify', jcost('t_tick_ms', RAW, '1e999')],
    [1, 2],
    /t_tick_ms' must be a finite number/,
  ],
  ['vectors', 'JointCostTest at N 1e308', () => ['vectors', 'verify', jcost('n', 1e308)], [1, 2], /.+/],
  ['vectors', 'JointCostTest at N 2^53-1', () => ['vectors', 'verify', jcost('n', 2 ** 53 - 1)], [1, 2], /.+/],
  ['vectors', 'JointCostTest expecting 1e999', () => ['vectors', 'verify', jcostExpected('1e999')], [1, 2], /pps_t/],
  [
    'vectors',
    'VerificationDosTest at t_tick_ms 5e-324',
    () => ['vectors', 'verify', vdos('t_tick_ms', 5e-324)],
    [1, 2],
    /t_tick_ms/,
  ],
  [
    'vectors',
    'VerificationDosTest at flood_factor 1e308',
    () => ['vectors', 'verify', vdos('flood_factor', 1e308)],
    [1, 2],
    /.+/,
  ],
  [
    'vectors',
    'VerificationDosTest at duration_ticks 1e999',
    () => ['vectors', 'verify', vdos('duration_ticks', RAW, '1e999')],
    [1, 2],
    /duration_ticks' must be a finite number/,
  ],
  [
    'conformance',
    'tick of 5e-324',
    () => [
      'conformance',
      deployment((d) => {
        at(d, 'dimensioning').t_tick_ms = 5e-324;
      }),
    ],
    [2],
    /t_tick_ms' must be >= 0\.001/,
  ],
  [
    'conformance',
    'N of 1e308',
    () => [
      'conformance',
      deployment((d) => {
        at(d, 'dimensioning').n = 1e308;
      }),
    ],
    [2],
    /dimensioning\/n/,
  ],
  [
    'conformance',
    'broker cores of 1e999',
    () => [
      'conformance',
      deployment((d) => {
        at(d, 'dimensioning').broker_cores = RAW;
      }, '1e999'),
    ],
    [2],
    /broker_cores/,
  ],
  [
    'conformance',
    'rate-limit factor of 1e308',
    () => [
      'conformance',
      deployment((d) => {
        at(d, 'rate_limit').rate_limit_factor = 1e308;
      }),
    ],
    [2],
    /rate_limit_factor/,
  ],
  ['calibrate', 'sampling time 1e308 ms', () => ['calibrate', '--time-ms', '1e308'], [2], /--time-ms/],
  ['calibrate', 'zero samples', () => ['calibrate', '--samples', '0'], [2], /samples must be >= 1/],
];

describe('hostile numbers: refused in one line, never a pass with Infinity or NaN (src/lib/domains.ts)', () => {
  test.each(CASES)('%s: %s', async (_command, _class, argv, codes, names) => {
    const r = await perfsec(...argv());
    expect(codes).toContain(r.code);
    expect(r.stdout).not.toMatch(/Infinity|NaN/);
    if (r.code === 2) {
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(names);
    } else {
      expect(r.stdout).toMatch(/FAIL/); // exit 1: a vector the model does not reproduce, named
    }
  });
});

// The corners of the documented domains: every number printed is finite (a miss would be exit 3, never Infinity
// printed).
const CORNERS: Array<[string, string[]]> = [
  [
    'largest N at the fastest tick, biggest quorum',
    [
      'dimension',
      '--n',
      '1000000000',
      '--tick-ms',
      '0.001',
      '--q',
      '1000',
      '--cells',
      '1000000',
      '--bundle-period',
      '1',
      '--json',
    ],
  ],
  [
    'one vantage at the slowest tick',
    [
      'dimension',
      '--n',
      '1',
      '--tick-ms',
      '86400000',
      '--q',
      '0',
      '--cells',
      '1',
      '--bundle-period',
      '1000000000',
      '--json',
    ],
  ],
  [
    'a flood at the slowest tick',
    ['dimension', '--n', '1', '--tick-ms', '86400000', '--flood', '1', '--duration-s', '86400', '--json'],
  ],
];

describe('domain corners print finite numbers', () => {
  test.each(CORNERS)('%s', async (_name, argv) => {
    const r = await perfsec(...argv);
    expect(r.code).toBe(0);
    expect(firstNonFinite(JSON.parse(r.stdout))).toBeUndefined();
  });
});

// closeTo (src/lib/tolerance.ts) decides vector verdicts: one row per non-finite operand class.
const NOT_CLOSE: Array<[string, number, number, number]> = [
  ['Infinity against 1', Infinity, 1, 1e-9],
  ['1 against Infinity', 1, Infinity, 1e-9],
  ['Infinity against itself', Infinity, Infinity, 1e-9],
  ['-Infinity against a huge number', -Infinity, -1e308, 1e-9],
  ['NaN against itself', NaN, NaN, 1e-9],
  ['NaN against 0', NaN, 0, 1e-9],
  ['equal numbers under an infinite tolerance', 1, 2, Infinity],
  ['equal numbers under a NaN tolerance', 1, 1, NaN],
];

describe('closeTo rejects non-finite operands', () => {
  test.each(NOT_CLOSE)('%s is not close', (_name, a, b, tol) => {
    expect(closeTo(a, b, tol)).toBe(false);
  });
  test('finite numbers within the tolerance still are', () => {
    expect(closeTo(1, 1 + 1e-12, 1e-9)).toBe(true);
    expect(closeTo(0, 0, 1e-9)).toBe(true);
  });
  test('an Infinity output is a mismatch, named', () => {
    expect(numberMismatches({ joint: 1 }, { joint: Infinity }, 1e-9)).toEqual(['joint: expected 1, got Infinity']);
  });
});

describe('within and near, the other tolerance helpers, reject them too', () => {
  test.each(NOT_CLOSE)('%s is neither within nor near', (_name, a, b, tol) => {
    expect(within(a, b, tol)).toBe(false);
    expect(near(a, b, tol)).toBe(false);
  });
});

// assertFinite (src/lib/finite.ts) guards every output point: one row per place a non-finite number hides.
const HIDDEN: Array<[string, unknown, string]> = [
  ['a bare Infinity', Infinity, '(value)'],
  ['NaN in a field', { ratio: NaN }, '/ratio'],
  ['-Infinity in an array', { rows: [1, 2, -Infinity] }, '/rows/2'],
  [
    'Infinity deep in a record',
    { flood: { with_rate_limit: { cores_needed: Infinity } } },
    '/flood/with_rate_limit/cores_needed',
  ],
];

describe('assertFinite names the first non-finite number', () => {
  test.each(HIDDEN)('%s', (_name, value, at) => {
    expect(() => assertFinite(value, 'out', 'input')).toThrow(InputError);
    expect(() => assertFinite(value, 'out', 'input')).toThrow(`out: ${at} is`);
    let internal: unknown;
    try {
      assertFinite(value, 'out', 'internal');
    } catch (e) {
      internal = e;
    }
    expect(internal).toBeInstanceOf(Error);
    expect(internal).not.toBeInstanceOf(InputError); // exit 3, not 2
  });
  test('finite documents pass through unchanged', () => {
    const doc = { a: [1, 2.5, -3], b: { c: 0, d: 'Infinity' } };
    expect(assertFinite(doc, 'out', 'input')).toBe(doc);
  });
});

// domainProblem (src/lib/domains.ts): one row per class of value outside a domain, and the edges inside.
const DOMAIN_ROWS: Array<[string, Parameters<typeof domainProblem>[0], unknown, boolean]> = [
  ['subnormal tick', 't_tick_ms', 5e-324, false],
  ['fastest tick', 't_tick_ms', 0.001, true],
  ['slowest tick', 't_tick_ms', 86_400_000, true],
  ['tick past a day', 't_tick_ms', 86_400_001, false],
  ['NaN vantages', 'n', NaN, false],
  ['fractional vantages', 'n', 1.5, false],
  ['2^53-1 vantages', 'n', 2 ** 53 - 1, false],
  ['a string for a number', 'n', '10', false],
  ['zero duration', 'duration_s', 0, false],
  ['subnormal duration', 'duration_s', 5e-324, false],
  ['smallest cost', 'cost_us', 1e-6, true],
];

describe('documented domains', () => {
  test.each(DOMAIN_ROWS)('%s', (_name, name, value, inside) => {
    expect(domainProblem(name, value) === undefined).toBe(inside);
  });
});
