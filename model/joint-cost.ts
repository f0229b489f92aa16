/**
 * T-JCOST-1 closed form (draft §3.2): joint broker CPU cost as the sum of three paths.
 */
import type { CostConstants } from './constants.js';
import { bundlesPerSecond, checkDeployment, ppsPerPath, type Deployment } from './deployment.js';

/** One path of the joint cost. */
export interface PathCost {
  /** Operations per second on this path (packets for A and B, bundles for C). */
  readonly opsPerSecond: number;
  /** CPU microseconds charged per operation. */
  readonly usPerOp: number;
  /** CPU microseconds per second of wall clock. */
  readonly usPerSecond: number;
}

/** JOINT with its per-path breakdown. */
export interface JointCost {
  readonly paths: { readonly A: PathCost; readonly B: PathCost; readonly C: PathCost };
  /** JOINT in CPU microseconds per second. */
  readonly usPerSecond: number;
  /** JOINT as a percentage of one core (1e6 µs/s = 100 %). */
  readonly pctOneCore: number;
  /** Whole cores needed to carry JOINT. */
  readonly coresNeeded: number;
}

/** The names of the three paths (draft §3.1). */
export const PATHS = ['A', 'B', 'C'] as const;
/** One of the three paths. */
export type PathName = (typeof PATHS)[number];

/** The cost model a T-JCOST-1 property checks; properties take it as a parameter so a mutant can stand in. */
export interface CostModel {
  joint(d: Deployment, c: CostConstants): JointCost;
}

/** CPU microseconds in one second of one core. */
export const US_PER_CORE_SECOND = 1e6;

function path(opsPerSecond: number, usPerOp: number): PathCost {
  return { opsPerSecond, usPerOp, usPerSecond: opsPerSecond * usPerOp };
}

/** Assembles a JointCost from its three paths. */
export function combine(A: PathCost, B: PathCost, C: PathCost): JointCost {
  const usPerSecond = A.usPerSecond + B.usPerSecond + C.usPerSecond;
  return {
    paths: { A, B, C },
    usPerSecond,
    pctOneCore: (usPerSecond / US_PER_CORE_SECOND) * 100,
    coresNeeded: Math.ceil(usPerSecond / US_PER_CORE_SECOND),
  };
}

/** JOINT(N, T_tick, q, bundle_period_ticks, cells_k) exactly as draft §3.2 writes it. */
export function joint(d: Deployment, c: CostConstants): JointCost {
  checkDeployment(d);
  const pps = ppsPerPath(d);
  return combine(
    path(pps, c.c_json + c.c_hmac), // draft §3.1 Path A: snapshot decode + HMAC
    path(pps, c.c_bfd_parse + c.c_hmac), // draft §3.1 Path B: BFD parse + HMAC, a distinct packet
    path(bundlesPerSecond(d), d.q * c.c_ed25519), // draft §3.1 Path C: q cosignatures per bundle
  );
}

/** The closed form as a CostModel. */
export const closedForm: CostModel = { joint };

/** JOINT as the flat record receipts and vectors print (snake_case, draft §1.3 / §3.2 names). */
export interface JointCostRecord {
  readonly pps_t: number;
  readonly bundles_per_s: number;
  readonly path_a_us_per_s: number;
  readonly path_b_us_per_s: number;
  readonly path_c_us_per_s: number;
  readonly joint_us_per_s: number;
  readonly joint_pct_one_core: number;
  readonly cores_needed: number;
}

/** The flat record of a JointCost. */
export function jointRecord(j: JointCost): JointCostRecord {
  return {
    pps_t: j.paths.A.opsPerSecond, // draft §1.3: N * 1000 / T_tick_ms (same on path B)
    bundles_per_s: j.paths.C.opsPerSecond, // draft §3.2: cells_k / (bundle_period_ticks * T_tick_s)
    path_a_us_per_s: j.paths.A.usPerSecond,
    path_b_us_per_s: j.paths.B.usPerSecond,
    path_c_us_per_s: j.paths.C.usPerSecond,
    joint_us_per_s: j.usPerSecond,
    joint_pct_one_core: j.pctOneCore,
    cores_needed: j.coresNeeded,
  };
}
