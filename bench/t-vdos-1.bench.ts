/**
 * T-VDOS-1 simulators: the aggregated one at Regime D scale (N = 100 000, flood 1024, 60 s; the
 * issue's target is about a second), and the per-packet one on the small cases it exists for.
 */
import { bench, describe } from 'vitest';
import { DEFAULT_POLICY } from '../model/token-bucket.js';
import { simulateAggregated } from '../model/vdos-aggregate.js';
import { simulateExact } from '../model/vdos-exact.js';

const regimeD = { n: 100_000, tickMs: 50, coalition: 100_000, floodFactor: 1024, durationTicks: 1200 };
const small = { n: 20, tickMs: 50, coalition: 20, floodFactor: 64, durationTicks: 200 };

describe('T-VDOS-1 simulators', () => {
  bench(
    'aggregated, Regime D: N=100 000, flood 1024, 60 s (245 billion packets)',
    () => {
      simulateAggregated(regimeD, DEFAULT_POLICY);
    },
    { iterations: 10 },
  );
  bench(
    'per-packet, N=20, flood 64, 10 s (512 000 packets)',
    () => {
      simulateExact(small, DEFAULT_POLICY);
    },
    { iterations: 5 },
  );
  bench('aggregated, same small case', () => {
    simulateAggregated(small, DEFAULT_POLICY);
  });
});
