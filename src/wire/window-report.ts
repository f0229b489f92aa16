/**
 * One measurement window of the wire broker as a report: its own process CPU (process.cpuUsage:
 * user + system µs, all threads of the process; not wall time), wall seconds, per-path counts,
 * stage samples, the sampling overhead to subtract, and the kernel's UDP drop counters over the
 * window (/proc/net/snmp RcvbufErrors and InErrors deltas, the socket's own drops), and the main
 * thread's garbage-collection pauses (src/wire/gc-pauses.ts), which every timed figure here leaves
 * out (src/wire/interval-log.ts) and the ledger charges once.
 */
import type { BrokerCounts, HonestCounts, PathCounts } from './broker-counts.js';
import type { GcPauses } from './gc-pauses.js';
import { socketDrops, udpCounters, type UdpCounters } from './proc-net.js';
import type { ReceiveTimes } from './receive-times.js';
import type { StageSamples } from './stage-clock.js';
import type { WakeReport } from './wake-clock.js';
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

/** The main thread's garbage-collection pauses of a window, ns. */
export interface GcReport {
  readonly available: boolean;
  readonly pauses: number;
  readonly pause_ns: number;
  readonly in_handlers_ns: number;
  readonly in_gaps_ns: number;
  readonly in_samples_ns: number;
  readonly in_overhead_ns: number;
  readonly by_kind: Readonly<Record<string, number>>;
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
  /**
   * CPU the measurement added (stage repeats, bookkeeping, clock reads, and the window's own start and stop:
   * window_overhead_us), µs: subtract from cpu_us.
   */
  readonly sampling_overhead_us: number;
  /**
   * CPU of the window's own start (thread readings, clearing the logs) and stop (pauses, reports, thread readings),
   * µs, inside sampling_overhead_us (absent in older reports): the same in every window whatever its traffic, it was
   * charged before to the idle loop's rate, a few ms a window.
   */
  readonly window_overhead_us?: number;
  readonly clock_ns: number;
  readonly paths: { readonly A: PathCounts; readonly B: PathCounts; readonly C: PathCounts };
  readonly honest_b: HonestCounts;
  /** Event-loop poll phases that delivered I/O (wake-ups with packets). */
  readonly io_batches: number;
  /** Mean receive cost of a unit after the first of its poll phase (ns, pauses out), measured in place, and samples. */
  readonly recv_gap_ns: number;
  readonly recv_gap_samples: number;
  /** Time inside the datagram and TCP data handlers, pauses out, ns (receive-only: dispatch, framing, counting). */
  readonly handler_ns: number;
  /**
   * Main-thread garbage-collection pauses in the window (src/wire/gc-pauses.ts), ns: all of them, and the parts inside
   * the handlers, the in-batch gaps, the kept stage samples and the sampling overhead (taken out of each; absent in
   * reports from before the pauses were measured).
   */
  readonly gc?: GcReport;
  /** A poll phase's wake-up measured in place (src/wire/wake-clock.ts; absent in older reports). */
  readonly wake?: WakeReport;
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
  readonly receive: ReceiveTimes;
  readonly gc: GcPauses;
  /** Pause time inside the sampling overhead's intervals, ns. */
  readonly gcInOverheadNs: number;
  readonly wake: WakeReport;
  /** CPU of the window's start, µs (from its first CPU reading to the end of the start). */
  readonly startOverheadUs: number;
  /** The process CPU when the stop began (before the pauses and reports were gathered). */
  readonly stopCpu: NodeJS.CpuUsage;
}

/**
 * The window's CPU per thread from the readings S and T around it and its process CPU CPU_US: the helper threads'
 * from their schedstat, the main thread's as the process CPU less the helpers'. The main thread's own schedstat is
 * not used: it is the reader, and a running thread's figure is brought up to date only at ticks and scheduling events
 * (getrusage updates it; reading the file does not), so it lagged by up to a tick at the window's end: measured here,
 * 0.4-2.5 ms short in idle windows of 1.2 s, as much as the idle loop's whole CPU. A helper thread is asleep at the
 * reading nearly always, and then its figure is exact.
 */
export function threadsOf(cpuUs: number, s: ThreadCpu, t: ThreadCpu): WindowReport['threads'] {
  const helpersUs = Math.max(0, t.helpersNs - s.helpersNs) / 1000;
  return {
    available: s.available && t.available,
    main_us: Math.max(0, cpuUs - helpersUs),
    helpers_us: Math.min(cpuUs, helpersUs),
  };
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
      threads: threadCpu(), // the helpers' figures (the main thread's is the process CPU less theirs: threadsOf)
    };
  },
  /** The report of the window started at S. */
  end(s: WindowStart, e: WindowEnd): WindowReport {
    const t = threadCpu();
    const now = process.cpuUsage();
    const cpu = { user: now.user - s.cpu.user, system: now.system - s.cpu.system };
    const stopUs = now.user + now.system - (e.stopCpu.user + e.stopCpu.system);
    const windowUs = Math.max(0, e.startOverheadUs) + Math.max(0, stopUs);
    const wallMs = performance.now() - s.wallMs;
    const udp = udpCounters();
    return {
      mode: e.mode,
      wall_s: wallMs / 1000,
      cpu_us: cpu.user + cpu.system,
      cpu_user_us: cpu.user,
      cpu_system_us: cpu.system,
      threads: threadsOf(cpu.user + cpu.system, s.threads, t),
      sampling_overhead_us: e.overheadNs / 1000 + windowUs,
      window_overhead_us: windowUs,
      clock_ns: e.clockNs,
      paths: { A: e.counts.path('A'), B: e.counts.path('B'), C: e.counts.path('C') },
      honest_b: e.counts.honest(),
      io_batches: e.counts.batches,
      recv_gap_ns: e.receive.gapCount > 0 ? e.receive.gapSumNs / e.receive.gapCount : 0,
      recv_gap_samples: e.receive.gapCount,
      handler_ns: e.receive.handlerNs,
      gc: {
        available: e.gc.available,
        pauses: e.gc.pauses.length,
        pause_ns: e.gc.pause_ns,
        in_handlers_ns: e.receive.handlerGcNs,
        in_gaps_ns: e.receive.gapGcNs,
        in_samples_ns: Object.values(e.stages).reduce((a, s) => a + (s.gc_ns ?? 0), 0),
        in_overhead_ns: e.gcInOverheadNs,
        by_kind: e.gc.by_kind,
      },
      wake: e.wake,
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
