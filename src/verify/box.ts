/**
 * Box models for the verify targets (issue 19, Deliver 1; T-VDOS-1, T-HKDF-PS, T-COMP-SPLIT use them): a claim
 * without behaviour over time is explored as a box of scenarios, every one an initial state, no action (depth 0);
 * a claim about a stream is explored tick by tick, the stream's configuration an initial state at one tick and one
 * action, `tick`, that lengthens it. Either way the check is the claim's own predicate (built against the model it
 * is handed), never a restatement: the box only chooses the arguments.
 */
import type { Claim } from '../engine/claim.js';
import { classifyReturn, classifyThrow, RETURNED_FALSE } from '../engine/outcome.js';
import type { Explorable } from './explore.js';

/** A state of a box model: the predicate's arguments, and for a stream its configuration and length. */
export interface BoxState {
  /** The claim's arguments, one per generator, as the property draws them. */
  readonly args: readonly unknown[];
  /** A stream's configuration (stepped models only). */
  readonly config?: unknown;
  /** A stream's length in ticks (stepped models only). */
  readonly ticks?: number;
}

/** Undefined when CLAIM holds at ARGS, else the violation in one line (with EXPLAIN's figures when given). */
export function violation(
  claim: Claim,
  args: readonly unknown[],
  explain?: (args: readonly unknown[]) => string,
): string | undefined {
  let outcome;
  try {
    outcome = classifyReturn((claim.predicate as (...a: unknown[]) => unknown)(...args));
  } catch (e) {
    outcome = classifyThrow(e);
  }
  if (outcome.kind === 'holds') return undefined;
  // a crash is a box value the model rejects (a bug of the box), never a counterexample: src/engine/outcome.ts
  if (outcome.kind !== 'fails')
    throw new Error(`${claim.id}: the box reached a value the model rejects: ${outcome.kind}`);
  const why = explain ? explain(args) : outcome.error === RETURNED_FALSE ? 'predicate false' : outcome.error;
  return `${claim.id} fails: ${why}`;
}

/** What a box model needs besides the claim: its scenarios in order, their canonical key and how to show one. */
export interface BoxSpec {
  /** Every scenario of the box, smallest first (the order the explorer meets them, hence the one it reports). */
  readonly box: () => Iterable<readonly unknown[]>;
  /** The canonical scenario (symmetries folded) as a string. */
  readonly key: (args: readonly unknown[]) => string;
  readonly show: (args: readonly unknown[]) => string;
  /** The figures behind a violation (computed with the model), for the trace. */
  readonly explain?: (args: readonly unknown[]) => string;
}

/** A claim over a box of scenarios: every scenario an initial state, no action. */
export function boxModel(claim: Claim, spec: BoxSpec): Explorable<BoxState, never> {
  return {
    initial: function* () {
      for (const args of spec.box()) yield { args };
    },
    actions: () => [],
    step: (s) => s,
    key: (s) => spec.key(s.args),
    check: (s) => violation(claim, s.args, spec.explain),
    showAction: () => 'none',
    showState: (s) => spec.show(s.args),
  };
}

/** What a stepped model needs: stream configurations in order, and the arguments of one at a length in ticks. */
export interface StreamSpec<C> {
  /** Every configuration of the box, smallest first; each starts at one tick. */
  readonly configs: () => Iterable<C>;
  /** The claim's arguments for configuration C lasting TICKS ticks. */
  readonly args: (c: C, ticks: number) => readonly unknown[];
  /** The longest stream the claim's generator draws for C (the last tick an action may reach). */
  readonly maxTicks: (c: C) => number;
  readonly key: (c: C) => string;
  readonly show: (c: C, ticks: number) => string;
  readonly explain?: (args: readonly unknown[]) => string;
}

/**
 * A claim over streams, stepped: a configuration at one tick is an initial state, the action `tick` lengthens its
 * stream by one tick, so breadth first meets the shortest violating stream first (depth = ticks - 1).
 */
export function streamModel<C>(claim: Claim, spec: StreamSpec<C>): Explorable<BoxState, 'tick'> {
  const at = (c: C, ticks: number): BoxState => ({ args: spec.args(c, ticks), config: c, ticks });
  return {
    initial: function* () {
      for (const c of spec.configs()) yield at(c, 1);
    },
    actions: (s) => ((s.ticks ?? 0) < spec.maxTicks(s.config as C) ? ['tick'] : []),
    step: (s) => at(s.config as C, (s.ticks ?? 0) + 1),
    key: (s) => `${spec.key(s.config as C)}|${s.ticks}`,
    check: (s) => violation(claim, s.args, spec.explain),
    showAction: () => 'tick',
    showState: (s) => spec.show(s.config as C, s.ticks ?? 0),
  };
}
