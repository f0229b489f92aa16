/**
 * Generators for T-VDOS-1: flood experiments small enough to simulate packet by packet, rate-limit
 * policies over the draft's domain (factors >= 2, both bucket readings), and legitimate streams
 * with the bursts draft §4.2 names.
 */
import fc from 'fast-check';
import type { FloodScenario } from '../model/flood.js';
import type { BurstEpisode, LegitStream } from '../model/legit-traffic.js';
import type { CapacityReading, RateLimitPolicy } from '../model/token-bucket.js';

/** A factor to 0.01 in [min, max]. */
export const factor = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((x) => x / 100);

/** Tick periods: the draft's 5 ms (HFT), 50 ms (Coherence-BFD V3), 1 s, and others. */
export const floodTickMs = fc.constantFrom(5, 10, 20, 50, 100, 1000);

/** Also longer ticks (§4.2 lets operators relax at T_tick >= 1 s): budgets of 1-2 tokens, the closed form's edges. */
export const longFloodTickMs = fc.constantFrom(5, 10, 20, 50, 100, 1000, 1500, 2000, 2500);

/** A rate-limit policy over the draft §4.2 domain, one bucket per path, either budget reading. */
export function policy(capacity?: CapacityReading): fc.Arbitrary<RateLimitPolicy> {
  return fc.record({
    rateLimitFactor: fc.oneof(fc.constant(4), fc.constant(2), factor(2, 8)),
    burstFactor: fc.oneof(fc.constant(8), fc.constant(2), factor(2, 16)),
    scope: fc.constant('per-path' as const),
    capacity: capacity ? fc.constant(capacity) : fc.constantFrom<CapacityReading>('rate-times-1s', 'ticks'),
  });
}

/** A flood experiment: up to 4 vantages, up to 60 ticks, flood factors 1..64, phases, optional jitter. */
export function floodScenario(options: { jitter?: boolean; maxTicks?: number; longTicks?: boolean } = {}): fc.Arbitrary<FloodScenario> {
  return fc.record({ n: fc.integer({ min: 1, max: 4 }), tickMs: options.longTicks ? longFloodTickMs : floodTickMs }).chain(({ n, tickMs }) => {
    const tickUs = tickMs * 1000;
    return fc.record({
      n: fc.constant(n),
      tickMs: fc.constant(tickMs),
      coalition: fc.integer({ min: 0, max: n }),
      floodFactor: fc.oneof(fc.constantFrom(1, 4, 16, 64), factor(1, 64)),
      durationTicks: fc.integer({ min: 1, max: options.maxTicks ?? 60 }),
      phasesUs: fc.array(fc.tuple(fc.integer({ min: 0, max: tickUs - 1 }), fc.integer({ min: 0, max: tickUs - 1 })), { minLength: n, maxLength: n }),
      jitterUs: options.jitter ? fc.integer({ min: 0, max: tickUs / 2 }) : fc.constant(0),
      jitterSeed: fc.integer(),
    });
  });
}

/** An episode of one kind; multipliers and lengths lean to the draft's stated maxima (the worst case is the claim). */
const episode = (kind: BurstEpisode['kind'], [lo, hi]: [number, number], [minTicks, maxTicks]: [number, number]) =>
  fc.record({
    kind: fc.constant(kind),
    startTick: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 })),
    durationTicks: fc.oneof(fc.constant(maxTicks), fc.integer({ min: minTicks, max: maxTicks })),
    multiplier: fc.oneof(fc.constant(hi), factor(lo, hi)),
  });

/**
 * A legitimate stream: each burst source of draft §4.2 at most once, within the ranges it gives
 * (jitter 1.2-1.5x, BGP 2-3x for one to five seconds, recalibration up to 1.3x over 600 ticks),
 * overlapping freely. Jitter lasts from one tick up to five seconds: the draft's own worst case
 * (1.5 * 3 * 1.3) compounds it with a BGP batch.
 */
export function legitStream(): fc.Arbitrary<LegitStream> {
  return fc.constantFrom(5, 50, 100, 1000).chain((tickMs) => {
    const ticksIn = (seconds: number) => Math.ceil((seconds * 1000) / tickMs);
    return fc.record({
      tickMs: fc.constant(tickMs),
      phaseUs: fc.integer({ min: 0, max: tickMs * 1000 - 1 }),
      episodes: fc.tuple(
        fc.option(episode('jitter', [1.2, 1.5], [1, ticksIn(5)])),
        fc.option(episode('bgp', [2, 3], [ticksIn(1), ticksIn(5)])),
        fc.option(episode('recalibration', [1, 1.3], [600, 600])),
      ).map((es) => es.filter((e): e is BurstEpisode => e !== null)),
      durationTicks: fc.integer({ min: 1, max: ticksIn(8) + 40 }),
    });
  });
}
