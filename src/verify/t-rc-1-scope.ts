/**
 * The scope of T-RC-1's exhaustive checking (issue 19, Deliver 1): which worlds of the rig
 * (properties/t-rc-1/commands.ts worldParams) are initial states, and which of the rig's commands are enabled in a
 * state: every emission of both vantages on both paths, every delivery and drop of a packet in flight, every replay
 * and every forgery of a packet sent, and clock advances by a few of the rig's steps while the clock stays inside
 * the scope's epochs. Each bound is a scope parameter (`perfsec verify --scope name=value`).
 */
import type { CommandJson } from '../../properties/t-rc-1/commands.js';
import { FORGE_MODES } from '../../properties/t-rc-1/adversary.js';
import { EPOCH_MS, VANTAGES, type World, type WorldParams } from '../../properties/t-rc-1/world.js';
import type { Scope, ScopeParam } from './target.js';

/** The rig's snapshot overlaps (worldParams), in the order the scope takes them. */
export const OVERLAPS_MS = [200, 500, 0] as const;
/** The rig's snapshot lifetimes: shorter than the clock steps of the default scope, and longer than two epochs. */
export const LIFETIMES_MS = [300, 2500, 100] as const;
/** The rig's clock steps (commands.ts ADVANCES_MS), largest first: an epoch, then steps inside the overlap. */
export const ADVANCES_MS = [1000, 400, 150, 50] as const;

const param = (d: number, min: number, max: number, about: string): ScopeParam => ({ default: d, min, max, about });

/** The value of NAME in SCOPE (a missing name is a bug of the target). */
export function get(scope: Scope, name: string): number {
  const v = scope[name];
  if (v === undefined) throw new Error(`scope has no '${name}'`);
  return v;
}

/** The scope parameters of a T-RC-1 target, with the default DEPTH (and defaults changed by OVERRIDES). */
export function rcScope(depth: number, overrides: Readonly<Record<string, number>> = {}): Record<string, ScopeParam> {
  const d = (name: string, value: number) => overrides[name] ?? value;
  return {
    sessions: param(d('sessions', 2), 1, 2, 'BFD sessions of v1 (v2 has one)'),
    overlaps: param(d('overlaps', 1), 1, 3, `overlap windows, the first of {${OVERLAPS_MS.join(', ')}} ms`),
    lifetimes: param(d('lifetimes', 2), 1, 3, `snapshot lifetimes, the first of {${LIFETIMES_MS.join(', ')}} ms`),
    epochs: param(d('epochs', 2), 1, 3, 'epochs the clock may enter (v2 is bound to epochs 0 and 1 only)'),
    advances: param(d('advances', 2), 1, 4, `clock steps, the first of {${ADVANCES_MS.join(', ')}} ms`),
    inflight: param(d('inflight', 3), 1, 6, 'packets in flight at most (no emission beyond)'),
    packets: param(d('packets', 4), 1, 15, 'packets emitted at most (the rig replays and forges any of them)'),
    forges: param(d('forges', FORGE_MODES.length), 0, FORGE_MODES.length, `forge modes, the first of ${FORGE_MODES}`),
    depth: param(depth, 0, 30, 'commands from a fresh world (the rig draws lists of at most 30)'),
  };
}

/** The worlds of SCOPE: every overlap and lifetime it takes, v1 with `sessions` BFD sessions. */
export function worldsOf(scope: Scope): WorldParams[] {
  const v1Sessions = get(scope, 'sessions') === 1 ? 1 : 2;
  return OVERLAPS_MS.slice(0, get(scope, 'overlaps')).flatMap((overlapMs) =>
    LIFETIMES_MS.slice(0, get(scope, 'lifetimes')).map((lifetimeMs) => ({ overlapMs, lifetimeMs, v1Sessions })),
  );
}

/** Every command enabled in W within SCOPE, as the rig stores it (indices into W's in-flight list and log). */
export function commandsIn(w: World, scope: Scope): CommandJson[] {
  const out: CommandJson[] = [];
  if (w.inflight.length < get(scope, 'inflight') && w.log.length < get(scope, 'packets'))
    VANTAGES.forEach((v, vi) => {
      out.push({ op: 'emit', v: vi, path: 'A', s: 0 });
      w.sessionsOf(v).forEach((_, s) => out.push({ op: 'emit', v: vi, path: 'B', s }));
    });
  for (const op of ['deliver', 'drop'] as const) w.inflight.forEach((_, i) => out.push({ op, i }));
  w.log.forEach((_, i) => out.push({ op: 'replay', i }));
  const modes = FORGE_MODES.slice(0, get(scope, 'forges'));
  w.log.forEach((_, i) => modes.forEach((mode) => out.push({ op: 'forge', i, mode })));
  for (const ms of ADVANCES_MS.slice(0, get(scope, 'advances')))
    if (w.now + ms < get(scope, 'epochs') * EPOCH_MS) out.push({ op: 'advance', ms });
  return out;
}

/** SCOPE in words. */
export function scopeText(scope: Scope): string {
  const worlds = worldsOf(scope);
  const set = (xs: readonly unknown[]) => `{${[...new Set(xs)].join(', ')}}`;
  return (
    `v1 with ${get(scope, 'sessions')} BFD session(s), v2 with one; overlap ${set(worlds.map((w) => w.overlapMs))} ` +
    `ms, lifetime ${set(worlds.map((w) => w.lifetimeMs))} ms; clock below ${get(scope, 'epochs') * EPOCH_MS} ms ` +
    `in steps of ${set(ADVANCES_MS.slice(0, get(scope, 'advances')))} ms; at most ${get(scope, 'inflight')} ` +
    `packet(s) in flight and ${get(scope, 'packets')} sent; ` +
    `forgeries ${get(scope, 'forges') > 0 ? set(FORGE_MODES.slice(0, get(scope, 'forges'))) : 'none'}; ` +
    `every command sequence up to depth ${get(scope, 'depth')}`
  );
}
