/**
 * Growth checks of the magnitude words about the §3.3 scale points: "1-2 orders of magnitude" (Abstract),
 * "approximately 200 times" (§1.1, §3.3), "approximately two orders of magnitude" (App. A). Computed with the closed
 * form (model/joint-cost.ts) at the scale points of spec/claims/t-jcost-1.json.
 */
import type { CostConstants } from '../../model/constants.js';
import { ppsPerPath, type Deployment } from '../../model/deployment.js';
import { nearestOrder, orderBand, ordersOf } from '../../model/growth.js';
import { joint } from '../../model/joint-cost.js';
import type { PointVerdict } from '../lib/claim-verdict.js';
import { deploymentOf, loadClaims, type ClaimsScenario } from '../lib/claims.js';
import { fmt, num, nums, point, str, strs, type CheckResult, type Params } from './growth-check.js';

let jcost: ReturnType<typeof loadClaims> | undefined;

/** A §3.3 scale point of spec/claims/t-jcost-1.json (the file read once). */
export function scalePoint(name: string): { label: string; d: Deployment } {
  jcost ??= loadClaims('t-jcost-1');
  const s: ClaimsScenario | undefined = jcost.scenarios[name];
  if (!s) throw new Error(`growth claim: no scenario '${name}' in spec/claims/t-jcost-1.json`);
  return { label: s.label, d: deploymentOf(s) };
}

export const SCALE_LINES = '§1.1 lines 121-126; §3.3 lines 395-400';

/** Abstract: the scale assumptions (PPS_t) diverge by 1-2 orders of magnitude, pair by pair. */
export function ordersDiverge(p: Params): CheckResult {
  const [lo, hi] = nums(p, 'orders') as [number, number];
  const meanings = [
    { name: `exactly (${lo} <= log10 <= ${hi})`, ok: (o: number) => o >= lo && o <= hi },
    { name: `to the nearest order (round(log10) in ${lo}..${hi})`, ok: (o: number) => o >= lo - 0.5 && o < hi + 0.5 },
  ];
  const outcomes = strs(p, 'ddos_points').flatMap((ddos) => {
    const points = [...strs(p, 'scale_points'), ddos].map(scalePoint);
    const pairs = points.flatMap((a, i) =>
      points
        .slice(i + 1)
        .map((b) => ({ what: `${a.label} / ${b.label}`, o: ordersOf(ppsPerPath(b.d) / ppsPerPath(a.d)) })),
    );
    const value = pairs.map((x) => `${x.what} ${fmt(x.o)}`).join('; ');
    return meanings.map((m) => ({
      choice: `${scalePoint(ddos).label}; ${m.name}`,
      value,
      holds: pairs.every((x) => m.ok(x.o)),
    }));
  });
  return {
    open: [
      {
        name: 'DDoS Resilience scale point',
        admissible: strs(p, 'ddos_points').join(' | '),
        lines: '§1.1 lines 125-126; §1.2 line 166',
      },
      { name: '1-2 orders', admissible: meanings.map((m) => m.name).join(' | '), lines: 'Abstract lines 26-28' },
    ],
    method: "exhaustive: scale point x meaning; every pair of the three drafts' PPS_t, log10 of their ratio",
    points: outcomes.map((o) => point(o.holds)),
    outcomes,
    note: `PPS_t per path (model/deployment.ts) at the scale points, ${SCALE_LINES}.`,
  };
}

/** App. A: sizing from CWT 14.1's HMAC-only figure under-provisions Regime C by about two orders of magnitude. */
export function twoOrders(p: Params, c: CostConstants): CheckResult {
  const ref = scalePoint(str(p, 'reference')).d;
  const at = joint(scalePoint(str(p, 'deployment')).d, c).usPerSecond;
  const k = num(p, 'orders');
  const pps = ppsPerPath(ref);
  const ratio = at / (pps * c.c_hmac); // CWT 14.1: one HMAC per snapshot at the reference scale (§1.1 lines 117-121)
  const meanings = [
    { name: `nearest order: round(log10) = ${k}`, holds: nearestOrder(ratio) === k },
    { name: `band: ${10 ** k}x <= ratio < ${10 ** (k + 1)}x`, holds: orderBand(ratio) === k },
  ];
  const outcomes = meanings.map((m) => ({
    choice: m.name,
    value: `${fmt(ratio, 4)}x = 10^${fmt(ordersOf(ratio))}`,
    holds: m.holds,
  }));
  const axes: Array<[string, number]> = [
    ['parser', pps * (c.c_json + c.c_bfd_parse)],
    ['HMAC of both paths', 2 * pps * c.c_hmac],
    ['witness', joint(ref, c).paths.C.usPerSecond],
    ['JOINT at the reference (198x)', joint(ref, c).usPerSecond],
  ];
  return {
    open: [
      {
        name: 'approximately two orders',
        admissible: meanings.map((m) => m.name).join(' | '),
        lines: 'App. A lines 949-951',
      },
    ],
    method:
      'exhaustive over the two meanings; JOINT by the closed form, CWT 14.1 figure = PPS_t * c_hmac at the reference',
    points: outcomes.map((o) => point(o.holds)),
    outcomes,
    note:
      `Against other single figures at the reference scale the factor is: ` +
      axes.map(([n, us]) => `${n} ${fmt(at / us)}x (10^${fmt(ordersOf(at / us))})`).join(', ') +
      '.',
  };
}

/** "approximately X times": JOINT(to) / JOINT(from) against the printed X. */
export function approximately(p: Params, c: CostConstants): CheckResult {
  const from = scalePoint(str(p, 'from'));
  const to = scalePoint(str(p, 'to'));
  const ratio = joint(to.d, c).usPerSecond / joint(from.d, c).usPerSecond;
  const printed = num(p, 'printed');
  const figures = String(printed).replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
  const rows: Array<{ choice: string; verdict: PointVerdict }> = [
    {
      choice: `${printed} at ${figures} significant figure(s)`,
      verdict: Number(ratio.toPrecision(figures)) === printed ? 'holds' : 'refuted',
    },
    ...nums(p, 'tolerances').map((t) => ({
      choice: `within ${t * 100} % of ${printed}`,
      verdict: (Math.abs(ratio / printed - 1) <= t ? 'holds within rounding' : 'refuted') as PointVerdict,
    })),
  ];
  return {
    open: [
      {
        name: 'approximately',
        admissible: rows.map((r) => r.choice).join(' | '),
        lines: '§1.1 line 148; §3.3 line 416',
      },
    ],
    method: 'exhaustive over the readings of "approximately"; JOINT by the closed form',
    points: rows.map((r) => r.verdict),
    outcomes: rows.map((r) => ({ choice: r.choice, value: `${fmt(ratio, 4)}x`, holds: r.verdict !== 'refuted' })),
    note:
      `${to.label} over ${from.label}: PPS_t grows ${fmt(ppsPerPath(to.d) / ppsPerPath(from.d))}x, JOINT ` +
      `${fmt(ratio, 4)}x (path C grows with 1 / T_tick only).`,
  };
}
