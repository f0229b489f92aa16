/**
 * What `perfsec verify` checks (issue 19, Deliver 1): a claim of a theorem, its model as an explorable state
 * space (src/verify/explore.ts), and the scope that bounds it. Each theorem's file under src/verify/ exports its
 * targets; src/verify/registry.ts lists them all.
 */
import type { Explorable } from './explore.js';

/** The bounds of a scope, by name: vantages, sessions, epochs, witnesses, depth, ... (whole numbers). */
export type Scope = Readonly<Record<string, number>>;

/** One parameter of a scope: its default and the range a user may ask for (`--scope name=value`). */
export interface ScopeParam {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly about: string;
}

/** A claim `perfsec verify` explores exhaustively. */
export interface VerifyTarget {
  /** The claim id (properties/), e.g. `T-RC-1.A.seq-kept`. */
  readonly claim: string;
  /** The parameters of its scope. `depth` is the number of actions (0 for a box with no behaviour over time). */
  readonly scope: Readonly<Record<string, ScopeParam>>;
  /** The scope in words: "2 vantages, 2 sessions, 2 epochs, every command sequence up to depth 6". */
  describe(scope: Scope): string;
  /** The model within SCOPE; its `check` is the claim's predicate on a state. */
  model(scope: Scope): Explorable<unknown, unknown>;
  /**
   * For a claim pinned as refuted: the number of steps of its stored (shrunk) counterexample, which the exhaustive
   * search must match or beat (issue 19, Deliver 2). Undefined for a claim expected to hold within the scope.
   */
  readonly refutedWithin?: number;
  /**
   * A state of the model as a value in the claim's generator domain (one JSON value per arbitrary, as a stored
   * counterexample holds it), so that an exhaustive counterexample replays through the claim's predicate. Box and
   * stream models need none: their states carry the arguments (src/verify/box.ts BoxState.args).
   */
  readonly argsOf?: (state: unknown) => readonly unknown[];
}

/** The default scope of a target. */
export function defaultScope(t: VerifyTarget): Scope {
  return Object.fromEntries(Object.entries(t.scope).map(([k, p]) => [k, p.default]));
}
