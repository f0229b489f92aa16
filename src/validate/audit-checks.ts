/**
 * Validator checks of the audit: the composition numbers (§2.3, §9) are as pinned, and every number
 * of the draft's tables and computation blocks is covered by the claims registry or left out.
 */
import { COMPOSITION_QUANTITIES } from '../lib/composition-quantities.js';
import { extractionProblem } from '../audit/coverage.js';
import { committedExtraction } from '../audit/draft-text.js';
import { currentCoverage } from '../audit/current-coverage.js';
import { claimsCheck } from './claims-checks.js';
import type { Check } from './registry.js';

/** The audit's checks. */
export const AUDIT_CHECKS: readonly Check[] = [
  claimsCheck(
    'check:spec/composition',
    'the Byzantine frontier (§2.3), the detection probabilities (§7, §9) ' +
      'and the bundle cadence against witness liveness (§9)',
    '§9',
    'composition',
    ['COMP-'],
    () => COMPOSITION_QUANTITIES,
  ),
  {
    id: 'check:spec/coverage',
    title:
      "every number of the draft's tables and computation blocks is covered by spec/claims or left out with a reason",
    section: '—',
    run: () => {
      // issue 16: an extraction with no numbers, or taken from another text, fails here instead of passing on nothing.
      const wrong = extractionProblem(committedExtraction());
      if (wrong) return { pass: false, detail: `spec/audit/draft-numbers.json: ${wrong}` };
      const c = currentCoverage();
      const first = c.missing[0];
      return first
        ? {
            pass: false,
            detail: `${c.missing.length} not covered, first ${first.section} line ${first.line}: ${first.printed}`,
          }
        : {
            pass: true,
            detail: `${c.covered.length} covered, ${c.leftOut.length} left out on purpose (spec/audit/left-out.json)`,
          };
    },
  },
];
