/**
 * The broker's scheduling priority: as root, every thread of the broker process gets nice -5, so
 * other jobs on a shared machine preempt it less inside a measurement window (its CPU time is
 * measured either way; preemption moves cache and wake-up costs). Threads created later inherit it.
 */
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Nice value of the broker's threads when this process is root. */
export const BROKER_NICE = -5;

/** Sets every thread of PID to NICE; how many threads it set (0: not root, gone, or not permitted). */
export function reniceThreads(pid: number, nice: number = BROKER_NICE): number {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 0;
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  let set = 0;
  for (const tid of tids) {
    try {
      setPriority(Number(tid), nice);
      set++;
    } catch {
      // a thread that ended meanwhile, or not permitted: it keeps its priority
    }
  }
  return set;
}
