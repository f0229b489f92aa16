/**
 * A log of time intervals in the order they happened (start, end in ns on the performance clock,
 * src/wire/stage-clock.ts nowNs), each with a small tag, and their overlap with the main thread's
 * garbage-collection pauses (src/wire/gc-pauses.ts). The stage ledger (issue 20 Deliver 3) prices
 * every stage without the collector's pauses and charges the pauses once, as their own measured
 * stage: an interval's cost is its length less the pause time inside it.
 */

/** One main-thread pause: start and end, ns on the performance clock. */
export interface Pause {
  readonly startNs: number;
  readonly endNs: number;
}

/** Time-ordered intervals with a tag each, stored flat (no object per interval on the broker's hot path). */
export class IntervalLog {
  private data = new Float64Array(3 * 1024);
  private n = 0;

  /** Intervals logged. */
  get length(): number {
    return this.n;
  }

  /** Logs [START_NS, END_NS] with TAG (a small integer). */
  push(startNs: number, endNs: number, tag = 0): void {
    if (3 * this.n === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const i = 3 * this.n++;
    this.data[i] = startNs;
    this.data[i + 1] = endNs;
    this.data[i + 2] = tag;
  }

  /** Start of interval I, ns. */
  start(i: number): number {
    return this.data[3 * i]!;
  }

  /** End of interval I, ns. */
  end(i: number): number {
    return this.data[3 * i + 1]!;
  }

  /** Tag of interval I. */
  tag(i: number): number {
    return this.data[3 * i + 2]!;
  }

  /** Empties the log (the storage is kept). */
  clear(): void {
    this.n = 0;
  }
}

/**
 * Pause time inside each interval: calls EACH(i, overlapNs) for every interval of LOG with its overlap with PAUSES
 * (both ordered by start; the log's intervals do not overlap each other, pauses may span several intervals).
 */
export function overlapEach(log: IntervalLog, pauses: readonly Pause[], each: (i: number, ns: number) => void): void {
  let p = 0;
  for (let i = 0; i < log.length; i++) {
    const s = log.start(i);
    const e = log.end(i);
    while (p < pauses.length && pauses[p]!.endNs <= s) p++;
    let ns = 0;
    for (let q = p; q < pauses.length && pauses[q]!.startNs < e; q++)
      ns += Math.max(0, Math.min(e, pauses[q]!.endNs) - Math.max(s, pauses[q]!.startNs));
    each(i, ns);
  }
}

/** Overlap of [START_NS, END_NS] with PAUSES, ns (for single intervals off the hot path). */
export function overlapNs(startNs: number, endNs: number, pauses: readonly Pause[]): number {
  let ns = 0;
  for (const p of pauses) ns += Math.max(0, Math.min(endNs, p.endNs) - Math.max(startNs, p.startNs));
  return ns;
}
