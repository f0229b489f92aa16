/**
 * How a property file declares one claim of the draft, for both vitest (`npm test`) and the
 * `perfsec search` command: a claim is a titled fast-check property. Theorems (lists of claims
 * built against a model): src/engine/theorem.ts.
 */
import fc from 'fast-check';

/** The arguments of a predicate: one value per arbitrary. */
export type Args = [unknown, ...unknown[]];

/** One claim of the draft, searchable with fast-check. */
export interface Claim<Ts extends Args = Args> {
  /** Stable id, `THEOREM.name`, used by `perfsec search` and counterexample files. */
  readonly id: string;
  /** The claim as a reviewer reads it, with its draft section. */
  readonly title: string;
  /**
   * One generator per argument; each also states its domain (src/engine/generator-domain.ts), checked before a
   * replay.
   */
  readonly arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> };
  /**
   * True (or no throw) when the claim holds for these values; false, or a plain Error naming the
   * violation, when it does not (src/engine/outcome.ts: any other throw is a crash, not a refutation).
   */
  readonly predicate: (...args: Ts) => boolean | void;
  /** Set when the draft states this claim and the search refutes it: the counterexample id. */
  readonly refutedBy?: string;
  /** Set on a corrected claim: the id of the draft claim it replaces. */
  readonly corrects?: string;
  /** Runs per search when PERFSEC_RUNS does not say (fast-check's default is 100). */
  readonly numRuns?: number;
  /**
   * Turns a stored counterexample (plain JSON, one entry per arbitrary) back into the values the
   * predicate takes; needed when those are not plain data (fc.commands: give commands a toJSON).
   */
  readonly revive?: (stored: readonly unknown[]) => unknown[];
}

/** Declares one claim. */
export function claim<Ts extends Args>(
  id: string,
  title: string,
  arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
  predicate: (...args: Ts) => boolean | void,
  options: {
    refutedBy?: string;
    corrects?: string;
    numRuns?: number;
    revive?: (stored: readonly unknown[]) => unknown[];
  } = {},
): Claim {
  return { id, title, arbitraries, predicate, ...options } as unknown as Claim;
}

/** The fast-check property that searches a claim. */
export function propertyOf(c: Claim): fc.IPropertyWithHooks<Args> {
  return fc.property(
    ...(c.arbitraries as unknown as [fc.Arbitrary<unknown>]),
    c.predicate as (...a: unknown[]) => boolean | void,
  ) as unknown as fc.IPropertyWithHooks<Args>;
}
