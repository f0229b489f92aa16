/**
 * The audit: the committed errata is what the audit writes; every number of the draft's tables and
 * computation blocks is covered by the claims registry or left out with a reason; every refuted
 * statement replays its counterexample.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { runAudit } from '../src/audit/audit.js';
import { sharedAudit } from './fixtures/audit.js';
import { committedExtraction, draftTextFile, extractFrom } from '../src/audit/draft-text.js';
import { errataMarkdown } from '../src/audit/errata.js';
import { currentCoverage } from '../src/audit/current-coverage.js';
import { ERRATA_FILE } from '../src/cli/commands/audit.js';
import { readJson } from '../src/lib/json-file.js';
import { projectPath } from '../src/lib/paths.js';
import { VERIFY_TARGETS } from '../src/verify/registry.js';
import { defaultScope } from '../src/verify/target.js';

// Computed inside the first test that needs them, not at import: coverage per test (mutation testing) sees the work.
let cached: { audit: ReturnType<typeof runAudit>; cov: ReturnType<typeof currentCoverage> } | undefined;
const computed = () => (cached ??= { audit: sharedAudit(), cov: currentCoverage() });

describe('perfsec audit', () => {
  test('docs/ERRATA.md is what `perfsec audit --markdown` writes', () => {
    const { audit, cov } = computed();
    expect(readFileSync(ERRATA_FILE, 'utf8')).toBe(errataMarkdown(audit, cov));
  });

  test('no claim drifts from its pinned verdict, and every refuted statement replays its counterexample', () => {
    const { audit } = computed();
    expect(audit.entries.filter((e) => e.drift).map((e) => `${e.id}: ${e.drift}`)).toEqual([]);
    for (const e of audit.entries.filter((x) => x.kind === 'statement' && x.verdict === 'refuted')) {
      expect(e.counterexample?.reproduced, e.id).toBe(true);
    }
  });

  test("every number of the draft's tables and computation blocks is covered or left out with a reason", () => {
    const { cov } = computed();
    expect(cov.missing.map((m) => `${m.section} line ${m.line}: ${m.printed}`)).toEqual([]);
    expect(cov.covered.length).toBeGreaterThan(100);
  });

  test('every left-out entry still matches a number of the draft (none is stale)', () => {
    const { cov } = computed();
    const doc = readJson(projectPath('spec', 'audit', 'left-out.json')) as {
      left_out: Array<{ section: string; printed: string }>;
    };
    const used = new Set(cov.leftOut.map((l) => `${l.section} ${l.value}`));
    expect(doc.left_out.filter((l) => !used.has(`${l.section} ${Number(l.printed.replace(/ /g, ''))}`))).toEqual([]);
  });

  test('every corrected claim shows the scope it is checked in (issue 19): its verify target, its random cases', () => {
    const { audit } = computed();
    // the statements with a corrected claim (the cited documents' entries carry a corrected text, no claim)
    const withCorrected = audit.entries.filter((e) => e.kind === 'statement' && e.corrected);
    expect(withCorrected.length).toBeGreaterThan(10);
    for (const e of withCorrected) {
      const k = e.checked!;
      expect(k, e.id).toBeDefined();
      expect(e.corrected, e.id).toContain(`(${k.claim}, searched:`); // the very claim the corrected text names
      const t = VERIFY_TARGETS.find((x) => x.claim === k.claim);
      if (k.source === 'verify-default') {
        expect(k.verify_default, k.claim).toEqual(
          t ? { target: t.claim, scope: t.describe(defaultScope(t)), depth: defaultScope(t)['depth'] } : null,
        );
        expect(k.random_cases, k.claim).toBeGreaterThan(0);
      }
    }
    // every theorem perfsec verify covers has its corrected claims there
    const targeted = withCorrected.filter((e) => /^T-(RC-1|VDOS-1|COMP-SPLIT)\./.test(e.checked!.claim));
    expect(
      targeted.every((e) => e.checked!.verify_default !== null),
      'a corrected claim with no target',
    ).toBe(true);
  });

  const draft = draftTextFile();
  test.runIf(draft !== undefined)(
    'the committed extraction is current with the draft text (where the text is available)',
    () => {
      expect(extractFrom(draft!)).toEqual(committedExtraction());
    },
  );
});
