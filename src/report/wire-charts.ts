/**
 * The charts of a `npm run bench:wire` document (issue 20 Deliver 5): for each path (draft §3.1 A, B, C),
 * measured broker CPU against the draft §3.2 JOINT term and against the stage ledger, over N and over
 * T_tick, with the ±15 % band around the measurement the ledger is to stay inside (issue 20 Deliver 3);
 * and the flood chart (src/report/wire-floods-chart.ts).
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, SCHEMA, STROKE_LEGEND, type Chart } from './chart-config.js';
import type { WireDoc, WireGridRow } from './wire-doc.js';
import { wireFloods } from './wire-floods-chart.js';

/** The band the stage ledger is to predict the measured CPU within (issue 20 Deliver 3). */
export const LEDGER_BAND = 0.15;

const PATHS = ['A', 'B', 'C'] as const;
const KINDS = ['measured', 'ledger (sum of stages)', 'predicted (draft §3.2 JOINT)'] as const;

/** Long rows of one grid: one per (row, kind), with the band around the measurement. */
function gridLong(rows: readonly WireGridRow[], series: (r: WireGridRow) => string) {
  return rows.flatMap((r) =>
    KINDS.map((kind) => ({
      path: `path ${r.path}`,
      n: r.n,
      tick_ms: r.tick_ms,
      series: series(r),
      kind,
      cpu:
        kind === 'measured'
          ? r.measured_cpu_us_per_s
          : kind === 'ledger (sum of stages)'
            ? r.ledger_cpu_us_per_s
            : r.predicted_cpu_us_per_s,
      lo: r.measured_cpu_us_per_s * (1 - LEDGER_BAND),
      hi: r.measured_cpu_us_per_s * (1 + LEDGER_BAND),
    })),
  );
}

/** One panel per path: CPU against X (log), colour per SERIES, line style per kind, the band shaded. */
function perPath(doc: WireDoc, x: 'n' | 'tick_ms', xTitle: string, seriesTitle: string, reverse: boolean) {
  const series = (r: WireGridRow) => (x === 'n' ? `T_tick = ${r.tick_ms} ms` : `N = ${r.n}`);
  const rows = gridLong(doc.grid, series);
  const xEnc = { field: x, type: 'quantitative', scale: { type: 'log', reverse }, title: xTitle };
  const color = {
    field: 'series',
    type: 'nominal',
    title: seriesTitle,
    sort: [...new Set(doc.grid.map(series))],
    legend: STROKE_LEGEND,
  };
  return PATHS.filter((p) => doc.grid.some((r) => r.path === p)).map((p) => ({
    title: `path ${p}`,
    width: 190,
    height: 220,
    data: { values: rows.filter((r) => r.path === `path ${p}`) },
    layer: [
      {
        transform: [{ filter: "datum.kind === 'measured'" }],
        mark: { type: 'area', opacity: 0.15 },
        encoding: {
          x: xEnc,
          y: { field: 'lo', type: 'quantitative', scale: { type: 'log' } },
          y2: { field: 'hi' },
          color,
        },
      },
      {
        mark: { type: 'line', point: true },
        encoding: {
          x: xEnc,
          y: { field: 'cpu', type: 'quantitative', scale: { type: 'log' }, title: 'broker CPU, µs per second' },
          color,
          strokeDash: { field: 'kind', type: 'nominal', title: 'line', sort: [...KINDS] },
          shape: { field: 'kind', type: 'nominal', title: 'line', sort: [...KINDS] },
        },
      },
    ],
  }));
}

/** Within the band: how many grid points have the ledger within ±15 % of the measured CPU. */
export function withinBand(doc: WireDoc): { readonly within: number; readonly points: number } {
  // the band's edges compared as written (|r - 1| would put 0.85 a rounding error outside)
  const within = doc.grid.filter(
    (r) => r.ledger_over_measured >= 1 - LEDGER_BAND && r.ledger_over_measured <= 1 + LEDGER_BAND,
  ).length;
  return { within, points: doc.grid.length };
}

function gridChart(doc: WireDoc, over: 'N' | 'T_tick'): Chart {
  const b = withinBand(doc);
  const byN = over === 'N';
  const panels = byN
    ? perPath(doc, 'n', 'N (vantages)', 'T_tick', false)
    : perPath(doc, 'tick_ms', 'T_tick (ms), faster to the right', 'N', true);
  return {
    file: byN ? 'wire-vs-n.svg' : 'wire-vs-tick.svg',
    title: `Real broker: measured CPU against the ledger and JOINT, over ${over} (shaded: measured ±15 %)`,
    labels: [],
    spec: {
      $schema: SCHEMA,
      title: {
        text: `measured CPU against prediction per path, over ${over}`,
        subtitle: `ledger within ±15 % of measured at ${b.within} of ${b.points} grid points`,
      },
      hconcat: panels,
      resolve: { scale: { y: 'independent' } },
      // below the panels: three panels and a legend on the right would not fit the page
      config: { ...CHART_CONFIG, legend: { ...CHART_CONFIG.legend, orient: 'bottom', direction: 'vertical' } },
    } as TopLevelSpec,
  };
}

/** Measured against predicted per path over N. */
export const wireVsN = (doc: WireDoc): Chart => gridChart(doc, 'N');
/** Measured against predicted per path over T_tick. */
export const wireVsTick = (doc: WireDoc): Chart => gridChart(doc, 'T_tick');

/** Every chart of a wire document. */
export function wireCharts(doc: WireDoc): Chart[] {
  return [
    ...(doc.grid.length > 0 ? [wireVsN(doc), wireVsTick(doc)] : []),
    ...(doc.floods.length > 0 ? [wireFloods(doc)] : []),
  ];
}
