/**
 * The draft's printed numbers as data (spec/claims/*.json): loads them, computes each from the
 * model, and compares at the draft's printed precision. The verdict is computed, then checked
 * against the project's pinned finding; a change either way fails the suite.
 */
import { ruleVerdict, type ClaimVerdict, type PointVerdict } from './claim-verdict.js';
import { assertFinite } from './finite.js';
import type { CostConstants } from '../../model/constants.js';
import { bundlesPerSecond, ppsPerPath, type Deployment } from '../../model/deployment.js';
import { US_PER_CORE_SECOND, type CostModel } from '../../model/joint-cost.js';
import { DomainError } from '../../model/domain-error.js';
import { InputError } from './errors.js';
import { readValidated } from './json-file.js';
import { projectPath } from './paths.js';

/** A named setting the draft evaluates (a table row, a worked example): a label, a section, parameters. */
export interface ClaimsScenario {
  readonly label: string;
  readonly section: string;
  readonly [param: string]: string | number;
}
/** A model quantity at a scenario. */
export interface QuantityRef {
  readonly quantity: string;
  readonly scenario: string;
}
/** How a theorem computes its quantities: name -> value at a scenario with given constants. */
export type Quantities = Readonly<Record<string, (s: ClaimsScenario, c: CostConstants) => number>>;
/** A number the draft cites from elsewhere (an input here, not computed). */
export interface Cited {
  readonly cited: number;
  readonly what: string;
}
/** How a claim's value is computed. */
export type Expr = QuantityRef | { readonly ratio: readonly [QuantityRef | Cited, QuantityRef | Cited] };
/** How the model's value is compared with the printed one. */
export type Compare =
  | { readonly kind: 'decimals'; readonly places: number }
  | { readonly kind: 'approx'; readonly places: number; readonly rel_tol: number };

/** Another reading of the draft's text, computed the same way with another expression. */
export interface NumberReading {
  readonly name: string;
  readonly expr: Expr;
  readonly note: string;
}

/** One printed number of the draft. */
export interface PrintedClaim {
  readonly id: string;
  readonly section: string;
  readonly paraphrase: string;
  readonly printed: string;
  readonly value: number;
  readonly expr: Expr;
  readonly compare: Compare;
  /** The project's pinned finding. */
  readonly verdict: ClaimVerdict;
  /** Why the verdict is what it is. */
  readonly note?: string;
  /** When the text admits several readings: the name of the one `expr` computes, and the others. */
  readonly reading?: string;
  readonly readings?: readonly NumberReading[];
  /** For a refuted claim: the corrected statement and the value the model gives. */
  readonly corrected?: { readonly statement: string; readonly value: number };
}

/** A claims file (schemas/claims-v1.schema.json). */
export interface ClaimsFile {
  readonly schema: 'perfsec-claims-v1';
  readonly theorem: string;
  readonly about: string;
  readonly scenarios: Readonly<Record<string, ClaimsScenario>>;
  readonly claims: readonly PrintedClaim[];
}

/** Loads spec/claims/NAME.json. */
export function loadClaims(name: string): ClaimsFile {
  return readValidated<ClaimsFile>(projectPath('spec', 'claims', `${name}.json`), 'claims-v1');
}

/** A numeric parameter of a scenario; InputError names it when missing. */
export function param(s: ClaimsScenario, name: string): number {
  const v = s[name];
  if (typeof v !== 'number') throw new InputError(`scenario '${s.label}': missing numeric parameter '${name}'`);
  return v;
}

/** The model's Deployment for a T-JCOST-1 scenario. */
export function deploymentOf(s: ClaimsScenario): Deployment {
  return {
    n: param(s, 'n'),
    tickMs: param(s, 't_tick_ms'),
    q: param(s, 'q'),
    bundlePeriodTicks: param(s, 'bundle_period_ticks'),
    cellsK: param(s, 'cells_k'),
  };
}

/** The T-JCOST-1 quantities a claim may name, each computed by the cost model M. */
export function jointCostQuantities(m: CostModel): Quantities {
  const q = JCOST_QUANTITIES;
  return {
    ...Object.fromEntries(
      Object.entries(q).map(([k, f]) => [k, (s: ClaimsScenario, c: CostConstants) => f(deploymentOf(s), c, m)]),
    ),
    // The rows of the §3.3 table as transcribed in spec/claims/t-jcost-1.json (a count of the draft's own table).
    scale_point_count: () =>
      Object.values(loadClaims('t-jcost-1').scenarios).filter((s) => s.section === '§3.3').length,
  };
}

const JCOST_QUANTITIES = {
  pps_t: (d: Deployment) => ppsPerPath(d),
  tick_hz: (d: Deployment) => 1000 / d.tickMs,
  // one HMAC per snapshot, as % of one core
  hmac_only_pct: (d: Deployment, c: CostConstants) => (ppsPerPath(d) * c.c_hmac) / 1e4,
  json_over_bfd_parse: (_d: Deployment, c: CostConstants) => c.c_json / c.c_bfd_parse,
  bundles_per_s: (d: Deployment) => bundlesPerSecond(d),
  joint_pct: (d: Deployment, c: CostConstants, m: CostModel) => m.joint(d, c).pctOneCore,
  joint_cores: (d: Deployment, c: CostConstants, m: CostModel) => m.joint(d, c).usPerSecond / US_PER_CORE_SECOND,
  cores_needed: (d: Deployment, c: CostConstants, m: CostModel) => m.joint(d, c).coresNeeded,
  path_a_us_per_op: (d: Deployment, c: CostConstants, m: CostModel) => m.joint(d, c).paths.A.usPerOp,
  path_a_ms_per_s: (d: Deployment, c: CostConstants, m: CostModel) => m.joint(d, c).paths.A.usPerSecond / 1000,
  path_a_pct: (d: Deployment, c: CostConstants, m: CostModel) =>
    (m.joint(d, c).paths.A.usPerSecond / US_PER_CORE_SECOND) * 100,
  path_b_us_per_op: (d: Deployment, c: CostConstants, m: CostModel) => m.joint(d, c).paths.B.usPerOp,
  path_b_ms_per_s: (d: Deployment, c: CostConstants, m: CostModel) => m.joint(d, c).paths.B.usPerSecond / 1000,
  path_b_pct: (d: Deployment, c: CostConstants, m: CostModel) =>
    (m.joint(d, c).paths.B.usPerSecond / US_PER_CORE_SECOND) * 100,
  path_c_us_per_s: (d: Deployment, c: CostConstants, m: CostModel) => m.joint(d, c).paths.C.usPerSecond,
  path_c_pct: (d: Deployment, c: CostConstants, m: CostModel) =>
    (m.joint(d, c).paths.C.usPerSecond / US_PER_CORE_SECOND) * 100,
} satisfies Record<string, (d: Deployment, c: CostConstants, m: CostModel) => number>;

/** Computes an expression with a theorem's quantities and constants. */
export function evaluate(e: Expr, file: ClaimsFile, quantities: Quantities, c: CostConstants): number {
  const operand = (o: QuantityRef | Cited): number => {
    if ('cited' in o) return o.cited;
    const s = file.scenarios[o.scenario];
    if (!s) throw new InputError(`claims file ${file.theorem}: unknown scenario '${o.scenario}'`);
    const f = quantities[o.quantity];
    if (!f) throw new InputError(`claims file ${file.theorem}: unknown quantity '${o.quantity}'`);
    try {
      return f(s, c);
    } catch (e) {
      if (e instanceof DomainError)
        throw new InputError(`claims file ${file.theorem}: scenario '${o.scenario}': ${e.message}`);
      throw e;
    }
  };
  const value = 'ratio' in e ? operand(e.ratio[0]) / operand(e.ratio[1]) : operand(e);
  return assertFinite(value, `claims file ${file.theorem}`, 'input'); // issue 16: a ratio over zero is no verdict
}

/** X rounded to PLACES decimals, as the draft prints. */
export function roundTo(x: number, places: number): number {
  const f = 10 ** places;
  return Math.round(x * f + Math.sign(x) * 1e-9) / f; // the nudge keeps 0.5-boundaries from float noise
}

/** Compares the model's value with the printed one at one point of the choice space. */
export function verdictOf(model: number, printed: number, cmp: Compare): PointVerdict {
  if (roundTo(model, cmp.places) === printed) return 'holds';
  const withinTolerance = cmp.kind === 'approx' && Math.abs(model - printed) <= cmp.rel_tol * Math.abs(printed);
  if (withinTolerance) return 'holds within rounding';
  return 'refuted';
}

/** One claim, computed. */
export interface ClaimResult {
  readonly claim: PrintedClaim;
  readonly model: number;
  readonly verdict: ClaimVerdict;
  /** Each other reading's value and verdict, when the claim lists readings. */
  readonly readings: ReadonlyArray<{
    readonly name: string;
    readonly model: number;
    readonly verdict: PointVerdict;
    readonly note: string;
  }>;
  /** The computed verdict equals the pinned one (and a correction, if stated, matches the model). */
  readonly asPinned: boolean;
}

/** Computes every claim of a file. */
export function computeClaims(file: ClaimsFile, quantities: Quantities, c: CostConstants): ClaimResult[] {
  return file.claims.map((claim) => {
    const model = evaluate(claim.expr, file, quantities, c);
    const main = verdictOf(model, claim.value, claim.compare);
    const readings = (claim.readings ?? []).map((r) => {
      const v = evaluate(r.expr, file, quantities, c);
      return { name: r.name, model: v, verdict: verdictOf(v, claim.value, claim.compare), note: r.note };
    });
    const verdict = ruleVerdict([main, ...readings.map((r) => r.verdict)]); // the verdict rule, written once
    const correctionHolds =
      !claim.corrected || roundTo(model, claim.compare.places) === roundTo(claim.corrected.value, claim.compare.places);
    return { claim, model, verdict, readings, asPinned: verdict === claim.verdict && correctionHolds };
  });
}

/**
 * The printed claims of a file as theorem examples (src/engine/theorem.ts): titled with the claim and its pinned
 * verdict.
 */
export function printedExamples(
  name: string,
  quantities: Quantities,
  c: CostConstants,
): Array<{ id: string; title: string; check: () => { ok: boolean; detail: string } }> {
  const file = loadClaims(name);
  return file.claims.map((claim) => ({
    id: claim.id,
    title: `${claim.section} printed "${claim.printed}" (${claim.paraphrase}): ${pinnedPhrase(claim)}`,
    check: () => {
      const [r] = computeClaims({ ...file, claims: [claim] }, quantities, c);
      const corrected = claim.corrected ? `, corrected value ${claim.corrected.value}` : '';
      const detail = `${claim.id}: model ${r!.model}, verdict ${r!.verdict}, pinned ${claim.verdict}${corrected}`;
      return { ok: r!.asPinned, detail };
    },
  }));
}

function pinnedPhrase(claim: PrintedClaim): string {
  switch (claim.verdict) {
    case 'holds':
      return `holds at ${claim.compare.places} decimal(s)`;
    case 'holds within rounding': {
      const percent = claim.compare.kind === 'approx' ? claim.compare.rel_tol * 100 : 0;
      return `holds within ${percent} % (not at ${claim.compare.places} decimal(s))`;
    }
    case 'refuted':
      return `REFUTED, corrected to ${claim.corrected?.value ?? '(no correction stated)'}`;
    case 'holds under':
      return `HOLDS UNDER some of its ${(claim.readings ?? []).length + 1} readings only`;
    case 'underspecified':
      return `UNDERSPECIFIED: its readings disagree on what implementations do`;
  }
}
