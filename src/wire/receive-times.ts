/**
 * The broker's receive timing of one window, from its log of handler intervals (one per datagram
 * or TCP read, src/wire/broker.ts; tag 1 when an earlier handler ran in the same poll phase): the
 * time inside the handlers, and the receive gap before each in-batch handler (the previous
 * handler's end to this one's start: recvmsg or read, libuv, the call into JS), both without the
 * garbage-collection pauses inside them (src/wire/gc-pauses.ts; the ledger charges those once). A
 * gap still over 200 µs was a preemption and is left out of the mean.
 */
import { IntervalLog, overlapEach, type Pause } from './interval-log.js';

/** A gap longer than this (after pauses) was the thread off the CPU: left out. */
export const GAP_LIMIT_NS = 200_000;

/** Tag of a handler that ran after another in the same poll phase. */
export const IN_BATCH = 1;

/** Receive timing of a window, ns. */
export interface ReceiveTimes {
  /** Time inside the handlers, pauses taken out. */
  readonly handlerNs: number;
  /** Pause time inside the handlers. */
  readonly handlerGcNs: number;
  /** Sum and count of the kept in-batch gaps, pauses taken out. */
  readonly gapSumNs: number;
  readonly gapCount: number;
  /** Pause time inside the kept gaps. */
  readonly gapGcNs: number;
}

/** The receive timing of HANDLERS with PAUSES (ordered by start) taken out. */
export function receiveTimes(handlers: IntervalLog, pauses: readonly Pause[]): ReceiveTimes {
  let handlerNs = 0;
  let handlerGcNs = 0;
  overlapEach(handlers, pauses, (i, gc) => {
    handlerNs += Math.max(0, handlers.end(i) - handlers.start(i) - gc);
    handlerGcNs += gc;
  });
  const gaps = new IntervalLog();
  for (let i = 1; i < handlers.length; i++)
    if (handlers.tag(i) === IN_BATCH) gaps.push(handlers.end(i - 1), Math.max(handlers.end(i - 1), handlers.start(i)));
  let gapSumNs = 0;
  let gapCount = 0;
  let gapGcNs = 0;
  overlapEach(gaps, pauses, (i, gc) => {
    const g = gaps.end(i) - gaps.start(i) - gc;
    if (!(g >= 0 && g <= GAP_LIMIT_NS)) return;
    gapSumNs += g;
    gapGcNs += gc;
    gapCount++;
  });
  return { handlerNs, handlerGcNs, gapSumNs, gapCount, gapGcNs };
}
