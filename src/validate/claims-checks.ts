/**
 * Validator checks over the draft's printed numbers (spec/claims): a check passes when every
 * claim it covers computes, over the choices the draft leaves open, to the project's pinned verdict.
 */
import type { ClaimVerdict } from '../lib/claim-verdict.js';
import { computeClaims, loadClaims, roundTo, type ClaimResult, type Quantities } from '../lib/claims.js';
import { loadConstants } from '../lib/constants.js';
import type { Check, CheckResult } from './registry.js';

function describe(rs: readonly ClaimResult[]): CheckResult {
  const off = rs.filter((r) => !r.asPinned);
  const count = (v: ClaimVerdict) => rs.filter((r) => r.verdict === v).length;
  // the audit's words (src/lib/claim-verdict.ts)
  const tally =
    `${count('holds')} hold, ${count('holds within rounding')} hold within rounding, ` +
    `${count('holds under')} hold under, ${count('refuted')} refuted, ${count('underspecified')} underspecified`;
  if (off.length > 0) {
    const first = off[0]!;
    return {
      pass: false,
      detail:
        `${off.length}/${rs.length} differ from the pinned verdict, first ${first.claim.id}: ` +
        `draft ${first.claim.printed}, model ${roundTo(first.model, first.claim.compare.places + 2)} ` +
        `(${first.verdict}, pinned ${first.claim.verdict})`,
    };
  }
  const refuted = rs
    .filter((r) => r.verdict === 'refuted')
    .map((r) => `${r.claim.id} (draft ${r.claim.printed}, model ${roundTo(r.model, r.claim.compare.places + 1)})`);
  const points = rs.reduce((a, r) => a + r.search.points, 0); // every admissible choice searched (issue 18)
  return {
    pass: true,
    detail:
      `${rs.length} claims as pinned (${points} points of their open choices searched): ${tally}` +
      `${refuted.length ? `; refuted: ${refuted.join(', ')}` : ''}`,
  };
}

/** A check over the claims of spec/claims/FILE.json whose ids start with one of PREFIXES, computed with QUANTITIES. */
export function claimsCheck(
  id: string,
  title: string,
  section: string,
  file: string,
  prefixes: readonly string[],
  quantities: () => Quantities,
): Check {
  return {
    id,
    title,
    section,
    run: () => {
      const all = computeClaims(loadClaims(file), quantities(), loadConstants().constants_us);
      return describe(all.filter((r) => prefixes.some((p) => r.claim.id.startsWith(p))));
    },
  };
}
