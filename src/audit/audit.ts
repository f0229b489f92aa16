/**
 * The audit: every claim of the draft, computed from the models, with one verdict each: holds,
 * holds within rounding, refuted (with the model's value or a replayable counterexample), or
 * holds under (the readings the text allows, each with its result).
 */
import { checkClaim } from '../engine/check-claim.js';
import type { Claim } from '../engine/claim.js';
import { CLAIM_VERDICTS, type ClaimVerdict } from '../lib/claim-verdict.js';
import { computeClaims, roundTo, verdictOf, type ClaimResult } from '../lib/claims.js';
import { loadConstants } from '../lib/constants.js';
import { relativeToRoot } from '../lib/paths.js';
import { allClaims } from '../registry/theorems.js';
import { loadAllClaims } from './registry.js';
import type { AuditEntry } from './entry.js';

export type { AuditCounterexample, AuditEntry } from './entry.js';

/** The four verdicts of the audit: the one vocabulary about a claim of the draft (src/lib/claim-verdict.ts). */
export type AuditVerdict = ClaimVerdict;

/** The verdict of the main reading alone (the one `expr` computes). */
function mainVerdict(r: ClaimResult): AuditVerdict {
  return verdictOf(r.model, r.claim.value, r.claim.compare); // the one comparison, src/lib/claims.ts
}

function numberEntry(r: ClaimResult): AuditEntry {
  const { claim } = r;
  const cmp = claim.compare;
  const comparison =
    cmp.kind === 'decimals'
      ? `model rounded to ${cmp.places} decimal(s), as printed, must equal ${claim.value}`
      : `model rounded to ${cmp.places} decimal(s) must equal ${claim.value}, ` +
        `or lie within ${cmp.rel_tol * 100} % of it`;
  const shown = (x: number) => roundTo(x, cmp.places + 3);
  const readings =
    r.readings.length === 0
      ? {}
      : {
          readings: [
            {
              name: claim.reading ?? 'the reading the code uses',
              model: shown(r.model),
              holds: mainVerdict(r) !== 'refuted',
              note: 'the reading the code uses',
            },
            ...r.readings.map((x) => ({
              name: x.name,
              model: shown(x.model),
              holds: x.verdict !== 'refuted',
              note: x.note,
            })),
          ],
        };
  return {
    id: claim.id,
    section: claim.section,
    kind: 'number',
    paraphrase: claim.paraphrase,
    draft: claim.printed,
    verdict: r.verdict,
    comparison,
    model: shown(r.model),
    ...readings,
    ...(claim.corrected ? { corrected: claim.corrected.statement } : {}),
    ...(claim.note ? { note: claim.note } : {}),
    ...(r.asPinned ? {} : { drift: `pinned ${claim.verdict}, computed ${r.verdict}` }),
  };
}

/** A claim's title is a draft statement when it states a section's claim ("§4.3 claim: ..."). */
export function isDraftStatement(c: Claim): boolean {
  return /^§[\d.]+(\s*\([a-z]\))?( claim| \(.*\) claim)?/.test(c.title) && /claim/.test(c.title.split(':')[0] ?? '');
}

function sectionOf(title: string): string {
  return /^(§\d+(?:\.\d+)*)/.exec(title)?.[1] ?? '—'; // one-digit sections (§6, §7) too
}

/** Called before each statement is searched or replayed: its claim id, its rank and how many there are. */
export type AuditProgress = (claimId: string, index: number, total: number) => void;

/**
 * Audits the statements the property files declare: refuted ones replay their counterexample, the others are
 * searched.
 */
function statementEntries(seed: number, runs: number, onStatement?: AuditProgress): AuditEntry[] {
  const claims = allClaims();
  const byCorrects = new Map(claims.flatMap(({ claim }) => (claim.corrects ? [[claim.corrects, claim] as const] : [])));
  const statements = claims.filter(({ claim }) => isDraftStatement(claim));
  return statements.map(({ claim }, i) => {
    onStatement?.(claim.id, i + 1, statements.length); // issue 16: a deep audit (--runs) shows progress
    const statement = claim.title.replace(/^[^:]*:\s*/, '');
    const corrected =
      byCorrects.get(claim.id) ?? claims.find(({ claim: c }) => c.id === `${claim.id}-corrected`)?.claim;
    const base = {
      id: claim.id,
      section: sectionOf(claim.title),
      kind: 'statement' as const,
      paraphrase: statement,
      draft: statement,
    };
    const correctedHolds = corrected !== undefined && checkClaim(corrected, { seed, numRuns: runs }).status === 'holds';
    const correctedStatement = corrected?.title.replace(/^[^:]*:\s*/, '');
    const correctedText = corrected
      ? { corrected: `${correctedStatement} (${corrected.id}, searched: ${correctedHolds ? 'holds' : 'FAILS'})` }
      : {};
    const c = checkClaim(claim, { seed, numRuns: runs });
    switch (c.status) {
      case 'holds': {
        const comparison = `searched: ${runs} runs at seed ${seed}, no counterexample`;
        return { ...base, verdict: 'holds' as const, comparison, ...correctedText };
      }
      case 'new-counterexample': {
        const drift = `not pinned: search found ${JSON.stringify(c.value)} at seed ${c.seed} path ${c.path}`;
        return { ...base, verdict: 'refuted' as const, ...correctedText, drift };
      }
      case 'refuted-as-pinned':
      case 'pin-lost': {
        const { record: cx, replay: r, file } = c.pin;
        // not stored, or unreadable: nothing to show but the reason
        if (!cx || !r) return { ...base, verdict: 'refuted' as const, ...correctedText, drift: c.detail };
        return {
          ...base,
          verdict: 'refuted' as const,
          ...correctedText,
          // the value the replay evaluated (issue 16: never the stored valueText, which nothing checks)
          counterexample: {
            id: cx.id,
            value: r.evaluated ?? '(not evaluated)',
            seed: cx.seed,
            path: cx.path,
            replay: `npx perfsec replay ${relativeToRoot(file)}`,
            reproduced: r.reproduced,
          },
          ...(r.reproduced ? {} : { drift: r.summary }),
        };
      }
    }
  });
}

/** Orders sections as the draft does: §1 .. §10, then the appendices. */
export function sectionKey(section: string): string {
  const m = /^§([\d.]+)$/.exec(section);
  if (m)
    return m[1]!
      .split('.')
      .map((p) => p.padStart(3, '0'))
      .join('.');
  return `zzz ${section}`;
}

/** The whole audit. */
export interface Audit {
  readonly seed: number;
  readonly runs: number;
  readonly entries: readonly AuditEntry[];
  readonly counts: Readonly<Record<AuditVerdict, number>>;
}

/** Runs the audit: every printed number of spec/claims, every statement of properties/. */
export function runAudit(seed: number, runs: number, onStatement?: AuditProgress): Audit {
  const c = loadConstants().constants_us;
  const numbers = loadAllClaims().flatMap(({ source, file }) =>
    computeClaims(file, source.quantities(), c).map(numberEntry),
  );
  const entries = [...numbers, ...statementEntries(seed, runs, onStatement)].sort(
    (a, b) => sectionKey(a.section).localeCompare(sectionKey(b.section)) || a.id.localeCompare(b.id),
  );
  const counts = Object.fromEntries(CLAIM_VERDICTS.map((v) => [v, 0])) as Record<AuditVerdict, number>;
  for (const e of entries) counts[e.verdict]++;
  return { seed, runs, entries, counts };
}
