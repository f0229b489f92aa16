/**
 * In-place stage timing for the broker's stage ledger: on a sampled 1-in-k subset of packets the
 * broker reads a high-resolution clock around each stage and logs the interval here. The clock's
 * own cost (one read) is measured at start and subtracted from every interval, and so is the time
 * the main thread spent in garbage-collection pauses inside it (src/wire/gc-pauses.ts: the ledger
 * charges the pauses once, as their own stage); a sample still longer than the outlier limit (the
 * thread was preempted) is set aside and counted, so one descheduling does not become a per-packet
 * cost.
 */
import { performance } from 'node:perf_hooks';
import { IntervalLog, overlapEach, type Pause } from './interval-log.js';

/** One stage's accumulated samples. */
export interface StageSamples {
  /** Mean over kept samples, ns (clock cost subtracted, never below 0). */
  readonly mean_ns: number;
  readonly samples: number;
  /** Samples set aside as outliers (longer than the limit). */
  readonly outliers: number;
  /** Garbage-collection pause time taken out of the kept samples, ns in all (absent: none measured). */
  readonly gc_ns?: number;
}

/** Current time in ns (performance.now, µs resolution or better). */
export const nowNs = (): number => performance.now() * 1e6;

/** The mean cost of one clock read, ns, over REPS back-to-back reads. */
export function clockCostNs(reps = 200_000): number {
  let last = nowNs();
  const first = last;
  for (let i = 0; i < reps; i++) last = nowNs();
  return (last - first) / reps;
}

/** Logs samples per stage name. */
export class StageClock {
  private readonly logs = new Map<string, { log: IntervalLog; limitNs: number }>();

  /**
   * @param clockNs the cost of one clock read, subtracted from each interval
   * @param outlierNs samples above this are set aside
   */
  constructor(
    readonly clockNs: number,
    private readonly outlierNs: number,
  ) {}

  /** Logs one interval from START_NS to END_NS for STAGE; LIMIT_NS overrides the outlier limit. */
  add(stage: string, startNs: number, endNs: number, limitNs = this.outlierNs): void {
    let s = this.logs.get(stage);
    if (!s) this.logs.set(stage, (s = { log: new IntervalLog(), limitNs }));
    s.log.push(startNs, endNs);
  }

  /** Every stage seen, by name, with the time of PAUSES (ordered by start) taken out of each sample. */
  report(pauses: readonly Pause[] = []): Record<string, StageSamples> {
    const out: Record<string, StageSamples> = {};
    for (const [name, { log, limitNs }] of this.logs) {
      let sum = 0;
      let n = 0;
      let outliers = 0;
      let gc = 0;
      overlapEach(log, pauses, (i, gcNs) => {
        const d = Math.max(0, log.end(i) - log.start(i) - this.clockNs - gcNs);
        if (d > limitNs) {
          outliers++;
          return;
        }
        sum += d;
        gc += gcNs;
        n++;
      });
      out[name] = { mean_ns: n > 0 ? sum / n : 0, samples: n, outliers, gc_ns: gc };
    }
    return out;
  }
}
