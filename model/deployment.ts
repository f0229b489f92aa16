/**
 * The deployment parameters of T-JCOST-1 (draft §3.2) and the rates derived from them.
 */

/** Deployment parameters named in draft §1.3 and §3.2. */
import { DomainError } from './domain-error.js';

export interface Deployment {
  /** N: number of admitted vantages. */
  readonly n: number;
  /** T_tick in milliseconds. */
  readonly tickMs: number;
  /** q: witness quorum, cosignatures verified per bundle. */
  readonly q: number;
  /** bundle_period_ticks: ticks between two bundles of one cell coordinator. */
  readonly bundlePeriodTicks: number;
  /** cells_k: number of coherence cells, one bundle emitter each. */
  readonly cellsK: number;
}

/** Defaults of the draft §3.3 table (q = 2, bundle_period_ticks = 10, cells_k = 8). */
export const TABLE_DEFAULTS = { q: 2, bundlePeriodTicks: 10, cellsK: 8 } as const;

/** A parameter outside its domain; the message names the parameter. */
export class DeploymentError extends DomainError {
  override readonly name = 'DeploymentError';
}

/** Throws DeploymentError unless every parameter is in its domain (counts are whole, T_tick > 0). */
export function checkDeployment(d: Deployment): Deployment {
  // draft §1.3: N, cells_k and bundle_period_ticks count things; T_tick is a period and may be fractional.
  const counts: Array<[keyof Deployment, number]> = [
    ['n', d.n],
    ['bundlePeriodTicks', d.bundlePeriodTicks],
    ['cellsK', d.cellsK],
  ];
  for (const [name, v] of counts) {
    if (!Number.isSafeInteger(v) || v < 1) throw new DeploymentError(`${name} must be a positive integer, got ${v}`);
  }
  if (!Number.isFinite(d.tickMs) || d.tickMs <= 0)
    throw new DeploymentError(`tickMs must be a positive number, got ${d.tickMs}`);
  if (!Number.isSafeInteger(d.q) || d.q < 0) throw new DeploymentError(`q must be a non-negative integer, got ${d.q}`);
  return d;
}

/** PPS_t: telemetry packets per second on each path (draft §1.3: N * 1000 / T_tick_ms). */
export function ppsPerPath(d: Deployment): number {
  return (d.n * 1000) / d.tickMs;
}

/** Bundles per second reaching the broker (draft §3.2: cells_k / (bundle_period_ticks * T_tick_s)). */
export function bundlesPerSecond(d: Deployment): number {
  return d.cellsK / (d.bundlePeriodTicks * (d.tickMs / 1000));
}
