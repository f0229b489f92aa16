/**
 * A poll phase's wake-up measured in place (issue 20 Deliver 3): the process CPU between the end of
 * one poll phase (its check phase, where the broker's setImmediate runs) and the first handler of
 * the next one that delivers I/O: the loop's turn, going to sleep in epoll_wait, waking, the first
 * recvmsg or read and the call into JS, and whatever the idle loop did meanwhile. The clock is the
 * main thread's own CPU (src/wire/thread-cpu.ts threadClock; CPU, not wall, so the sleep itself
 * costs nothing; the helper threads' work beside it is not in it), or where that is absent the
 * process's (getrusage: the ledger then takes the helper threads' CPU out in the share of the
 * window's wall time the samples span, exact only when their work is spread evenly, which a
 * concurrent marking or a compile job is not), read on a sampled 1-in-k of the poll phases; one
 * read's cost (each read timed where it ran) lies inside each interval and is subtracted, both
 * reads are sampling overhead. A sample with a garbage-collection pause in it is set aside (the pause is its
 * own stage); so is one over 20 ms.
 * The phase's tail, from its last handler's end to the check phase, is wall time on a running
 * thread, logged for every phase with the pauses taken out.
 */
import { IntervalLog, overlapEach, type Pause } from './interval-log.js';
import { nowNs } from './stage-clock.js';
import { threadClock } from './thread-cpu.js';

/** A between-phase sample over this much CPU did more than wake up (a timer's or the control channel's work): aside. */
const LIMIT_NS = 20_000_000;

/** The process's CPU, ns (every thread): the fallback clock. */
export const processCpuNs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
};

/** A clock of the samples, ns, and whether it is the main thread's own CPU. */
export interface WakeClockSource {
  readonly read: () => number;
  readonly mainThread: boolean;
}

/** The clock of the samples: the main thread's CPU where it can be read, else the process's. */
export function wakeClockSource(): WakeClockSource {
  const t = threadClock();
  return t ? { read: t, mainThread: true } : { read: processCpuNs, mainThread: false };
}

/** What a window's wake-up clock measured, ns. */
export interface WakeReport {
  /** Mean CPU between poll phases per sample, read cost out. */
  readonly between_ns: number;
  /** Whether the samples are the main thread's CPU (else the process's, helper threads' CPU included; absent: so). */
  readonly main_thread?: boolean;
  readonly samples: number;
  /** Wall time the kept samples span, ns (with the process's clock the ledger takes the helpers' share of it out). */
  readonly between_wall_ns: number;
  readonly set_aside: number;
  /** Mean tail of a poll phase (last handler's end to the check phase), pauses out, and how many. */
  readonly tail_ns: number;
  readonly tails: number;
  /** One clock read's cost in place, ns (wall on the running thread; absent in older reports). */
  readonly read_ns?: number;
  /** CPU the reads added, ns (sampling overhead: their wall time in place). */
  readonly overhead_ns: number;
}

/** Between-phase CPU samples and phase tails of one window. */
export class WakeClock {
  private readonly between = new IntervalLog();
  private readonly tails = new IntervalLog();
  private c1 = -1;
  private t1 = 0;
  /** Wall time of this window's clock reads, and how many (a read after a sleep costs 3-5x one back to back). */
  private readWallNs = 0;
  private reads = 0;

  /** CLOCK: what the samples read (default the process's CPU). */
  constructor(private readonly clock: WakeClockSource = { read: processCpuNs, mainThread: false }) {}

  /** Forgets everything and starts a window: its first poll phase's sample runs from here. */
  clear(): void {
    this.between.clear();
    this.tails.clear();
    this.readWallNs = 0;
    this.reads = 0;
    this.t1 = nowNs();
    this.c1 = this.clock.read();
  }

  /** In the check phase: the phase's tail began at LAST_END_NS; SAMPLE_NEXT reads the CPU for the next interval. */
  phaseEnd(lastEndNs: number, sampleNext: boolean): void {
    const t = nowNs();
    if (lastEndNs > 0 && t >= lastEndNs) this.tails.push(lastEndNs, t);
    if (!sampleNext) return;
    this.t1 = nowNs();
    this.c1 = this.clock.read();
    this.readWallNs += nowNs() - this.t1;
    this.reads++;
  }

  /** At a poll phase's first handler, before its own clock read. */
  phaseStart(): void {
    if (this.c1 < 0) return;
    const r0 = nowNs();
    const c = this.clock.read() - this.c1;
    const r1 = nowNs();
    this.readWallNs += r1 - r0;
    this.reads++;
    this.between.push(this.t1, r1, c);
    this.c1 = -1;
  }

  /** The window's figures with PAUSES (ordered by start) out. */
  report(pauses: readonly Pause[]): WakeReport {
    const readNs = this.reads > 0 ? this.readWallNs / this.reads : 0; // a read's cost in place
    let sum = 0;
    let n = 0;
    let aside = 0;
    let wall = 0;
    overlapEach(this.between, pauses, (i, gc) => {
      const ns = this.between.tag(i) - readNs;
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
      main_thread: this.clock.mainThread,
      samples: n,
      between_wall_ns: wall,
      set_aside: aside,
      tail_ns: this.tails.length > 0 ? tail / this.tails.length : 0,
      tails: this.tails.length,
      read_ns: readNs,
      overhead_ns: this.readWallNs,
    };
  }
}
