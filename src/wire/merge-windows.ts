/**
 * Repeated windows of one grid point as one report (src/wire/run-grid.ts): CPU, wall time, overhead,
 * counts, drops and garbage-collection pauses add up; stage means are weighted by their samples.
 */
import type { StageSamples } from './stage-clock.js';
import type { WakeReport } from './wake-clock.js';
import type { GcReport, WindowReport } from './window-report.js';

function sumRecords(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

function mergeGc(a: GcReport, b: GcReport): GcReport {
  return {
    available: a.available && b.available,
    pauses: a.pauses + b.pauses,
    pause_ns: a.pause_ns + b.pause_ns,
    in_handlers_ns: a.in_handlers_ns + b.in_handlers_ns,
    in_gaps_ns: a.in_gaps_ns + b.in_gaps_ns,
    in_samples_ns: a.in_samples_ns + b.in_samples_ns,
    in_overhead_ns: a.in_overhead_ns + b.in_overhead_ns,
    by_kind: sumRecords(a.by_kind, b.by_kind),
  };
}

function mergeWake(a: WakeReport, b: WakeReport): WakeReport {
  const w = (x: number, nx: number, y: number, ny: number) => (nx + ny > 0 ? (x * nx + y * ny) / (nx + ny) : 0);
  return {
    between_ns: w(a.between_ns, a.samples, b.between_ns, b.samples),
    main_thread: a.main_thread === true && b.main_thread === true,
    samples: a.samples + b.samples,
    between_wall_ns: a.between_wall_ns + b.between_wall_ns,
    set_aside: a.set_aside + b.set_aside,
    tail_ns: w(a.tail_ns, a.tails, b.tail_ns, b.tails),
    tails: a.tails + b.tails,
    ...(a.read_ns !== undefined && b.read_ns !== undefined
      ? { read_ns: w(a.read_ns, a.samples + a.set_aside, b.read_ns, b.samples + b.set_aside) }
      : {}),
    overhead_ns: a.overhead_ns + b.overhead_ns,
  };
}

/**
 * Two windows of the same mode and traffic as one: CPU, wall time, overhead, counts and drops add up, stage means
 * are weighted by their samples (the per-vantage counts are dropped).
 */
export function mergeWindows(a: WindowReport, b: WindowReport): WindowReport {
  const path = (p: 'A' | 'B' | 'C') => ({
    received: a.paths[p].received + b.paths[p].received,
    accepted: a.paths[p].accepted + b.paths[p].accepted,
    rejected: sumRecords(a.paths[p].rejected, b.paths[p].rejected),
    reads: a.paths[p].reads + b.paths[p].reads,
  });
  const stages: Record<string, StageSamples> = {};
  for (const name of new Set([...Object.keys(a.stages), ...Object.keys(b.stages)])) {
    const x = a.stages[name] ?? { mean_ns: 0, samples: 0, outliers: 0 };
    const y = b.stages[name] ?? { mean_ns: 0, samples: 0, outliers: 0 };
    const n = x.samples + y.samples;
    stages[name] = {
      mean_ns: n > 0 ? (x.mean_ns * x.samples + y.mean_ns * y.samples) / n : 0,
      samples: n,
      outliers: x.outliers + y.outliers,
      gc_ns: (x.gc_ns ?? 0) + (y.gc_ns ?? 0),
    };
  }
  return {
    mode: a.mode,
    wall_s: a.wall_s + b.wall_s,
    cpu_us: a.cpu_us + b.cpu_us,
    cpu_user_us: a.cpu_user_us + b.cpu_user_us,
    cpu_system_us: a.cpu_system_us + b.cpu_system_us,
    threads: {
      available: a.threads.available && b.threads.available,
      main_us: a.threads.main_us + b.threads.main_us,
      helpers_us: a.threads.helpers_us + b.threads.helpers_us,
    },
    sampling_overhead_us: a.sampling_overhead_us + b.sampling_overhead_us,
    window_overhead_us: (a.window_overhead_us ?? 0) + (b.window_overhead_us ?? 0),
    clock_ns: a.clock_ns,
    paths: { A: path('A'), B: path('B'), C: path('C') },
    honest_b: {
      received: a.honest_b.received + b.honest_b.received,
      accepted: a.honest_b.accepted + b.honest_b.accepted,
      rate_limited: a.honest_b.rate_limited + b.honest_b.rate_limited,
    },
    io_batches: a.io_batches + b.io_batches,
    recv_gap_ns:
      a.recv_gap_samples + b.recv_gap_samples > 0
        ? (a.recv_gap_ns * a.recv_gap_samples + b.recv_gap_ns * b.recv_gap_samples) /
          (a.recv_gap_samples + b.recv_gap_samples)
        : 0,
    recv_gap_samples: a.recv_gap_samples + b.recv_gap_samples,
    handler_ns: a.handler_ns + b.handler_ns,
    ...(a.gc && b.gc ? { gc: mergeGc(a.gc, b.gc) } : {}),
    ...(a.wake && b.wake ? { wake: mergeWake(a.wake, b.wake) } : {}),
    stages,
    kernel: {
      available: a.kernel.available && b.kernel.available,
      rcvbuf_errors: a.kernel.rcvbuf_errors + b.kernel.rcvbuf_errors,
      in_errors: a.kernel.in_errors + b.kernel.in_errors,
      socket_drops: a.kernel.socket_drops + b.kernel.socket_drops,
    },
    accepted_b_per_vantage: null,
  };
}
