/**
 * A poll phase's wake-up measured in place (issue 20 Deliver 3): the process CPU between the end of
 * one poll phase (its check phase, where the broker's setImmediate runs) and the first handler of
 * the next one that delivers I/O: the loop's turn, going to sleep in epoll_wait, waking, the first
 * recvmsg or read and the call into JS, and whatever the idle loop did meanwhile. The clock is
 * process.cpuUsage() (getrusage: CPU, not wall, so the sleep itself costs nothing), read on a
 * sampled 1-in-k of the poll phases; one read's cost (measured at start) lies inside each interval
 * and is subtracted, both reads are sampling overhead. A sample with a garbage-collection pause in
 * it is set aside (the pause is its own stage); so is one over 20 ms. getrusage counts every thread: the
 * helper threads' CPU over the window, in the share of the window's wall time the samples span, is
 * taken out by the ledger (src/wire/ledger.ts; exact when the helpers' work is spread evenly in time).
 * The phase's tail, from its last handler's end to the check phase, is wall time on a running
 * thread, logged for every phase with the pauses taken out.
 */
import { IntervalLog, overlapEach, type Pause } from './interval-log.js';
import { nowNs } from './stage-clock.js';

/** A between-phase sample over this much CPU had helper threads at work in it: set aside. */
const LIMIT_NS = 20_000_000;

const cpuNs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
};

/** The mean cost of one process.cpuUsage() read, ns, over REPS back-to-back reads (wall, on a running thread). */
export function cpuReadCostNs(reps = 20_000): number {
  const t0 = nowNs();
  for (let i = 0; i < reps; i++) cpuNs();
  return (nowNs() - t0) / reps;
}

/** What a window's wake-up clock measured, ns. */
export interface WakeReport {
  /** Mean CPU between poll phases per sample, read cost out (the process's: helper threads' CPU included). */
  readonly between_ns: number;
  readonly samples: number;
  /** Wall time the kept samples span, ns (the ledger takes the helper threads' share of it out). */
  readonly between_wall_ns: number;
  readonly set_aside: number;
  /** Mean tail of a poll phase (last handler's end to the check phase), pauses out, and how many. */
  readonly tail_ns: number;
  readonly tails: number;
  /** CPU the reads added, ns (sampling overhead). */
  readonly overhead_ns: number;
}

/** Between-phase CPU samples and phase tails of one window. */
export class WakeClock {
  private readonly between = new IntervalLog();
  private readonly tails = new IntervalLog();
  private c1 = -1;
  private t1 = 0;

  constructor(readonly readNs: number) {}

  /** Forgets everything and starts a window: its first poll phase's sample runs from here. */
  clear(): void {
    this.between.clear();
    this.tails.clear();
    this.t1 = nowNs();
    this.c1 = cpuNs();
  }

  /** In the check phase: the phase's tail began at LAST_END_NS; SAMPLE_NEXT reads the CPU for the next interval. */
  phaseEnd(lastEndNs: number, sampleNext: boolean): void {
    const t = nowNs();
    if (lastEndNs > 0 && t >= lastEndNs) this.tails.push(lastEndNs, t);
    if (!sampleNext) return;
    this.t1 = nowNs();
    this.c1 = cpuNs();
  }

  /** At a poll phase's first handler, before its own clock read. */
  phaseStart(): void {
    if (this.c1 < 0) return;
    const c = cpuNs() - this.c1;
    this.between.push(this.t1, nowNs(), c);
    this.c1 = -1;
  }

  /** The window's figures with PAUSES (ordered by start) out. */
  report(pauses: readonly Pause[]): WakeReport {
    let sum = 0;
    let n = 0;
    let aside = 0;
    let wall = 0;
    overlapEach(this.between, pauses, (i, gc) => {
      const ns = this.between.tag(i) - this.readNs;
      if (gc > 0 || ns > LIMIT_NS) {
        aside++;
        return;
      }
      sum += Math.max(0, ns);
      wall += this.between.end(i) - this.between.start(i);
      n++;
    });
    let tail = 0;
    overlapEach(this.tails, pauses, (i, gc) => (tail += Math.max(0, this.tails.end(i) - this.tails.start(i) - gc)));
    return {
      between_ns: n > 0 ? sum / n : 0,
      samples: n,
      between_wall_ns: wall,
      set_aside: aside,
      tail_ns: this.tails.length > 0 ? tail / this.tails.length : 0,
      tails: this.tails.length,
      overhead_ns: 2 * this.readNs * (n + aside),
    };
  }
}
