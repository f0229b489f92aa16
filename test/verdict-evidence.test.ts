/**
 * Issue 18, Deliver 6: every verdict of the audit carries its evidence. A refuted or holds-under verdict records
 * the search over the choices its claim declares (or, for a statement with no open choice, the counterexample that
 * replays); holds under names at least one choice that reproduces and one that does not; underspecified shows
 * readings that disagree; every entry is anchored in the draft and says whether it is the draft's or derived.
 */
import { describe, expect, test } from 'vitest';
import { sharedAudit } from './fixtures/audit.js';
import type { AuditEntry } from '../src/audit/entry.js';

const audit = sharedAudit;

/** What is wrong with the evidence of E's verdict, or undefined. */
export function evidenceProblem(e: AuditEntry): string | undefined {
  const outcomes = e.choices?.outcomes ?? [];
  const held = outcomes.filter((o) => o.holds).length;
  switch (e.verdict) {
    case 'refuted':
      if (e.choices && e.choices.points > 0 && held === 0) return undefined;
      return e.counterexample?.reproduced
        ? undefined
        : 'refuted without a search of its choices or a replayed counterexample';
    case 'holds under':
    case 'underspecified':
      if (!e.choices || e.choices.open.length === 0)
        return `${e.verdict} without the open choices it was searched over`;
      return held > 0 && held < outcomes.length
        ? undefined
        : `${e.verdict} needs choices that reproduce and others that do not`;
    default:
      return e.choices && e.choices.points > 0 && held === 0
        ? `${e.verdict} but no searched choice reproduces`
        : undefined;
  }
}

describe('every verdict carries its evidence', () => {
  test('refuted, holds under and underspecified record the search over their declared choices', () => {
    const problems = audit().entries.flatMap((e) => {
      const p = evidenceProblem(e);
      return p ? [`${e.id}: ${p}`] : [];
    });
    expect(problems).toEqual([]);
  });

  test("every entry is anchored in the draft and says whether it is the draft's or derived", () => {
    const missing = audit()
      .entries.filter((e) => !e.anchor || !e.origin)
      .map((e) => e.id);
    expect(missing).toEqual([]);
  });

  test('the check catches a verdict without its evidence', () => {
    const base = { id: 'X', section: '§4', kind: 'number' as const, paraphrase: 'x', draft: 'x' };
    const search = (holds: boolean[]) => ({
      open: [{ name: 'duration', admissible: '1..3600 s', lines: 'draft §4.4' }],
      method: 'exhaustive',
      points: holds.length,
      outcomes: holds.map((h, i) => ({ choice: `c${i}`, value: '1', holds: h })),
    });
    expect(evidenceProblem({ ...base, verdict: 'refuted' })).toMatch(/without a search/);
    expect(evidenceProblem({ ...base, verdict: 'refuted', choices: search([false, false]) })).toBeUndefined();
    expect(evidenceProblem({ ...base, verdict: 'holds under', choices: search([true, true]) })).toMatch(/needs/);
    expect(evidenceProblem({ ...base, verdict: 'holds under', choices: search([true, false]) })).toBeUndefined();
    expect(evidenceProblem({ ...base, verdict: 'holds', choices: search([false]) })).toMatch(/no searched choice/);
  });
});
