/**
 * The stage ledger (issue 20 Deliver 3): a broker's CPU per second predicted as the sum over its
 * stages of (measured cost per packet) x (packets per second), beside the process CPU it measured.
 * Stages: socket receive (wake-ups per poll phase, in-batch receives measured in place, dispatch and framing; from
 * a receive-only window at the same rate, receiveStages), the
 * admission stages timed in place (src/wire/shadow.ts: parse, canonical bytes, HMAC, and the
 * remainder of the pipeline's call), the drop path and other rejections, and the idle event loop
 * (a per-second cost, written as one "packet" per second), and the CPU of the process's helper threads (garbage
 * collector, compiler, libuv pool: measured in the window, per second, src/wire/thread-cpu.ts; the per-packet
 * stages price the main thread). `in_joint` says whether draft §3.2's
 * JOINT charges the stage (A: c_json + c_hmac; B: c_bfd_parse + c_hmac; C: q * c_ed25519).
 * Units: ns per packet, packets per second, µs of CPU per second.
 */
import type { WirePath } from './broker-counts.js';
import type { WindowReport } from './window-report.js';

/** One stage of the ledger (the bench-wire-v1 document's `stages` entries). */
export interface LedgerStage {
  readonly stage: string;
  readonly per_packet_ns: number;
  readonly packets_per_s: number;
  readonly in_joint: boolean;
}

/** A ledger for one path at one grid point. */
export interface Ledger {
  /** Process CPU per second, sampling overhead subtracted. */
  readonly measured_cpu_us_per_s: number;
  /** Sum of the stages. */
  readonly ledger_cpu_us_per_s: number;
  readonly ledger_over_measured: number;
  readonly stages: readonly LedgerStage[];
}

/** CPU of a stage in µs per second. */
export const stageUsPerSecond = (s: LedgerStage): number => (s.per_packet_ns * s.packets_per_s) / 1000;

/** Process CPU per second of window W with its sampling overhead subtracted, µs/s. */
export function measuredUsPerSecond(w: WindowReport): number {
  return Math.max(0, w.cpu_us - w.sampling_overhead_us) / w.wall_s;
}

/** Main-thread CPU of window W, µs (the process CPU where per-thread figures are absent). */
export function mainThreadUs(w: WindowReport): number {
  return w.threads.available ? w.threads.main_us : w.cpu_us;
}

/**
 * The receive stages of PATH, one unit being a datagram (path B) or a TCP read (A, C). A unit after the first of its
 * event-loop poll phase costs the gap since the previous handler ended (recvmsg or read, libuv, the call into JS),
 * measured in place in the window itself; dispatch and framing cost the receive-only window's handler time per packet;
 * a poll phase costs the rest of the receive-only window's main-thread CPU (idle, gaps and handlers taken out): the
 * wake-up and its first unit. The wake-up depends on how long the thread slept (the rate), the batching on the work
 * per packet (the mode): hence the split, priced per poll phase and per unit of the admit window.
 */
export function receiveStages(path: WirePath, admit: WindowReport, recv: WindowReport, idleUsPerS: number) {
  const inBatch = (w: WindowReport) => Math.max(0, w.paths[path].reads - w.io_batches);
  const rest =
    Math.max(0, mainThreadUs(recv) - idleUsPerS * recv.wall_s) * 1000 -
    recv.recv_gap_ns * inBatch(recv) -
    recv.handler_ns;
  const packets = recv.paths[path].received;
  const unit = path === 'B' ? 'datagram' : 'TCP read';
  const stages: LedgerStage[] = [
    {
      stage: `wake-up with I/O + first ${unit} (per poll phase)`,
      per_packet_ns: recv.io_batches > 0 ? Math.max(0, rest) / recv.io_batches : 0,
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

const mean = (w: WindowReport, name: string): number => w.stages[name]?.mean_ns ?? 0;

/** The ledger of PATH in the admit window ADMIT, with the receive-only window RECV and the idle CPU (µs/s). */
export function ledgerOf(path: WirePath, admit: WindowReport, recv: WindowReport, idleUsPerS: number): Ledger {
  const c = admit.paths[path];
  const perS = (count: number) => count / admit.wall_s;
  const rejected = Object.entries(c.rejected);
  const dropped = rejected.filter(([k]) => k === 'rate-limited').reduce((a, [, v]) => a + v, 0);
  const other = rejected.filter(([k]) => k !== 'rate-limited').reduce((a, [, v]) => a + v, 0);
  const whole = mean(admit, `${path}.admit.accepted`);
  const split = [
    mean(admit, `${path}.parse`),
    path === 'A' ? mean(admit, 'A.canonical') : 0,
    path === 'C' ? 0 : mean(admit, `${path}.hmac`),
  ];
  // The whole call is measured directly; the repeated stages split it. Repeats that cost more than the whole (colder
  // caches when run alone) are scaled down to the whole, so the split never adds CPU the call did not spend.
  const splitSum = split.reduce((a, b) => a + b, 0);
  const scale = splitSum > whole && splitSum > 0 ? whole / splitSum : 1;
  const [parse, canonical, hmac] = split.map((x) => x * scale) as [number, number, number];
  const rest = Math.max(0, whole - parse - canonical - hmac);
  const stages = receiveStages(path, admit, recv, idleUsPerS);
  if (path === 'C') {
    stages.push(
      { stage: 'note + checkpoint parse', per_packet_ns: parse, packets_per_s: perS(c.accepted), in_joint: false },
      {
        stage: 'Ed25519 verify x (q + 1), key lookup (remainder)',
        per_packet_ns: rest,
        packets_per_s: perS(c.accepted),
        in_joint: true,
      },
    );
  } else {
    stages.push({
      stage: path === 'A' ? 'parse (JSON + schema)' : 'parse (BFD binary)',
      per_packet_ns: parse,
      packets_per_s: perS(c.accepted),
      in_joint: true,
    });
    if (path === 'A')
      stages.push({
        stage: 'canonical bytes + tag decode',
        per_packet_ns: canonical,
        packets_per_s: perS(c.accepted),
        in_joint: false,
      });
    stages.push(
      { stage: 'HMAC-SHA256 verify', per_packet_ns: hmac, packets_per_s: perS(c.accepted), in_joint: true },
      {
        stage: 'key/session lookup, rate limit, T-RC-1 state (remainder)',
        per_packet_ns: rest,
        packets_per_s: perS(c.accepted),
        in_joint: false,
      },
    );
  }
  stages.push(
    {
      stage: 'drop path (rate limited)',
      per_packet_ns: mean(admit, `${path}.admit.dropped`),
      packets_per_s: perS(dropped),
      in_joint: false,
    },
    {
      stage: 'other rejections',
      per_packet_ns: mean(admit, `${path}.admit.rejected`),
      packets_per_s: perS(other),
      in_joint: false,
    },
    // a per-second cost: one "packet" per second costing the idle loop's ns per second
    { stage: 'event loop idle (per second)', per_packet_ns: idleUsPerS * 1000, packets_per_s: 1, in_joint: false },
    {
      stage: 'helper threads: GC, compiler, libuv pool (per second)',
      per_packet_ns: (admit.threads.helpers_us * 1000) / admit.wall_s,
      packets_per_s: 1,
      in_joint: false,
    },
  );
  const measured = measuredUsPerSecond(admit);
  const ledger = stages.reduce((a, s) => a + stageUsPerSecond(s), 0);
  return {
    measured_cpu_us_per_s: measured,
    ledger_cpu_us_per_s: ledger,
    ledger_over_measured: measured > 0 ? ledger / measured : 0,
    stages,
  };
}
