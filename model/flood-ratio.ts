/**
 * The T-VDOS-1 cost ratio JOINT_attacked / JOINT_baseline (draft §4.3, §4.4) as a function of flood_factor, at
 * one setting of the choices the draft leaves open: the rate-limit factors, the burst-budget reading, the
 * duration, and whether c_xdp is charged per packet (every packet reaching the limiter is looked up, §4.1) or once
 * per (snapshot, push) pair (the §4.3 proof's cost(v)). Computed by the aggregated simulator
 * (model/vdos-aggregate.ts) and model/vdos-cost.ts; the growth audit samples it (src/audit/growth.ts).
 */
import type { CostConstants } from './constants.js';
import { simulateAggregated } from './vdos-aggregate.js';
import { floodCost } from './vdos-cost.js';
import { DEFAULT_POLICY, type CapacityReading } from './token-bucket.js';

/** One admissible setting of the flood experiment. */
export interface FloodSetting {
  readonly tickMs: number;
  readonly rateLimitFactor: number;
  readonly burstFactor: number;
  readonly capacity: CapacityReading;
  /** c_xdp once per (snapshot, push) pair, as the §4.3 proof charges it, instead of once per packet. */
  readonly xdpPerPair: boolean;
  /** Duration of the flood in seconds (the draft states none); a whole number of ticks. */
  readonly durationS: number;
}

/** The setting in words, for reports. */
export function settingText(s: FloodSetting): string {
  return (
    `rate_limit_factor ${s.rateLimitFactor}, budget ${s.capacity}, ` +
    `c_xdp per ${s.xdpPerPair ? 'pair' : 'packet'}, ${s.durationS} s`
  );
}

/**
 * JOINT_attacked / JOINT_baseline at FLOOD (a multiple of 0.01, >= 1), with the rate limit (LIMITED) or without.
 * One vantage that floods: every vantage of a deployment that floods whole (coalition = N, zero phases, as the
 * §4.4 rows) is the same stream, so the ratio does not depend on N.
 */
export function floodRatio(s: FloodSetting, flood: number, c: CostConstants, limited: boolean): number {
  const scenario = {
    n: 1,
    tickMs: s.tickMs,
    coalition: 1,
    floodFactor: flood,
    durationTicks: Math.round((s.durationS * 1000) / s.tickMs),
  };
  const policy = limited
    ? { ...DEFAULT_POLICY, rateLimitFactor: s.rateLimitFactor, burstFactor: s.burstFactor, capacity: s.capacity }
    : null;
  const charged = s.xdpPerPair ? { ...c, c_xdp: c.c_xdp / 2 } : c; // two packets, one lookup
  return floodCost(scenario, simulateAggregated(scenario, policy), charged, { rateLimited: limited }).ratio;
}
