/**
 * Work budgets (issue 16, Deliver 3): a command that simulates computes what the simulation will
 * cost before it starts and refuses work beyond a fixed budget with one line naming the limit and
 * the flags that lower the work. No flag raises a budget: nothing a user types may make a command
 * run for minutes without output or use more than about 1 GB.
 *
 * The T-VDOS-1 aggregated simulator (model/vdos-aggregate.ts) costs, per run:
 * - one step per flooding bucket (coalition × 2 paths) solved in closed form (about 90 ns each);
 * - four steps per packet of a bucket outside the closed form, which it enumerates into an array
 *   and offers to a TokenBucket one by one (about 350 ns and 35 bytes each);
 * - nothing per honest vantage (counted in closed form).
 * FLOOD_STEP_BUDGET steps is about two seconds and, enumerated, about 200 MB.
 *
 * | budget               | value    | what it bounds                                            |
 * |----------------------|----------|-----------------------------------------------------------|
 * | FLOOD_STEP_BUDGET    | 2 × 10^7 | steps of the flood simulations one command runs, together  |
 * | CALIBRATE_TIME_S     | 300      | planned sampling and warm-up time of `perfsec calibrate`   |
 * | CALIBRATE_BYTES      | 5 × 10^8 | rate-limit tables `perfsec calibrate --vantages` allocates |
 */
import { checkScenario, tickUs, type FloodScenario } from '../../model/flood.js';
import { bucketParams, type RateLimitPolicy } from '../../model/token-bucket.js';
import { closedFormAdmitted } from '../../model/vdos-aggregate.js';
import { InputError } from './errors.js';

/** Steps of flood simulation one command may run (the table above). */
export const FLOOD_STEP_BUDGET = 2e7;
/** Steps charged per packet the simulator enumerates (against one per bucket in closed form). */
export const STEPS_PER_ENUMERATED_PACKET = 4;
/** Planned sampling time of one `perfsec calibrate`, seconds. */
export const CALIBRATE_TIME_S = 300;
/** Bytes of rate-limit tables one `perfsec calibrate` may allocate. */
export const CALIBRATE_BYTES = 5e8;

/** What one run of the aggregated simulator will do. */
export interface FloodWork {
  /** Flooding buckets (coalition × 2 paths). */
  readonly buckets: number;
  /** Packets of buckets outside the closed form, enumerated one by one. */
  readonly enumerated: number;
  /** buckets + STEPS_PER_ENUMERATED_PACKET × enumerated. */
  readonly steps: number;
}

/**
 * The work of simulateAggregated(S, POLICY), computed without simulating. Throws the model's
 * DomainError (FloodError, RateLimitError) for a scenario or policy outside the model's domain.
 */
export function floodWork(s: FloodScenario, policy: RateLimitPolicy | null): FloodWork {
  checkScenario(s);
  const buckets = s.coalition * 2;
  const f100 = Math.round(s.floodFactor * 100);
  const t100 = tickUs(s) * 100;
  // The closed form's conditions depend on the bucket and the rates only, not on the packet count or phase.
  const b = policy ? bucketParams(tickUs(s), policy) : null;
  const enumerates = b !== null && closedFormAdmitted({ n: 1, phase: 0, t100, f100 }, b) === undefined;
  const perBucket = Math.ceil((s.durationTicks * f100) / 100) + 1; // at most f * D + 1 packets (model/vdos-bounds.ts)
  const enumerated = enumerates ? buckets * perBucket : 0;
  return { buckets, enumerated, steps: buckets + STEPS_PER_ENUMERATED_PACKET * enumerated };
}

/** A count as a short figure: 1200, 4.3e12. */
export function figure(x: number): string {
  return x < 1e6 ? String(Math.round(x)) : x.toExponential(1).replace('e+', 'e');
}

/**
 * Throws InputError unless STEPS fits FLOOD_STEP_BUDGET: "WHAT: the flood simulation would take
 * 4.3e12 steps (…), over the budget of 2.0e7 steps (LOWER)".
 */
export function checkFloodBudget(work: readonly FloodWork[], what: string, lower: string): void {
  const steps = work.reduce((a, w) => a + w.steps, 0);
  if (steps <= FLOOD_STEP_BUDGET) return;
  const buckets = work.reduce((a, w) => a + w.buckets, 0);
  const enumerated = work.reduce((a, w) => a + w.enumerated, 0);
  throw new InputError(
    `${what}: the flood simulation would take ${figure(steps)} steps ` +
      `(${figure(buckets)} flooding buckets, ${figure(enumerated)} packets enumerated), ` +
      `over the budget of ${figure(FLOOD_STEP_BUDGET)} steps (src/lib/work-budget.ts; ${lower})`,
  );
}
