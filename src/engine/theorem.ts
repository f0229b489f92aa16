/**
 * What a property file declares: a theorem of the draft, its claims built against a model (the
 * faithful one unless a test hands in a deliberately broken one), and the fixed checks of the
 * draft's printed numbers. Declaring one: src/engine/declare-theorem.ts.
 */
import type { Claim } from './claim.js';

/** A fixed check of one printed number of the draft (a table row, a ratio): no search, one computation. */
export interface Example {
  readonly id: string;
  /** The printed claim and the verdict the project pins for it. */
  readonly title: string;
  /** Computes the claim with the model; ok when the computed verdict is the pinned one. */
  readonly check: () => { readonly ok: boolean; readonly detail: string };
}

/** A theorem of the draft: its claims, built against a model (the faithful one unless a test says otherwise). */
export interface Theorem<M = unknown> {
  readonly id: string;
  readonly section: string;
  readonly title: string;
  /** The faithful model of what the draft specifies. */
  readonly model: M;
  readonly claims: (model: M) => readonly Claim[];
  /** The draft's printed numbers for this theorem, computed with the model. */
  readonly examples?: (model: M) => readonly Example[];
  /** The property file that declares it. */
  readonly file: string;
}
