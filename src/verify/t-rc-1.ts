/**
 * T-RC-1 (draft §5) for `perfsec verify` (issue 19, Deliver 1 and 2): one target per claim of the property file
 * (properties/t-rc-1.prop.ts), on the same broker, world, commands and observers as the property search
 * (src/verify/t-rc-1-model.ts). The draft's statements pinned as refuted must show a counterexample no longer than
 * the stored one; the corrected and holding claims must show none, every command sequence up to the default depth
 * explored (the deepest that ends in about a minute on the reference machine, README).
 */
import type { BrokerFactory } from '../../model/broker.js';
import tRc1 from '../../properties/t-rc-1.prop.js';
import type { Claim } from '../engine/claim.js';
import { rcModel, type RcNode } from './t-rc-1-model.js';
import { rcScope, scopeText } from './t-rc-1-scope.js';
import type { Explorable } from './explore.js';
import type { VerifyTarget } from './target.js';

/** A state of the T-RC-1 model as the rig's arguments: its world and its commands from a fresh one, all run. */
export function rcValue(n: RcNode): readonly unknown[] {
  const commands = [];
  for (let x: RcNode | undefined = n; x?.cmd; x = x.parent) commands.unshift({ cmd: x.cmd, hasRan: true });
  return [n.params, { commands }];
}

/**
 * Commands of each stored counterexample (spec/counterexamples/CX-T-RC-1-*.json, value[1].commands; the world
 * parameters are its setup, not a command).
 */
export const STORED_COMMANDS: Readonly<Record<string, number>> = {
  'CX-T-RC-1-001': 2, // emit, forge(bump) (exhaustive; fast-check had shrunk to 3: a last emit after the violation)
  'CX-T-RC-1-002': 2, // the trace of 001
  'CX-T-RC-1-003': 4, // emit push, emit push, deliver the second, deliver the first
  'CX-T-RC-1-004': 4, // emit on s0, emit on s1, deliver, deliver
  'CX-T-RC-1-005': 4, // emit, deliver, advance(1000ms), replay (exhaustive; fast-check: 5, a last emit)
  'CX-T-RC-1-006': 3, // emit, advance(1000ms), forge(adversary-key)
  'CX-T-RC-1-007': 5, // emit, advance, emit, deliver new, deliver old (exhaustive; fast-check: 6)
  'CX-T-RC-1-008': 4, // emit push, replay, advance(400ms), replay
};

/**
 * Default depth of a holding claim: the deepest level the default scope explores completely in about a minute on
 * the reference machine (depth 6: 487 650 states found, 115 154 distinct, 14 to 80 s on two shared cores; depth 7
 * is about six times that). A claim pinned as refuted defaults to the length of its stored counterexample.
 */
export const HOLDING_DEPTH = 6;

/** The claim ID of T-RC-1 built against BROKER: the very predicate the property search runs. */
export function rcClaim(broker: BrokerFactory, id: string): Claim {
  const c = tRc1.claims(broker).find((x) => x.id === id);
  if (!c) throw new Error(`properties/t-rc-1.prop.ts declares no claim ${id}`);
  return c;
}

/** Every T-RC-1 claim as a target against BROKER (a test hands in a deliberately broken one). */
export function tRc1Targets(broker: BrokerFactory = tRc1.model): VerifyTarget[] {
  return tRc1.claims(broker).map((c) => {
    const stored = c.refutedBy === undefined ? undefined : STORED_COMMANDS[c.refutedBy];
    if (c.refutedBy !== undefined && stored === undefined) throw new Error(`${c.id}: no length for ${c.refutedBy}`);
    return {
      claim: c.id,
      scope: rcScope(stored ?? HOLDING_DEPTH),
      describe: scopeText,
      model: (scope) => rcModel(rcClaim(broker, c.id), scope) as Explorable<unknown, unknown>,
      ...(stored === undefined ? {} : { refutedWithin: stored }),
      argsOf: (n) => rcValue(n as RcNode),
    };
  });
}

/** The T-RC-1 targets of `perfsec verify`, on the faithful broker. */
export const T_RC_1_TARGETS: readonly VerifyTarget[] = tRc1Targets();
