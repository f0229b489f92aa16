/**
 * Synthetic broker window reports for the wire tests: only the fields a test names are set, the
 * rest are zero (stage means given in ns, one sample each).
 */
import type { PathCounts } from '../src/wire/broker-counts.js';
import type { WindowReport } from '../src/wire/window-report.js';

/** What a test sets. */
export interface WindowSpec {
  readonly wall_s: number;
  readonly cpu_us: number;
  readonly sampling_overhead_us?: number;
  readonly paths?: Partial<Record<'A' | 'B' | 'C', Partial<PathCounts>>>;
  readonly stages?: Readonly<Record<string, number>>;
  readonly honest_b?: WindowReport['honest_b'];
  readonly kernel?: number;
  readonly helpers_us?: number;
  readonly io_batches?: number;
  readonly recv_gap_ns?: number;
  readonly handler_ns?: number;
  /** Main-thread garbage-collection pauses in the window, ns. */
  readonly gc_ns?: number;
  /** The in-place wake-up clock's report (src/wire/wake-clock.ts). */
  readonly wake?: WindowReport['wake'];
}

const path = (p: Partial<PathCounts> = {}): PathCounts => ({ received: 0, accepted: 0, rejected: {}, reads: 0, ...p });

/** A window report from SPEC. */
export function windowOf(spec: WindowSpec): WindowReport {
  return {
    mode: 'admit',
    wall_s: spec.wall_s,
    cpu_us: spec.cpu_us,
    cpu_user_us: spec.cpu_us,
    cpu_system_us: 0,
    threads: { available: true, main_us: spec.cpu_us - (spec.helpers_us ?? 0), helpers_us: spec.helpers_us ?? 0 },
    sampling_overhead_us: spec.sampling_overhead_us ?? 0,
    clock_ns: 30,
    paths: { A: path(spec.paths?.A), B: path(spec.paths?.B), C: path(spec.paths?.C) },
    honest_b: spec.honest_b ?? { received: 0, accepted: 0, rate_limited: 0 },
    io_batches: spec.io_batches ?? 0,
    recv_gap_ns: spec.recv_gap_ns ?? 0,
    recv_gap_samples: spec.recv_gap_ns === undefined ? 0 : 1,
    handler_ns: spec.handler_ns ?? 0,
    ...(spec.gc_ns === undefined
      ? {}
      : {
          gc: {
            available: true,
            pauses: 1,
            pause_ns: spec.gc_ns,
            in_handlers_ns: 0,
            in_gaps_ns: 0,
            in_samples_ns: 0,
            in_overhead_ns: 0,
            by_kind: { minor: spec.gc_ns },
          },
        }),
    ...(spec.wake === undefined ? {} : { wake: spec.wake }),
    stages: Object.fromEntries(
      Object.entries(spec.stages ?? {}).map(([k, v]) => [k, { mean_ns: v, samples: 1, outliers: 0 }]),
    ),
    kernel: { available: true, rcvbuf_errors: spec.kernel ?? 0, in_errors: spec.kernel ?? 0, socket_drops: 0 },
    accepted_b_per_vantage: null,
  };
}
