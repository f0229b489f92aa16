/**
 * Exhaustive small-scope checking (issue 19, Deliver 1), in the manner of TLC: a breadth-first search over every
 * behaviour of a model within a bounded scope, states canonicalised and deduplicated, so that the first violation
 * found is a shortest counterexample. It reports states found, distinct states, transitions, the depth reached and
 * the time, and either "no counterexample within the scope" or the shortest counterexample as a readable trace.
 * A claim with no behaviour over time (a box of scenarios, a set of readings) is a model whose initial states are
 * the whole box and which has no action.
 */

/** A model explored exhaustively: states S, actions A. Pure; the explorer owns all bookkeeping. */
export interface Explorable<S, A> {
  /** The initial states (each is checked, at depth 0). */
  initial(): Iterable<S>;
  /** The actions enabled in S (a finite list: the scope bounds them). */
  actions(s: S): Iterable<A>;
  /** The state after A in S (S is not modified). */
  step(s: S, a: A): S;
  /**
   * The canonical key of S: two states with one key are one state (symmetries folded in here); they must have the
   * same successors up to key. Every generated state is checked before it is folded.
   */
  key(s: S): string;
  /** Undefined when the claim holds in S, else the violation in one line. */
  check(s: S): string | undefined;
  /** An action as a trace shows it: "emit(v1, push, s0)". */
  showAction(a: A): string;
  /** A state as a trace shows it (short). */
  showState(s: S): string;
}

/** Bounds of one exploration. */
export interface ExploreBounds {
  /** Deepest number of actions from an initial state. */
  readonly maxDepth: number;
  /** Stop (incomplete) after this many distinct states. */
  readonly maxStates: number;
  /** Called now and then with the states seen so far (progress on long runs). */
  readonly onProgress?: (distinct: number, depth: number) => void;
}

/** One step of a counterexample trace: the action taken (none for the initial state) and the state reached. */
export interface TraceStep {
  readonly action?: string;
  readonly state: string;
}

/** What an exploration found. */
export interface ExploreResult {
  /** States generated, duplicates included (TLC's "states generated"). */
  readonly statesFound: number;
  readonly distinctStates: number;
  readonly transitions: number;
  /** The deepest level whose states were all expanded or checked. */
  readonly depth: number;
  /** Every state within maxDepth was visited (false: maxStates cut the search). */
  readonly complete: boolean;
  readonly ms: number;
  /** The shortest counterexample, when a state violates the claim. */
  readonly counterexample?: { readonly violation: string; readonly trace: readonly TraceStep[] };
}

interface Node<S> {
  readonly state: S;
  readonly parent?: Node<S>;
  readonly action?: string;
}

function traceOf<S, A>(m: Explorable<S, A>, n: Node<S>): TraceStep[] {
  const steps: TraceStep[] = [];
  for (let x: Node<S> | undefined = n; x; x = x.parent)
    steps.push({ ...(x.action !== undefined ? { action: x.action } : {}), state: m.showState(x.state) });
  return steps.reverse();
}

/** Explores M breadth first within BOUNDS; stops at the first violation, which is then a shortest one. */
export function explore<S, A>(m: Explorable<S, A>, bounds: ExploreBounds): ExploreResult {
  const started = Date.now();
  const seen = new Set<string>();
  let found = 0;
  let transitions = 0;
  let frontier: Array<Node<S>> = [];
  const result = (depth: number, complete: boolean, bad?: { violation: string; node: Node<S> }): ExploreResult => ({
    statesFound: found,
    distinctStates: seen.size,
    transitions,
    depth,
    complete,
    ms: Date.now() - started,
    ...(bad ? { counterexample: { violation: bad.violation, trace: traceOf(m, bad.node) } } : {}),
  });
  /**
   * Checks a state, then adds it unless its key was seen. Every generated state is checked, duplicates too: a key
   * that folds away something the check reads would otherwise hide a violation behind a clean twin.
   */
  const visit = (node: Node<S>, expand: boolean): string | undefined => {
    found++;
    const violation = m.check(node.state);
    const k = m.key(node.state);
    if (violation !== undefined) {
      seen.add(k); // the violating state is a distinct state found, as TLC counts it
      return violation;
    }
    if (seen.has(k)) return undefined;
    seen.add(k);
    if (expand) frontier.push(node); // a node at the last depth is never expanded: a box keeps its keys alone
    return undefined;
  };
  for (const s of m.initial()) {
    const node = { state: s };
    const v = visit(node, bounds.maxDepth > 0);
    if (v !== undefined) return result(0, false, { violation: v, node });
    if (seen.size >= bounds.maxStates) return result(0, false);
  }
  let depth: number;
  for (depth = 1; depth <= bounds.maxDepth && frontier.length > 0; depth++) {
    const level = frontier;
    frontier = [];
    for (const parent of level) {
      for (const a of m.actions(parent.state)) {
        transitions++;
        const node = { state: m.step(parent.state, a), parent, action: m.showAction(a) };
        const v = visit(node, depth < bounds.maxDepth);
        if (v !== undefined) return result(depth, false, { violation: v, node });
        if (seen.size >= bounds.maxStates) return result(depth - 1, false);
      }
    }
    bounds.onProgress?.(seen.size, depth);
  }
  return result(depth - 1, true); // every state within maxDepth, or the whole (smaller) state space
}

/** The TLC-style summary of RESULT in one line. */
export function summaryLine(r: ExploreResult): string {
  const scope = r.complete ? `every state to depth ${r.depth}` : `cut at ${r.distinctStates} distinct states`;
  const what = r.counterexample
    ? `counterexample of ${r.counterexample.trace.length - 1} step(s): ${r.counterexample.violation}`
    : `no counterexample (${scope})`;
  const counts = `${r.statesFound} states found, ${r.distinctStates} distinct, ${r.transitions} transitions`;
  return `${counts}, depth ${r.depth}, ${r.ms} ms: ${what}`;
}
