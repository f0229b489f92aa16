/**
 * The main thread's garbage-collection pauses, as node:perf_hooks reports them (PerformanceObserver,
 * entry type 'gc': start on the performance clock and duration, ms, and the kind: minor = scavenge,
 * major = mark-compact's atomic pause, incremental = a marking step, weakcb = weak callbacks). The
 * collector runs them on the event-loop thread wherever an allocation crosses a limit, so they land
 * inside and outside the broker's timed calls alike; the stage ledger (src/wire/ledger.ts) takes
 * them out of every timed interval and charges their sum once (src/wire/interval-log.ts). Node
 * creates an entry in the check phase after the pause, so a window's entries are complete once the
 * stop request (a later poll phase) runs. The bench's broker runs with --single-threaded-gc
 * (src/wire/session.ts BROKER_NODE_FLAGS): a pause is then the main thread's work alone. Where
 * helper threads collect beside it, their share is in the helper threads' CPU
 * (src/wire/thread-cpu.ts), and the pause's wall time includes the main thread waiting on them.
 */
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import type { Pause } from './interval-log.js';

/** Pauses of one window: each pause (ns on the performance clock) and totals per kind. */
export interface GcPauses {
  /** Whether the runtime reported gc entries (perf_hooks present and observing). */
  readonly available: boolean;
  readonly pauses: readonly Pause[];
  /** Sum of the pauses inside the window, ns. */
  readonly pause_ns: number;
  /** Pause time per kind (minor, major, incremental, weakcb), ns. */
  readonly by_kind: Readonly<Record<string, number>>;
}

const KIND_NAMES: Readonly<Record<number, string>> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

/** Name of a gc entry's kind (entry.detail.kind), 'other' when unknown. */
export function gcKindName(kind: unknown): string {
  return typeof kind === 'number' ? (KIND_NAMES[kind] ?? 'other') : 'other';
}

/** Pauses of ENTRIES clipped to [FROM_NS, TO_NS], ordered by start. */
export function pausesIn(
  entries: readonly { startNs: number; endNs: number; kind: string }[],
  fromNs: number,
  toNs: number,
): GcPauses {
  const pauses: Pause[] = [];
  const byKind: Record<string, number> = {};
  let total = 0;
  for (const e of [...entries].sort((a, b) => a.startNs - b.startNs)) {
    const s = Math.max(fromNs, e.startNs);
    const t = Math.min(toNs, e.endNs);
    if (!(t > s)) continue;
    pauses.push({ startNs: s, endNs: t });
    byKind[e.kind] = (byKind[e.kind] ?? 0) + (t - s);
    total += t - s;
  }
  return { available: true, pauses, pause_ns: total, by_kind: byKind };
}

/** Collects the process's gc entries from construction on. */
export class GcWatch {
  private entries: { startNs: number; endNs: number; kind: string }[] = [];
  private readonly observer: PerformanceObserver | null;

  constructor() {
    let o: PerformanceObserver | null;
    try {
      o = new PerformanceObserver((list) => this.keep(list.getEntries()));
      o.observe({ entryTypes: ['gc'] });
    } catch {
      o = null; // no gc entries here: the ledger then has no pause stage and says so (available: false)
    }
    this.observer = o;
  }

  private keep(list: readonly PerformanceEntry[]): void {
    for (const e of list) {
      const detail = (e as PerformanceEntry & { detail?: { kind?: unknown } }).detail;
      this.entries.push({
        startNs: e.startTime * 1e6,
        endNs: (e.startTime + e.duration) * 1e6,
        kind: gcKindName(detail?.kind),
      });
    }
  }

  /** The pauses inside [FROM_NS, TO_NS]; entries ending before FROM_NS are forgotten. */
  take(fromNs: number, toNs: number): GcPauses {
    if (!this.observer) return { available: false, pauses: [], pause_ns: 0, by_kind: {} };
    this.keep(this.observer.takeRecords());
    const r = pausesIn(this.entries, fromNs, toNs);
    this.entries = this.entries.filter((e) => e.endNs > toNs);
    return r;
  }
}
