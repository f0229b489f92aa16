/**
 * The split-view bound decided exhaustively (issue 19, Deliver 2): for every (w, q, c), each policy and placement of
 * T-COMP-SPLIT.split-bound's domain, whether SOME collector strategy reaches a split view (both views
 * quorum-cosigned), by exploring every move sequence from that attack until a split or the end of the (folded) space.
 * The property checks the bound's tightness with one strategy (minimalSplit) and its soundness on random ones; here
 * both directions come from the search itself, and a bound to compare with is an argument, so a wrong one is caught.
 */
import { play, type Attack } from '../../model/collector.js';
import type { Claim } from '../engine/claim.js';
import type { SplitSubject } from '../../properties/t-comp-split.prop.js';
import { explore } from './explore.js';
import { FAITHFUL_SPLIT, splitClaim } from './t-comp-split-claims.js';
import { openingAttacks, splitModel } from './t-comp-split-model.js';

/** One (w, q, c, policy, placement): whether a split is reachable, and the bound's answer. */
export interface SplitReach {
  readonly attack: Attack;
  /** Some strategy reaches a split view within the depth. */
  readonly reachable: boolean;
  /** Moves of the shortest split (when reachable). */
  readonly moves?: number;
  /** Every state was explored: the folded space ended before the depth (so "unreachable" holds at any depth). */
  readonly closed: boolean;
  /** Distinct states explored. */
  readonly states: number;
}

/** A bound on (w, q, c): true when it says a split view is possible. */
export type SplitBoundFn = (w: number, q: number, c: number) => boolean;

/**
 * For every attack of split-bound's domain with w <= MAXW (values: the first pair), whether a split is reachable
 * within DEPTH moves against SUBJECT's witnesses.
 */
export function splitReachability(maxW: number, depth: number, subject: SplitSubject = FAITHFUL_SPLIT): SplitReach[] {
  const base = splitClaim(subject, 'T-COMP-SPLIT.split-bound');
  // the same domain and model; the predicate says "no split", so a counterexample is a shortest split
  const noSplit: Claim = {
    ...base,
    predicate: (...args: unknown[]) => !play(args[0] as Attack, subject.honest[(args[0] as Attack).policy]).split,
  };
  return [...openingAttacks(base, { maxW, values: 1 })].map((attack) => {
    const how = { honest: subject.honest, relabel: false };
    const r = explore(splitModel(noSplit, { maxW, values: 1, fold: 1, openings: [attack] }, how), {
      maxDepth: depth,
      maxStates: 1_000_000,
    });
    const cx = r.counterexample;
    return {
      attack,
      reachable: cx !== undefined,
      ...(cx ? { moves: cx.trace.length - 1 } : {}),
      closed: cx === undefined && r.complete && r.depth < depth,
      states: r.distinctStates,
    };
  });
}

/** The rows where BOUND disagrees with the search: says possible where no strategy splits, or the reverse. */
export function boundMismatches(rows: readonly SplitReach[], bound: SplitBoundFn): SplitReach[] {
  return rows.filter((r) => r.reachable !== bound(r.attack.w, r.attack.q, r.attack.c));
}
