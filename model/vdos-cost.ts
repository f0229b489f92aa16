/**
 * Broker CPU under an insider flood (draft §4.3), from packet counts: every packet that reaches the
 * rate limiter pays c_xdp; only admitted packets pay their path's verification cost.
 */
import type { CostConstants } from './constants.js';
import { tickUs, type FloodPath, type FloodScenario } from './flood.js';

/** Packets per path over the experiment. */
export interface FloodCounts {
  /** Packets that arrived at the NIC. */
  readonly arrived: Readonly<Record<FloodPath, number>>;
  /** Packets the rate limiter forwarded to verification (all of them without a rate limit). */
  readonly admitted: Readonly<Record<FloodPath, number>>;
}

/** The CPU verdict of one experiment. */
export interface FloodCost {
  readonly counts: FloodCounts;
  readonly dropped: number;
  /** Broker CPU µs per second of wall clock, paths A and B (path C is untouched by the flood). */
  readonly usPerSecond: number;
  /** JOINT_baseline of draft §4.3: N * natural rate * c_path, no flood, no rate limiter. */
  readonly baselineUsPerSecond: number;
  /** JOINT_attacked / JOINT_baseline. */
  readonly ratio: number;
}

/** c_path of draft §4.3: one snapshot plus one push, c_json + c_bfd_parse + 2 * c_hmac. */
export function cPath(c: CostConstants): number {
  return c.c_json + c.c_bfd_parse + 2 * c.c_hmac;
}

/** Verification cost of one admitted packet on a path (draft §3.1). */
export function verifyCost(path: FloodPath, c: CostConstants): number {
  return path === 'A' ? c.c_json + c.c_hmac : c.c_bfd_parse + c.c_hmac;
}

/**
 * Charges the counts: c_xdp per arriving packet when a rate limiter runs (options.rateLimited), verification per
 * admitted one.
 */
export function floodCost(
  s: FloodScenario,
  counts: FloodCounts,
  c: CostConstants,
  options: { readonly rateLimited: boolean },
): FloodCost {
  const { rateLimited } = options;
  const seconds = (tickUs(s) * s.durationTicks) / 1e6;
  let us = 0;
  let dropped = 0;
  for (const p of ['A', 'B'] as const) {
    // draft §4.1: a dropped packet pays only the lookup
    us += counts.admitted[p] * verifyCost(p, c) + (rateLimited ? counts.arrived[p] * c.c_xdp : 0);
    dropped += counts.arrived[p] - counts.admitted[p];
  }
  const baselineUsPerSecond = s.n * (1e6 / tickUs(s)) * cPath(c); // draft §4.3: JOINT_baseline = P * c_path
  const usPerSecond = us / seconds;
  return { counts, dropped, usPerSecond, baselineUsPerSecond, ratio: usPerSecond / baselineUsPerSecond };
}
