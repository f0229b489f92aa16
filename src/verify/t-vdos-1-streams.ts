/**
 * The boxes of honest streams T-VDOS-1's §4.2 claims are checked over (issue 19, Deliver 1), stepped one tick at a
 * time so that breadth first meets the shortest violating stream first: legitimate streams (T_tick, phase, and each
 * burst source of §4.2 absent or present on a grid of its start, length and multiplier) and steady streams at the
 * natural rate (T_tick, policy). The ranges are those properties/flood-generators.ts draws; the tests check every
 * box value against the claim's generator domain.
 */
import type { BurstEpisode, LegitStream } from '../../model/legit-traffic.js';
import type { RateLimitPolicy } from '../../model/token-bucket.js';
import { firstSorted, showPolicy } from './t-vdos-1-scenarios.js';
import type { StreamSpec } from './box.js';

/** T_tick values (ms) of legitStream() in preference order. */
export const LEGIT_TICKS = [1000, 100, 50, 5] as const;
/** Episode start ticks in preference order (legitStream() draws 0..40). */
export const STARTS = [0, 40, 1, 20, 10, 5] as const;
/** T_tick values of the steady streams (steadyTickMs), in preference order. */
export const STEADY_TICKS = [50, 1000, 2500, 5000, 10_000] as const;
/** The longest steady stream steadyTicks draws. */
export const STEADY_MAX_TICKS = 20;

/** Ticks in S seconds at T_tick ms, rounded up (the generators' ticksIn). */
const ticksIn = (seconds: number, tickMs: number) => Math.ceil((seconds * 1000) / tickMs);

/** K points of [lo, hi], ends first: 1 -> [hi]; 2 -> [lo, hi]; 3 -> [lo, mid, hi] (to ROUND), ascending. */
export function spread(lo: number, hi: number, k: number, round: (x: number) => number): number[] {
  if (k <= 1 || lo === hi) return [hi];
  return [...new Set(Array.from({ length: k }, (_, i) => round(lo + ((hi - lo) * i) / (k - 1))))];
}
const hundredth = (x: number) => Math.round(x * 100) / 100;

/** The grid of a legit box. */
export interface LegitBox {
  /** How many T_tick values of LEGIT_TICKS. */
  readonly tickCount: number;
  readonly phases: number;
  readonly starts: number;
  /** Points of each episode length range. */
  readonly lengths: number;
  /** Points of each multiplier range. */
  readonly multipliers: number;
  /** "A few seconds" of §4.2 read as up to this many (the generator's burstSeconds). */
  readonly burstSeconds: number;
  /** Policies, for a claim that takes one (legit-corrected); none for the default-policy claims. */
  readonly policies?: readonly RateLimitPolicy[];
}

/** A legit stream's configuration: the stream without its length, and the policy when the claim takes one. */
export interface LegitConfig {
  readonly stream: Omit<LegitStream, 'durationTicks'>;
  readonly policy?: RateLimitPolicy;
}

/** One kind of episode on the grid: absent first, then by start, length and multiplier. */
function episodes(
  kind: BurstEpisode['kind'],
  [lo, hi]: readonly [number, number],
  [minT, maxT]: readonly [number, number],
  b: LegitBox,
): Array<BurstEpisode | null> {
  const out: Array<BurstEpisode | null> = [null];
  for (const startTick of firstSorted(STARTS, b.starts))
    for (const durationTicks of spread(minT, maxT, b.lengths, Math.round))
      for (const multiplier of spread(lo, hi, b.multipliers, hundredth))
        out.push({ kind, startTick, durationTicks, multiplier });
  return out;
}

/** Every configuration: T_tick, phase, jitter, BGP, recalibration, policy (outer first). */
function* legitConfigs(b: LegitBox): Generator<LegitConfig> {
  for (const tickMs of firstSorted(LEGIT_TICKS, b.tickCount)) {
    const upTo = ticksIn(b.burstSeconds, tickMs);
    // draft §4.2: jitter 1.2-1.5x, BGP 2-3x for one to a few seconds, recalibration up to 1.3x over 600 ticks
    const jitter = episodes('jitter', [1.2, 1.5], [1, upTo], b);
    const bgp = episodes('bgp', [2, 3], [ticksIn(1, tickMs), upTo], b);
    const recalibration = episodes('recalibration', [1, 1.3], [600, 600], b);
    const phases = b.phases <= 1 ? [0] : spread(0, tickMs * 1000 - 1, b.phases, Math.round);
    for (const phaseUs of phases)
      for (const j of jitter)
        for (const g of bgp)
          for (const r of recalibration) {
            const stream = { tickMs, phaseUs, episodes: [j, g, r].filter((e): e is BurstEpisode => e !== null) };
            for (const policy of b.policies ?? [undefined]) yield policy ? { stream, policy } : { stream };
          }
  }
}

const showEpisode = (e: BurstEpisode) => `${e.kind} ${e.multiplier}x@${e.startTick}+${e.durationTicks}`;

/** The stepped box B: arguments [stream] or [stream, policy]. */
export function legitBox(b: LegitBox): Omit<StreamSpec<LegitConfig>, 'explain'> {
  return {
    configs: () => legitConfigs(b),
    args: (c, ticks) => [{ ...c.stream, durationTicks: ticks }, ...(c.policy ? [c.policy] : [])],
    // legitStream() draws up to 8 s and 40 ticks (the latest episode start) of stream
    maxTicks: (c) => ticksIn(8, c.stream.tickMs) + 40,
    key: (c) => {
      const es = c.stream.episodes.map((e) => `${e.kind[0]}${e.startTick},${e.durationTicks},${e.multiplier}`);
      const p = c.policy ? `${c.policy.rateLimitFactor},${c.policy.burstFactor},${c.policy.capacity[0]}` : '';
      return `${c.stream.tickMs} ${c.stream.phaseUs} ${es.join(' ')}|${p}`;
    },
    show: (c, ticks) =>
      `T=${c.stream.tickMs}ms phase ${c.stream.phaseUs}us [${c.stream.episodes.map(showEpisode).join(', ')}] ` +
      `${ticks} ticks${c.policy ? ` | ${showPolicy(c.policy)}` : ''}`,
  };
}

/** A steady stream's configuration: T_tick and policy. */
export interface SteadyConfig {
  readonly tickMs: number;
  readonly policy: RateLimitPolicy;
}

/** The stepped box of steady streams: T_tick (ascending), then policy; arguments [tickMs, policy, ticks]. */
export function steadyBox(
  tickCount: number,
  ps: readonly RateLimitPolicy[],
): Omit<StreamSpec<SteadyConfig>, 'explain'> {
  return {
    configs: function* () {
      for (const tickMs of firstSorted(STEADY_TICKS, tickCount)) for (const policy of ps) yield { tickMs, policy };
    },
    args: (c, ticks) => [c.tickMs, c.policy, ticks],
    maxTicks: () => STEADY_MAX_TICKS,
    key: (c) => `${c.tickMs}|${showPolicy(c.policy)}`,
    show: (c, ticks) => `T=${c.tickMs}ms | ${showPolicy(c.policy)} | ${ticks} ticks`,
  };
}
