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
import { ledgerOf } from '../src/wire/ledger.js';
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
  const grid = [row(1), row(1.5)];
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
  });

  test('the table flags a ledger outside ±15 % and says why XDP did not run', () => {
    const d = quickDoc();
    expect(withinTolerance(d.grid[0]!.ledger_over_measured)).toBe(true);
    expect(withinTolerance(d.grid[1]!.ledger_over_measured)).toBe(false);
    const text = wireTable(d);
    expect(text).toContain('ledger within ±15 % of measured CPU at 1 of 2 carried points');
    expect(text).toContain('not measured (not root)');
    expect(text).toMatch(/\| user-space \| 16 \|/);
  });
});
