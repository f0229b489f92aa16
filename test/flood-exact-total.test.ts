/**
 * Issue 20 Deliver 6: the aggregated flood simulator's counts, summed over paths A and B by `perfsec dimension` and
 * the receipts, stay exact integers or the scenario is refused (model/vdos-aggregate.ts packetBoundBothPaths). The
 * edge is pinned: the largest duration whose two-path total is at most 2^53 - 1 gives the exact count, one tick more
 * is refused in one line naming 2^53.
 */
import { describe, expect, test } from 'vitest';
import { FloodError, type FloodScenario } from '../model/flood.js';
import { DEFAULT_POLICY } from '../model/token-bucket.js';
import { packetBoundBothPaths, simulateAggregated } from '../model/vdos-aggregate.js';
import { perfsec } from './cli-harness.js';

// 10^6 flooders at 5.01x, T_tick 1 ms: ceil(5.01 D) packets per flooder and path, the two-path total reaches 2^53
// before arrival times (1000 D * 501) or one path's count do.
const S: FloodScenario = { n: 1_000_000, tickMs: 1, coalition: 1_000_000, floodFactor: 5.01, durationTicks: 1 };
const EDGE = 898_922_081; // largest D with 2 * 10^6 * ceil(5.01 D) <= 2^53 - 1
const TOTAL = 9_007_199_252_000_000; // 2 * 10^6 * 4 503 599 626, exact (ceil(5.01 * 898 922 081) = 4 503 599 626)

describe('exact packet totals of the aggregated flood simulator', () => {
  test('the bound is exact bigint arithmetic and EDGE is its last duration below 2^53', () => {
    expect(packetBoundBothPaths({ ...S, durationTicks: EDGE })).toBe(BigInt(TOTAL));
    expect(packetBoundBothPaths({ ...S, durationTicks: EDGE + 1 })).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
  });

  test('at the edge the two paths add up to the exact count, with and without the rate limit', () => {
    const r = simulateAggregated({ ...S, durationTicks: EDGE }, null);
    expect(r.arrived.A).toBe(4_503_599_626_000_000);
    expect(r.arrived.A + r.arrived.B).toBe(TOTAL);
    const l = simulateAggregated({ ...S, durationTicks: EDGE }, DEFAULT_POLICY);
    expect(l.arrived.A + l.arrived.B).toBe(TOTAL);
    expect(Number.isSafeInteger(l.admitted.A + l.admitted.B)).toBe(true);
  });

  test('one tick more is refused in one line naming the duration and 2^53', () => {
    const f = () => simulateAggregated({ ...S, durationTicks: EDGE + 1 }, null);
    expect(f).toThrow(FloodError);
    expect(f).toThrow(
      new RegExp(
        `^durationTicks ${EDGE + 1} \\(tickMs 1, .*over both paths past 2\\^53, where integers stop being exact$`,
      ),
    );
  });

  test('perfsec dimension refuses a flood whose two-path total passes 2^53 with exit 2', async () => {
    // 10^5 vantages at 1024x for a day at 1 ms: 8.8 * 10^15 per path (exact), 1.77 * 10^16 over both (not)
    const r = await perfsec('dimension', '--n', '100000', '--tick-ms', '1', '--flood', '1024', '--duration-s', '86400');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/over both paths past 2\^53, where integers stop being exact/);
  });
});
