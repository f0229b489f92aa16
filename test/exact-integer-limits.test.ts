/**
 * The flood simulators count in integers (µs, token units, packets) and refuse a scenario whose counts would pass
 * 2^53, where doubles stop being exact integers (model/flood.ts checkScenario, model/vdos-aggregate.ts). Each
 * limit is checked at its edge: the largest duration inside it is accepted, one tick more is refused, the other
 * limits being far away.
 */
import { describe, expect, test } from 'vitest';
import { checkScenario, FloodError, tickUs, type FloodScenario } from '../model/flood.js';
import { bucketParams, DEFAULT_POLICY } from '../model/token-bucket.js';
import { simulateAggregated } from '../model/vdos-aggregate.js';

const MAX = Number.MAX_SAFE_INTEGER;

/** The largest whole D with size(D) <= 2^53 - 1, for SIZE increasing in D (exact integer arithmetic below it). */
function edge(size: (d: number) => number): number {
  let lo = 1;
  let hi = 2 ** 52;
  while (lo < hi) {
    const mid = Math.floor((lo + hi + 1) / 2);
    if (size(mid) <= MAX) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Refused with a FloodError naming the duration and the 2^53 limit. */
const refused = (f: () => unknown, d: number) => {
  expect(f).toThrow(FloodError);
  expect(f).toThrow(new RegExp(`^durationTicks ${d} \\(tickMs .*past 2\\^53, where integers stop being exact$`));
};

describe('exact integer limits of the flood simulators', () => {
  test('arrival times: T_tick * D * f100 + 100 T_tick µs stays below 2^53', () => {
    const s: FloodScenario = { n: 1, tickMs: 1000, coalition: 1, floodFactor: 1, durationTicks: 1 };
    const d = edge((x) => tickUs(s) * x * 100 + tickUs(s) * 100);
    expect(() => checkScenario({ ...s, durationTicks: d })).not.toThrow();
    refused(() => checkScenario({ ...s, durationTicks: d + 1 }), d + 1);
  });

  test('packet counts: honest D each, flooders ceil(f D) + 1 each, stay below 2^53', () => {
    const s: FloodScenario = { n: 1000, tickMs: 0.001, coalition: 1, floodFactor: 1, durationTicks: 1 };
    const d = edge((x) => (s.n - s.coalition) * x + s.coalition * (Math.ceil(s.floodFactor * x) + 1));
    expect(tickUs(s) * d * 100 + 100).toBeLessThan(MAX); // the arrival-time limit is not the one reached
    expect(() => checkScenario({ ...s, durationTicks: d })).not.toThrow();
    refused(() => checkScenario({ ...s, durationTicks: d + 1 }), d + 1);
  });

  test('token units: capacity + refill over the whole flood stay below 2^53', () => {
    const s: FloodScenario = { n: 1, tickMs: 0.001, coalition: 1, floodFactor: 1, durationTicks: 1 };
    const b = bucketParams(tickUs(s), DEFAULT_POLICY);
    const d = edge((x) => b.capacityUnits + tickUs(s) * x * b.refillPerUs);
    expect(() => checkScenario({ ...s, durationTicks: d + 1 })).not.toThrow(); // the flood itself is exact
    expect(simulateAggregated({ ...s, durationTicks: d }, DEFAULT_POLICY).arrived.A).toBe(d);
    refused(() => simulateAggregated({ ...s, durationTicks: d + 1 }, DEFAULT_POLICY), d + 1);
  });

  test('token units may reach 2^53 - 1 exactly, the largest exact integer', () => {
    // rate_limit_factor 2.01 and burst_factor 2.83: capacity 2.83e8 units, refill 201 units per µs, and
    // 2.83e8 + 201 * 44 811 935 182 791 = 2^53 - 1
    const policy = { ...DEFAULT_POLICY, rateLimitFactor: 2.01, burstFactor: 2.83 };
    const s: FloodScenario = { n: 1, tickMs: 0.001, coalition: 1, floodFactor: 1, durationTicks: 44_811_935_182_791 };
    const b = bucketParams(tickUs(s), policy);
    expect(b.capacityUnits + tickUs(s) * s.durationTicks * b.refillPerUs).toBe(MAX);
    expect(simulateAggregated(s, policy).arrived.A).toBe(s.durationTicks);
    refused(() => simulateAggregated({ ...s, durationTicks: s.durationTicks + 1 }, policy), s.durationTicks + 1);
  });
});
