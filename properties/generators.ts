/**
 * Domain generators shared by the property files: deployments, traffic intervals, cost constants.
 * Each covers its edges on purpose (one vantage, one cell, quorum 0, 1 ms ticks, the draft's values).
 */
import fc from 'fast-check';
import type { CostConstants } from '../model/constants.js';
import type { Deployment } from '../model/deployment.js';
import type { Traffic } from '../model/ledger.js';
import { DRAFT_CONSTANTS } from '../src/lib/constants.js';
import {
  arrayOf,
  checked,
  constantRecord,
  drawnBy,
  fields,
  int,
  keys,
  type Check,
} from '../src/engine/generator-domain.js';

/** The draft's constants as a generator of that one value, with its domain (a stored copy field for field). */
export const draftConstants: fc.Arbitrary<CostConstants> = checked(
  fc.constant(DRAFT_CONSTANTS),
  constantRecord({ ...DRAFT_CONSTANTS }),
);

const cost = fc.double({ min: 0.001, max: 500, noNaN: true, noDefaultInfinity: true });

/** Per-operation costs: the draft's, or any positive values (a measured machine). */
export function costConstants(): fc.Arbitrary<CostConstants> {
  return fc.oneof(
    fc.constant(DRAFT_CONSTANTS),
    fc.record({ c_json: cost, c_bfd_parse: cost, c_hmac: cost, c_ed25519: cost, c_xdp: cost }),
  );
}

/** An increase of one per-operation cost, in µs: 0.01 to 100 (the marginal-cost claims). */
export const costIncrement = fc.double({ min: 0.01, max: 100, noNaN: true });

/** Tick periods in whole ms: the draft's 1000, 50 and 5 ms, and anything from 1 ms to 2 s. */
export const tickMs = fc.oneof(fc.constantFrom(1000, 50, 5), fc.integer({ min: 1, max: 2000 }));

/**
 * A deployment small enough to enumerate packet by packet: N up to options.maxN vantages (40; the closed-form claims
 * ask for more).
 */
export function deployment(options: { maxN?: number } = {}): fc.Arbitrary<Deployment> {
  return fc.record({
    n: fc.integer({ min: 1, max: options.maxN ?? 40 }),
    tickMs,
    q: fc.integer({ min: 0, max: 7 }),
    bundlePeriodTicks: fc.integer({ min: 1, max: 20 }),
    cellsK: fc.integer({ min: 1, max: 16 }),
  });
}

/** An interval of traffic for a deployment: phases of every emitter, and an external attack rate. */
export function traffic(d: Deployment, maxAttackPackets = MAX_ATTACK_PACKETS): fc.Arbitrary<Traffic> {
  const tickUs = d.tickMs * 1000;
  const bundleUs = tickUs * d.bundlePeriodTicks;
  return fc.integer({ min: 1, max: 3 }).chain((bundlePeriods) =>
    fc.record({
      bundlePeriods: fc.constant(bundlePeriods),
      vantagePhasesUs: fc.array(fc.integer({ min: 0, max: tickUs - 1 }), { minLength: d.n, maxLength: d.n }),
      cellPhasesUs: fc.array(fc.integer({ min: 0, max: bundleUs - 1 }), { minLength: d.cellsK, maxLength: d.cellsK }),
      // R up to what keeps the interval enumerable; 0 (no attack) is the shrink target.
      attackPps: fc.integer({ min: 0, max: maxAttackPps(bundleUs * bundlePeriods, maxAttackPackets) }),
    }),
  );
}

/** Attack packets per interval at most: what keeps the interval enumerable. */
const MAX_ATTACK_PACKETS = 4000;
const maxAttackPps = (intervalUs: number, maxPackets: number) =>
  Math.max(0, Math.floor(maxPackets / (intervalUs / 1e6)));

/**
 * What traffic(D) draws: one phase per vantage within a tick, one per cell within a bundle period, R within the
 * enumerable.
 */
function trafficDomain(d: Deployment): Check {
  const tickUs = d.tickMs * 1000;
  const bundleUs = tickUs * d.bundlePeriodTicks;
  return (v, at) => {
    const head =
      keys(['bundlePeriods', 'vantagePhasesUs', 'cellPhasesUs', 'attackPps'])(v, at) ??
      fields({ bundlePeriods: int(1, 3) })(v, at);
    if (head) return head;
    const periods = (v as Traffic).bundlePeriods;
    return fields({
      vantagePhasesUs: arrayOf(int(0, tickUs - 1), d.n, d.n),
      cellPhasesUs: arrayOf(int(0, bundleUs - 1), d.cellsK, d.cellsK),
      attackPps: int(0, maxAttackPps(bundleUs * periods, MAX_ATTACK_PACKETS)),
    })(v, at);
  };
}

/** A deployment with one interval of its traffic. */
export interface DeploymentTraffic {
  readonly deployment: Deployment;
  readonly traffic: Traffic;
}

/** A deployment and its traffic, generated together (the traffic depends on N, cells and ticks). */
export function scenario(): fc.Arbitrary<DeploymentTraffic> {
  const deployments = deployment();
  const domain: Check = (v, at) =>
    keys(['deployment', 'traffic'])(v, at) ??
    fields({
      deployment: drawnBy(
        deployments,
        'a deployment of N 1-40, T_tick 1-2000 ms, q 0-7, bundle period 1-20 ticks, 1-16 cells',
      ),
    })(v, at) ??
    fields({ traffic: trafficDomain((v as DeploymentTraffic).deployment) })(v, at);
  return checked(
    deployments.chain((d) => traffic(d).map((t) => ({ deployment: d, traffic: t }))),
    domain,
  );
}

/** Whole-number scale factors for the linearity claims. */
export const scaleFactor = fc.integer({ min: 2, max: 1000 });
