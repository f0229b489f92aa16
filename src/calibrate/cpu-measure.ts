/**
 * Process CPU time per operation over a whole run, garbage collection included: the cost a broker pays.
 * tinybench's median over short samples (src/calibrate/measure.ts) leaves out the samples a collection
 * fell into, which flatters a candidate that allocates per packet (node:crypto returns a new Buffer per
 * digest); process.cpuUsage over the run counts every thread of the process, V8's collector too, and
 * ignores time the process spent descheduled by other jobs on the cores.
 */
import type { Budget, Workload } from './measure.js';

/** CPU and wall time per operation of one run. */
export interface CpuTiming {
  readonly name: string;
  /** Process CPU (user + system, every thread) per operation, ns. */
  readonly cpu_ns: number;
  /** Wall time per operation, ns. */
  readonly wall_ns: number;
  readonly ops: number;
}

const cpuNs = (u: NodeJS.CpuUsage) => (u.user + u.system) * 1000;

/** Runs W for BUDGET.warmupMs, then for BUDGET.timeMs in batches of W.batch, timing the second part. */
export function measureCpu(w: Workload, budget: Budget): CpuTiming {
  let i = 0;
  const until = (ms: number) => {
    const end = performance.now() + ms;
    do for (let j = 0; j < w.batch; j++) w.run(i++);
    while (performance.now() < end);
  };
  until(budget.warmupMs);
  const from = i;
  const c = process.cpuUsage();
  const t = performance.now();
  until(budget.timeMs);
  const ops = i - from;
  return {
    name: w.name,
    cpu_ns: cpuNs(process.cpuUsage(c)) / ops,
    wall_ns: ((performance.now() - t) * 1e6) / ops,
    ops,
  };
}
