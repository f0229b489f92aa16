/**
 * The growth and magnitude words of the draft, audited (issue 18, Deliver 4): every occurrence of linear, SUBLINEARLY,
 * near-constant, "orders of magnitude", saturate(s), "small fixed cost", INDEPENDENT, "approximately 200 times", far
 * above, shrinks is a claim of spec/growth.json (schemas/growth-v1.schema.json) with its anchor, the computable
 * property the word is read as (model/growth.ts states the definitions) and the check that computes it from the
 * models (checks in growth-scale.ts, growth-paths.ts, growth-insider.ts, growth-flood.ts, growth-bursts.ts). Each
 * check searches the choices the draft leaves open; the verdict follows the verdict rule.
 */
import type { CostConstants } from '../../model/constants.js';
import { ruleVerdict } from '../lib/claim-verdict.js';
import { DRAFT_CONSTANTS } from '../lib/constants.js';
import { readValidated } from '../lib/json-file.js';
import { projectPath } from '../lib/paths.js';
import type { Anchor } from './anchor.js';
import type { AuditEntry } from './entry.js';
import type { GrowthCheck, Params } from './growth-check.js';
import { jitterShrinks, lowFloodSaturates } from './growth-bursts.js';
import { nearConstantBound, noRateLimitLinear, rateLimitedSublinear } from './growth-flood.js';
import { farAbove, saturateCores } from './growth-insider.js';
import { amortized, cryptoLinear, independentOfAttackRate, smallFixed } from './growth-paths.js';
import { approximately, ordersDiverge, twoOrders } from './growth-scale.js';

/** The growth claims file. */
export const GROWTH_FILE = projectPath('spec', 'growth.json');

/** One growth or magnitude claim as spec/growth.json states it. */
export interface GrowthClaim {
  readonly id: string;
  readonly anchor: Anchor;
  readonly paraphrase: string;
  readonly draft: string;
  readonly origin: 'draft' | 'derived';
  readonly derived_from?: string;
  /** The word as a computable property, and its readings. */
  readonly definition: string;
  readonly check: CheckName;
  readonly params: Params;
  readonly corrected?: string;
  readonly note?: string;
}

/** The growth claims file (schemas/growth-v1.schema.json). */
export interface GrowthFile {
  readonly schema: 'perfsec-growth-v1';
  readonly about: string;
  readonly claims: readonly GrowthClaim[];
}

/** Every check a claim may name (the schema's enum). */
export const CHECKS = {
  'orders-diverge': ordersDiverge,
  'two-orders': twoOrders,
  'near-constant-bound': nearConstantBound,
  'no-rl-linear': noRateLimitLinear,
  'crypto-linear': cryptoLinear,
  approximately,
  'far-above': farAbove,
  'saturate-cores': saturateCores,
  'small-fixed': smallFixed,
  amortized,
  'independent-of-attack-rate': independentOfAttackRate,
  'jitter-shrinks': jitterShrinks,
  'low-flood-saturates': lowFloodSaturates,
  'rl-sublinear': rateLimitedSublinear,
} satisfies Record<string, GrowthCheck>;

/** The name of a check. */
export type CheckName = keyof typeof CHECKS;

/** An audit entry with the anchor it stands on. */
export type AnchoredEntry = AuditEntry & { readonly anchor: Anchor };

/** Loads spec/growth.json (or FILE). */
export function loadGrowthClaims(file: string = GROWTH_FILE): GrowthFile {
  return readValidated<GrowthFile>(file, 'growth-v1');
}

/** Audits one growth claim: runs its check (CHECK replaces it in tests) and applies the verdict rule. */
export function growthEntry(g: GrowthClaim, c: CostConstants = DRAFT_CONSTANTS, check?: GrowthCheck): AnchoredEntry {
  const r = (check ?? CHECKS[g.check])(g.params, c);
  const verdict = ruleVerdict(r.points);
  const finding = verdict === 'refuted' || verdict === 'holds under';
  return {
    id: g.id,
    section: g.anchor.section,
    kind: 'growth',
    paraphrase: g.paraphrase,
    draft: g.draft,
    verdict,
    origin: g.origin,
    comparison: g.definition,
    choices: { open: r.open, method: r.method, points: r.points.length, outcomes: r.outcomes },
    ...(finding && g.corrected ? { corrected: g.corrected } : {}),
    note: [r.note, g.note, g.derived_from ? `Derived from: ${g.derived_from}` : undefined].filter(Boolean).join(' '),
    anchor: g.anchor,
  };
}

/** Every growth and magnitude claim of the draft, audited at constants C (the draft's §1.3 values by default). */
export function growthEntries(c: CostConstants = DRAFT_CONSTANTS): AnchoredEntry[] {
  return loadGrowthClaims().claims.map((g) => growthEntry(g, c));
}
