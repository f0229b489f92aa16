/**
 * CPU time of the process's threads from /proc/self/task/TID/schedstat (first field: ns on a
 * CPU, user and system together): the main thread (the event loop, where the broker's stages run)
 * apart from the helper threads (V8's garbage collector and compiler, the libuv pool). The ledger
 * prices the main thread per packet and reports the helpers' CPU as measured. A running thread's
 * figure lags (it moves at ticks and scheduling events): the reader's own, the main thread's, is
 * taken as the process CPU less the helpers' (src/wire/window-report.ts threadsOf), or read through
 * threadClock, which brings it up to date first. Where schedstat is absent both read as 0 and
 * `available` is false.
 */
import { openSync, readdirSync, readFileSync, readSync } from 'node:fs';

/** CPU ns of the main thread and of all other threads. */
export interface ThreadCpu {
  readonly available: boolean;
  readonly mainNs: number;
  readonly helpersNs: number;
}

/** Parses a schedstat line: the first field, ns on a CPU (0 when unreadable). */
export function schedstatNs(text: string): number {
  const v = Number(text.trim().split(/\s+/)[0]);
  return Number.isSafeInteger(v) && v >= 0 ? v : 0;
}

/** The threads' CPU now. */
export function threadCpu(): ThreadCpu {
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return { available: false, mainNs: 0, helpersNs: 0 };
  }
  let mainNs = 0;
  let helpersNs = 0;
  let available = false;
  for (const tid of tids) {
    let text: string;
    try {
      text = readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8');
    } catch {
      continue; // the thread ended between the listing and the read
    }
    available = true;
    if (Number(tid) === process.pid) mainNs = schedstatNs(text);
    else helpersNs += schedstatNs(text);
  }
  return { available, mainNs, helpersNs };
}

/**
 * A clock of the calling thread's CPU, ns: its schedstat through a descriptor opened here (so call it on the thread
 * it measures), brought up to date first: a running thread's figure in the file moves only at ticks and scheduling
 * events (in steps of 4 ms on this machine) unless getrusage, which brings the caller's up to date, runs just before.
 * Null where /proc/thread-self is absent.
 */
export function threadClock(): (() => number) | null {
  let fd: number;
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return null;
  }
  const buf = Buffer.alloc(64);
  const read = () => {
    process.cpuUsage(); // getrusage: the running thread's sum_exec_runtime brought up to date
    const n = readSync(fd, buf, 0, buf.length, 0);
    return schedstatNs(buf.toString('latin1', 0, n));
  };
  return read() > 0 ? read : null;
}
