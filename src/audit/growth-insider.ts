/**
 * Growth checks of the §2.2 insider-flood words: "far above" the natural rate, and k insiders "saturate" X cores.
 */
import type { CostConstants } from '../../model/constants.js';
import { ppsPerPath, TABLE_DEFAULTS } from '../../model/deployment.js';
import { ordersOf } from '../../model/growth.js';
import { cPath } from '../../model/vdos-cost.js';
import { fmt, num, nums, point, type CheckResult, type Params } from './growth-check.js';

/** §2.2: the insider's rate against the natural rate. */
export function farAbove(p: Params): CheckResult {
  const natural = ppsPerPath({ ...TABLE_DEFAULTS, n: 1, tickMs: num(p, 'tick_ms') });
  const ratio = num(p, 'insider_pps') / natural;
  const outcomes = nums(p, 'thresholds').map((t) => ({
    choice: `at least ${t}x`,
    value: `${fmt(ratio)}x (10^${fmt(ordersOf(ratio))})`,
    holds: ratio >= t,
  }));
  return {
    open: [{ name: 'far above', admissible: outcomes.map((o) => o.choice).join(' | '), lines: '§2.2 line 266' }],
    method: 'exhaustive over the thresholds',
    points: outcomes.map((o) => point(o.holds)),
    outcomes,
    note: `natural tick rate ${fmt(natural)} packets/s per path (1000 / T_tick_ms).`,
  };
}

/** §2.2: k insiders at the given rate "saturate" X cores. */
export function saturateCores(p: Params, c: CostConstants): CheckResult {
  const each = (num(p, 'insider_pps') * cPath(c)) / 1e6; // cores, every packet verified (§2.2 lines 288-290)
  const pairs = nums(p, 'coalitions').map((k, i) => ({ k, x: nums(p, 'cores')[i]!, demand: k * each }));
  const tol = num(p, 'about_tol');
  const meanings = [
    { name: 'demand at least X cores', ok: (q: (typeof pairs)[0]) => q.demand >= q.x },
    {
      name: `demand about X cores (within ${tol * 100} %)`,
      ok: (q: (typeof pairs)[0]) => Math.abs(q.demand / q.x - 1) <= tol,
    },
    {
      name: 'k is the smallest coalition reaching X cores',
      ok: (q: (typeof pairs)[0]) => Math.ceil(q.x / each) === q.k,
    },
  ];
  const value = pairs
    .map((q) => `${q.k} insiders: ${fmt(q.demand)} cores (X = ${q.x}; smallest coalition ${Math.ceil(q.x / each)})`)
    .join('; ');
  const outcomes = meanings.map((m) => ({ choice: m.name, value, holds: pairs.every(m.ok) }));
  return {
    open: [
      { name: 'saturate X cores', admissible: meanings.map((m) => m.name).join(' | '), lines: '§2.2 lines 292-293' },
    ],
    method: 'exhaustive over the three meanings',
    points: outcomes.map((o) => point(o.holds)),
    outcomes,
    note: `one insider costs ${fmt(each)} core (c_path = ${fmt(cPath(c))} us per packet pair).`,
  };
}
