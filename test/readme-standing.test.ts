/**
 * Issue 18, Deliver 5: the README's first screen shows the draft's standing beside the project's PASS, and the
 * line it quotes is the one `perfsec validate` prints today (a changed verdict or erratum makes it stale here).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { draftStanding, standingLine } from '../src/audit/standing.js';
import { projectPath } from '../src/lib/paths.js';
import { sharedAudit } from './fixtures/audit.js';

describe("the README's first screen", () => {
  test("quotes the draft's standing exactly as validate prints it, next to the project's PASS", () => {
    const readme = readFileSync(projectPath('README.md'), 'utf8');
    const quickstart = readme.slice(0, readme.indexOf('## Commands'));
    const line = standingLine(draftStanding(sharedAudit()));
    expect(quickstart).toContain(`PASS: the project's own checks (models, searches, receipts, vectors)\n${line}\n`);
  });
});
