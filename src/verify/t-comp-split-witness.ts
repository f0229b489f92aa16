/**
 * One honest witness of T-COMP-SPLIT as a finite automaton, for folding the exhaustive search (issue 19, Deliver 1).
 * Honest witnesses are independent: each answers from its own history, and play() (model/collector.ts) asks each one
 * only what its moves say. So the split-view scenario is the tuple of the witnesses' states, and witnesses in one
 * class are interchangeable. The automaton is learnt from the model itself, never restated: a history's node is what
 * the witness answers to each of the collector's six requests (view A or B, bundle S + 0..2) with what the claims
 * observe of it (whether it cosigned view A / view B of bundle S, and the body an auditor reads from it for
 * (bundle_id, S)). Both model witnesses decide from what they cosigned, which those answers reveal (first-cosign-wins:
 * the body per key; c2sp: the latest size and root), so a node is a state of the witness. The classes are then the
 * coarsest partition that keeps observations and successors (Moore's minimisation): witnesses in one class meet
 * every later request alike, and look alike to every claim.
 */
import { BUNDLE_ID, play, S, type Attack, type Move } from '../../model/collector.js';
import type { Witness } from '../../model/witness.js';

/** A collector request to one witness (the generator's move without the witness index). */
export type Request = Omit<Move, 'witness'>;

/** The six requests the generator draws for one witness: view A or B of bundle S, S + 1 or S + 2. */
export const REQUESTS: readonly Request[] = (['A', 'B'] as const).flatMap((view) =>
  ([0, 1, 2] as const).map((ahead) => ({ view, ahead })),
);

/** The request index of a move. */
export const requestIndex = (r: Request): number => (r.view === 'A' ? 0 : 3) + r.ahead;

/** One honest witness as an automaton over the six requests. */
export interface WitnessAutomaton {
  /** status[n][r]: the witness's answer (200 = cosigned) in node n to request r. */
  readonly status: readonly (readonly number[])[];
  /** next[n][r]: the node after request r in node n (n itself when the request is refused). */
  readonly next: readonly (readonly number[])[];
  /** cls[n]: the class of node n (0 is the fresh witness's class). */
  readonly cls: readonly number[];
  /** The number of classes. */
  readonly classes: number;
}

/** What the automaton is learnt for: the attack's placement, policy, values and relabelling (w, q, c play no part). */
export type WitnessSetting = Pick<Attack, 'policy' | 'placement' | 'values' | 'relabel'>;

/** A witness that needs more nodes than this is not finite-state as observed: refuse to fold it. */
const MAX_NODES = 2000;

/** Learns the automaton of an honest witness made by HONEST under SETTING, by playing histories through play(). */
export function learnWitness(setting: WitnessSetting, honest: () => Witness): WitnessAutomaton {
  const attack = (hist: readonly Request[]): Attack => ({
    w: 1,
    q: 1,
    c: 0,
    ...setting,
    moves: hist.map((r) => ({ witness: 0, ...r })),
  });
  const observe = (hist: readonly Request[]): string => {
    const o = play(attack(hist), honest);
    const read = o.witnesses[0]!.cosignedFor(BUNDLE_ID, BigInt(S)) ?? '-'; // what an auditor reads (detectors())
    return `${o.cosignersA.length}${o.cosignersB.length}|${read}`;
  };
  const answers = (hist: readonly Request[]): number[] =>
    REQUESTS.map((r) => play(attack([...hist, r]), honest).statuses.at(-1)!);
  const nodes: Array<{ hist: readonly Request[]; obs: string; status: number[]; next: number[] }> = [];
  const index = new Map<string, number>();
  const nodeOf = (hist: readonly Request[]): number => {
    const obs = observe(hist);
    const status = answers(hist);
    const id = `${obs}#${status.join(',')}`;
    const known = index.get(id);
    if (known !== undefined) return known;
    if (nodes.length >= MAX_NODES) throw new Error(`witness ${setting.policy}: more than ${MAX_NODES} states`);
    index.set(id, nodes.length);
    nodes.push({ hist, obs, status, next: [] });
    return nodes.length - 1;
  };
  nodeOf([]);
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n]!;
    node.next = REQUESTS.map((r, i) => (node.status[i] === 200 ? nodeOf([...node.hist, r]) : n));
  }
  return { status: nodes.map((x) => x.status), next: nodes.map((x) => x.next), ...minimise(nodes) };
}

/** Moore's minimisation: the coarsest partition of NODES keeping observations and successor classes. */
function minimise(nodes: ReadonlyArray<{ obs: string; next: readonly number[] }>): { cls: number[]; classes: number } {
  let cls = renumber(nodes.map((x) => x.obs));
  for (;;) {
    const refined = renumber(nodes.map((x, n) => `${cls[n]}:${x.next.map((m) => cls[m]).join(',')}`));
    const before = Math.max(...cls) + 1;
    const after = Math.max(...refined) + 1;
    cls = refined;
    if (after === before) return { cls, classes: after };
  }
}

/** Numbers the distinct signatures in order of first appearance (the fresh witness, node 0, is class 0). */
function renumber(signatures: readonly string[]): number[] {
  const ids = new Map<string, number>();
  return signatures.map((s) => ids.get(s) ?? (ids.set(s, ids.size), ids.size - 1));
}

/** A cache of learnt automata per witness maker and setting (the same witness serves every claim and scope). */
const learnt = new WeakMap<() => Witness, Map<string, WitnessAutomaton>>();

/** The automaton of HONEST under SETTING, learnt once. */
export function witnessAutomaton(setting: WitnessSetting, honest: () => Witness): WitnessAutomaton {
  const byMaker = learnt.get(honest) ?? new Map<string, WitnessAutomaton>();
  learnt.set(honest, byMaker);
  const k = JSON.stringify([setting.policy, setting.placement, setting.values, setting.relabel ?? false]);
  const known = byMaker.get(k);
  if (known) return known;
  const made = learnWitness(setting, honest);
  byMaker.set(k, made);
  return made;
}
