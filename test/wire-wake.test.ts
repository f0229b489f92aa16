/**
 * A poll phase's wake-up measured in place (src/wire/wake-clock.ts): samples are taken only between a
 * sampled phase end and the next phase's first handler, a sample with a garbage-collection pause in
 * it is set aside, both CPU reads are sampling overhead (their cost timed in place); the clock is the main thread's
 * own CPU where it can be read; the ledger prices the wake-up from the admit window itself, takes the helper
 * threads' share of the sampled wall time out where the clock is the process's, and charges the idle
 * stage only for the time outside the between-phase intervals (the idle loop's work between the
 * phases is in them). No timing is asserted.
 */
import { describe, expect, test } from 'vitest';
import { ledgerOf, inPlaceWakeNs, stageUsPerSecond } from '../src/wire/ledger.js';
import { mergeWindows } from '../src/wire/merge-windows.js';
import { threadClock } from '../src/wire/thread-cpu.js';
import { WakeClock, wakeClockSource } from '../src/wire/wake-clock.js';
import { threadsOf } from '../src/wire/window-report.js';
import { windowOf } from './wire-fixtures.js';

describe('wake clock', () => {
  test('a sample needs a sampled phase end (or the window start) before the first handler; pauses set it aside', () => {
    const c = new WakeClock();
    c.phaseStart(); // no phase end before: nothing
    c.phaseEnd(0, false);
    c.phaseStart(); // not sampled
    expect(c.report([]).samples).toBe(0);
    c.phaseEnd(0, true);
    let x = 0;
    for (let i = 0; i < 10_000; i++) x += Math.sqrt(i); // some CPU in between
    c.phaseStart();
    expect(x).toBeGreaterThan(0);
    const r = c.report([]);
    expect(r.samples).toBe(1);
    expect(r.between_ns).toBeGreaterThanOrEqual(0);
    expect(r.between_wall_ns).toBeGreaterThan(0);
    expect(r.tails).toBe(0); // no handler ended before the phase ends
    const aside = c.report([{ startNs: 0, endNs: Number.MAX_SAFE_INTEGER }]);
    expect([aside.samples, aside.set_aside]).toEqual([0, 1]);
    c.clear(); // a new window: its first phase is sampled from here
    expect(c.report([]).samples).toBe(0);
    c.phaseStart();
    expect(c.report([]).samples).toBe(1);
  });

  test('a phase tail runs from the last handler end to the check phase; the reads in place are overhead', () => {
    const c = new WakeClock();
    c.phaseEnd(performance.now() * 1e6 - 1_000, true);
    c.phaseStart();
    const r = c.report([]);
    expect(r.tails).toBe(1);
    expect(r.tail_ns).toBeGreaterThanOrEqual(1_000);
    // two reads, each timed where it ran (a read after a sleep costs more than one measured back to back)
    expect(r.read_ns).toBeGreaterThan(0);
    expect(r.overhead_ns).toBeCloseTo(2 * r.read_ns!, 6);
  });

  test("a sample is the clock's difference less one read's cost in place", () => {
    let v = 0;
    const clock = () => (v += 1_000_000); // 1 ms of CPU between two reads, whatever they cost
    const c = new WakeClock({ read: clock, mainThread: true });
    c.phaseEnd(0, true);
    c.phaseStart();
    const r = c.report([]);
    expect(r.main_thread).toBe(true);
    expect(r.samples).toBe(1);
    expect(r.between_ns).toBeCloseTo(1_000_000 - r.read_ns!, 6);
  });
});

describe('the main thread as a clock', () => {
  const clock = threadClock();
  test.skipIf(clock === null)('reads move with every call: the running thread is brought up to date first', () => {
    // the file alone moves at ticks only (in 4 ms steps here): 50 reads in a row would mostly repeat
    const reads = Array.from({ length: 50 }, () => clock!());
    for (let i = 1; i < reads.length; i++) expect(reads[i]!).toBeGreaterThan(reads[i - 1]!);
  });
  test('the wake clock uses it where it exists and says so', () => {
    expect(wakeClockSource().mainThread).toBe(clock !== null);
  });
  test("the window's main thread is the process CPU less the helpers' (the reader's own figure lags)", () => {
    const at = (mainNs: number, helpersNs: number) => ({ available: true, mainNs, helpersNs });
    expect(threadsOf(10_000, at(0, 1_000_000), at(0, 4_000_000))).toEqual({
      available: true,
      main_us: 7_000,
      helpers_us: 3_000,
    });
    // a helper's figure never goes above the process's, nor below 0
    expect(threadsOf(1_000, at(0, 0), at(0, 4_000_000))).toMatchObject({ main_us: 0, helpers_us: 1_000 });
    expect(threadsOf(1_000, at(0, 5_000), at(0, 0))).toMatchObject({ main_us: 1_000, helpers_us: 0 });
  });
});

describe('in-place wake-up in the ledger', () => {
  const wake = { between_ns: 30_000, samples: 1_000, between_wall_ns: 5e8, set_aside: 0, tail_ns: 2_000, tails: 1_000 };
  const admit = windowOf({
    wall_s: 1,
    cpu_us: 60_000,
    helpers_us: 10_000,
    paths: { B: { received: 1_000, accepted: 1_000, reads: 1_000 } },
    io_batches: 1_000,
    stages: { 'B.admit.accepted': 5_000 },
    wake: { ...wake, overhead_ns: 0 },
  });
  const recv = windowOf({
    wall_s: 1,
    cpu_us: 20_000,
    paths: { B: { received: 1_000, reads: 1_000 } },
    io_batches: 1_000,
  });

  test("helpers' CPU in the sampled share of the wall time comes out: (30 ms - 10 ms x 0.5) / 1 000 + 2 µs", () => {
    expect(inPlaceWakeNs(admit)).toBe(27_000);
    expect(inPlaceWakeNs(recv)).toBeNull();
  });

  test("samples of the main thread's own CPU keep the helpers' CPU: 30 ms / 1 000 + 2 µs", () => {
    const own = { ...admit, wake: { ...admit.wake!, main_thread: true } };
    expect(inPlaceWakeNs(own)).toBe(32_000);
  });

  test('the ledger charges the in-place price per poll phase, and idle only outside the sampled intervals', () => {
    const l = ledgerOf('B', admit, recv, 5_000);
    const first = l.stages[0]!;
    expect(first.stage).toMatch(/in place/);
    expect(stageUsPerSecond(first)).toBe(27_000);
    // 1 000 phases x 0.5 ms of sampled wall each (all sampled): 0.5 s of the 1 s window covered
    expect(l.stages.find((s) => s.stage.startsWith('event loop idle'))).toMatchObject({ packets_per_s: 0.5 });
    expect(l.wake_up_ns?.in_place).toBe(27_000);
    const old = ledgerOf('B', recv, recv, 5_000);
    expect(old.stages.find((s) => s.stage.startsWith('event loop idle'))).toMatchObject({ packets_per_s: 1 });
  });

  test('merged windows weigh the means by their samples and add the rest', () => {
    const b = windowOf({ wall_s: 1, cpu_us: 1, wake: { ...wake, between_ns: 10_000, samples: 3_000, overhead_ns: 7 } });
    const m = mergeWindows(admit, b).wake!;
    expect(m.between_ns).toBe(15_000);
    expect(m.samples).toBe(4_000);
    expect(m.between_wall_ns).toBe(1e9);
    expect(m.overhead_ns).toBe(7);
  });
});
