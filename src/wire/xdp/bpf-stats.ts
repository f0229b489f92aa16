/**
 * The kernel's BPF run-time statistics (`kernel.bpf_stats_enabled`): while it is 1 the kernel adds
 * every program run's duration to run_time_ns and counts run_cnt, which is how c_xdp is measured
 * (issue 20). Turned on for the first attached limiter of this process and set back to the value it
 * had when the last one detaches (or the process exits).
 */
import { readFileSync, writeFileSync } from 'node:fs';

const SYSCTL = '/proc/sys/kernel/bpf_stats_enabled';

let holders = 0;
let previous: string | null = null;
let hooked = false;

function restore(): void {
  if (previous === null) return;
  try {
    writeFileSync(SYSCTL, previous);
  } catch {
    // nothing more to do on the way out: the value stays as it is
  }
  previous = null;
}

/** Turns the statistics on (remembering the previous value); pair with {@link releaseBpfStats}. */
export function holdBpfStats(): void {
  if (holders++ === 0) {
    previous = readFileSync(SYSCTL, 'utf8').trim();
    writeFileSync(SYSCTL, '1');
    if (!hooked) process.on('exit', restore);
    hooked = true;
  }
}

/** Releases one hold; the last release restores the value found by the first hold. */
export function releaseBpfStats(): void {
  if (holders > 0 && --holders === 0) restore();
}
