/**
 * The aggregated T-VDOS-1 simulator, checked without a random search: on an exhaustive grid of small
 * scenarios it counts exactly what the per-packet simulator counts, and its closed form covers
 * exactly the two cases it claims (draft §4.4 Regime D scale depends on them), with the boundaries
 * of each case in a table.
 */
import { describe, expect, test } from 'vitest';
import type { FloodScenario } from '../model/flood.js';
import { TokenBucket, type BucketParams, type CapacityReading, type RateLimitPolicy } from '../model/token-bucket.js';
import { closedFormAdmitted, simulateAggregated, type FloodStream } from '../model/vdos-aggregate.js';
import { simulateExact } from '../model/vdos-exact.js';

/** Every combination of the listed values. */
function* grid(): Generator<[FloodScenario, RateLimitPolicy]> {
  for (const tickMs of [0.005, 0.01, 1000, 2000, 4000]) {
    // long ticks: a §4.2 budget of one or two tokens
    const t = Math.round(tickMs * 1000);
    for (const floodFactor of [1, 1.01, 1.5, 2, 3.33, 4, 7.5, 16]) {
      for (const durationTicks of [1, 3, 10]) {
        for (const coalition of [1, 3]) {
          const s = {
            n: 3,
            tickMs,
            coalition,
            floodFactor,
            durationTicks,
            phasesUs: [
              [0, 0],
              [t - 1, Math.floor(t / 2)],
              [Math.floor(t / 3), 0],
            ] as Array<[number, number]>,
          };
          for (const rateLimitFactor of [2, 2.5, 4]) {
            for (const burstFactor of [2, 3, 8]) {
              for (const capacity of ['rate-times-1s', 'ticks'] as CapacityReading[]) {
                yield [s, { rateLimitFactor, burstFactor, scope: 'per-path', capacity }];
              }
            }
          }
        }
      }
    }
  }
}

describe('aggregated simulator', () => {
  test('counts exactly what the per-packet simulator counts on every scenario of a small grid', () => {
    const disagreements: string[] = [];
    let n = 0;
    for (const [s, p] of grid()) {
      n++;
      const [agg, exact] = [simulateAggregated(s, p), simulateExact(s, p)];
      if (JSON.stringify(agg) !== JSON.stringify(exact)) disagreements.push(JSON.stringify({ s, p, agg, exact }));
    }
    expect(n).toBe(4320);
    expect(disagreements.slice(0, 3)).toEqual([]);
  });

  test('without a rate limiter everything that arrives is admitted', () => {
    const s = { n: 3, tickMs: 10, coalition: 2, floodFactor: 2.5, durationTicks: 7 };
    expect(simulateAggregated(s, null)).toEqual(simulateExact(s, null));
    expect(simulateAggregated(s, null).admitted).toEqual(simulateAggregated(s, null).arrived);
  });
});

/** What a token bucket admits from the stream, packet by packet. */
function enumerate(f: FloodStream, b: BucketParams): number {
  const bucket = new TokenBucket(b);
  return Array.from({ length: f.n }, (_, i) => f.phase + Math.floor((i * f.t100) / f.f100)).filter((t) =>
    bucket.offer(t),
  ).length;
}

// U = 1000 units per token (T = 10 µs, so t100 = 1000); R units per µs; C units of budget.
const B = (R: number, C: number): BucketParams => ({ unitsPerToken: 1000, refillPerUs: R, capacityUnits: C });
const S = (f100: number): FloodStream => ({ n: 50, phase: 3, t100: 1000, f100 });

describe('closed form of one flooding bucket', () => {
  test.each<[string, FloodStream, BucketParams, 'closed' | 'enumerated']>([
    ['refill keeps up, budget exactly 2U + R', S(300), B(300, 2300), 'closed'],
    ['refill keeps up, budget one unit short', S(300), B(300, 2299), 'enumerated'],
    ['refill equal to the flood rate, budget 2U', S(250), B(250, 2000), 'enumerated'],
    ['refill equal to the flood rate, budget 2U + R', S(250), B(250, 2250), 'closed'],
    ['draining, budget exactly 2U, R * max gap exactly U', S(251), B(250, 2000), 'closed'],
    ['draining, budget one unit short of 2U', S(251), B(250, 1999), 'enumerated'],
    ['draining, R * max gap above U', S(252), B(251, 2000), 'enumerated'],
    ['a budget of exactly one token', S(251), B(250, 1000), 'enumerated'],
    ['a budget of less than one token admits nothing', S(251), B(250, 999), 'closed'],
  ])('%s: %s', (_what, f, b, expected) => {
    const closed = closedFormAdmitted(f, b);
    expect(closed === undefined ? 'enumerated' : 'closed').toBe(expected);
    if (closed !== undefined) expect(closed).toBe(enumerate(f, b));
  });

  test('a draining bucket admits its budget plus the refill up to the last packet, and no more than arrive', () => {
    expect(closedFormAdmitted(S(400), B(100, 5000))).toBe(
      Math.floor((5000 + 100 * Math.floor((49 * 1000) / 400)) / 1000),
    );
    expect(closedFormAdmitted({ ...S(400), n: 3 }, B(100, 5000))).toBe(3);
    expect(enumerate(S(400), B(100, 5000))).toBe(closedFormAdmitted(S(400), B(100, 5000)));
  });
});
