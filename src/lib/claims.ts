/**
 * The draft's printed numbers as data (spec/claims/*.json): loads them, computes each from the
 * model, and compares at the draft's printed precision. A claim's value may depend on choices the
 * draft leaves open (src/lib/claim-choices.ts); every admissible choice is searched (src/lib/choices.ts)
 * and the verdict follows ruleVerdict. The verdict is computed, then checked against the project's
 * pinned finding; a change either way fails the suite.
 */
import type { ClaimVerdict, PointVerdict } from './claim-verdict.js';
import { admissible, claimSpace, type ChoiceDecl, type RoundingRule } from './claim-choices.js';
import { searchChoices, type ChoiceSearchResult, type OpenLines, type Point, type Search } from './choices.js';
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
  /** The draft lines that leave the readings open (required with `readings`). */
  readonly readings_open?: OpenLines;
  /** The open choices the value depends on: names of the file's `choices` (each sets a scenario parameter). */
  readonly choices?: readonly string[];
  /** For a refuted claim: the corrected statement and the value the model gives. */
  readonly corrected?: { readonly statement: string; readonly value: number };
}

/** A claims file (schemas/claims-v1.schema.json). */
export interface ClaimsFile {
  readonly schema: 'perfsec-claims-v1';
  readonly theorem: string;
  readonly about: string;
  readonly scenarios: Readonly<Record<string, ClaimsScenario>>;
  /** The open choices claims may name, keyed by the scenario parameter each sets. */
  readonly choices?: Readonly<Record<string, ChoiceDecl>>;
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

/** Scenario parameters a point of the choice space sets, in every scenario of the expression. */
export type Overrides = Readonly<Record<string, string | number>>;

/** Computes an expression with a theorem's quantities and constants, the scenarios' parameters set by OVERRIDES. */
export function evaluate(
  e: Expr,
  file: ClaimsFile,
  quantities: Quantities,
  c: CostConstants,
  overrides?: Overrides,
): number {
  const operand = (o: QuantityRef | Cited): number => {
    if ('cited' in o) return o.cited;
    const declared = file.scenarios[o.scenario];
    if (!declared) throw new InputError(`claims file ${file.theorem}: unknown scenario '${o.scenario}'`);
    const s: ClaimsScenario = overrides ? { ...declared, ...overrides } : declared;
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

/**
 * X rounded to PLACES decimals, as the draft prints, by RULE: half up (away from zero) or half even. A value within
 * 10^-9 of a tie (in units of the last place) is a tie: the tolerance keeps 0.5-boundaries from float noise.
 */
export function roundTo(x: number, places: number, rule: RoundingRule = 'half-up'): number {
  const f = 10 ** places;
  const y = x * f;
  if (rule === 'half-even') {
    const fl = Math.floor(y);
    if (Math.abs(y - fl - 0.5) <= 1e-9) return (fl % 2 === 0 ? fl : fl + 1) / f;
    return Math.round(y) / f;
  }
  return Math.round(y + Math.sign(x) * 1e-9) / f;
}

/** Compares the model's value with the printed one at one point of the choice space, rounding by RULE. */
export function verdictOf(model: number, printed: number, cmp: Compare, rule: RoundingRule = 'half-up'): PointVerdict {
  if (roundTo(model, cmp.places, rule) === printed) return 'holds';
  const withinTolerance = cmp.kind === 'approx' && Math.abs(model - printed) <= cmp.rel_tol * Math.abs(printed);
  if (withinTolerance) return 'holds within rounding';
  return 'refuted';
}

/** One claim, computed. */
export interface ClaimResult {
  readonly claim: PrintedClaim;
  /** The value at the claim's base point: its scenarios as declared, its first reading. */
  readonly model: number;
  /** ruleVerdict over every admissible choice (the search). */
  readonly verdict: ClaimVerdict;
  /** Each other reading's value and verdict at the base point, when the claim lists readings. */
  readonly readings: ReadonlyArray<{
    readonly name: string;
    readonly model: number;
    readonly verdict: PointVerdict;
    readonly note: string;
  }>;
  /** The search over the claim's open choices. */
  readonly search: ChoiceSearchResult;
  /** The computed verdict equals the pinned one (and a correction, if stated, matches the base point). */
  readonly asPinned: boolean;
}

/** How computeClaims searches: another search (a mutant, in tests), the point budget, a trace of every point. */
export interface ComputeOptions {
  readonly search?: Search;
  readonly maxPoints?: number;
  readonly trace?: boolean;
}

/** The scenarios CLAIM's expressions name. */
function scenariosOf(file: ClaimsFile, claim: PrintedClaim): ClaimsScenario[] {
  const names = [claim.expr, ...(claim.readings ?? []).map((r) => r.expr)].flatMap((e) =>
    ('ratio' in e ? e.ratio : [e]).flatMap((o) => ('scenario' in o ? [o.scenario] : [])),
  );
  return [...new Set(names)].flatMap((n) => (file.scenarios[n] ? [file.scenarios[n]] : []));
}

/** The search over CLAIM's open choices; the value at each point is computed once (rounding rules share it). */
export function searchClaim(
  file: ClaimsFile,
  claim: PrintedClaim,
  quantities: Quantities,
  c: CostConstants,
  options: ComputeOptions = {},
): ChoiceSearchResult {
  const { space, params, rangeParam } = claimSpace(file.choices, claim);
  for (const s of scenariosOf(file, claim))
    for (const name of claim.choices ?? []) {
      const v = s[name];
      if (v !== undefined && !admissible(file.choices![name]!, v))
        throw new InputError(
          `claim ${claim.id}: scenario '${s.label}' sets ${name} ${v}, outside its admissible choices`,
        );
    }
  const exprs = [claim.expr, ...(claim.readings ?? []).map((r) => r.expr)];
  const memo = new Map<string, number>();
  const judge = (p: Point) => {
    let rule: RoundingRule = 'half-up';
    let key = `${p.x}`;
    p.pick.forEach((i, k) => {
      if (params[k] === 'rounding') rule = space.finite[k]!.values[i]!.value as RoundingRule;
      else key += ` ${i}`;
    });
    let value = memo.get(key);
    if (value === undefined) {
      const overrides: Record<string, string | number> = {};
      let reading = 0;
      p.pick.forEach((i, k) => {
        if (params[k] === 'reading') reading = i;
        else if (params[k] !== 'rounding') overrides[params[k]!] = space.finite[k]!.values[i]!.value;
      });
      if (rangeParam !== undefined && p.x !== undefined) overrides[rangeParam] = p.x;
      memo.set(key, (value = evaluate(exprs[reading]!, file, quantities, c, overrides)));
    }
    return { value, verdict: verdictOf(value, claim.value, claim.compare, rule) };
  };
  const search = options.search ?? searchChoices;
  return search(space, judge, {
    target: claim.value,
    digits: claim.compare.places + 3,
    ...(options.maxPoints ? { maxPoints: options.maxPoints } : {}),
    ...(options.trace ? { trace: true } : {}),
  });
}

/** Computes every claim of a file: its base-point value, and the verdict over its open choices. */
export function computeClaims(
  file: ClaimsFile,
  quantities: Quantities,
  c: CostConstants,
  options: ComputeOptions = {},
): ClaimResult[] {
  return file.claims.map((claim) => {
    const model = evaluate(claim.expr, file, quantities, c);
    const readings = (claim.readings ?? []).map((r) => {
      const v = evaluate(r.expr, file, quantities, c);
      return { name: r.name, model: v, verdict: verdictOf(v, claim.value, claim.compare), note: r.note };
    });
    const search = searchClaim(file, claim, quantities, c, options);
    const verdict = search.verdict; // the verdict rule, written once (src/lib/claim-verdict.ts)
    const correctionHolds =
      !claim.corrected || roundTo(model, claim.compare.places) === roundTo(claim.corrected.value, claim.compare.places);
    return { claim, model, verdict, readings, search, asPinned: verdict === claim.verdict && correctionHolds };
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
    case 'holds under': {
      const open = ['rounding', ...(claim.readings?.length ? ['reading'] : []), ...(claim.choices ?? [])];
      return `HOLDS UNDER some of its admissible choices only (${open.join(', ')})`;
    }
    case 'underspecified':
      return `UNDERSPECIFIED: its readings disagree on what implementations do`;
  }
}
