/**
 * A window's CPU figures the stage ledger starts from (src/wire/ledger.ts): process CPU with the
 * sampling overhead out, the main thread's CPU (schedstat, src/wire/thread-cpu.ts), the idle
 * loop's, and the main thread's garbage-collection pauses (src/wire/gc-pauses.ts).
 */
import type { WindowReport } from './window-report.js';

/** One stage of the ledger (the bench-wire-v1 document's `stages` entries; src/wire/ledger.ts sums them). */
export interface LedgerStage {
  readonly stage: string;
  readonly per_packet_ns: number;
  readonly packets_per_s: number;
  readonly in_joint: boolean;
}

/** Process CPU per second of window W with its sampling overhead subtracted, µs/s. */
export function measuredUsPerSecond(w: WindowReport): number {
  return Math.max(0, w.cpu_us - w.sampling_overhead_us) / w.wall_s;
}

/** Main-thread CPU of window W, µs (the process CPU where per-thread figures are absent). */
export function mainThreadUs(w: WindowReport): number {
  return w.threads.available ? w.threads.main_us : w.cpu_us;
}

/**
 * The idle event loop's CPU in the no-traffic window W, µs/s: its main thread, pauses out (charged on their own), and
 * the measurement's overhead out (the window's own start and stop, as in every window).
 */
export function idleUsPerSecond(w: WindowReport): number {
  return Math.max(0, mainThreadUs(w) - gcPauseUs(w) - w.sampling_overhead_us) / w.wall_s;
}

/** Main-thread garbage-collection pauses of window W, µs (0 for a report without them). */
export function gcPauseUs(w: WindowReport): number {
  return (w.gc?.pause_ns ?? 0) / 1000;
}
