/**
 * Growth checks of the words about how the paths' costs grow (§1.1, §3.1, §3.2): "scales linearly with PPS",
 * "a small fixed cost", "amortized across bundle_period_ticks snapshots", "INDEPENDENT of the attack rate R". Computed
 * with the closed form (model/joint-cost.ts) and the per-packet ledger (model/ledger.ts).
 */
import type { CostConstants } from '../../model/constants.js';
import { bundlesPerSecond, ppsPerPath, TABLE_DEFAULTS, type Deployment } from '../../model/deployment.js';
import { asymptotics, doublingGrid, isLinear, spread } from '../../model/growth.js';
import { joint } from '../../model/joint-cost.js';
import { account } from '../../model/ledger.js';
import { noFilter } from '../../model/nic.js';
import { fmt, num, nums, point, span, strs, type CheckResult, type Params } from './growth-check.js';
import { SCALE_LINES, scalePoint } from './growth-scale.js';

/** §1.1: the crypto cost is linear in PPS_t, PPS_t raised through N or through T_tick. */
export function cryptoLinear(p: Params, c: CostConstants): CheckResult {
  const doublings = num(p, 'doublings');
  const viaN = doublingGrid(num(p, 'n_from'), num(p, 'n_from') * 2 ** doublings).map((n) => ({
    ...TABLE_DEFAULTS,
    n,
    tickMs: num(p, 'tick_ms'),
  }));
  const viaT = Array.from({ length: doublings + 1 }, (_, i) => ({
    ...TABLE_DEFAULTS,
    n: num(p, 'n_at'),
    tickMs: num(p, 'tick_from_ms') / 2 ** i,
  }));
  const outcomes = [true, false].flatMap((withEd) => {
    const crypto = { ...c, c_json: 0, c_bfd_parse: 0, c_xdp: 0, c_ed25519: withEd ? c.c_ed25519 : 0 };
    return (
      [
        ['N', viaN],
        ['T_tick', viaT],
      ] as const
    ).map(([via, ds]) => {
      const a = asymptotics(
        ds.map(ppsPerPath),
        ds.map((d) => joint(d, crypto).usPerSecond),
      );
      return {
        choice: `${withEd ? 'HMAC + Ed25519' : 'HMAC only'}, PPS_t raised through ${via}`,
        value:
          `exponent ${fmt(a.exponent, 4)}, cost / PPS_t -> ${fmt(a.slope, 4)} us, ` +
          `cost(2x)/cost(x) ${fmt(a.doubling, 4)}`,
        holds: isLinear(a),
      };
    });
  });
  return {
    open: [
      {
        name: 'crypto cost',
        admissible: 'HMAC of paths A and B | that plus Ed25519 of path C',
        lines: '§1.1 lines 128-138',
      },
      { name: 'how PPS_t grows', admissible: 'through N | through T_tick', lines: '§1.3 lines 215-216' },
    ],
    method: `exhaustive: 2 x 2; PPS_t doubling ${doublings} times, closed form with non-crypto constants set to 0`,
    points: outcomes.map((o) => point(o.holds)),
    outcomes,
    note: 'Path C depends on T_tick, not N: through N the crypto cost is affine in PPS_t, still linear growth.',
  };
}

/** §3.1: path C's cost is small and fixed. */
export function smallFixed(p: Params, c: CostConstants): CheckResult {
  const pts = strs(p, 'scale_points').map(scalePoint);
  const pathC = pts.map(({ d }) => joint(d, c).paths.C.usPerSecond);
  const shares = pts.map(({ d }, i) => pathC[i]! / joint(d, c).usPerSecond);
  const fixedInN = pts.every(({ d }, i) => joint({ ...d, n: d.n * 10 }, c).paths.C.usPerSecond === pathC[i]);
  const fixedAcross = spread(pathC) === 1;
  const fixed = [
    { name: 'fixed in N', holds: fixedInN },
    { name: 'fixed across the scale points', holds: fixedAcross },
  ];
  const outcomes = fixed.flatMap((f) =>
    nums(p, 'small').map((s) => ({
      choice: `${f.name}; small = at most ${s * 100} % of JOINT`,
      value: `path C ${span(pathC)} us/s, ${span(shares.map((x) => x * 100))} % of JOINT`,
      holds: f.holds && Math.max(...shares) <= s,
    })),
  );
  return {
    open: [
      { name: 'fixed', admissible: fixed.map((f) => f.name).join(' | '), lines: '§3.1 lines 345-355' },
      {
        name: 'small',
        admissible: nums(p, 'small')
          .map((s) => `<= ${s * 100} %`)
          .join(' | '),
        lines: '§3.1 line 354',
      },
    ],
    method:
      `exhaustive: 2 x ${nums(p, 'small').length}, closed form at the scale points (${SCALE_LINES}), ` +
      'N x 10 for "fixed in N"',
    points: outcomes.map((o) => point(o.holds)),
    outcomes,
    note: 'path C = cells_k / (bundle_period_ticks * T_tick_s) * q * c_ed25519: independent of N, ∝ 1 / T_tick.',
  };
}

/** §3.1: the snapshots a bundle's verification is amortized across. */
export function amortized(p: Params): CheckResult {
  const pts = strs(p, 'scale_points').map(scalePoint);
  const perBundle = pts.map(({ d }) => ppsPerPath(d) / bundlesPerSecond(d));
  // ticks between two bundles of one cell
  const perVantage = pts.map(({ d }) => d.cellsK / bundlesPerSecond(d) / (d.tickMs / 1000));
  const readings = [
    { name: 'snapshots the broker receives per bundle', values: perBundle },
    { name: 'snapshots one vantage sends per bundle period', values: perVantage },
  ];
  const outcomes = readings.map((r) => ({
    choice: r.name,
    value: `${span(r.values)} snapshots (bundle_period_ticks ${span(pts.map(({ d }) => d.bundlePeriodTicks))})`,
    holds: r.values.every((v, i) => Math.abs(v - pts[i]!.d.bundlePeriodTicks) < 1e-9),
  }));
  return {
    open: [
      {
        name: 'snapshots per bundle',
        admissible: readings.map((r) => r.name).join(' | '),
        lines: '§3.1 lines 345-354',
      },
    ],
    method: `exhaustive over the two readings at the scale points (${SCALE_LINES})`,
    points: outcomes.map((o) => point(o.holds)),
    outcomes,
    note: 'a bundle covers its cell: N / cells_k vantages times bundle_period_ticks ticks.',
  };
}

/** §3.2: under I1 the broker CPU does not depend on the external attack rate R. */
export function independentOfAttackRate(p: Params, c: CostConstants): CheckResult {
  const d: Deployment = { ...TABLE_DEFAULTS, n: num(p, 'n'), tickMs: num(p, 'tick_ms') };
  const traffic = (attackPps: number) => ({ bundlePeriods: 1, vantagePhasesUs: [], cellPhasesUs: [], attackPps });
  const rates = nums(p, 'rates');
  const cost = rates.map((r) => account(d, traffic(r), c).usPerSecond);
  const open = rates.map((r) => account(d, traffic(r), c, noFilter).usPerSecond);
  const outcomes = [
    {
      choice: 'NIC under invariant I1',
      value: `broker CPU ${span(cost)} us/s at R = ${rates.join(', ')} pps`,
      holds: spread(cost) === 1,
    },
  ];
  return {
    open: [
      { name: 'attack rate R', admissible: `any (searched ${rates.join(', ')} pps)`, lines: '§3.2 lines 374-381' },
    ],
    method: `per-packet ledger over one bundle period, N = ${d.n}, T_tick = ${d.tickMs} ms, every rate searched`,
    points: outcomes.map((o) => point(o.holds)),
    outcomes,
    note: `Without I1 (every packet reaching the CPU) the same ledger grows ${fmt(spread(open))}x over these rates.`,
  };
}
