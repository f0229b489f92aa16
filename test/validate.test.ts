/**
 * The validator's registry: ids are unique, every check cites a section, and a check that fails or
 * throws is reported as a failure with its detail.
 */
import { describe, expect, test } from 'vitest';
import { CHECKS } from '../src/validate/index.js';
import { CHECK_ID, runChecks, type Check } from '../src/validate/registry.js';

describe('validator registry', () => {
  test('check ids are unique, each names its subject, and none looks like a claim id', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(CHECK_ID);
    for (const id of ids) expect(id).toMatch(/^check:(t-[a-z0-9-]+|cap-[a-z0-9-]+|cx|spec|pipeline)\//);
  });

  test('a failing or throwing check is reported as FAIL with its detail, and the others still run', async () => {
    const checks: Check[] = [
      { id: 'X.fail', title: 'fails', section: '§0', run: () => ({ pass: false, detail: 'wrong' }) },
      {
        id: 'X.throw',
        title: 'throws',
        section: '§0',
        run: () => {
          throw new Error('boom');
        },
      },
      { id: 'X.pass', title: 'passes', section: '§0', run: async () => ({ pass: true, detail: 'fine' }) },
    ];
    const out = await runChecks(checks, { seed: 1, runs: 1 });
    expect(out.map((o) => [o.id, o.pass, o.detail])).toEqual([
      ['X.fail', false, 'wrong'],
      ['X.throw', false, 'threw: boom'],
      ['X.pass', true, 'fine'],
    ]);
  });
});
