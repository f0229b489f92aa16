/**
 * One audited claim as every class of the audit reports it (issue 18): printed numbers (spec/claims), statements
 * searched by properties, and the classes checked by code and data: growth and magnitude words, normative
 * statements cross-checked, statements about the documents the draft cites, and multi-reading byte strings or
 * formulas. docs/ERRATA.md and `perfsec audit --json` are written from these.
 */
import type { ClaimVerdict } from '../lib/claim-verdict.js';
import type { Outcome } from '../lib/choices.js';
import type { Anchor } from './anchor.js';
import type { Checked } from './checked.js';

/** A counterexample as the audit shows it. */
export interface AuditCounterexample {
  readonly id: string;
  readonly value: string;
  /** How it was found: fast-check (seed and path regenerate it) or an exhaustive search (no seed or path). */
  readonly found_by: 'fast-check' | 'exhaustive';
  readonly seed: number | null;
  readonly path: string | null;
  readonly replay: string;
  readonly reproduced: boolean;
}

/** The class of an audited claim. */
export type AuditKind = 'number' | 'statement' | 'growth' | 'normative' | 'cited' | 'encoding';

/** One admissible choice (a reading, a free parameter's value or range) and what it gives (src/lib/choices.ts). */
export type ChoiceOutcome = Outcome;

/** The search over the choices the draft leaves open: what was searched, how, and what it found. */
export interface ChoiceSearch {
  /** Each open choice: its name, admissible set or range, and the draft lines that leave it open. */
  readonly open: ReadonlyArray<{ readonly name: string; readonly admissible: string; readonly lines: string }>;
  /** How the space was searched: "exhaustive, 12 points", "grid of 3600 durations + bisection", ... */
  readonly method: string;
  readonly points: number;
  /** The outcomes worth showing: each reading, the reproducing ranges, the closest value when none holds. */
  readonly outcomes: readonly ChoiceOutcome[];
}

/** One audited claim. */
export interface AuditEntry {
  readonly id: string;
  readonly section: string;
  readonly kind: AuditKind;
  readonly paraphrase: string;
  /** What the draft prints (numbers) or states (statements, paraphrased). */
  readonly draft: string;
  readonly verdict: ClaimVerdict;
  /**
   * `draft` when the anchored text says it; `derived` when the project tests a stronger or derived statement
   * (its refutation is a consequence to consider, not the draft's error). Numbers are always `draft`.
   */
  readonly origin?: 'draft' | 'derived';
  /** Where the claim stands in the draft: section, lines and the words it turns on (spec/anchors.json). */
  readonly anchor?: Anchor;
  /** How the model's value was compared: the rounding and tolerance used. */
  readonly comparison?: string;
  readonly model?: number;
  readonly readings?: ReadonlyArray<{
    readonly name: string;
    readonly model: number;
    readonly holds: boolean;
    readonly note: string;
  }>;
  /** The search over the open choices (issue 18, Deliver 1). */
  readonly choices?: ChoiceSearch;
  readonly counterexample?: AuditCounterexample;
  /** The corrected claim the project checks instead, and whether it holds. */
  readonly corrected?: string;
  /** How far the corrected claim is checked: random cases and the exhaustive scope (src/audit/checked.ts). */
  readonly checked?: Checked;
  readonly note?: string;
  /** The verdict differs from the project's pinned finding (the test suite fails on this). */
  readonly drift?: string;
}
