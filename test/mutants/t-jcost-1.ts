/**
 * Deliberately broken T-JCOST-1 models. Each is a plausible implementation slip; the property
 * suite must catch every one (test/t-jcost-1-mutants.test.ts).
 */
import type { CostConstants } from '../../model/constants.js';
import { bundlesPerSecond, ppsPerPath, type Deployment } from '../../model/deployment.js';
import { closedForm, combine, type CostModel } from '../../model/joint-cost.js';
import { invariantI1, noFilter } from '../../model/nic.js';
import type { JointCostSubject } from '../../properties/t-jcost-1.prop.js';
import type { Mutant } from './caught.js';

/** A cost model from per-path (ops per second, µs per op) pairs. */
function model(f: (d: Deployment, c: CostConstants) => [number, number, number, number, number, number]): CostModel {
  return {
    joint: (d, c) => {
      const [aOps, aUs, bOps, bUs, cOps, cUs] = f(d, c);
      return combine(
        { opsPerSecond: aOps, usPerOp: aUs, usPerSecond: aOps * aUs },
        { opsPerSecond: bOps, usPerOp: bUs, usPerSecond: bOps * bUs },
        { opsPerSecond: cOps, usPerOp: cUs, usPerSecond: cOps * cUs },
      );
    },
  };
}

const faithfulNic = { nic: invariantI1 };

/** The mutants. */
export const MUTANTS: readonly Mutant<JointCostSubject>[] = [
  {
    name: 'hmac-once: HMAC charged once per (snapshot, push) pair instead of once per path',
    subject: {
      ...faithfulNic,
      cost: model((d, c) => [
        ppsPerPath(d),
        c.c_json + c.c_hmac,
        ppsPerPath(d),
        c.c_bfd_parse,
        bundlesPerSecond(d),
        d.q * c.c_ed25519,
      ]),
    },
    caughtBy: ['T-JCOST-1.ledger', 'T-JCOST-1.hmac-per-path', 'T-JCOST-1.attack-independent'],
  },
  {
    name: 'witness-per-vantage: path C charged per vantage instead of per bundle',
    subject: {
      ...faithfulNic,
      cost: model((d, c) => [
        ppsPerPath(d),
        c.c_json + c.c_hmac,
        ppsPerPath(d),
        c.c_bfd_parse + c.c_hmac,
        bundlesPerSecond(d) * d.n,
        d.q * c.c_ed25519,
      ]),
    },
    caughtBy: ['T-JCOST-1.ledger', 'T-JCOST-1.c-independent-of-n'],
  },
  {
    name: 'bundle-rate-in-ms: bundles per second divided by T_tick in ms, not seconds (a units slip)',
    subject: {
      ...faithfulNic,
      cost: model((d, c) => [
        ppsPerPath(d),
        c.c_json + c.c_hmac,
        ppsPerPath(d),
        c.c_bfd_parse + c.c_hmac,
        d.cellsK / (d.bundlePeriodTicks * d.tickMs),
        d.q * c.c_ed25519,
      ]),
    },
    caughtBy: ['T-JCOST-1.ledger'],
  },
  {
    name: 'tick-rate-fixed: PPS_t taken at 20 Hz whatever T_tick',
    subject: {
      ...faithfulNic,
      cost: model((d, c) => [
        d.n * 20,
        c.c_json + c.c_hmac,
        d.n * 20,
        c.c_bfd_parse + c.c_hmac,
        bundlesPerSecond(d),
        d.q * c.c_ed25519,
      ]),
    },
    caughtBy: ['T-JCOST-1.ledger', 'T-JCOST-1.tick-scaling'],
  },
  {
    name: 'nic-open: invariant I1 not enforced, external packets reach the CPU',
    subject: { cost: closedForm, nic: noFilter },
    caughtBy: ['T-JCOST-1.ledger', 'T-JCOST-1.attack-independent'],
  },
];
