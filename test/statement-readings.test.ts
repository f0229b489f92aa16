/**
 * Sentences with several readings (src/audit/statement-readings.ts): each reading names a property the registry
 * declares and an anchor that stands in the draft, and the audit reports the sentence by the verdict rule.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { anchorProblem, draftLines } from '../src/audit/anchor.js';
import { draftTextFile } from '../src/audit/draft-text.js';
import { STATEMENT_READINGS } from '../src/audit/statement-readings.js';
import { statementEntries } from '../src/audit/statements.js';
import { allClaims } from '../src/registry/theorems.js';

const draft = draftTextFile();

describe('sentences with several readings', () => {
  const ids = new Set(allClaims().map(({ claim }) => claim.id));

  test.each(STATEMENT_READINGS.map((s) => [s.id, s] as const))(
    '%s: every reading names a declared property',
    (_, s) => {
      expect(s.readings.length).toBeGreaterThanOrEqual(2);
      for (const r of s.readings) expect(ids.has(r.claim), r.claim).toBe(true);
    },
  );

  test.runIf(draft !== undefined)('every reading is anchored where the draft says it', () => {
    const lines = draftLines(readFileSync(draft!, 'utf8'));
    for (const s of STATEMENT_READINGS)
      for (const r of s.readings) expect(anchorProblem(r.anchor, lines), `${s.id} / ${r.name}`).toBeUndefined();
  });

  test('the audit reports each sentence once, by the verdict rule over its readings, and not its readings', () => {
    const entries = statementEntries(1, 5);
    const byId = new Map(entries.map((e) => [e.id, e]));
    for (const s of STATEMENT_READINGS) {
      const e = byId.get(s.id)!;
      expect(e.choices?.points).toBe(s.readings.length);
      const holding = e.choices!.outcomes.filter((o) => o.holds).length;
      // readings that disagree: underspecified on an acceptance decision, else holds under; all agree: that verdict
      const partly = s.interop ? 'underspecified' : 'holds under';
      const expected = holding === 0 ? 'refuted' : holding === s.readings.length ? 'holds' : partly;
      expect(e.verdict).toBe(expected);
      for (const r of s.readings) expect(byId.has(r.claim), `${r.claim} listed on its own`).toBe(false);
    }
  });
});
