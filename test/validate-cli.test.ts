/**
 * `perfsec validate` end to end, as a user runs it (a system test: every check of the validator, about ten seconds
 * each run; `npm run test:system`): one line per check, the project's N/N PASS, then the draft's standing.
 */
import { describe, expect, test } from 'vitest';
import { perfsec } from './cli-harness.js';

/** The validator runs every check (receipts, vectors, flood runs, searches): seconds, more on a busy machine. */
const VALIDATE_TIMEOUT_MS = 180_000;

describe('perfsec validate', () => {
  test(
    "validate: one line per check, N/N PASS said of the project, then the draft's standing, exit 0",
    {
      timeout: VALIDATE_TIMEOUT_MS,
    },
    async () => {
      const r = await perfsec('validate');
      expect(r.stderr).toContain('seed 7');
      const lines = r.stdout.trim().split('\n');
      expect(lines.at(-2)).toMatch(/^(\d+)\/\1 PASS: the project's own checks /);
      // issue 18 Deliver 5: the PASS is never the draft's verdict; the next line says where the draft stands
      expect(lines.at(-1)).toMatch(
        /^the draft: \d+ errata \(\d+ technical, \d+ editorial\) .* receipts B\.1 \w+, B\.2 FAIL /,
      );
      expect(lines.slice(0, -2).every((l) => l.startsWith('PASS  '))).toBe(true);
      expect(r.code).toBe(0);
    },
  );

  test('validate --json: every check with id, section, result', { timeout: VALIDATE_TIMEOUT_MS }, async () => {
    const r = await perfsec('validate', '--json', '--runs', '5');
    const doc = JSON.parse(r.stdout) as {
      passed: number;
      total: number;
      checks: Array<{ id: string; section: string; pass: boolean }>;
      draft: { errata: { total: number }; receipts: Array<{ appendix: string; verdict: string }> };
    };
    expect(doc.passed).toBe(doc.total);
    expect(doc.draft.errata.total).toBeGreaterThan(0); // the draft's standing beside the project's PASS
    expect(doc.draft.receipts.map((x) => `${x.appendix} ${x.verdict}`)).toContain('B.2 FAIL');
    expect(doc.checks.map((c) => c.id)).toContain('check:t-jcost-1/path-a');
  });
});
