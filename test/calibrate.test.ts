/**
 * `perfsec calibrate` (draft §1.3 constants measured here): with a tiny sample budget it writes a
 * schema-valid constants file that `perfsec dimension --constants FILE` takes. Values are
 * whatever this machine gives; no timing is asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CONSTANT_NAMES } from '../model/constants.js';
import { projectPath } from '../src/lib/paths.js';
import { problems } from '../src/lib/schemas.js';

const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
const perfsec = (...args: string[]) =>
  spawnSync(process.execPath, [projectPath('bin', 'perfsec.js'), ...args], { encoding: 'utf8', env });
const dir = mkdtempSync(path.join(tmpdir(), 'perfsec-calibrate-'));

describe('perfsec calibrate (draft §1.3)', () => {
  test('writes a schema-valid constants file that dimension takes with --constants', () => {
    const file = path.join(dir, 'measured.json');
    const r = perfsec('calibrate', '--time-ms', '5', '--samples', '3', '--vantages', '1000', '--out', file, '--json');
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      written: string;
      timings: Record<string, { median_us: number; p10_us: number; p90_us: number; samples: number }>;
    };
    expect(doc.written).toBe(file);
    for (const k of CONSTANT_NAMES) {
      const t = doc.timings[k]!;
      expect(t.samples).toBeGreaterThanOrEqual(3);
      expect(t.p10_us).toBeLessThanOrEqual(t.median_us);
      expect(t.median_us).toBeLessThanOrEqual(t.p90_us);
    }
    const constants = JSON.parse(readFileSync(file, 'utf8')) as { source: string };
    expect(problems('constants-v1', constants)).toEqual([]);
    expect(constants.source).toMatch(/^perfsec calibrate on /);
    expect(r.stderr).not.toMatch(/calibrate \d+\/\d+/); // progress only when stderr is a terminal
    const d = perfsec('dimension', '--n', '10000', '--tick-ms', '50', '--constants', file, '--json');
    expect(d.status, d.stderr).toBe(0);
    expect((JSON.parse(d.stdout) as { constants_source: string }).constants_source).toContain('measured.json');
  });
});
