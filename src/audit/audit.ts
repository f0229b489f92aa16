/**
 * The audit: every claim of the draft, computed from the models, with one verdict each: holds,
 * holds within rounding, refuted (with the model's value or a replayable counterexample), or
 * ambiguous (the readings the text allows, each with its result).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Claim } from '../engine/claim.js';
import { computeClaims, roundTo, type ClaimResult } from '../lib/claims.js';
import { loadConstants } from '../lib/constants.js';
import { COUNTEREXAMPLE_DIR, loadCounterexample } from '../engine/counterexamples.js';
import { relativeToRoot } from '../lib/paths.js';
import { replay } from '../engine/replay.js';
import { search } from '../engine/search.js';
import { allClaims } from '../registry/theorems.js';
import { loadAllClaims } from './registry.js';

/** The four verdicts of the audit. */
export type AuditVerdict = 'holds' | 'holds within rounding' | 'refuted' | 'ambiguous';

/** A counterexample as the audit shows it. */
export interface AuditCounterexample {
  readonly id: string;
  readonly value: string;
  readonly seed: number;
  readonly path: string;
  readonly replay: string;
  readonly reproduced: boolean;
}

/** One audited claim. */
export interface AuditEntry {
  readonly id: string;
  readonly section: string;
  /** A printed number, or a statement (a theorem, an "iff", a rule) searched by a property. */
  readonly kind: 'number' | 'statement';
  readonly paraphrase: string;
  /** What the draft prints (numbers) or states (statements, paraphrased). */
  readonly draft: string;
  readonly verdict: AuditVerdict;
  /** How the model's value was compared: the rounding and tolerance used. */
  readonly comparison?: string;
  readonly model?: number;
  readonly readings?: ReadonlyArray<{
    readonly name: string;
    readonly model: number;
    readonly holds: boolean;
    readonly note: string;
  }>;
  readonly counterexample?: AuditCounterexample;
  /** The corrected claim the project checks instead, and whether it holds. */
  readonly corrected?: string;
  readonly note?: string;
  /** The verdict differs from the project's pinned finding (the test suite fails on this). */
  readonly drift?: string;
}

const VERDICT: Record<ClaimResult['verdict'], AuditVerdict> = {
  reproduced: 'holds',
  'within-tolerance': 'holds within rounding',
  'not-reproduced': 'refuted',
  ambiguous: 'ambiguous',
};

/** The verdict of the main reading alone (the one `expr` computes). */
function mainVerdict(r: ClaimResult): AuditVerdict {
  const cmp = r.claim.compare;
  if (roundTo(r.model, cmp.places) === r.claim.value) return 'holds';
  const within = cmp.kind === 'approx' && Math.abs(r.model - r.claim.value) <= cmp.rel_tol * Math.abs(r.claim.value);
  return within ? 'holds within rounding' : 'refuted';
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
              holds: x.verdict !== 'not-reproduced',
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
    verdict: VERDICT[r.verdict],
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
    const correctedText = corrected
      ? {
          corrected:
            `${corrected.title.replace(/^[^:]*:\s*/, '')} ` +
            `(${corrected.id}, searched: ${search(corrected, { seed, numRuns: runs }).failed ? 'FAILS' : 'holds'})`,
        }
      : {};
    if (claim.refutedBy) {
      const file = path.join(COUNTEREXAMPLE_DIR, `${claim.refutedBy}.json`);
      if (!existsSync(file))
        return {
          ...base,
          verdict: 'refuted' as const,
          ...correctedText,
          drift: `counterexample ${claim.refutedBy} is not stored`,
        };
      const cx = loadCounterexample(file);
      const r = replay(claim, cx);
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
    const found = search(claim, { seed, numRuns: runs });
    return found.failed
      ? {
          ...base,
          verdict: 'refuted' as const,
          ...correctedText,
          drift:
            `not pinned: search found ${JSON.stringify(found.counterexample)} ` +
            `at seed ${found.seed} path ${found.path}`,
        }
      : {
          ...base,
          verdict: 'holds' as const,
          comparison: `searched: ${runs} runs at seed ${seed}, no counterexample`,
          ...correctedText,
        };
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
  const counts = { holds: 0, 'holds within rounding': 0, refuted: 0, ambiguous: 0 };
  for (const e of entries) counts[e.verdict]++;
  return { seed, runs, entries, counts };
}
