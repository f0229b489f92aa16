/**
 * The insider flood of draft §2.2/§4.3 as both simulators consume it: which scenarios are in the
 * domain (a table of reject reasons), when each vantage sends on each path, and what jitter does
 * (delays only, inside the run, reproducible from its seed). Both simulators share this code, so
 * their agreement cannot check it; these tests do.
 */
import { describe, expect, test } from 'vitest';
import { arrivals, checkScenario, FloodError, nominalUs, phaseOf, type FloodScenario } from '../model/flood.js';

const base: FloodScenario = {
  n: 2,
  tickMs: 0.1,
  coalition: 1,
  floodFactor: 1.5,
  durationTicks: 4,
  phasesUs: [
    [10, 70],
    [0, 99],
  ],
};

describe('flood scenario domain', () => {
  test.each<[string, Partial<FloodScenario>, RegExp]>([
    ['no vantage', { n: 0, phasesUs: undefined }, /^n must be an integer >= 1, got 0$/],
    ['a fractional N', { n: 1.5, phasesUs: undefined }, /^n must be an integer >= 1, got 1\.5$/],
    ['a zero duration', { durationTicks: 0 }, /^durationTicks must be an integer >= 1, got 0$/],
    ['a negative coalition', { coalition: -1 }, /^coalition must be an integer >= 0, got -1$/],
    ['a coalition above N', { coalition: 3 }, /^coalition must be <= n \(2\), got 3$/],
    ['a zero tick', { tickMs: 0 }, /^tickMs must be positive and a whole number of µs, got 0$/],
    ['a tick that is not whole µs', { tickMs: 0.0995 }, /^tickMs must be positive/],
    ['a flood factor below 1', { floodFactor: 0.99 }, /^floodFactor must be >= 1 and a multiple of 0\.01, got 0\.99$/],
    ['a flood factor finer than 0.01', { floodFactor: 1.505 }, /^floodFactor must be >= 1/],
    ['phases for the wrong number of vantages', { phasesUs: [[0, 0]] }, /^phasesUs must have n = 2 entries, got 1$/],
    [
      'a phase of one whole tick',
      {
        phasesUs: [
          [0, 0],
          [100, 0],
        ],
      },
      /^phasesUs must be whole µs in \[0, T_tick\)$/,
    ],
    [
      'a negative phase',
      {
        phasesUs: [
          [0, -1],
          [0, 0],
        ],
      },
      /^phasesUs must be whole µs/,
    ],
    [
      'a fractional phase',
      {
        phasesUs: [
          [0, 0],
          [0, 0.5],
        ],
      },
      /^phasesUs must be whole µs/,
    ],
  ])('%s is rejected', (_what, change, message) => {
    expect(() => checkScenario({ ...base, ...change })).toThrow(FloodError);
    expect(() => checkScenario({ ...base, ...change })).toThrow(message);
  });

  test.each<[string, Partial<FloodScenario>]>([
    ['the smallest tick, 1 µs', { tickMs: 0.001, phasesUs: undefined }],
    ['flood factor 1 (the natural rate)', { floodFactor: 1 }],
    ['flood factor given to 0.01', { floodFactor: 2.01 }],
    ['every vantage in the coalition', { coalition: 2 }],
    ['no coalition', { coalition: 0 }],
    [
      'the last µs of the tick as phase',
      {
        phasesUs: [
          [99, 99],
          [0, 0],
        ],
      },
    ],
  ])('%s is accepted', (_what, change) => {
    expect(checkScenario({ ...base, ...change })).toEqual({ ...base, ...change });
  });
});

describe('when each vantage sends', () => {
  test('path A takes the first phase of a vantage, path B the second; no phases means 0', () => {
    expect([phaseOf(base, 0, 'A'), phaseOf(base, 0, 'B'), phaseOf(base, 1, 'A'), phaseOf(base, 1, 'B')]).toEqual([
      10, 70, 0, 99,
    ]);
    expect(phaseOf({ ...base, phasesUs: undefined }, 1, 'B')).toBe(0);
  });

  test(
    'an honest vantage sends once per tick from its phase; a ' +
      'flooder every T / flood_factor, rounded down to the µs',
    () => {
      expect(arrivals(base, 1, 'A')).toEqual([0, 100, 200, 300]);
      expect(arrivals(base, 1, 'B')).toEqual([99, 199, 299, 399]);
      expect(arrivals(base, 0, 'A')).toEqual([10, 76, 143, 210, 276, 343]); // 10 + floor(i * 100 / 1.5)
      expect(arrivals(base, 0, 'B')).toEqual([70, 136, 203, 270, 336]); // the next, 403, is past the 400 µs run
      expect(nominalUs(base, 0, 'A', 3)).toBe(210);
    },
  );
});

describe('jitter', () => {
  const jittered = { ...base, jitterUs: 40, jitterSeed: 5 };

  test('reproduces from its seed: these arrivals for seed 5, every time', () => {
    expect([0, 1].flatMap((v) => (['A', 'B'] as const).map((p) => arrivals(jittered, v, p)))).toEqual([
      [43, 99, 146, 230, 306, 354],
      [75, 154, 243, 298, 363],
      [18, 108, 220, 303],
      [130, 231, 306, 399],
    ]);
  });

  test('draws differ by seed, and an absent seed is seed 0', () => {
    expect(arrivals({ ...jittered, jitterSeed: 6 }, 0, 'A')).not.toEqual(arrivals(jittered, 0, 'A'));
    expect(arrivals({ ...jittered, jitterSeed: undefined }, 0, 'A')).toEqual(
      arrivals({ ...jittered, jitterSeed: 0 }, 0, 'A'),
    );
  });

  test('only delays: sorted, each at or after its nominal time, within jitterUs, and inside the run', () => {
    for (const jitterUs of [1, 40, 250]) {
      for (const [v, p] of [
        [0, 'A'],
        [0, 'B'],
        [1, 'A'],
        [1, 'B'],
      ] as const) {
        const got = arrivals({ ...jittered, jitterUs }, v, p);
        const nominal = arrivals(base, v, p);
        expect(got).toHaveLength(nominal.length);
        expect(got).toEqual([...got].sort((a, b) => a - b));
        got.forEach((t, i) => {
          expect(t).toBeGreaterThanOrEqual(nominal[i]!);
          expect(t).toBeLessThanOrEqual(Math.min(nominal[i]! + jitterUs, 399));
        });
      }
    }
  });

  test('a large jitter reorders packets and the output is still in time order', () => {
    const got = arrivals({ ...jittered, jitterUs: 300, durationTicks: 40 }, 0, 'A');
    expect(got).toEqual([...got].sort((a, b) => a - b));
    expect(Math.max(...got)).toBeLessThan(4000);
  });
});
