/**
 * How a property file declares the draft's claims once, for both vitest (`npm test`) and the
 * `perfsec search` command. A claim is a titled fast-check property; a theorem is a list of claims
 * built against a model, so a test can hand in a deliberately broken model instead.
 */
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';

/** The arguments of a predicate: one value per arbitrary. */
export type Args = [unknown, ...unknown[]];

/** One claim of the draft, searchable with fast-check. */
export interface Claim<Ts extends Args = Args> {
  /** Stable id, `THEOREM.name`, used by `perfsec search` and counterexample files. */
  readonly id: string;
  /** The claim as a reviewer reads it, with its draft section. */
  readonly title: string;
  /** One generator per argument; each also states its domain (properties/domain.ts), checked before a replay. */
  readonly arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> };
  /**
   * True (or no throw) when the claim holds for these values; false, or a plain Error naming the
   * violation, when it does not (properties/outcome.ts: any other throw is a crash, not a refutation).
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
  options: { refutedBy?: string; corrects?: string; numRuns?: number; revive?: (stored: readonly unknown[]) => unknown[] } = {},
): Claim {
  return { id, title, arbitraries, predicate, ...options } as unknown as Claim;
}

/** The fast-check property that searches a claim. */
export function propertyOf(c: Claim): fc.IPropertyWithHooks<Args> {
  return fc.property(...(c.arbitraries as unknown as [fc.Arbitrary<unknown>]), c.predicate as (...a: unknown[]) => boolean | void) as unknown as fc.IPropertyWithHooks<Args>;
}

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

// Under vitest, theorem() also registers the claims as tests; the CLI loads the same files without it.
const vitest = process.env.VITEST ? await import('./vitest-bridge.js') : undefined;

/**
 * Declares a theorem in a property file. When vitest is collecting that very file, each claim
 * becomes a test: a property test for a claim that holds, a replay of its counterexample for a
 * refuted one. Importing the file from anywhere else (the CLI, a mutant test) only returns it.
 */
export function theorem<M>(meta: ImportMeta, spec: Omit<Theorem<M>, 'file'>): Theorem<M> {
  const t: Theorem<M> = { ...spec, file: fileURLToPath(meta.url) };
  vitest?.register(t as Theorem);
  return t;
}

/** A within REL of B, relative to |B| alone (for small quantities such as slopes). */
export function within(a: number, b: number, rel: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false; // issue 16: Infinity is near nothing
  return Math.abs(a - b) <= rel * Math.abs(b);
}

/** |a - b| within a relative tolerance, never finer than REL absolute (floating sums in a different order differ in the last bits). */
export function near(a: number, b: number, rel = 1e-9): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false; // issue 16: Infinity is near nothing
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}
