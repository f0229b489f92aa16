/**
 * The bench:wire document (schemas/bench-wire-v1.schema.json): a --quick-like document assembled
 * by the bench's own functions from synthetic broker windows validates, and the fields other
 * tools read are required (measured_over_predicted per grid row, c_xdp_kernel_ns, honest_lost per
 * flood row); the table flags a ledger outside ±15 %. No process is started, no timing asserted.
 */
import { describe, expect, test } from 'vitest';
import { DRAFT_CONSTANTS } from '../src/lib/constants.js';
import { problems } from '../src/lib/schemas.js';
import type { BenchWireDoc, GridRow } from '../src/wire/document.js';
import { leftOutOf } from '../src/wire/left-out.js';
import { ledgerOf, type Ledger } from '../src/wire/ledger.js';
import { median, medianLedger } from '../src/wire/repeat-median.js';
import { floodBounds, honestLoss } from '../src/wire/run-floods.js';
import { wireTable, withinTolerance } from '../src/wire/table.js';
import { windowOf } from './wire-fixtures.js';

function row(ledgerScale: number): GridRow {
  const admit = windowOf({
    wall_s: 1,
    cpu_us: 40_000,
    paths: { B: { received: 2_000, accepted: 2_000, reads: 2_000 } },
    stages: { 'B.admit.accepted': 5_000, 'B.parse': 400, 'B.hmac': 3_000 },
  });
  // receive-only: 2 000 poll phases costing 15 000 ns each (x LEDGER_SCALE), no in-batch datagrams
  const recv = windowOf({
    wall_s: 1,
    cpu_us: 30_000 * ledgerScale,
    paths: { B: { received: 2_000, reads: 2_000 } },
    io_batches: 2_000,
  });
  const l = ledgerOf('B', { ...admit, io_batches: 2_000 }, recv, 0);
  return {
    path: 'B',
    n: 100,
    tick_ms: 50,
    measured_cpu_us_per_s: l.measured_cpu_us_per_s,
    predicted_cpu_us_per_s: 4_800,
    predicted_calibrated_cpu_us_per_s: 3_700,
    ledger_cpu_us_per_s: l.ledger_cpu_us_per_s,
    measured_over_predicted: l.measured_cpu_us_per_s / 4_800,
    ledger_over_measured: l.ledger_over_measured,
    stages: l.stages,
    packets: { received: 2_000, accepted: 2_000, rejected: {}, kernel_drops: 0 },
    load: { intended: 2_000, sent: 2_000, wall_s: 1 },
  };
}

function quickDoc(): BenchWireDoc {
  const flood = { n: 8, coalition: 4, tickMs: 50, durationMs: 1500, draft: DRAFT_CONSTANTS };
  const w = {
    broker: windowOf({ wall_s: 1.6, cpu_us: 9_000, honest_b: { received: 120, accepted: 120, rate_limited: 0 } }),
    sent: {
      intended: 2_000,
      sent: 2_000,
      honest_sent: 120,
      flood_sent: 1_880,
      send_errors: 0,
      elapsed_s: 1.5,
      max_lag_ms: 1,
      model_admitted_per_vantage: null,
      build_s: 0.1,
    },
  };
  const noisy = medianLedger(
    [700, 1_000, 1_400].map((m) => ledgerAt(m, 1_000)),
    [300, 500, 400],
  ).noise;
  // the first row as documents before the wake-up check had it, the second with it
  const grid = [
    row(1),
    { ...row(1.5), idle_cpu_us_per_s: 400, noise: noisy, wake_up_ns: { receive_only: 20_000, admit: 18_000 } },
  ];
  return {
    schema: 'perfsec-bench-wire-v1',
    generated_at: '2026-12-04T12:00:00.000Z',
    quick: true,
    machine: { cpus: 2, model: 'test cpu', node: 'v20.20.2', kernel: '6.18' },
    c_xdp_kernel_ns: null,
    c_xdp_draft_ns: 50,
    xdp: { available: false, why: 'not root', run_cnt: 0, run_time_ns: 0, parity: null },
    grid,
    floods: (['none', 'user-space'] as const).flatMap((limiter) =>
      [1, 4, 16].map((f) => ({
        limiter,
        flood_factor: f,
        ratio_measured: limiter === 'none' ? f : Math.min(f, 4),
        ...floodBounds(flood, f, DRAFT_CONSTANTS),
        ...honestLoss(limiter, w),
      })),
    ),
    left_out_costs: leftOutOf(grid),
    not_carried: [{ path: 'B', n: 10_000, tick_ms: 20, intended_pps: 500_000, why: 'sent 40 % of intended' }],
    flood_setup: { n: 8, coalition: 4, tick_ms: 50, duration_s: 1.5, transport: 'loopback' },
    idle_cpu_us_per_s: 900,
    constants: { draft: { ...DRAFT_CONSTANTS }, calibrated: { ...DRAFT_CONSTANTS } },
  };
}

describe('bench-wire-v1 document', () => {
  test('a --quick-like document assembled by the bench functions validates', () => {
    expect(problems('bench-wire-v1', quickDoc())).toEqual([]);
  });

  test('the fields other tools read are required', () => {
    const d = quickDoc();
    const { measured_over_predicted: _m, ...gridRow } = d.grid[0]!;
    expect(problems('bench-wire-v1', { ...d, grid: [gridRow] })).toContain(
      "missing field 'grid/0/measured_over_predicted'",
    );
    const { honest_lost: _h, ...floodRow } = d.floods[0]!;
    expect(problems('bench-wire-v1', { ...d, floods: [floodRow] })).toContain("missing field 'floods/0/honest_lost'");
    const { c_xdp_kernel_ns: _c, ...noXdp } = d;
    expect(problems('bench-wire-v1', noXdp)).toContain("missing field 'c_xdp_kernel_ns'");
    expect(problems('bench-wire-v1', { ...d, floods: [{ ...d.floods[0]!, limiter: 'nic' }] }).length).toBeGreaterThan(
      0,
    );
    const badWake = { ...d.grid[1]!, wake_up_ns: { receive_only: -1, admit: 0 } };
    expect(problems('bench-wire-v1', { ...d, grid: [badWake] }).length).toBeGreaterThan(0);
  });

  test('the table flags a ledger outside ±15 % and says why XDP did not run', () => {
    const d = quickDoc();
    expect(withinTolerance(d.grid[0]!.ledger_over_measured)).toBe(true);
    expect(withinTolerance(d.grid[1]!.ledger_over_measured)).toBe(false);
    const text = wireTable(d);
    expect(text).toContain('ledger within ±15 % of measured CPU at 1 of 2 carried points');
    expect(text).toContain('not measured (not root)');
    expect(text).toMatch(/\| user-space \| 16 \|/);
    expect(text).toMatch(/\| NO \(noise\) \| 400 \| 3 \| ±35 % \|/);
    expect(text).toContain('1 of the points outside');
  });

  test("the broker's node flags are part of the machine line; documents without them stay valid", () => {
    const d = quickDoc();
    const flagged = { ...d, machine: { ...d.machine, broker_node_flags: ['--single-threaded-gc'] } };
    expect(problems('bench-wire-v1', flagged)).toEqual([]);
    expect(wireTable(flagged)).toContain('node v20.20.2, broker --single-threaded-gc, kernel 6.18');
    expect(wireTable(d)).toContain('node v20.20.2, kernel 6.18');
    const bad = { ...d, machine: { ...d.machine, broker_node_flags: [7] } };
    expect(problems('bench-wire-v1', bad).length).toBeGreaterThan(0);
  });
});

/** A one-stage ledger: MEASURED and LEDGER µs/s. */
function ledgerAt(measured: number, ledger: number): Ledger {
  const stages = [{ stage: 'all', per_packet_ns: ledger * 1000, packets_per_s: 1, in_joint: false }];
  return {
    measured_cpu_us_per_s: measured,
    ledger_cpu_us_per_s: ledger,
    ledger_over_measured: ledger / measured,
    stages,
  };
}

describe('repeated windows of one grid point', () => {
  test("each ledger meets its own window's CPU; the row is the repetition with the median ratio", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1])).toBe(4); // the upper median
    // ratios 1.3, 1.0556, 0.3667: the median is the second window's, with its own CPU and stages
    const got = medianLedger([ledgerAt(100, 130), ledgerAt(90, 95), ledgerAt(300, 110)], [10, 12, 11]);
    expect(got.ledger.measured_cpu_us_per_s).toBe(90);
    expect(got.ledger.ledger_cpu_us_per_s).toBe(95);
    expect(got.ledger.ledger_over_measured).toBeCloseTo(95 / 90, 12);
    expect(got.ledger.stages[0]!.per_packet_ns).toBe(95_000);
    expect(got.noise).toEqual({
      windows: 3,
      measured_spread: 1.05, // (300 - 90) / 2 / 100
      idle_spread_us_per_s: 1,
      within_reach: false,
      why: expect.stringContaining('±105 %'),
    });
  });

  test('a spread inside ±15 % is within reach; one window says nothing about its noise', () => {
    const near = medianLedger([ledgerAt(100, 99), ledgerAt(110, 99), ledgerAt(95, 99)], []).noise;
    expect(near).toMatchObject({ measured_spread: 0.075, within_reach: true, why: null, idle_spread_us_per_s: null });
    expect(medianLedger([ledgerAt(100, 99), ledgerAt(131, 99), ledgerAt(100, 99)], []).noise.within_reach).toBe(false);
    expect(medianLedger([ledgerAt(100, 99)], []).noise).toMatchObject({ measured_spread: null, within_reach: null });
    expect(() => medianLedger([], [])).toThrow(RangeError);
    // idle windows varying by ±20 µs/s against a median measured CPU of 100 µs/s: ±20 %, out of reach
    const idleNoise = medianLedger([ledgerAt(100, 70), ledgerAt(101, 70), ledgerAt(99, 70)], [10, 50, 30]).noise;
    expect(idleNoise).toMatchObject({ measured_spread: 0.01, idle_spread_us_per_s: 20, within_reach: false });
    expect(idleNoise.why).toContain('idle baseline over 3 idle windows varies by ±20 %');
  });
});
