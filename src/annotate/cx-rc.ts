/**
 * A T-RC-1 counterexample as a step table (issue 21, Deliver 2): the world of the claim the counterexample
 * refutes (built by the claim's own predicate: its broker, its reading, its observer; src/verify/t-rc-1-world.ts),
 * each stored command run in order, and per command the clock, the packet that reached the broker, the broker's
 * counters after it, its decision, and the claim's complaint where it makes one.
 */
import type { Decision } from '../../model/broker.js';
import { RcCommand, type CommandJson } from '../../properties/t-rc-1/commands.js';
import type { Delivery, Observer, World, WorldParams } from '../../properties/t-rc-1/world.js';
import type { Claim } from '../engine/claim.js';
import { freshWorld } from '../verify/t-rc-1-world.js';

/** One row of the step table. */
export interface RcStep {
  readonly step: number;
  /** The command as the rig prints it: "emit(v1,snapshot)", "forge(0,bump)". */
  readonly command: string;
  /** The clock after the command, ms. */
  readonly timeMs: number;
  /** The packet the broker received, or "" when the command delivered none. */
  readonly packet: string;
  /** The broker's counters after the command: last_bfd_seq, last_cwt_counter, its epoch. */
  readonly state: string;
  /** accepted / rejected REASON, or "" when no packet reached the broker. */
  readonly decision: string;
  /** What a correct broker decides (the rig's reference), when a packet reached it. */
  readonly expected: string;
  /** The claim's complaint at this step, if any. */
  readonly violation: string;
}

/** A T-RC-1 counterexample's world and its step table. */
export interface RcTable {
  readonly world: string;
  readonly steps: readonly RcStep[];
}

/** The broker's counters (the faithful broker's fields; a broker without them shows "(not visible)"). */
function brokerState(w: World): string {
  const b = w.broker as unknown as { lastBfdSeq?: unknown; lastCwtCounter?: unknown; epoch?: unknown };
  const map = (m: unknown) =>
    m instanceof Map ? `{${[...m.entries()].map(([k, v]) => `${String(k)}: ${String(v)}`).join(', ')}}` : '?';
  if (!(b.lastBfdSeq instanceof Map)) return '(not visible)';
  return `epoch ${String(b.epoch)}; last_bfd_seq ${map(b.lastBfdSeq)}; last_cwt_counter ${map(b.lastCwtCounter)}`;
}

function packetText(d: Delivery): string {
  const s = d.source;
  const what = `${s.kind} #${s.id} of ${s.vantage} (epoch ${s.epoch}, #${s.index} in its stream)`;
  const via = d.via === 'forge' ? `forged (${d.forgeMode ?? '?'}) from` : d.via === 'replay' ? 'replayed' : 'delivered';
  return `${via} ${what}`;
}

const decisionText = (dec: Decision): string =>
  dec.accepted ? 'accepted' : `rejected ${dec.reason}${dec.detail ? ` (${dec.detail})` : ''}`;

/** Runs COMMANDS in the world of claim C with PARAMS, one row per command. */
export function rcTable(c: Claim, params: WorldParams, commands: readonly CommandJson[]): RcTable {
  const world = freshWorld(c, params);
  const slot = world as unknown as { observer: Observer };
  const original = slot.observer;
  const last: { seen?: { d: Delivery; dec: Decision } } = {}; // what the broker received during a command
  slot.observer = (d, dec) => {
    last.seen = { d, dec };
    original(d, dec); // the claim's own check: its complaint is the world's violation
  };
  const received = () => last.seen; // read after the command (TS would narrow last.seen to undefined here)
  const steps = commands.map((j, i): RcStep => {
    delete last.seen;
    const before = world.violation;
    const logged = world.log.length;
    new RcCommand(j).run({}, world);
    const after = world.violation;
    const emitted = world.log[logged];
    const seen = received(); // an emit logs one packet and sends it into flight, not to the broker
    return {
      step: i + 1,
      command: new RcCommand(j).toString(),
      timeMs: world.now,
      packet: seen
        ? packetText(seen.d)
        : emitted
          ? `${emitted.vantage} emits ${emitted.kind} #${emitted.id} (epoch ${emitted.epoch}): in flight`
          : '',
      state: brokerState(world),
      decision: seen ? decisionText(seen.dec) : '',
      expected: seen ? (seen.d.expected ? 'accept' : 'reject') : '',
      violation: after && after !== before ? after.message : '',
    };
  });
  const w = params;
  return {
    world: `overlap ${w.overlapMs} ms, snapshot lifetime ${w.lifetimeMs} ms, v1 with ${w.v1Sessions} BFD session(s)`,
    steps,
  };
}
