/**
 * A T-RC-1 counterexample trace of `perfsec verify` read back as the rig's data (issue 19, Deliver 2): the world
 * parameters its first state shows and the commands its steps name (RcCommand's own printing, parsed back), so
 * that it replays on a fresh world through the claim's predicate, as a stored counterexample does.
 */
import { FORGE_MODES, type ForgeMode } from '../../properties/t-rc-1/adversary.js';
import { commandsOf, RcCommand, type CommandJson } from '../../properties/t-rc-1/commands.js';
import { VANTAGES, type WorldParams } from '../../properties/t-rc-1/world.js';
import type { Claim } from '../engine/claim.js';
import type { TraceStep } from './explore.js';
import { WORLD_PREFIX } from './t-rc-1-model.js';

/** The command RcCommand prints as TEXT ("emit(v1,push,s0)", "deliver(2)", "advance(400ms)", "forge(0,bump)"). */
export function commandOfText(text: string): CommandJson {
  const m = /^(\w+)\((.*)\)$/.exec(text);
  const args = m?.[2]?.split(',') ?? [];
  const v = VANTAGES.indexOf(args[0] as (typeof VANTAGES)[number]);
  const j: CommandJson | undefined =
    m?.[1] === 'emit' && v >= 0 && args[1] === 'snapshot'
      ? { op: 'emit', v, path: 'A', s: 0 }
      : m?.[1] === 'emit' && v >= 0 && args[1] === 'push'
        ? { op: 'emit', v, path: 'B', s: Number(args[2]?.slice(1)) }
        : m?.[1] === 'advance'
          ? { op: 'advance', ms: Number(args[0]?.replace(/ms$/, '')) }
          : m?.[1] === 'forge' && FORGE_MODES.includes(args[1] as ForgeMode)
            ? { op: 'forge', i: Number(args[0]), mode: args[1] as ForgeMode }
            : m?.[1] === 'deliver' || m?.[1] === 'drop' || m?.[1] === 'replay'
              ? { op: m[1], i: Number(args[0]) }
              : undefined;
  if (!j || new RcCommand(j).toString() !== text) throw new Error(`not a T-RC-1 rig command: '${text}'`);
  return j;
}

/** The world and the commands of TRACE (its first state names the world). */
export function traceCommands(trace: readonly TraceStep[]): { params: WorldParams; commands: CommandJson[] } {
  const first = trace[0]?.state ?? '';
  const json = first.startsWith(WORLD_PREFIX) ? /^\S+ (\{[^}]*\})/.exec(first)?.[1] : undefined;
  if (!json) throw new Error(`the trace does not start with the world: '${first}'`);
  const commands = trace.slice(1).map((s) => commandOfText(s.action ?? ''));
  return { params: JSON.parse(json) as WorldParams, commands };
}

/** Replays TRACE on a fresh world through claim C's predicate: the violation it raises, or undefined. */
export function replayTrace(c: Claim, trace: readonly TraceStep[]): string | undefined {
  const { params, commands } = traceCommands(trace);
  try {
    c.predicate(params, commandsOf(commands));
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
