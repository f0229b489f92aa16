/**
 * Throughput of the T-JCOST-1 model: the closed form, and the per-packet accounting that checks
 * it (one Regime C bundle period, 200 000 packets plus 16 bundles). Speed is measured here, never
 * asserted in tests.
 */
import { bench, describe } from 'vitest';
import { joint } from '../model/joint-cost.js';
import { account } from '../model/ledger.js';
import { deploymentOf, loadClaims } from '../src/lib/claims.js';
import { loadConstants } from '../src/lib/constants.js';

const c = loadConstants().constants_us;
const d = deploymentOf(loadClaims('t-jcost-1').scenarios['regime-c']!);
const quiet = {
  bundlePeriods: 1,
  vantagePhasesUs: Array<number>(d.n).fill(0),
  cellPhasesUs: Array<number>(d.cellsK).fill(0),
  attackPps: 0,
};

describe('T-JCOST-1 model', () => {
  bench('closed form JOINT at Regime C', () => {
    joint(d, c);
  });
  bench(
    'per-packet accounting of one Regime C bundle period (200k packets)',
    () => {
      account(d, quiet, c);
    },
    { iterations: 20 },
  );
  bench(
    'same, with a 10 Mpps external attack dropped at the NIC (5M more packets)',
    () => {
      account(d, { ...quiet, attackPps: 10_000_000 }, c);
    },
    { iterations: 3 },
  );
});
