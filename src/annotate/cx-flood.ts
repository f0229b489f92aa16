/**
 * A T-VDOS-1 counterexample as admitted / dropped packets per tick (issue 21, Deliver 2): a flood through the
 * per-packet simulator of the model (model/vdos-exact.ts), or an honest stream (model/legit-traffic.ts) through one
 * token bucket, with a bucket that records each offer, summed per tick.
 */
import { tickUs, type FloodScenario } from '../../model/flood.js';
import { legitArrivals, type LegitStream } from '../../model/legit-traffic.js';
import { bucketParams, type RateLimitPolicy } from '../../model/token-bucket.js';
import { simulateExact, tokenBucket } from '../../model/vdos-exact.js';

/** One tick's packets, every vantage and path together. */
export interface FloodTick {
  readonly tick: number;
  readonly arrived: number;
  readonly admitted: number;
  readonly dropped: number;
}

/** The packets per tick, the totals, and how many ticks are not shown. */
export interface FloodTable {
  readonly setting: string;
  readonly ticks: readonly FloodTick[];
  readonly total: { readonly arrived: number; readonly admitted: number };
  readonly ticksLeftOut: number;
}

/** At most this many ticks shown, and as many more with drops (a flood of 72 000 ticks would make megabytes). */
export const MAX_TICK_ROWS = 60;

/** Counts offers per tick of TICK_US. */
class PerTick {
  private readonly counts = new Map<number, { arrived: number; admitted: number }>();
  constructor(private readonly tickUs: number) {}
  count(tUs: number, admitted: boolean): boolean {
    const k = Math.floor(tUs / this.tickUs);
    const c = this.counts.get(k) ?? { arrived: 0, admitted: 0 };
    c.arrived++;
    if (admitted) c.admitted++;
    this.counts.set(k, c);
    return admitted;
  }
  table(setting: string): FloodTable {
    const all = [...this.counts.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([tick, c]) => ({ tick, arrived: c.arrived, admitted: c.admitted, dropped: c.arrived - c.admitted }));
    const ticks = all.filter((t, i) => i < MAX_TICK_ROWS || t.dropped > 0).slice(0, 2 * MAX_TICK_ROWS);
    const sum = (f: (t: FloodTick) => number) => all.reduce((s, t) => s + f(t), 0);
    return {
      setting,
      ticks,
      total: { arrived: sum((t) => t.arrived), admitted: sum((t) => t.admitted) },
      ticksLeftOut: all.length - ticks.length,
    };
  }
}

const policyText = (p: RateLimitPolicy) =>
  `rate limit ${p.rateLimitFactor}, burst ${p.burstFactor}, ${p.scope}, budget ${p.capacity}`;

/** Runs flood S through POLICY's token bucket (or none) and counts per tick. */
export function floodTable(s: FloodScenario, policy: RateLimitPolicy | null): FloodTable {
  const per = new PerTick(tickUs(s));
  simulateExact(s, policy, (b) => {
    const bucket = tokenBucket(b);
    return { offer: (tUs) => per.count(tUs, bucket.offer(tUs)) };
  });
  return per.table(
    `N = ${s.n}, T_tick = ${s.tickMs} ms, ${s.coalition} flooding at flood_factor ${s.floodFactor} for ` +
      `${s.durationTicks} tick(s); ${policy ? policyText(policy) : 'no rate limit'}`,
  );
}

/** Runs honest stream S through one token bucket of POLICY and counts per tick. */
export function streamTable(s: LegitStream, policy: RateLimitPolicy): FloodTable {
  const per = new PerTick(Math.round(s.tickMs * 1000));
  const bucket = tokenBucket(bucketParams(Math.round(s.tickMs * 1000), policy));
  for (const t of legitArrivals(s)) per.count(t, bucket.offer(t));
  const episodes = s.episodes.map((e) => `${e.kind} x${e.multiplier} from tick ${e.startTick} for ${e.durationTicks}`);
  return per.table(
    `one honest path, T_tick = ${s.tickMs} ms, ${s.durationTicks} tick(s)` +
      `${episodes.length ? `, ${episodes.join(', ')}` : ' at the natural rate'}; ${policyText(policy)}`,
  );
}
