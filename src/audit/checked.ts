/**
 * How far a corrected claim is checked (issue 19, Deliver 2): the random cases searched and the exhaustive scope it
 * is verified in, shown beside it by `perfsec audit`, `--json` (field `checked`) and docs/ERRATA.md. The figures
 * come from spec/deep-baseline.json (written by `npm run deep`, schemas/deep-baseline-v1.schema.json); without it,
 * or for a claim it does not list, the registry's default verify scope is shown, with no state counts, and the
 * random cases are the property's budget per test run (never the audit's own `--runs`: docs/ERRATA.md must not
 * depend on it). The audit never runs an exhaustive search itself.
 */
import { existsSync } from 'node:fs';
import { readValidated } from '../lib/json-file.js';
import { projectPath } from '../lib/paths.js';
import { VERIFY_TARGETS } from '../verify/registry.js';
import { defaultScope } from '../verify/target.js';

/** The deep baseline's file. */
export const DEEP_BASELINE_FILE = projectPath('spec', 'deep-baseline.json');

/** The parts of spec/deep-baseline.json the audit reads (the whole format: schemas/deep-baseline-v1.schema.json). */
export interface DeepBaseline {
  readonly schema: 'perfsec-deep-baseline-v1';
  readonly date: string;
  readonly random: ReadonlyArray<{ readonly claim: string; readonly cases: number }>;
  readonly exhaustive: ReadonlyArray<{
    readonly target: string;
    readonly claim: string;
    readonly scope: string;
    readonly depth: number;
    readonly states: number;
    readonly distinct: number;
    readonly status: string;
  }>;
}

/** The exhaustive scope a claim is verified in, as the deep baseline recorded it. */
export interface CheckedExhaustive {
  readonly target: string;
  /** The scope in words. */
  readonly scope: string;
  readonly depth: number;
  /** States found and distinct states. */
  readonly states: number;
  readonly distinct: number;
  /** The verify status the baseline recorded (`verified`, `incomplete`, ...). */
  readonly status: string;
}

/** The scope `perfsec verify CLAIM` takes by default (src/verify/registry.ts): named, not run by the audit. */
export interface VerifyDefault {
  readonly target: string;
  readonly scope: string;
  readonly depth: number;
}

/** How far a corrected claim is checked (AuditEntry.checked). */
export interface Checked {
  readonly claim: string;
  /** `deep-baseline`: figures of spec/deep-baseline.json; `verify-default`: none recorded for the claim. */
  readonly source: 'deep-baseline' | 'verify-default';
  readonly random_cases: number | null;
  /** The deep baseline's exhaustive run of the claim; null when it has none. */
  readonly exhaustive: CheckedExhaustive | null;
  /** The default verify scope of the claim's target; null when `perfsec verify` has none. */
  readonly verify_default: VerifyDefault | null;
  /** The baseline's date; null without one. */
  readonly date: string | null;
}

/** The deep baseline in FILE (schema-checked), or undefined when it does not exist. */
export function loadDeepBaseline(file: string = DEEP_BASELINE_FILE): DeepBaseline | undefined {
  return existsSync(file) ? readValidated<DeepBaseline>(file, 'deep-baseline-v1') : undefined;
}

/**
 * How far claim ID is checked: from BASELINE where it lists the claim, else the registry's default verify scope
 * (null when `perfsec verify` has no target for it) and BUDGET, the random cases its property searches per test run.
 */
export function checkedOf(id: string, budget: number, baseline?: DeepBaseline): Checked {
  const random = baseline?.random.find((r) => r.claim === id);
  const deep = baseline?.exhaustive.find((x) => x.claim === id);
  const t = VERIFY_TARGETS.find((x) => x.claim === id);
  const scope = t ? defaultScope(t) : undefined;
  return {
    claim: id,
    source: random || deep ? 'deep-baseline' : 'verify-default',
    random_cases: random ? random.cases : budget,
    exhaustive: deep
      ? {
          target: deep.target,
          scope: deep.scope,
          depth: deep.depth,
          states: deep.states,
          distinct: deep.distinct,
          status: deep.status,
        }
      : null,
    verify_default: t && scope ? { target: t.claim, scope: t.describe(scope), depth: scope['depth'] ?? 0 } : null,
    date: random || deep ? baseline!.date : null,
  };
}

/** "1.2 M" for 1 234 567, "48 512" below a million. */
const count = (n: number): string =>
  n >= 1e6 ? `${(n / 1e6).toPrecision(2)} M` : n.toLocaleString('en-US').replace(/,/g, ' ');

/**
 * The check in one line: "verified for every trace up to depth 8 in scope S: 1.2 M states (480 112 distinct);
 * searched 1 000 000 random cases (deep baseline of 2026-12-04)".
 */
export function checkedLine(c: Checked): string {
  const e = c.exhaustive;
  const d = c.verify_default;
  const exhaustive = e
    ? `${e.status === 'verified' ? 'verified for' : `${e.status}:`} every trace up to depth ${e.depth} in scope ` +
      `${e.scope}: ${count(e.states)} states (${count(e.distinct)} distinct)`
    : d
      ? `exhaustive scope of \`perfsec verify ${d.target}\` (no deep run recorded): depth ${d.depth}, ${d.scope}`
      : 'no exhaustive target';
  const random = c.random_cases === null ? 'no random search' : `searched ${count(c.random_cases)} random cases`;
  const when = c.date
    ? ` (deep baseline of ${c.date.slice(0, 10)})`
    : " per test run (the property's budget; no deep baseline recorded)";
  return `${exhaustive}; ${random}${when}`;
}
