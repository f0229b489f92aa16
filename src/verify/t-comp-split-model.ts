/**
 * The split-view scenario of T-COMP-SPLIT as an explorable model (issue 19, Deliver 1): every collector strategy the
 * property's generator can draw, move by move. An initial state is an attack with no move yet (w, q, c, policy,
 * placement, values), one for each combination the claim's own generator domain admits; an action is the
 * generator's move (ask honest witness i for view A or B of bundle S + 0..2); the depth is the number of moves. The
 * check is the claim's predicate (properties/t-comp-split.prop.ts) on the attack so far, played by model/collector.ts.
 * Moves to compromised witnesses are not actions: play() asks those for both views itself and ignores such moves.
 * The key folds what no claim can tell apart: the interleaving of moves to different witnesses, and honest witnesses
 * in one class of the witness automaton (src/verify/t-comp-split-witness.ts), sorted; fold 0 keys on the moves.
 */
import { play, type Attack, type Move, type Placement, type Policy } from '../../model/collector.js';
import type fc from 'fast-check';
import type { Claim } from '../engine/claim.js';
import { reasonOutside } from '../engine/generator-domain.js';
import type { Witness } from '../../model/witness.js';
import type { Explorable } from './explore.js';
import { violation } from './box.js';
import { REQUESTS, requestIndex, witnessAutomaton, type WitnessAutomaton } from './t-comp-split-witness.js';

/** A state: the attack so far, and each honest witness's node in its automaton (index i - c for witness i). */
export interface SplitState {
  readonly attack: Attack;
  readonly nodes: readonly number[];
}

/** The dual-mode value pairs of views A and B the box draws from (eighths in [0, 8], B differing from A). */
export const VALUE_PAIRS: ReadonlyArray<Attack['values']> = [
  { A: [0, 0], B: [0, 1] }, // the stored counterexamples' values
  { A: [1.5, 2.25], B: [1.5, 3] }, // the §1.3 default-quorum example's
  { A: [8, 8], B: [0, 0] }, // the extremes, both values differing
];

/** What bounds one split model. */
export interface SplitBounds {
  /** Witnesses w from 1 to this. */
  readonly maxW: number;
  /** The first this many VALUE_PAIRS. */
  readonly values: number;
  /** 1: fold witnesses by class and moves by witness; 0: the key is the move sequence itself. */
  readonly fold: number;
  /** The predicate plays a fixed strategy and ignores the moves: no action. */
  readonly box?: boolean;
  /** Explore from these attacks only (default: every opening attack of the claim's domain). */
  readonly openings?: readonly Attack[];
}

/** How the model plays a claim: the witnesses the predicate plays against, and whether it relabels view B. */
export interface SplitPlay {
  readonly honest: Readonly<Record<Policy, () => Witness>>;
  /** The predicate plays the attack with relabel: true (fcw-relabel, c2sp-relabel). */
  readonly relabel: boolean;
}

const POLICIES: readonly Policy[] = ['first-cosign-wins', 'c2sp'];
const PLACEMENTS: readonly Placement[] = ['extension', 'in-leaf'];

/** Every attack with no move within BOUNDS that CLAIM's generator can draw, smallest w first. */
export function* openingAttacks(claim: Claim, b: Pick<SplitBounds, 'maxW' | 'values'>): Generator<Attack> {
  const inDomain = (a: Attack) => reasonOutside(claim.arbitraries[0] as fc.Arbitrary<unknown>, a, 'value[0]') === null;
  for (let w = 1; w <= b.maxW; w++)
    for (let q = 1; q <= w; q++)
      for (let c = 0; c <= w; c++)
        for (const policy of POLICIES)
          for (const placement of PLACEMENTS)
            for (const values of VALUE_PAIRS.slice(0, b.values)) {
              const a: Attack = { w, q, c, policy, placement, values, moves: [] };
              if (inDomain(a)) yield a; // the claim's own generator domain decides
            }
}

const short = (p: Policy): string => (p === 'first-cosign-wins' ? 'fcw' : 'c2sp');
/** A move as a trace shows it: "ask(w1, B@S+1)". */
export const showMove = (m: Move): string => `ask(w${m.witness}, ${m.view}@S${m.ahead ? `+${m.ahead}` : ''})`;
const set = (xs: readonly number[]): string => `{${xs.map((i) => `w${i}`).join(',')}}`;

/** The attack's parameters and what it achieved, in one line (played with the claim's witnesses). */
export function showAttack(a: Attack, how: SplitPlay): string {
  const o = play({ ...a, ...(how.relabel ? { relabel: true } : {}) }, how.honest[a.policy]);
  const vals = `A=(${a.values.A.join(',')}) B=(${a.values.B.join(',')})`;
  const head = `w=${a.w} q=${a.q} c=${a.c} ${short(a.policy)}/${a.placement}${how.relabel ? '/relabel' : ''} ${vals}`;
  return `${head}: A cosigned by ${set(o.cosignersA)}, B by ${set(o.cosignersB)}${o.split ? ', SPLIT' : ''}`;
}

/** The split model of CLAIM within BOUNDS; EXPLAIN gives the figures of a violation (default: the outcome). */
export function splitModel(
  claim: Claim,
  bounds: SplitBounds,
  how: SplitPlay,
  explain?: (a: Attack) => string,
): Explorable<SplitState, Move> {
  const automaton = (a: Attack): WitnessAutomaton =>
    witnessAutomaton({ ...a, ...(how.relabel ? { relabel: true } : {}) }, how.honest[a.policy]);
  const head = (a: Attack): string => `${a.w},${a.q},${a.c},${a.policy},${a.placement},${JSON.stringify(a.values)}`;
  return {
    initial: function* () {
      for (const attack of bounds.openings ?? openingAttacks(claim, bounds))
        yield { attack, nodes: Array<number>(attack.w - attack.c).fill(0) };
    },
    actions: ({ attack: a }) =>
      bounds.box
        ? []
        : Array.from({ length: a.w - a.c }, (_, k) => REQUESTS.map((r) => ({ witness: a.c + k, ...r }))).flat(),
    step: ({ attack: a, nodes }, m) => {
      const k = m.witness - a.c;
      const next = nodes.slice();
      next[k] = automaton(a).next[nodes[k]!]![requestIndex(m)]!; // a refused request leaves the witness as it was
      return { attack: { ...a, moves: [...a.moves, m] }, nodes: next };
    },
    key: ({ attack: a, nodes }) => {
      if (bounds.fold === 0) return `${head(a)}|${a.moves.map(showMove).join('')}`;
      const cls = automaton(a).cls;
      return `${head(a)}|${nodes
        .map((n) => cls[n]!)
        .sort((x, y) => x - y)
        .join(',')}`;
    },
    check: ({ attack: a }) => violation(claim, [a], explain ? () => explain(a) : () => showAttack(a, how)),
    showAction: showMove,
    showState: ({ attack: a }) => showAttack(a, how),
  };
}
