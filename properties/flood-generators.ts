/**
 * Generators for T-VDOS-1: flood experiments small enough to simulate packet by packet, rate-limit
 * policies over the draft's domain (factors >= 2, both bucket readings), and legitimate streams
 * with the bursts draft §4.2 names.
 */
import fc from 'fast-check';
import type { FloodScenario } from '../model/flood.js';
import type { BurstEpisode, LegitStream } from '../model/legit-traffic.js';
import type { CapacityReading, RateLimitPolicy } from '../model/token-bucket.js';
import {
  arrayOf,
  checked,
  drawnBy,
  fields,
  int,
  keys,
  oneOf,
  reasonOutside,
  tuple,
  type Check,
} from '../src/engine/generator-domain.js';

/**
 * The hundredths X of a stored factor X / 100; throws when it is not one (the unmapper fast-check's domain check
 * calls).
 */
function hundredths(v: unknown): number {
  const x = typeof v === 'number' ? Math.round(v * 100) : NaN;
  if (!Number.isSafeInteger(x) || x / 100 !== v) throw new Error('not a factor to 0.01');
  return x;
}

/** A factor to 0.01 in [min, max] (the unmapper makes its domain checkable; generation is unchanged). */
export const centiFactor = (min: number, max: number) =>
  fc.integer({ min: min * 100, max: max * 100 }).map((x) => x / 100, hundredths);

/**
 * Two flood factors f1 < f2, in hundredths, f1 from 5 to 64 and f2 up to 64 above it (the slope claims of §4.3 (b)).
 */
export const factorPair = fc.tuple(fc.integer({ min: 500, max: 6400 }), fc.integer({ min: 1, max: 6400 })).map(
  ([a, d]) => [a / 100, (a + d) / 100] as const,
  (v) => {
    if (!Array.isArray(v) || v.length !== 2) throw new Error('not a pair');
    const [a, b] = [hundredths(v[0]), hundredths(v[1])];
    return [a, b - a];
  },
);

const TICKS = [5, 10, 20, 50, 100, 1000];
const LONG_TICKS = [...TICKS, 1500, 2000, 2500];
const LEGIT_TICKS = [5, 50, 100, 1000];
const ticksIn = (seconds: number, tickMs: number) => Math.ceil((seconds * 1000) / tickMs);
const SCENARIO_KEYS = [
  'n',
  'tickMs',
  'coalition',
  'floodFactor',
  'durationTicks',
  'phasesUs',
  'jitterUs',
  'jitterSeed',
];

/** Tick periods: the draft's 5 ms (HFT), 50 ms (Coherence-BFD V3), 1 s, and others. */
export const floodTickMs = fc.constantFrom(...TICKS);

/** Also longer ticks (§4.2 lets operators relax at T_tick >= 1 s): budgets of 1-2 tokens, the closed form's edges. */
export const longFloodTickMs = fc.constantFrom(...LONG_TICKS);

/**
 * A rate-limit policy over the draft §4.2 domain, one bucket per path, under options.capacity (the budget reading;
 * either when omitted).
 */
export function policy(options: { capacity?: CapacityReading } = {}): fc.Arbitrary<RateLimitPolicy> {
  const { capacity } = options;
  return fc.record({
    rateLimitFactor: fc.oneof(fc.constant(4), fc.constant(2), centiFactor(2, 8)),
    burstFactor: fc.oneof(fc.constant(8), fc.constant(2), centiFactor(2, 16)),
    scope: fc.constant('per-path' as const),
    capacity: capacity ? fc.constant(capacity) : fc.constantFrom<CapacityReading>('rate-times-1s', 'ticks'),
  });
}

/** A rate-limit policy as policy() draws it, or none (null: no rate limit in front of verification). */
export function policyOrNone(): fc.Arbitrary<RateLimitPolicy | null> {
  return fc.option(policy(), { nil: null });
}

/** A flood experiment in which every vantage floods (coalition = n). */
export function wholeCoalitionFlood(): fc.Arbitrary<FloodScenario> {
  const all = floodScenario();
  return checked(
    all.filter((s) => s.coalition === s.n),
    (v, at) =>
      reasonOutside(all, v, at) ??
      ((v as FloodScenario).coalition === (v as FloodScenario).n
        ? null
        : `${at}.coalition must equal ${at}.n (every vantage floods)`),
  );
}

const floodFactor = fc.oneof(fc.constantFrom(1, 4, 16, 64), centiFactor(1, 64));

/** A flood experiment: up to 4 vantages, up to 60 ticks, flood factors 1..64, phases, optional jitter. */
export function floodScenario(
  options: { jitter?: boolean; maxTicks?: number; longTicks?: boolean } = {},
): fc.Arbitrary<FloodScenario> {
  return checked(
    fc
      .record({ n: fc.integer({ min: 1, max: 4 }), tickMs: options.longTicks ? longFloodTickMs : floodTickMs })
      .chain(({ n, tickMs }) => {
        const tickUs = tickMs * 1000;
        return fc.record({
          n: fc.constant(n),
          tickMs: fc.constant(tickMs),
          coalition: fc.integer({ min: 0, max: n }),
          floodFactor,
          durationTicks: fc.integer({ min: 1, max: options.maxTicks ?? 60 }),
          phasesUs: fc.array(
            fc.tuple(fc.integer({ min: 0, max: tickUs - 1 }), fc.integer({ min: 0, max: tickUs - 1 })),
            { minLength: n, maxLength: n },
          ),
          jitterUs: options.jitter ? fc.integer({ min: 0, max: tickUs / 2 }) : fc.constant(0),
          jitterSeed: fc.integer(),
        });
      }),
    floodScenarioDomain(options),
  );
}

/** What floodScenario(OPTIONS) draws: its ranges, and phases and coalition sized by n and the tick. */
function floodScenarioDomain(options: { jitter?: boolean; maxTicks?: number; longTicks?: boolean }): Check {
  return (v, at) => {
    const head =
      keys(SCENARIO_KEYS)(v, at) ??
      fields({ n: int(1, 4), tickMs: oneOf(options.longTicks ? LONG_TICKS : TICKS) })(v, at);
    if (head) return head;
    const { n, tickMs } = v as { n: number; tickMs: number };
    const phase = int(0, tickMs * 1000 - 1);
    return fields({
      coalition: int(0, n),
      floodFactor: drawnBy(floodFactor, 'one of 1, 4, 16, 64 or a factor to 0.01 in [1, 64]'),
      durationTicks: int(1, options.maxTicks ?? 60),
      phasesUs: arrayOf(tuple(phase, phase), n, n),
      jitterUs: options.jitter ? int(0, (tickMs * 1000) / 2) : oneOf([0]),
      jitterSeed: int(-(2 ** 31), 2 ** 31 - 1),
    })(v, at);
  };
}

/**
 * Tick periods of an honest stream at its natural rate: 50 ms (Coherence-BFD V3), 1 s and up to 10 s, where the
 * §4.2 budget read literally (burst_factor * 1000 / T_tick_ms tokens) falls below one token.
 */
export const steadyTickMs = fc.constantFrom(50, 1000, 2500, 5000, 10_000);

/** The length of a steady honest stream: 1 to 20 ticks. */
export const steadyTicks = fc.integer({ min: 1, max: 20 });

/** An episode of one kind; multipliers and lengths lean to the draft's stated maxima (the worst case is the claim). */
const episode = (kind: BurstEpisode['kind'], [lo, hi]: [number, number], [minTicks, maxTicks]: [number, number]) =>
  fc.record({
    kind: fc.constant(kind),
    startTick: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 })),
    durationTicks: fc.oneof(fc.constant(maxTicks), fc.integer({ min: minTicks, max: maxTicks })),
    multiplier: fc.oneof(fc.constant(hi), centiFactor(lo, hi)),
  });

/**
 * A legitimate stream: each burst source of draft §4.2 at most once, within the ranges it gives
 * (jitter 1.2-1.5x, BGP 2-3x for "one to a few seconds", recalibration up to 1.3x over 600 ticks),
 * overlapping freely. "A few" is read as up to BURST_SECONDS (default 5); jitter lasts from one tick up to as
 * long: the draft's own worst case (1.5 * 3 * 1.3) compounds it with a BGP batch.
 */
export function legitStream(options: { burstSeconds?: number } = {}): fc.Arbitrary<LegitStream> {
  const seconds = options.burstSeconds ?? 5;
  return checked(
    fc.constantFrom(...LEGIT_TICKS).chain((tickMs) => {
      const [jitter, bgp, recalibration] = episodesFor(tickMs, seconds);
      return fc.record({
        tickMs: fc.constant(tickMs),
        phaseUs: fc.integer({ min: 0, max: tickMs * 1000 - 1 }),
        episodes: fc
          .tuple(fc.option(jitter), fc.option(bgp), fc.option(recalibration))
          .map((es) => es.filter((e): e is BurstEpisode => e !== null)),
        durationTicks: fc.integer({ min: 1, max: ticksIn(8, tickMs) + 40 }),
      });
    }),
    legitStreamDomain(seconds),
  );
}

/** The three episode generators at TICKMS, in the order a stream lists them; bursts last up to SECONDS. */
function episodesFor(tickMs: number, seconds: number) {
  return [
    episode('jitter', [1.2, 1.5], [1, ticksIn(seconds, tickMs)]),
    episode('bgp', [2, 3], [ticksIn(1, tickMs), ticksIn(seconds, tickMs)]),
    episode('recalibration', [1, 1.3], [600, 600]),
  ] as const;
}

/**
 * What legitStream() draws: each kind of episode at most once, in the order jitter, BGP, recalibration, in its ranges.
 */
const legitStreamDomain =
  (seconds: number): Check =>
  (v, at) => {
    const head =
      keys(['tickMs', 'phaseUs', 'episodes', 'durationTicks'])(v, at) ?? fields({ tickMs: oneOf(LEGIT_TICKS) })(v, at);
    if (head) return head;
    const { tickMs } = v as { tickMs: number };
    const kinds = episodesFor(tickMs, seconds);
    const ofKind = (e: unknown) => kinds.findIndex((k) => k.canShrinkWithoutContext(e));
    const episodesCheck: Check = (es, where) =>
      arrayOf(
        (e, w) =>
          ofKind(e) >= 0 ? null : `${w} is not a jitter, BGP or recalibration episode in the ranges of draft §4.2`,
        0,
        3,
      )(es, where) ??
      ((es as unknown[]).every((e, i) => i === 0 || ofKind(e) > ofKind((es as unknown[])[i - 1]))
        ? null
        : `${where} must list each kind at most once, jitter then BGP then recalibration`);
    return fields({
      phaseUs: int(0, tickMs * 1000 - 1),
      episodes: episodesCheck,
      durationTicks: int(1, ticksIn(8, tickMs) + 40),
    })(v, at);
  };
