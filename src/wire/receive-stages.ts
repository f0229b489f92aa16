/**
 * The receive stages of the stage ledger (src/wire/ledger.ts): a poll phase's wake-up (measured in
 * place, src/wire/wake-clock.ts, or else priced from the receive-only window), the in-batch receive
 * gap and the dispatch or framing per packet, and the share of a window the in-place samples leave
 * to the idle stage.
 */
import type { WirePath } from './broker-counts.js';
import { gcPauseUs, mainThreadUs, type LedgerStage } from './window-cpu.js';
import type { WindowReport } from './window-report.js';

/**
 * What a poll phase costs in window W beyond its handlers and in-batch gaps, ns (pauses and idle out): the wake-up
 * and its first unit. From a receive-only window it prices the ledger's wake-up stage; from the admit window itself
 * it is a check on that price (the bench-wire-v1 grid row's `wake_up_ns`), never a term of the ledger.
 */
export function wakeUpNs(path: WirePath, w: WindowReport, idleUsPerS: number): number {
  const inBatch = Math.max(0, w.paths[path].reads - w.io_batches);
  const rest =
    Math.max(0, mainThreadUs(w) - gcPauseUs(w) - idleUsPerS * w.wall_s) * 1000 - w.recv_gap_ns * inBatch - w.handler_ns;
  return w.io_batches > 0 ? Math.max(0, rest) / w.io_batches : 0;
}

/**
 * A poll phase's cost measured in place in window W (src/wire/wake-clock.ts), ns: the main thread's CPU between
 * phases (where the samples are the process's: less the helper threads' CPU in the share of the window's wall time
 * the samples span), plus the phase's tail; null without samples.
 */
export function inPlaceWakeNs(w: WindowReport): number | null {
  const k = w.wake;
  if (!k || k.samples === 0) return null;
  const share = k.main_thread === true ? 0 : Math.min(1, k.between_wall_ns / (w.wall_s * 1e9));
  const helpersNs = w.threads.helpers_us * 1000 * share;
  return Math.max(0, k.between_ns * k.samples - helpersNs) / k.samples + k.tail_ns;
}

/**
 * The share of window W's wall time outside its between-phase intervals (src/wire/wake-clock.ts), estimated from the
 * sampled ones (1 in every io_batches / samples); 1 without in-place samples.
 */
export function uncoveredShare(w: WindowReport): number {
  const k = w.wake;
  if (!k || k.samples === 0 || w.io_batches === 0) return 1;
  const covered = (k.between_wall_ns * (w.io_batches / (k.samples + k.set_aside))) / (w.wall_s * 1e9);
  return Math.min(1, Math.max(0, 1 - covered));
}

/**
 * The receive stages of PATH, one unit being a datagram (path B) or a TCP read (A, C). A unit after the first of its
 * event-loop poll phase costs the gap since the previous handler ended (recvmsg or read, libuv, the call into JS),
 * measured in place in the window itself; dispatch and framing cost the receive-only window's handler time per packet;
 * a poll phase costs the rest of the receive-only window's main-thread CPU (idle, pauses, gaps and handlers out): the
 * wake-up and its first unit. The wake-up depends on how long the thread slept (the rate), the batching on the work
 * per packet (the mode): hence the split, priced per poll phase and per unit of the admit window.
 */
export function receiveStages(path: WirePath, admit: WindowReport, recv: WindowReport, idleUsPerS: number) {
  const inBatch = (w: WindowReport) => Math.max(0, w.paths[path].reads - w.io_batches);
  const packets = recv.paths[path].received;
  const unit = path === 'B' ? 'datagram' : 'TCP read';
  const inPlace = inPlaceWakeNs(admit);
  const stages: LedgerStage[] = [
    inPlace !== null
      ? {
          stage: `between poll phases: sleep, wake-up, first ${unit}, idle loop; phase tail (per poll phase, in place)`,
          per_packet_ns: inPlace,
          packets_per_s: admit.io_batches / admit.wall_s,
          in_joint: false,
        }
      : {
          stage: `wake-up with I/O + first ${unit} (per poll phase)`,
          per_packet_ns: wakeUpNs(path, recv, idleUsPerS),
          packets_per_s: admit.io_batches / admit.wall_s,
          in_joint: false,
        },
    {
      stage: `socket receive (per further ${unit})`,
      per_packet_ns: admit.recv_gap_ns,
      packets_per_s: inBatch(admit) / admit.wall_s,
      in_joint: false,
    },
    {
      stage: path === 'B' ? 'dispatch + counting (per datagram)' : 'framing + dispatch (per frame)',
      per_packet_ns: packets > 0 ? recv.handler_ns / packets : 0,
      packets_per_s: admit.paths[path].received / admit.wall_s,
      in_joint: false,
    },
  ];
  return stages;
}
