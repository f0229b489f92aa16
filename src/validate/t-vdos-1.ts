/**
 * Validator checks for T-VDOS-1 (draft §4): the two simulators agree, Regime D runs in closed form,
 * the printed numbers are as pinned, the searches hold or replay their refutations, the B.2
 * receipt and the vectors match the model.
 */
import { DEFAULT_POLICY } from '../../model/token-bucket.js';
import { simulateAggregated } from '../../model/vdos-aggregate.js';
import { floodCost } from '../../model/vdos-cost.js';
import { simulateExact } from '../../model/vdos-exact.js';
import { loadConstants } from '../lib/constants.js';
import { VDOS_QUANTITIES } from '../lib/vdos-quantities.js';
import { receiptCheck, vectorsCheck } from './artifact-checks.js';
import { claimsCheck } from './claims-checks.js';
import type { Check } from './registry.js';
import { searchCheck } from './search-checks.js';

const q = () => VDOS_QUANTITIES;

/** The T-VDOS-1 checks. */
export const T_VDOS_1_CHECKS: readonly Check[] = [
  {
    id: 'check:t-vdos-1/sims-agree',
    title: 'per-packet and aggregated simulators admit the same packets (N=20, 10 s, floods 1-64, default factors)',
    section: '§4.2',
    run: () => {
      const off: number[] = [];
      for (const f of [1, 3.5, 4, 16, 64]) {
        const s = {
          n: 20,
          tickMs: 50,
          coalition: 12,
          floodFactor: f,
          durationTicks: 200,
          phasesUs: Array.from({ length: 20 }, (_, v) => [(v * 7919) % 50_000, (v * 104_729) % 50_000] as const),
        };
        if (JSON.stringify(simulateExact(s, DEFAULT_POLICY)) !== JSON.stringify(simulateAggregated(s, DEFAULT_POLICY)))
          off.push(f);
      }
      return off.length
        ? { pass: false, detail: `disagree at flood ${off.join(', ')}` }
        : { pass: true, detail: '5 flood factors, identical counts per path' };
    },
  },
  {
    id: 'check:t-vdos-1/regime-d',
    title: 'Regime D scale (N=100 000, T_tick=50 ms, flood 1024, 60 s) simulated in closed form',
    section: '§4.3',
    run: () => {
      const s = { n: 100_000, tickMs: 50, coalition: 100_000, floodFactor: 1024, durationTicks: 1200 };
      const r = floodCost(s, simulateAggregated(s, DEFAULT_POLICY), loadConstants().constants_us, {
        rateLimited: true,
      });
      return {
        pass: r.ratio > 0,
        detail:
          `ratio ${r.ratio.toFixed(3)} (${(r.usPerSecond / 1e6).toFixed(1)} cores), ` +
          `${r.dropped.toLocaleString('en-US')} packets dropped`,
      };
    },
  },
  claimsCheck(
    'check:t-vdos-1/table',
    'the §4.4 table and its prose (ratios with and without rate limit, bound, baseline, cores)',
    '§4.4',
    't-vdos-1',
    ['VDOS-4.4-'],
    q,
  ),
  claimsCheck(
    'check:t-vdos-1/prose',
    'the numbers of §2.2 (insider cost), §4.2 (worst burst), §4.3 (slope) and §9',
    '§2.2',
    't-vdos-1',
    ['VDOS-2.2-', 'VDOS-4.2-', 'VDOS-4.3', 'VDOS-9-'],
    q,
  ),
  searchCheck('T-VDOS-1'),
  receiptCheck('T-VDOS-1', 'App. B.2'),
  vectorsCheck('T-VDOS-1', '§4.2', 't-vdos-1.json'),
];
