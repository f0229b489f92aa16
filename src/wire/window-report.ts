/**
 * One measurement window of the wire broker as a report: its own process CPU (process.cpuUsage:
 * user + system µs, all threads of the process; not wall time), wall seconds, per-path counts,
 * stage samples, the sampling overhead to subtract, and the kernel's UDP drop counters over the
 * window (/proc/net/snmp RcvbufErrors and InErrors deltas, the socket's own drops).
 */
import type { BrokerCounts, HonestCounts, PathCounts } from './broker-counts.js';
import { socketDrops, udpCounters, type UdpCounters } from './proc-net.js';
import type { StageSamples } from './stage-clock.js';
import { threadCpu, type ThreadCpu } from './thread-cpu.js';

/** What a window does with a packet: everything (admit), or receive and count only. */
export type WindowMode = 'admit' | 'receive-only';

/** Readings at the start of a window. */
export interface WindowStart {
  readonly cpu: NodeJS.CpuUsage;
  readonly threads: ThreadCpu;
  readonly wallMs: number;
  readonly udp: UdpCounters;
  readonly socketDrops: number;
  readonly port: number;
}

/** Kernel drop counters over a window. */
export interface KernelDrops {
  readonly available: boolean;
  readonly rcvbuf_errors: number;
  readonly in_errors: number;
  readonly socket_drops: number;
}

/** A window's report. */
export interface WindowReport {
  readonly mode: WindowMode;
  readonly wall_s: number;
  /** Process CPU (user + system), µs. */
  readonly cpu_us: number;
  readonly cpu_user_us: number;
  readonly cpu_system_us: number;
  /** CPU of the main thread (the event loop) and of the helper threads (GC, compiler, libuv pool), µs (schedstat). */
  readonly threads: { readonly available: boolean; readonly main_us: number; readonly helpers_us: number };
  /** CPU the stage sampling added (repeats, bookkeeping, clock reads), µs: subtract from cpu_us. */
  readonly sampling_overhead_us: number;
  readonly clock_ns: number;
  readonly paths: { readonly A: PathCounts; readonly B: PathCounts; readonly C: PathCounts };
  readonly honest_b: HonestCounts;
  /** Event-loop poll phases that delivered I/O (wake-ups with packets). */
  readonly io_batches: number;
  /** Path B: mean receive cost of a datagram after the first of its poll phase (ns), measured in place, and samples. */
  readonly recv_gap_ns: number;
  readonly recv_gap_samples: number;
  /** Time inside the datagram and TCP data handlers, ns (receive-only: dispatch, framing, counting alone). */
  readonly handler_ns: number;
  readonly stages: Readonly<Record<string, StageSamples>>;
  readonly kernel: KernelDrops;
  /** Path B accepted per vantage (only when asked). */
  readonly accepted_b_per_vantage: readonly number[] | null;
}

/** What the broker hands over at the end of a window. */
export interface WindowEnd {
  readonly mode: WindowMode;
  readonly counts: BrokerCounts;
  readonly stages: Record<string, StageSamples>;
  readonly overheadNs: number;
  readonly clockNs: number;
  readonly perVantage: boolean;
}

/** Starting and ending a window. */
export const windowReport = {
  /** Readings at the start of a window on UDP port PORT. */
  begin(port: number): WindowStart {
    return {
      udp: udpCounters(),
      socketDrops: socketDrops(port),
      port,
      wallMs: performance.now(),
      cpu: process.cpuUsage(),
      threads: threadCpu(), // inside the CPU window: main_us never exceeds cpu_us for reading procfs
    };
  },
  /** The report of the window started at S. */
  end(s: WindowStart, e: WindowEnd): WindowReport {
    const t = threadCpu();
    const cpu = process.cpuUsage(s.cpu);
    const wallMs = performance.now() - s.wallMs;
    const udp = udpCounters();
    return {
      mode: e.mode,
      wall_s: wallMs / 1000,
      cpu_us: cpu.user + cpu.system,
      cpu_user_us: cpu.user,
      cpu_system_us: cpu.system,
      threads: {
        available: s.threads.available && t.available,
        main_us: (t.mainNs - s.threads.mainNs) / 1000,
        helpers_us: Math.max(0, t.helpersNs - s.threads.helpersNs) / 1000,
      },
      sampling_overhead_us: e.overheadNs / 1000,
      clock_ns: e.clockNs,
      paths: { A: e.counts.path('A'), B: e.counts.path('B'), C: e.counts.path('C') },
      honest_b: e.counts.honest(),
      io_batches: e.counts.batches,
      recv_gap_ns: e.counts.gapCount > 0 ? e.counts.gapSumNs / e.counts.gapCount : 0,
      recv_gap_samples: e.counts.gapCount,
      handler_ns: e.counts.handlerNs,
      stages: e.stages,
      kernel: {
        available: s.udp.available && udp.available,
        rcvbuf_errors: udp.rcvbufErrors - s.udp.rcvbufErrors,
        in_errors: udp.inErrors - s.udp.inErrors,
        socket_drops: socketDrops(s.port) - s.socketDrops,
      },
      accepted_b_per_vantage: e.perVantage ? [...e.counts.acceptedB] : null,
    };
  },
};

function sumRecords(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
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
