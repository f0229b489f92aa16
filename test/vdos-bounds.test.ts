/**
 * The T-VDOS-1 pieces the searches only bound from one side, pinned case by case: the token-bucket
 * bound is attained without a coalition, the conformance criterion is exact at its boundary, a
 * verification costs its path's operations, simultaneous packets share a per-vantage bucket path A
 * first, and the legitimate bursts of draft §4.2 start and stop when they say.
 */
import { describe, expect, test } from 'vitest';
import { legitArrivals, multiplierAt, type LegitStream } from '../model/legit-traffic.js';
import { DEFAULT_POLICY } from '../model/token-bucket.js';
import { conforms, tokenBucketBound } from '../model/vdos-bounds.js';
import { cPath, floodCost, verifyCost } from '../model/vdos-cost.js';
import { simulateExact } from '../model/vdos-exact.js';
import { DRAFT_CONSTANTS as C } from '../src/lib/constants.js';

describe('T-VDOS-1 bounds and costs', () => {
  test('without a coalition the token-bucket bound is exact: 1 + 2 c_xdp / c_path', () => {
    const s = { n: 10, tickMs: 50, coalition: 0, floodFactor: 8, durationTicks: 100 };
    const ratio = floodCost(s, simulateExact(s, DEFAULT_POLICY), C, { rateLimited: true }).ratio;
    expect(tokenBucketBound(s, DEFAULT_POLICY, C)).toBeCloseTo(1 + (2 * C.c_xdp) / cPath(C), 12);
    expect(ratio).toBeCloseTo(tokenBucketBound(s, DEFAULT_POLICY, C), 12);
  });

  test('a verification costs its own path: c_json + c_hmac on A, c_bfd_parse + c_hmac on B (draft §3.1)', () => {
    expect(verifyCost('A', C)).toBeCloseTo(C.c_json + C.c_hmac, 12);
    expect(verifyCost('B', C)).toBeCloseTo(C.c_bfd_parse + C.c_hmac, 12);
  });

  const b = { unitsPerToken: 1000, refillPerUs: 100, capacityUnits: 2000 };
  test.each<[string, number[], boolean]>([
    ['two packets at once into a two-token budget', [0, 0], true],
    ['three packets at once into a two-token budget', [0, 0, 0], false],
    ['a third packet exactly one token of refill later', [0, 0, 10], true],
    ['a third packet one µs too early', [0, 0, 9], false],
    ['no packets', [], true],
  ])('conforms: %s -> %s', (_what, arrivals, expected) => {
    expect(conforms(arrivals, b)).toBe(expected);
  });

  test('a per-vantage bucket with one token left gives it to path A when A and B arrive together', () => {
    const s = { n: 1, tickMs: 1, coalition: 0, floodFactor: 1, durationTicks: 1 };
    const firstOnly = () => {
      let left = 1;
      return { offer: () => left-- > 0 };
    };
    expect(simulateExact(s, { ...DEFAULT_POLICY, scope: 'per-vantage' }, firstOnly).admitted).toEqual({ A: 1, B: 0 });
    expect(simulateExact(s, DEFAULT_POLICY, firstOnly).admitted).toEqual({ A: 1, B: 1 }); // one bucket per path
  });
});

describe('legitimate bursts (draft §4.2)', () => {
  const stream: LegitStream = {
    tickMs: 1,
    phaseUs: 0,
    durationTicks: 10,
    episodes: [
      { kind: 'bgp', startTick: 2, durationTicks: 3, multiplier: 2 },
      { kind: 'jitter', startTick: 4, durationTicks: 2, multiplier: 1.5 },
    ],
  };

  test.each<[number, number]>([
    [0, 1],
    [1999, 1],
    [2000, 2],
    [3999, 2],
    [4000, 3],
    [4999, 3],
    [5000, 1.5],
    [5999, 1.5],
    [6000, 1],
  ])('at %i µs the rate multiplier is %d (episodes start inclusive, end exclusive, overlaps multiply)', (t, m) => {
    expect(multiplierAt(stream, t)).toBe(m);
  });

  test('arrivals follow the multiplier in force and stay inside the stream', () => {
    expect(legitArrivals(stream)).toEqual([
      0, 1000, 2000, 2500, 3000, 3500, 4000, 4333, 4666, 4999, 5332, 5998, 6664, 7664, 8664, 9664,
    ]);
    expect(legitArrivals({ ...stream, episodes: [], phaseUs: 0, durationTicks: 3 })).toEqual([0, 1000, 2000]);
  });
});
