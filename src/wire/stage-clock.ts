/**
 * In-place stage timing for the broker's stage ledger: on a sampled 1-in-k subset of packets the
 * broker reads a high-resolution clock around each stage and adds the interval here. The clock's
 * own cost (one read) is measured at start and subtracted from every interval; a sample longer
 * than the outlier limit (the thread was preempted, or a GC pause landed in it) is set aside and
 * counted, so one descheduling does not become a per-packet cost.
 */
import { performance } from 'node:perf_hooks';

/** One stage's accumulated samples. */
export interface StageSamples {
  /** Mean over kept samples, ns (clock cost subtracted, never below 0). */
  readonly mean_ns: number;
  readonly samples: number;
  /** Samples set aside as outliers (longer than the limit). */
  readonly outliers: number;
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

/** Accumulates samples per stage name. */
export class StageClock {
  private readonly sum = new Map<string, number>();
  private readonly count = new Map<string, number>();
  private readonly outliers = new Map<string, number>();

  /**
   * @param clockNs the cost of one clock read, subtracted from each interval
   * @param outlierNs samples above this are set aside
   */
  constructor(
    readonly clockNs: number,
    private readonly outlierNs: number,
  ) {}

  /** Adds one interval measured as END - START (ns) to STAGE; LIMIT_NS overrides the outlier limit. */
  add(stage: string, startNs: number, endNs: number, limitNs = this.outlierNs): void {
    const d = Math.max(0, endNs - startNs - this.clockNs);
    if (d > limitNs) {
      this.outliers.set(stage, (this.outliers.get(stage) ?? 0) + 1);
      return;
    }
    this.sum.set(stage, (this.sum.get(stage) ?? 0) + d);
    this.count.set(stage, (this.count.get(stage) ?? 0) + 1);
  }

  /** Every stage seen, by name. */
  report(): Record<string, StageSamples> {
    const out: Record<string, StageSamples> = {};
    for (const name of new Set([...this.count.keys(), ...this.outliers.keys()])) {
      const n = this.count.get(name) ?? 0;
      out[name] = {
        mean_ns: n > 0 ? this.sum.get(name)! / n : 0,
        samples: n,
        outliers: this.outliers.get(name) ?? 0,
      };
    }
    return out;
  }
}
