/**
 * A T-RC-1 claim as an explorable model (issue 19, Deliver 1): the initial states are the scope's fresh worlds
 * of the rig, an action is one rig command, the check is the claim's own observer (the violation it records in
 * the world). A state kept by the explorer is small (its parent, its command, its key and violation); its live
 * world is rebuilt on demand from its parent's, and the last one built at each depth is kept, which is the
 * parent of the next states breadth first expands (siblings are expanded one after another).
 */
import { RcCommand, type CommandJson } from '../../properties/t-rc-1/commands.js';
import type { WorldParams } from '../../properties/t-rc-1/world.js';
import type { Claim } from '../engine/claim.js';
import type { Explorable } from './explore.js';
import { brokerFields, Interner, stateKey, stateText } from './t-rc-1-key.js';
import { commandsIn, worldsOf } from './t-rc-1-scope.js';
import { copyHeap, initialLive, stepLive, type Live, type WorldCopy } from './t-rc-1-world.js';
import type { Scope } from './target.js';

/** A state as the explorer keeps it. */
export interface RcNode {
  readonly params: WorldParams;
  readonly parent?: RcNode;
  /** The rig command from the parent. */
  readonly cmd?: CommandJson;
  readonly depth: number;
  readonly key: string;
  /** The claim's observer's first complaint. */
  readonly violation?: string;
}

/** The world parameters as the first state of a trace shows them: "world {...}: ". */
export const WORLD_PREFIX = 'world ';

/** A T-RC-1 model, with the live world of a state (rebuilt when needed). */
export interface RcModel extends Explorable<RcNode, CommandJson> {
  live(n: RcNode): Live;
}

/** Claim C within SCOPE as an explorable model over the rig's world and commands (each step copied with COPY). */
export function rcModel(c: Claim, scope: Scope, copy: WorldCopy = copyHeap): RcModel {
  const intern = new Interner();
  const fresh = new Map<string, ReadonlyMap<string, string>>();
  const built: Array<{ node: RcNode; live: Live } | undefined> = [];
  const remember = (node: RcNode, live: Live): RcNode => ((built[node.depth] = { node, live }), node);
  const nodeOf = (live: Live, parent?: RcNode, cmd?: CommandJson): RcNode => {
    const p = JSON.stringify(live.params);
    if (!fresh.has(p)) fresh.set(p, brokerFields(live.world.broker)); // an initial world's broker is fresh
    const violation = live.world.violation?.message;
    return remember(
      {
        params: live.params,
        depth: parent ? parent.depth + 1 : 0,
        key: stateKey(live, intern, fresh.get(p)!),
        ...(parent ? { parent } : {}),
        ...(cmd ? { cmd } : {}),
        ...(violation !== undefined ? { violation } : {}),
      },
      live,
    );
  };
  const live = (n: RcNode): Live => {
    const hit = built[n.depth];
    if (hit?.node === n) return hit.live;
    const l = n.parent && n.cmd ? stepLive(c, live(n.parent), n.cmd, copy) : initialLive(c, n.params);
    remember(n, l);
    return l;
  };
  return {
    initial: () => worldsOf(scope).map((p) => nodeOf(initialLive(c, p))),
    actions: (n) => commandsIn(live(n).world, scope),
    step: (n, j) => nodeOf(stepLive(c, live(n), j, copy), n, j),
    live,
    key: (n) => n.key,
    check: (n) => n.violation,
    showAction: (j) => new RcCommand(j).toString(),
    showState: (n) => `${n.parent ? '' : `${WORLD_PREFIX}${JSON.stringify(n.params)}: `}${stateText(live(n))}`,
  };
}
