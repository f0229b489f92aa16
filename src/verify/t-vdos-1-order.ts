/**
 * The order in which T-VDOS-1's boxes list their scenarios, as a rank (a tuple compared lexicographically), so that
 * the exhaustive search's first counterexample can be compared with the stored, shrunk one (issue 19, Deliver 2):
 * the stored value should not rank below the exhaustive one; when it ranks above, a smaller counterexample exists
 * and both are reported. The rank lists the box's loops outer first, so breadth first meets the lowest rank first.
 */
import type { CostConstants } from '../../model/constants.js';
import type { FloodScenario } from '../../model/flood.js';
import type { BurstEpisode, LegitStream } from '../../model/legit-traffic.js';
import type { RateLimitPolicy } from '../../model/token-bucket.js';
import { explore, type ExploreResult } from './explore.js';
import { CONSTANT_SETS } from './t-vdos-1-scenarios.js';
import type { BoxState } from './box.js';
import type { Scope, VerifyTarget } from './target.js';

/** A position in a box's order: compared lexicographically, lower first. */
export type Rank = readonly number[];

/** Negative when A comes before B, 0 when equal, positive after. */
export function compareRanks(a: Rank, b: Rank): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** The position of constants C in CONSTANT_SETS (compared by value: a stored record is a copy); after them if none. */
const constantsRank = (c: CostConstants): number => {
  const i = CONSTANT_SETS.findIndex(([, k]) => JSON.stringify(k) === JSON.stringify(c));
  return i < 0 ? CONSTANT_SETS.length : i;
};
const policyRank = (p: RateLimitPolicy): number[] => [
  p.rateLimitFactor,
  p.burstFactor,
  p.capacity === 'rate-times-1s' ? 0 : 1,
];

/** [scenario, policy, constants]: N, duration, flood factor, policy, constants, T_tick, coalition, phases. */
const floodRank = (args: readonly unknown[]): Rank => {
  const [s, p, c] = args as [FloodScenario, RateLimitPolicy, CostConstants];
  return [
    s.n,
    s.durationTicks,
    s.floodFactor,
    ...policyRank(p),
    constantsRank(c),
    s.tickMs,
    s.coalition,
    ...(s.phasesUs ?? []).flat(),
  ];
};

/** [[f1, f2], constants]. */
const pairRank = (args: readonly unknown[]): Rank => {
  const [[f1, f2], c] = args as [[number, number], CostConstants];
  return [f1, f2, constantsRank(c)];
};

const KINDS: ReadonlyArray<BurstEpisode['kind']> = ['jitter', 'bgp', 'recalibration'];
/** [stream]: length in ticks, T_tick, phase, then each kind of episode (absent first; start, length, multiplier). */
const legitRank = (args: readonly unknown[]): Rank => {
  const st = args[0] as LegitStream;
  const episodes = KINDS.flatMap((k) => {
    const e = st.episodes.find((x) => x.kind === k);
    return e ? [1, e.startTick, e.durationTicks, e.multiplier] : [0, 0, 0, 0];
  });
  return [st.durationTicks, st.tickMs, st.phaseUs, ...episodes];
};

/** [tickMs, policy, ticks]: length in ticks, T_tick, policy. */
const steadyRank = (args: readonly unknown[]): Rank => {
  const [tickMs, p, ticks] = args as [number, RateLimitPolicy, number];
  return [ticks, tickMs, ...policyRank(p)];
};

/** The rank of each claim pinned as refuted, by claim id. */
export const T_VDOS_1_RANKS: Readonly<Record<string, (args: readonly unknown[]) => Rank>> = {
  'T-VDOS-1.bound': floodRank,
  'T-VDOS-1.claim-a': floodRank,
  'T-VDOS-1.claim-b': pairRank,
  'T-VDOS-1.legit': legitRank,
  'T-VDOS-1.steady-honest': steadyRank,
};

/** The exploration of T within SCOPE and, when it finds one, the arguments of its (first, smallest) counterexample. */
export function smallestCounterexample(
  t: VerifyTarget,
  scope: Scope,
  maxStates = 5_000_000,
): { readonly result: ExploreResult; readonly args?: readonly unknown[] } {
  const m = t.model(scope);
  let bad: BoxState | undefined;
  const result = explore(
    {
      ...m,
      check: (s) => {
        const v = m.check(s);
        if (v !== undefined) bad = s as BoxState; // the explorer stops at its first violation: this one
        return v;
      },
    },
    { maxDepth: scope['depth'] ?? 0, maxStates },
  );
  return bad ? { result, args: bad.args } : { result };
}
