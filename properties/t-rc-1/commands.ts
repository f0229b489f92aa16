/**
 * The adversary search of T-RC-1 as fast-check model-based commands (draft §5, threats of §2):
 * honest vantages emit on both paths; the keyless adversary delivers in any order, drops, delays
 * (advances the clock, across epoch boundaries), replays and forges. Every command is plain data
 * (toJSON) and prints as a short call (toString), so a shrunk counterexample is a readable list
 * that `commandsOf` rebuilds from its stored JSON.
 */
import fc from 'fast-check';
import type { BrokerFactory, BrokerReading } from '../../model/broker.js';
import { arrayOf, checked, oneOf, record, type Check } from '../../src/engine/generator-domain.js';
import { FORGE_MODES, type ForgeMode } from './adversary.js';
import { brokerConfig, VANTAGES, World, type Observer, type WorldParams } from './world.js';

/** A command as stored: plain JSON. */
export type CommandJson =
  | { readonly op: 'emit'; readonly v: number; readonly path: 'A' | 'B'; readonly s: number }
  | { readonly op: 'deliver' | 'drop' | 'replay'; readonly i: number }
  | { readonly op: 'advance'; readonly ms: number }
  | { readonly op: 'forge'; readonly i: number; readonly mode: ForgeMode };

/** fast-check's model: nothing (the reference lives in the world, beside the broker). */
type Model = object;
/** A command list as the search draws it. */
export type Commands = Iterable<fc.Command<Model, World>>;

/** One adversary or vantage action. */
export class RcCommand implements fc.Command<Model, World> {
  constructor(readonly json: CommandJson) {}
  check(): boolean {
    return true;
  }
  run(_m: Model, w: World): void {
    const c = this.json;
    switch (c.op) {
      case 'emit':
        return c.path === 'A'
          ? w.emitSnapshot(VANTAGES[c.v % VANTAGES.length]!)
          : w.emitPush(VANTAGES[c.v % VANTAGES.length]!, c.s);
      case 'deliver':
        return w.deliverInflight(c.i);
      case 'drop':
        return w.deliverInflight(c.i, true);
      case 'replay':
        return w.replay(c.i);
      case 'advance':
        return w.advance(c.ms);
      case 'forge':
        return w.forge(c.i, c.mode);
    }
  }
  toString(): string {
    const c = this.json;
    switch (c.op) {
      case 'emit':
        return c.path === 'A'
          ? `emit(${VANTAGES[c.v % VANTAGES.length]},snapshot)`
          : `emit(${VANTAGES[c.v % VANTAGES.length]},push,s${c.s})`;
      case 'advance':
        return `advance(${c.ms}ms)`;
      case 'forge':
        return `forge(${c.i},${c.mode})`;
      default:
        return `${c.op}(${c.i})`;
    }
  }
  toJSON(): CommandJson {
    return this.json;
  }
}

const cmd = (j: CommandJson) => new RcCommand(j);
const MAX_INDEX = 15;
const ADVANCES_MS = [50, 150, 400, 1000];
const index = fc.nat({ max: MAX_INDEX });

/** Every command kind, emits and deliveries weighted up so that streams form. */
export const COMMAND_ARBITRARIES: fc.Arbitrary<RcCommand>[] = [
  fc
    .record({ v: fc.nat({ max: 1 }), path: fc.constantFrom('A' as const, 'B' as const), s: fc.nat({ max: 1 }) })
    .map(({ v, path, s }) => cmd({ op: 'emit', v, path, s })),
  fc
    .record({ v: fc.nat({ max: 1 }), path: fc.constantFrom('A' as const, 'B' as const), s: fc.nat({ max: 1 }) })
    .map(({ v, path, s }) => cmd({ op: 'emit', v, path, s })),
  index.map((i) => cmd({ op: 'deliver', i })),
  index.map((i) => cmd({ op: 'deliver', i })),
  index.map((i) => cmd({ op: 'drop', i })),
  index.map((i) => cmd({ op: 'replay', i })),
  fc.constantFrom(...ADVANCES_MS).map((ms) => cmd({ op: 'advance', ms })),
  fc.record({ i: index, mode: fc.constantFrom(...FORGE_MODES) }).map(({ i, mode }) => cmd({ op: 'forge', i, mode })),
];

/**
 * fast-check shrinks a command list over the commands that ran, and replays a shrunk list from
 * seed and path only with the replayPath that records which ran. Here every command always runs
 * (an observer's complaint is kept and raised after the last command, see runWorld), so the
 * replayPath is "all ran" for any run: this one, long enough for any shrink, makes seed + path
 * replay work without a per-counterexample replayPath (so the printed value carries none).
 */
// fast-check ReplayPath: runs of 64 'true'
const ALL_RAN = `${'/'.repeat(20_000)}:${'/'.repeat(Math.ceil(20_000 / 6))}`;

/** Commands per list, at most. */
const MAX_COMMANDS = 30;

/** One stored command, by its op: the fields and ranges COMMAND_ARBITRARIES draw. */
const COMMAND_DOMAINS: Readonly<Record<CommandJson['op'], Check>> = {
  emit: record({ op: oneOf(['emit']), v: oneOf([0, 1]), path: oneOf(['A', 'B']), s: oneOf([0, 1]) }),
  deliver: record({ op: oneOf(['deliver']), i: oneOf(range(MAX_INDEX)) }),
  drop: record({ op: oneOf(['drop']), i: oneOf(range(MAX_INDEX)) }),
  replay: record({ op: oneOf(['replay']), i: oneOf(range(MAX_INDEX)) }),
  advance: record({ op: oneOf(['advance']), ms: oneOf(ADVANCES_MS) }),
  forge: record({ op: oneOf(['forge']), i: oneOf(range(MAX_INDEX)), mode: oneOf(FORGE_MODES) }),
};

function range(max: number): number[] {
  return Array.from({ length: max + 1 }, (_, i) => i);
}

const commandDomain: Check = (v, at) => {
  const op = (v as { op?: unknown } | null)?.op;
  return typeof op === 'string' && Object.hasOwn(COMMAND_DOMAINS, op)
    ? COMMAND_DOMAINS[op as CommandJson['op']](v, at)
    : `${at}.op must be one of ${Object.keys(COMMAND_DOMAINS).join(', ')}`;
};

/** A command list as stored: {commands: [{cmd, hasRan}]}, at most MAX_COMMANDS, each command in its domain. */
const commandsDomain: Check = record({
  commands: arrayOf(record({ cmd: commandDomain, hasRan: oneOf([true, false]) }), 0, MAX_COMMANDS),
});

/** The command lists the search draws (at most 30 commands), with their domain (fc.commands cannot check one). */
export function adversary(): fc.Arbitrary<Commands> {
  return checked(
    fc.commands(COMMAND_ARBITRARIES, {
      maxCommands: MAX_COMMANDS,
      size: 'max',
      replayPath: ALL_RAN,
      disableReplayLog: true,
    }),
    commandsDomain,
  );
}

/** World parameters: overlap 0 (none) to 500 ms, lifetimes shorter and longer than an epoch, one or two sessions. */
export function worldParams(): fc.Arbitrary<WorldParams> {
  return fc.record({
    overlapMs: fc.constantFrom(200, 0, 500),
    lifetimeMs: fc.constantFrom(300, 100, 2500),
    v1Sessions: fc.constantFrom(1 as const, 2 as const),
  });
}

/** Commands rebuilt from a stored list: printed as fast-check prints the list it drew (calls joined by commas). */
export class CommandList implements Iterable<RcCommand> {
  constructor(readonly commands: readonly RcCommand[]) {}
  [Symbol.iterator](): Iterator<RcCommand> {
    return this.commands[Symbol.iterator]();
  }
  toString(): string {
    return this.commands.map(String).join(',');
  }
}

/**
 * Rebuilds commands from stored JSON: a CommandsIterable prints {commands: [{cmd, hasRan}]}, a plain list prints
 * itself.
 */
export function commandsOf(stored: unknown): CommandList {
  const list = Array.isArray(stored) ? stored : ((stored as { commands?: unknown[] } | null)?.commands ?? []);
  return new CommandList(list.map((c) => cmd(((c as { cmd?: CommandJson }).cmd ?? c) as CommandJson)));
}

/**
 * Runs every one of COMMANDS against a broker built by FACTORY under READING, OBSERVER checking each delivery; then
 * throws the first violation.
 */
export function runWorld(
  factory: BrokerFactory,
  reading: BrokerReading,
  params: WorldParams,
  commands: Commands,
  observer: Observer,
): void {
  let world: World | undefined;
  fc.modelRun(
    () => ({ model: {}, real: (world = new World(params, brokerConfig(params, reading), factory, observer)) }),
    commands,
  );
  if (world?.violation) throw world.violation;
}
