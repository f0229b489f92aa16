/**
 * The statements of the audit: the claims the property files declare as the draft's ("§4.3 claim: ..."). Refuted
 * ones replay their counterexample, the others are searched; a sentence the draft leaves open to several readings
 * is one entry whose verdict follows the verdict rule over its readings (src/lib/claim-verdict.ts).
 */
import { checkClaim } from '../engine/check-claim.js';
import type { Claim } from '../engine/claim.js';
import { relativeToRoot } from '../lib/paths.js';
import { allClaims } from '../registry/theorems.js';
import { ruleVerdict } from '../lib/claim-verdict.js';
import { citation } from './anchor.js';
import { checkedOf, loadDeepBaseline } from './checked.js';

/** fast-check's runs per search when a claim names none (src/engine/search.ts). */
const DEFAULT_NUM_RUNS = 100;
import type { AuditEntry, ChoiceSearch } from './entry.js';
import { STATEMENT_READINGS, type ReadingsOfSentence } from './statement-readings.js';

/** A claim's title is a draft statement when it states a section's claim ("§4.3 claim: ..."). */
export function isDraftStatement(c: Claim): boolean {
  return /^§[\d.]+(\s*\([a-z]\))?( claim| \(.*\) claim)?/.test(c.title) && /claim/.test(c.title.split(':')[0] ?? '');
}

function sectionOf(title: string): string {
  return /^(§\d+(?:\.\d+)*)/.exec(title)?.[1] ?? '—'; // one-digit sections (§6, §7) too
}

/** Called before each statement is searched or replayed: its claim id, its rank and how many there are. */
export type AuditProgress = (claimId: string, index: number, total: number) => void;

/** What checking one claim gives: its verdict (holds or refuted) and the evidence the audit shows. */
type Checked = Pick<AuditEntry, 'comparison' | 'counterexample' | 'drift'> & { verdict: 'holds' | 'refuted' };

function checked(claim: Claim, seed: number, runs: number): Checked {
  const c = checkClaim(claim, { seed, numRuns: runs });
  switch (c.status) {
    case 'holds':
      return { verdict: 'holds', comparison: `searched: ${runs} runs at seed ${seed}, no counterexample` };
    case 'new-counterexample':
      return {
        verdict: 'refuted',
        drift: `not pinned: search found ${JSON.stringify(c.value)} at seed ${c.seed} path ${c.path}`,
      };
    case 'refuted-as-pinned':
    case 'pin-lost': {
      const { record: cx, replay: r, file } = c.pin;
      if (!cx || !r) return { verdict: 'refuted', drift: c.detail }; // not stored, or unreadable: only the reason
      return {
        verdict: 'refuted',
        // the value the replay evaluated (issue 16: never the stored valueText, which nothing checks)
        counterexample: {
          id: cx.id,
          value: r.evaluated ?? '(not evaluated)',
          found_by: cx.origin ?? 'fast-check',
          seed: cx.seed ?? null,
          path: cx.path ?? null,
          replay: `npx perfsec replay ${relativeToRoot(file)}`,
          reproduced: r.reproduced,
        },
        ...(r.reproduced ? {} : { drift: r.summary }),
      };
    }
  }
}

const statementOf = (c: Claim): string => c.title.replace(/^[^:]*:\s*/, '');

/** One entry for a sentence with several readings: the verdict rule over what each reading's search gives. */
function readingsEntry(s: ReadingsOfSentence, byId: ReadonlyMap<string, Claim>, seed: number, runs: number) {
  const results = s.readings.map((r) => {
    const claim = byId.get(r.claim);
    if (!claim) throw new Error(`statement readings: ${s.id} names ${r.claim}, which no property declares`);
    return { reading: r, claim, result: checked(claim, seed, runs) };
  });
  const refuting = results.find((x) => x.result.verdict === 'refuted');
  const choices: ChoiceSearch = {
    open: [
      {
        name: s.open,
        admissible: s.readings.map((r) => r.name).join(' | '),
        lines: s.readings.map((r) => citation(r.anchor)).join('; '),
      },
    ],
    method: `each reading searched (${runs} runs, seed ${seed}) or its pinned counterexample replayed`,
    points: results.length,
    outcomes: results.map(({ reading, claim, result }) => ({
      choice: `reading "${reading.name}" (${claim.id})`,
      value: result.counterexample
        ? `counterexample ${result.counterexample.id}`
        : result.verdict === 'holds'
          ? 'no counterexample'
          : 'refuted',
      holds: result.verdict === 'holds',
      note: statementOf(claim),
    })),
  };
  const drift = results.flatMap((x) => (x.result.drift ? [`${x.claim.id}: ${x.result.drift}`] : [])).join('; ');
  return {
    id: s.id,
    section: s.section,
    kind: 'statement' as const,
    paraphrase: s.paraphrase,
    draft: s.paraphrase,
    verdict: ruleVerdict(
      results.map((x) => x.result.verdict),
      { interop: s.interop },
    ),
    choices,
    ...(refuting?.result.counterexample ? { counterexample: refuting.result.counterexample } : {}),
    ...(drift ? { drift } : {}),
  };
}

/**
 * Audits the statements the property files declare: refuted ones replay their counterexample, the others are
 * searched; a sentence with several readings (src/audit/statement-readings.ts) is one entry over its readings.
 */
export function statementEntries(seed: number, runs: number, onStatement?: AuditProgress): AuditEntry[] {
  const claims = allClaims();
  const byId = new Map(claims.map(({ claim }) => [claim.id, claim] as const));
  const inReadings = new Set(STATEMENT_READINGS.flatMap((s) => s.readings.map((r) => r.claim)));
  const byCorrects = new Map(claims.flatMap(({ claim }) => (claim.corrects ? [[claim.corrects, claim] as const] : [])));
  const statements = claims.filter(({ claim }) => isDraftStatement(claim) && !inReadings.has(claim.id));
  const total = statements.length + STATEMENT_READINGS.length;
  const baseline = loadDeepBaseline(); // issue 19: the deep runs' figures, read (never run here)
  const single = statements.map(({ claim }, i): AuditEntry => {
    onStatement?.(claim.id, i + 1, total); // issue 16: a deep audit (--runs) shows progress
    const corrected =
      byCorrects.get(claim.id) ?? claims.find(({ claim: c }) => c.id === `${claim.id}-corrected`)?.claim;
    const correctedHolds = corrected !== undefined && checkClaim(corrected, { seed, numRuns: runs }).status === 'holds';
    const correctedText = corrected
      ? {
          corrected: `${statementOf(corrected)} (${corrected.id}, searched: ${correctedHolds ? 'holds' : 'FAILS'})`,
          checked: checkedOf(corrected.id, corrected.numRuns ?? DEFAULT_NUM_RUNS, baseline),
        }
      : {};
    const statement = statementOf(claim);
    const base = { id: claim.id, section: sectionOf(claim.title), kind: 'statement' as const };
    return { ...base, paraphrase: statement, draft: statement, ...checked(claim, seed, runs), ...correctedText };
  });
  const grouped = STATEMENT_READINGS.map((s, i) => {
    onStatement?.(s.id, statements.length + i + 1, total);
    return readingsEntry(s, byId, seed, runs);
  });
  return [...single, ...grouped];
}
