/**
 * The stage ledger (issue 20 Deliver 3): a broker's CPU per second predicted as the sum over its
 * stages of (measured cost per packet) x (packets per second), beside the process CPU it measured.
 * Stages: socket receive (wake-ups per poll phase, in-batch receives measured in place, dispatch and framing; from
 * a receive-only window at the same rate, receiveStages), the
 * admission stages timed in place (src/wire/shadow.ts: parse, canonical bytes, HMAC, and the
 * remainder of the pipeline's call), the drop path and other rejections, and the idle event loop
 * (a per-second cost, written as one "packet" per second), the main thread's garbage-collection pauses (measured in
 * the window, per second, src/wire/gc-pauses.ts; every other stage is priced with the pauses taken out of its
 * intervals, so each pause is charged once), and the CPU of the process's helper threads (the collector's parallel
 * and concurrent work, compiler, libuv pool: measured in the window, per second, src/wire/thread-cpu.ts; the
 * per-packet stages price the main thread). `in_joint` says whether draft §3.2's
 * JOINT charges the stage (A: c_json + c_hmac; B: c_bfd_parse + c_hmac; C: q * c_ed25519).
 * Units: ns per packet, packets per second, µs of CPU per second.
 */
import type { WirePath } from './broker-counts.js';
import { inPlaceWakeNs, receiveStages, uncoveredShare, wakeUpNs } from './receive-stages.js';
import { gcPauseUs, measuredUsPerSecond, type LedgerStage } from './window-cpu.js';
import type { WindowReport } from './window-report.js';

export { inPlaceWakeNs, receiveStages, uncoveredShare, wakeUpNs } from './receive-stages.js';
export { gcPauseUs, idleUsPerSecond, mainThreadUs, measuredUsPerSecond } from './window-cpu.js';

export type { LedgerStage } from './window-cpu.js';

/** A ledger for one path at one grid point. */
export interface Ledger {
  /** Process CPU per second, sampling overhead subtracted. */
  readonly measured_cpu_us_per_s: number;
  /** Sum of the stages. */
  readonly ledger_cpu_us_per_s: number;
  readonly ledger_over_measured: number;
  readonly stages: readonly LedgerStage[];
  /** A poll phase's cost beyond its handlers and gaps: the receive-only window's (the ledger's price), the admit's. */
  readonly wake_up_ns?: { readonly receive_only: number; readonly admit: number; readonly in_place?: number };
}

/** CPU of a stage in µs per second. */
export const stageUsPerSecond = (s: LedgerStage): number => (s.per_packet_ns * s.packets_per_s) / 1000;

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
    // a per-second cost: one "packet" per second costing the idle loop's ns per second; measured in place, the
    // between-phase CPU holds the idle loop's work while it runs between the phases: the idle stage is then charged
    // for the rest of the window only (the phases themselves and the time after the last one)
    {
      stage: 'event loop idle (per second)',
      per_packet_ns: idleUsPerS * 1000,
      packets_per_s: uncoveredShare(admit),
      in_joint: false,
    },
    {
      stage: 'garbage-collection pauses, main thread (per second)',
      per_packet_ns: (gcPauseUs(admit) * 1000) / admit.wall_s,
      packets_per_s: 1,
      in_joint: false,
    },
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
    wake_up_ns: {
      receive_only: wakeUpNs(path, recv, idleUsPerS),
      admit: wakeUpNs(path, admit, idleUsPerS),
      ...(inPlaceWakeNs(admit) !== null ? { in_place: inPlaceWakeNs(admit)! } : {}),
    },
  };
}
