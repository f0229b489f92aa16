/**
 * The wire ledger's garbage-collection accounting (src/wire/gc-pauses.ts, interval-log.ts,
 * receive-times.ts): a main-thread pause is taken out of every timed interval it lands in (stage
 * samples, sampling overhead, handlers, receive gaps) and charged once, as the ledger's own
 * per-second stage; the receive-only window's pauses leave its wake-up price. No timing is asserted.
 */
import { describe, expect, test } from 'vitest';
import { gcKindName, GcWatch, pausesIn } from '../src/wire/gc-pauses.js';
import { IntervalLog, overlapEach, overlapNs } from '../src/wire/interval-log.js';
import { gcPauseUs, idleUsPerSecond, ledgerOf, stageUsPerSecond, wakeUpNs } from '../src/wire/ledger.js';
import { IN_BATCH, receiveTimes } from '../src/wire/receive-times.js';
import { StageClock } from '../src/wire/stage-clock.js';
import { windowOf } from './wire-fixtures.js';

const log = (xs: readonly [number, number, number?][]) => {
  const l = new IntervalLog();
  for (const [s, e, t] of xs) l.push(s, e, t ?? 0);
  return l;
};

describe('pause overlap', () => {
  test('each interval gets the pause time inside it; a pause spanning two intervals is split', () => {
    const l = log([
      [0, 100],
      [150, 300],
      [300, 400],
      [1000, 1100],
    ]);
    const got: number[] = [];
    overlapEach(
      l,
      [
        { startNs: 50, endNs: 200 },
        { startNs: 290, endNs: 320 },
      ],
      (i, ns) => (got[i] = ns),
    );
    expect(got).toEqual([50, 60, 20, 0]);
    expect(overlapNs(0, 1000, [{ startNs: 50, endNs: 200 }])).toBe(150);
  });

  test('the log grows past its first storage and keeps order and tags', () => {
    const l = new IntervalLog();
    for (let i = 0; i < 5000; i++) l.push(i * 10, i * 10 + 5, i % 2);
    expect(l.length).toBe(5000);
    expect([l.start(4999), l.end(4999), l.tag(4999)]).toEqual([49_990, 49_995, 1]);
    l.clear();
    expect(l.length).toBe(0);
  });

  test('pauses are clipped to the window and summed per kind', () => {
    const p = pausesIn(
      [
        { startNs: 900, endNs: 1100, kind: 'minor' },
        { startNs: 1500, endNs: 1600, kind: 'major' },
        { startNs: 2500, endNs: 2600, kind: 'minor' },
      ],
      1000,
      2000,
    );
    expect(p.pauses).toEqual([
      { startNs: 1000, endNs: 1100 },
      { startNs: 1500, endNs: 1600 },
    ]);
    expect(p.pause_ns).toBe(200);
    expect(p.by_kind).toEqual({ minor: 100, major: 100 });
    expect([gcKindName(1), gcKindName(4), gcKindName(8), gcKindName(16), gcKindName(3), gcKindName('x')]).toEqual([
      'minor',
      'major',
      'incremental',
      'weakcb',
      'other',
      'other',
    ]);
  });

  test('a watch reports only pauses inside the asked span (none before it started)', () => {
    const w = new GcWatch();
    const r = w.take(0, 1);
    expect(r.pause_ns).toBe(0);
    expect(r.pauses).toEqual([]);
  });
});

describe('timed intervals without the pauses', () => {
  test('stage samples: clock cost and pause time out; the outlier test sees what is left', () => {
    const c = new StageClock(10, 1_000);
    c.add('B.parse', 0, 510);
    c.add('B.parse', 1_000, 3_010); // a 1 500 ns pause inside: 500 ns left, kept
    c.add('B.parse', 5_000, 8_010); // no pause: 3 000 ns, an outlier
    const r = c.report([{ startNs: 1_200, endNs: 2_700 }])['B.parse']!;
    expect(r).toEqual({ mean_ns: 500, samples: 2, outliers: 1, gc_ns: 1_500 });
  });

  test('handlers and in-batch gaps: pauses out; the first handler of a poll phase has no gap', () => {
    const h = log([
      [0, 1_000, 0],
      [1_500, 2_500, IN_BATCH], // gap 500
      [3_000, 4_000, IN_BATCH], // gap 500, a 200 ns pause inside it
      [10_000, 11_000, 0], // a new poll phase: no gap
    ]);
    const r = receiveTimes(h, [
      { startNs: 2_600, endNs: 2_800 },
      { startNs: 10_500, endNs: 10_800 },
    ]);
    expect(r).toEqual({ handlerNs: 3_700, handlerGcNs: 300, gapSumNs: 800, gapCount: 2, gapGcNs: 200 });
  });

  test('a gap still over 200 µs after its pauses is a preemption, left out', () => {
    const h = log([
      [0, 1_000, 0],
      [400_000, 401_000, IN_BATCH],
    ]);
    expect(receiveTimes(h, [{ startNs: 100_000, endNs: 150_000 }]).gapCount).toBe(0);
    expect(receiveTimes(h, [{ startNs: 100_000, endNs: 350_000 }])).toMatchObject({ gapCount: 1, gapSumNs: 149_000 });
  });
});

describe('the ledger charges each pause once', () => {
  const recv = windowOf({
    wall_s: 1,
    cpu_us: 20_000,
    paths: { B: { received: 1_000, reads: 1_000 } },
    io_batches: 1_000,
    handler_ns: 1_000_000,
    gc_ns: 4_000_000,
  });
  const admit = windowOf({
    wall_s: 1,
    cpu_us: 40_000,
    paths: { B: { received: 1_000, accepted: 1_000, reads: 1_000 } },
    io_batches: 1_000,
    handler_ns: 20_000_000,
    gc_ns: 6_000_000,
    stages: { 'B.admit.accepted': 5_000, 'B.parse': 1_000, 'B.hmac': 3_000 },
  });

  test("the receive-only window's pauses leave its wake-up price; the admit window's are a stage of their own", () => {
    // (20 000 - 4 000 - 1 000 idle) µs - 1 ms of handlers, over 1 000 poll phases
    expect(wakeUpNs('B', recv, 1_000)).toBe(14_000);
    const l = ledgerOf('B', admit, recv, 1_000);
    const gc = l.stages.find((s) => s.stage.startsWith('garbage-collection pauses'))!;
    expect(gc).toMatchObject({ per_packet_ns: 6_000_000, packets_per_s: 1, in_joint: false });
    expect(stageUsPerSecond(gc)).toBe(6_000);
    // wake-up 14 000 + dispatch 1 000 + admission 5 000 + idle 1 000 + pauses 6 000 µs/s
    expect(l.ledger_cpu_us_per_s).toBeCloseTo(27_000, 6);
    // the admit window's own poll-phase cost, a check beside the price: (40 000 - 6 000 - 1 000) µs - 20 ms
    expect(l.wake_up_ns).toEqual({ receive_only: 14_000, admit: 13_000 });
  });

  test('the idle baseline leaves its own pauses out; reports without pauses read 0', () => {
    expect(idleUsPerSecond(windowOf({ wall_s: 2, cpu_us: 5_000, gc_ns: 1_000_000 }))).toBe(2_000);
    expect(gcPauseUs(windowOf({ wall_s: 1, cpu_us: 1 }))).toBe(0);
  });

  test("the idle baseline leaves the measurement's overhead out (the window's own start and stop)", () => {
    const w = windowOf({ wall_s: 2, cpu_us: 5_000, gc_ns: 1_000_000, sampling_overhead_us: 1_500 });
    expect(idleUsPerSecond(w)).toBe(1_250);
  });
});
