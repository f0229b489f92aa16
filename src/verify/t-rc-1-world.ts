/**
 * T-RC-1's search world (properties/t-rc-1/world.ts) as states of the exhaustive explorer (issue 19, Deliver 1):
 * a state is a live World of the rig, built by the claim's own predicate (so its broker, its reading and its
 * observer are exactly the ones the property search runs), and an action is one rig command (RcCommand). The
 * explorer needs to step a state without changing it, so a step copies the world's heap (its collections and the
 * class instances in it: the reference model, the broker) and runs the command on the copy. The observer is a
 * closure, which cannot be copied: it is rebuilt from the claim and fed again the deliveries the broker accepted.
 */
import type { Decision } from '../../model/broker.js';
import { RcCommand, type CommandJson, type Commands } from '../../properties/t-rc-1/commands.js';
import type { Delivery, Observer, World, WorldParams } from '../../properties/t-rc-1/world.js';
import type { Claim } from '../engine/claim.js';

/** A delivery the broker accepted, as the observer saw it. */
export type Accepted = readonly [Delivery, Decision];

/** A live state: a world after some commands, with what forking and keying it need. */
export interface Live {
  readonly params: WorldParams;
  readonly world: World;
  /** Ids (world.log) of the packets delivered with their own bytes at least once (the world's `delivered`). */
  readonly delivered: ReadonlySet<number>;
  /** The deliveries the broker accepted, in order: the observer's state is a function of them (see `stepLive`). */
  readonly accepted: readonly Accepted[];
  /** An observer that has seen exactly `accepted` (shared by states whose later deliveries were all rejected). */
  readonly observer: Observer;
}

/** The rig's World keeps its observer in a private field; the explorer swaps it for a recording one. */
type WithObserver = { observer: Observer };

/**
 * A fresh world of claim C (its predicate builds it: factory, reading, observer) for PARAMS: a command that only
 * captures the world it is run on is the predicate's whole command list.
 */
export function freshWorld(c: Claim, params: WorldParams): World {
  let world: World | undefined;
  const grab = {
    check: () => true,
    run: (_m: object, w: World) => void (world = w),
    toString: () => 'capture',
  };
  c.predicate(params, [grab] as unknown as Commands);
  if (!world) throw new Error(`${c.id}: the predicate ran no command (not a T-RC-1 rig claim?)`);
  return world;
}

/** The initial state of claim C in the world PARAMS. */
export function initialLive(c: Claim, params: WorldParams): Live {
  const world = freshWorld(c, params);
  return { params, world, delivered: new Set(), accepted: [], observer: (world as unknown as WithObserver).observer };
}

/**
 * A copy of a rig object's heap: Maps, Sets and arrays copied one level (their elements are numbers, strings and
 * immutable records: Emitted, BfdSession), class instances (the Reference, the broker) copied the same way;
 * functions, byte arrays and plain records (parameters, configuration, OEM, keys) shared, as the rig never
 * mutates them.
 */
export function copyHeap<T extends object>(o: T): T {
  const c = Object.create(Object.getPrototypeOf(o) as object | null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) c[k] = copyValue(v);
  return c as T;
}

function copyValue(v: unknown): unknown {
  if (v instanceof Map) return new Map(v);
  if (v instanceof Set) return new Set(v);
  if (Array.isArray(v)) return v.slice();
  const classInstance =
    typeof v === 'object' && v !== null && !ArrayBuffer.isView(v) && Object.getPrototypeOf(v) !== Object.prototype;
  return classInstance ? copyHeap(v) : v;
}

/**
 * A new observer of claim C that has seen the deliveries ACCEPTED. The observers keep state only from accepted
 * deliveries (properties/t-rc-1/observers.ts: withView records after an accepted decision, noDoubleAcceptOf adds
 * accepted identities; the others keep none), so feeding them again is the observer's state; a complaint while
 * feeding means that stopped being true.
 */
function observerAfter(c: Claim, params: WorldParams, accepted: readonly Accepted[]): Observer {
  const o = (freshWorld(c, params) as unknown as WithObserver).observer;
  for (const [d, dec] of accepted) {
    try {
      o(d, dec);
    } catch (e) {
      throw new Error(`${c.id}: the observer, fed its accepted deliveries again, complains (${String(e)})`, {
        cause: e,
      });
    }
  }
  return o;
}

/** How a step copies a world: copyHeap, or (a run from a fresh world, nothing kept) not at all. */
export type WorldCopy = (w: World) => World;

/**
 * The state after command J in S, S unchanged: the world's heap is copied (COPY) and J runs on the copy through
 * the rig's RcCommand; a delivery the broker accepts gets an observer of its own (fed again), a rejected one the
 * state's observer (a rejection changes no observer's state, see observerAfter).
 */
export function stepLive(c: Claim, s: Live, j: CommandJson, copy: WorldCopy = copyHeap): Live {
  const world = copy(s.world);
  let delivered = s.delivered;
  let accepted = s.accepted;
  let observer = s.observer;
  (world as unknown as WithObserver).observer = (d, dec) => {
    if (d.firstTime) delivered = new Set(delivered).add(d.source.id);
    if (dec.accepted) {
      observer = observerAfter(c, s.params, accepted);
      accepted = [...accepted, [d, dec]];
    }
    observer(d, dec);
  };
  new RcCommand(j).run({}, world);
  return { params: s.params, world, delivered, accepted, observer };
}

/** The group an accepted delivery's observer state is kept in: a push by BFD session, a snapshot by vantage. */
export function observerGroup(d: Delivery): string {
  // PredicateView keeps (a) per discriminator pair and (b) per (vantage, epoch_id) or, carried, per vantage; a
  // forgery keeps its source's discriminators and vantage_id (properties/t-rc-1/adversary.ts)
  return d.kind === 'push' ? d.source.stream : `snapshot|${d.source.vantage}`;
}

/**
 * The state after COMMANDS from a fresh world of claim C, run on that one world (no copy): what a copied step must
 * agree with (test/verify-t-rc-1.test.ts).
 */
export function runLive(c: Claim, params: WorldParams, commands: readonly CommandJson[]): Live {
  return commands.reduce((l, j) => stepLive(c, l, j, (w) => w), initialLive(c, params));
}
