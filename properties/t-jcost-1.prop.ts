/**
 * T-JCOST-1 (draft §3): the broker's CPU cost is the sum of three paths, A (CWT snapshot: decode
 * + HMAC), B (BFD push: parse + HMAC) and C (q cosignatures per bundle), each counted once, and
 * it does not depend on the external attack rate while invariant I1 holds.
 *
 * Model: model/joint-cost.ts (closed form), model/ledger.ts (per-packet accounting), model/nic.ts
 * (the I1 filter). Generators: properties/generators.ts (N from 1, ticks of 1 ms to 2 s, quorum
 * 0..7, 1..16 cells, the draft's constants or any positive ones, attack rates from 0).
 * The draft's printed numbers (§1.1, §3.3, App. A) come from spec/claims/t-jcost-1.json, each
 * computed with the model at the draft's printed precision. The Appendix A witness line is refuted:
 * 8 cells / (10 ticks * 0.05 s) is 16 bundles/s, not 1.6; the printed JOINT already uses 16.
 */
import type { CostConstants } from '../model/constants.js';
import type { Deployment } from '../model/deployment.js';
import { closedForm, PATHS, type CostModel } from '../model/joint-cost.js';
import { account } from '../model/ledger.js';
import { invariantI1, type NicFilter } from '../model/nic.js';
import { costConstants, costIncrement, deployment, scaleFactor, scenario } from './generators.js';
import { jointCostQuantities, printedExamples } from '../src/lib/claims.js';
import { loadConstants } from '../src/lib/constants.js';
import { claim } from '../src/engine/claim.js';
import { near } from '../src/lib/tolerance.js';
import { theorem } from '../src/engine/declare-theorem.js';

/** What T-JCOST-1's properties check: a cost model and the NIC filter in front of the broker. */
export interface JointCostSubject {
  readonly cost: CostModel;
  readonly nic: NicFilter;
}

const scaleN = (d: Deployment, m: number): Deployment => ({ ...d, n: d.n * m });
const scaleTick = (d: Deployment, m: number): Deployment => ({ ...d, tickMs: d.tickMs * m });
const plusHmac = (c: CostConstants, delta: number): CostConstants => ({ ...c, c_hmac: c.c_hmac + delta });

export default theorem<JointCostSubject>(import.meta, {
  id: 'T-JCOST-1',
  section: '§3',
  title: 'joint broker CPU cost',
  model: { cost: closedForm, nic: invariantI1 },
  claims: ({ cost, nic }) => [
    claim(
      'T-JCOST-1.ledger',
      '§3.1-§3.2 claim: the closed form equals an independent per-packet accounting, path by path (no operation ' +
        'counted twice or missed)',
      [scenario(), costConstants()],
      ({ deployment: d, traffic: t }, c) => {
        const ledger = account(d, t, c, nic);
        const seconds = ledger.intervalUs / 1e6;
        const joint = cost.joint(d, c);
        return (
          PATHS.every((p) => near(joint.paths[p].usPerSecond, ledger.usByPath[p] / seconds)) &&
          near(joint.usPerSecond, ledger.usPerSecond)
        );
      },
      { numRuns: 60 },
    ),
    claim(
      'T-JCOST-1.hmac-per-path',
      '§3.1 claim: HMAC is paid once on each of paths A and B, so one more µs of c_hmac costs 2 * PPS_t µs/s',
      [deployment({ maxN: 100_000 }), costConstants(), costIncrement],
      (d, c, delta) => {
        const pps = (d.n * 1000) / d.tickMs;
        return near(
          cost.joint(d, plusHmac(c, delta)).usPerSecond - cost.joint(d, c).usPerSecond,
          2 * pps * delta,
          1e-6,
        );
      },
    ),
    claim(
      'T-JCOST-1.linear-in-n',
      '§3.2 claim: paths A and B are linear in N',
      [deployment({ maxN: 100_000 }), costConstants(), scaleFactor],
      (d, c, m) => {
        const base = cost.joint(d, c);
        const scaled = cost.joint(scaleN(d, m), c);
        return (
          near(scaled.paths.A.usPerSecond, m * base.paths.A.usPerSecond) &&
          near(scaled.paths.B.usPerSecond, m * base.paths.B.usPerSecond)
        );
      },
    ),
    claim(
      'T-JCOST-1.c-independent-of-n',
      '§3.1-§3.2 claim: path C (witness cosignatures) does not depend on N',
      [deployment({ maxN: 100_000 }), costConstants(), scaleFactor],
      (d, c, m) => near(cost.joint(scaleN(d, m), c).paths.C.usPerSecond, cost.joint(d, c).paths.C.usPerSecond),
    ),
    claim(
      'T-JCOST-1.tick-scaling',
      '§3.2 claim: every path scales as 1 / T_tick (PPS_t and bundles per second both carry 1 / T_tick_s)',
      [deployment({ maxN: 100_000 }), costConstants(), scaleFactor],
      (d, c, m) => {
        const base = cost.joint(d, c);
        const slower = cost.joint(scaleTick(d, m), c);
        return PATHS.every((p) => near(slower.paths[p].usPerSecond * m, base.paths[p].usPerSecond));
      },
    ),
    claim(
      'T-JCOST-1.attack-independent',
      '§3.2 claim (D3 under I1): JOINT does not depend on the external attack rate R',
      [scenario(), costConstants()],
      ({ deployment: d, traffic: t }, c) => {
        const attacked = account(d, t, c, nic);
        const quiet = account(d, { ...t, attackPps: 0 }, c, nic);
        return (
          near(attacked.usPerSecond, quiet.usPerSecond) && near(attacked.usPerSecond, cost.joint(d, c).usPerSecond)
        );
      },
      { numRuns: 60 },
    ),
  ],
  // draft §1.1, §3.3 table and headline, Appendix A: every printed number, with its pinned verdict.
  examples: ({ cost }) => printedExamples('t-jcost-1', jointCostQuantities(cost), loadConstants().constants_us),
});
