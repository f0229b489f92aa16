/**
 * Timing one operation with tinybench: warm-up, then repeated samples, each sample a batch of
 * BATCH calls (so sub-microsecond operations are not lost in timer resolution); the result is per
 * operation: median, 10th and 90th percentiles of the samples, in microseconds.
 */
import { Bench } from 'tinybench';

/** Per-operation timing of one workload. */
export interface Timing {
  readonly name: string;
  /** Median over samples, µs per operation. */
  readonly median_us: number;
  readonly p10_us: number;
  readonly p90_us: number;
  /** Samples taken (each of `batch` operations). */
  readonly samples: number;
  readonly batch: number;
  /** Operations per second on one core, from the median. */
  readonly ops_per_s: number;
}

/** A workload: `run(i)` performs one operation (i counts calls, to vary inputs). */
export interface Workload {
  readonly name: string;
  readonly batch: number;
  run(i: number): unknown;
}

/** How long to sample each workload. */
export interface Budget {
  /** Sampling time per workload, ms. */
  readonly timeMs: number;
  /** Warm-up time per workload, ms. */
  readonly warmupMs: number;
  /** At least this many samples. */
  readonly minSamples: number;
}

/** The default budget of `perfsec calibrate`. */
export const DEFAULT_BUDGET: Budget = { timeMs: 400, warmupMs: 100, minSamples: 20 };

const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;

/** Measures each workload in turn; ON_DONE is called after each (progress). */
export async function measure(
  workloads: readonly Workload[],
  budget: Budget = DEFAULT_BUDGET,
  onDone: (t: Timing, i: number) => void = () => undefined,
): Promise<Timing[]> {
  const out: Timing[] = [];
  for (const [k, w] of workloads.entries()) {
    let i = 0;
    const bench = new Bench({
      time: budget.timeMs,
      warmupTime: budget.warmupMs,
      warmupIterations: 2,
      iterations: budget.minSamples,
    });
    bench.add(w.name, () => {
      for (let j = 0; j < w.batch; j++) w.run(i++);
    });
    await bench.warmup();
    await bench.run();
    const r = bench.tasks[0]!.result;
    if (!r || r.error) throw new Error(`measuring ${w.name} failed: ${String(r?.error)}`);
    const perOp = [...r.samples].map((ms) => (ms * 1000) / w.batch).sort((a, b) => a - b);
    const t: Timing = {
      name: w.name,
      median_us: quantile(perOp, 0.5),
      p10_us: quantile(perOp, 0.1),
      p90_us: quantile(perOp, 0.9),
      samples: perOp.length,
      batch: w.batch,
      ops_per_s: 1e6 / quantile(perOp, 0.5),
    };
    out.push(t);
    onDone(t, k);
  }
  return out;
}

/** Timing of a whole run (a simulated interval of traffic): median and spread of the run time, ms. */
export interface RunTiming {
  readonly name: string;
  readonly median_ms: number;
  readonly min_ms: number;
  readonly max_ms: number;
  readonly runs: number;
}

/** Times RUN (one whole run per sample, after one warm-up run) with tinybench; SETUP runs untimed before each run. */
export async function measureRuns(name: string, setup: () => void, run: () => unknown, runs = 3): Promise<RunTiming> {
  const bench = new Bench({ time: 0, iterations: runs, warmupTime: 0, warmupIterations: 1 });
  bench.add(name, run, { beforeEach: setup });
  await bench.warmup();
  await bench.run();
  const r = bench.tasks[0]!.result;
  if (!r || r.error) throw new Error(`measuring ${name} failed: ${String(r?.error)}`);
  const s = [...r.samples].sort((a, b) => a - b);
  return { name, median_ms: quantile(s, 0.5), min_ms: s[0]!, max_ms: s.at(-1)!, runs: s.length };
}
