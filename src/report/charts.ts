/**
 * The report's charts as vega-lite specifications, every number computed by the models with the
 * given constants: JOINT against N and against T_tick (draft §3.2, log scales, the §3.3 scale
 * points marked and labelled), the T-VDOS-1 ratio against flood factor with and without the rate
 * limit beside the §4.3 bound and the token-bucket bound (draft §4.3-§4.4), and measured against
 * predicted (npm run bench) when a measurement is given.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CostConstants } from '../../model/constants.js';
import { joint } from '../../model/joint-cost.js';
import { DEFAULT_POLICY } from '../../model/token-bucket.js';
import { simulateAggregated } from '../../model/vdos-aggregate.js';
import { draftBound, tokenBucketBound } from '../../model/vdos-bounds.js';
import { floodCost } from '../../model/vdos-cost.js';
import { deploymentOf, loadClaims } from '../lib/claims.js';
import { CHART_CONFIG, FLOOD_AXES, SCHEMA, type Chart } from './chart-config.js';
import type { ReportMeasurement } from './measurement.js';

export type { Chart, ChartLabel } from './chart-config.js';

const TABLE = { q: 2, bundlePeriodTicks: 10, cellsK: 8 };

const pct = (x: number) => `${x.toFixed(2)} %`;
const logGrid = (lo: number, hi: number, perDecade = 4): number[] => {
  const out: number[] = [];
  for (let e = Math.log10(lo); e <= Math.log10(hi) + 1e-9; e += 1 / perDecade)
    out.push(Number((10 ** e).toPrecision(6)));
  return out;
};

/** The draft §3.3 scale points with JOINT under C. */
export function scalePoints(c: CostConstants) {
  return Object.values(loadClaims('t-jcost-1').scenarios)
    .filter((s) => s.section === '§3.3')
    .map((s) => {
      const d = deploymentOf(s);
      const j = joint(d, c).pctOneCore;
      return {
        scenario: String(s.label),
        n: d.n,
        tick_ms: d.tickMs,
        joint_pct: j,
        text: `${String(s.label)}: ${pct(j)}`,
      };
    });
}

const pointLayers = (x: string) => [
  {
    mark: { type: 'point', filled: true, size: 70, color: 'black' },
    encoding: { x: { field: x, type: 'quantitative' }, y: { field: 'joint_pct', type: 'quantitative' } },
  },
  {
    mark: { type: 'text', align: 'left', dx: 6, dy: -6, fontSize: 10 },
    encoding: {
      x: { field: x, type: 'quantitative' },
      y: { field: 'joint_pct', type: 'quantitative' },
      text: { field: 'text' },
    },
  },
];

/** JOINT (% of one core) against N, one line per T_tick. */
export function jointVsN(c: CostConstants): Chart {
  const ticks = [1000, 50, 5];
  const lines = ticks.flatMap((t) =>
    logGrid(100, 1e6).map((n) => ({
      n,
      tick: `T_tick = ${t} ms`,
      joint_pct: joint({ n: Math.round(n), tickMs: t, ...TABLE }, c).pctOneCore,
    })),
  );
  const points = scalePoints(c);
  return {
    file: 'joint-vs-n.svg',
    title: 'JOINT against N (draft §3.2; §3.3 scale points marked)',
    labels: points.map((p) => ({ label: p.scenario, value: p.joint_pct, text: p.text })),
    spec: {
      $schema: SCHEMA,
      config: CHART_CONFIG,
      width: 560,
      height: 340,
      title: 'JOINT (% of one core) against N, q = 2, 8 cells, bundle every 10 ticks',
      layer: [
        {
          data: { values: lines },
          mark: 'line',
          encoding: {
            x: { field: 'n', type: 'quantitative', scale: { type: 'log' }, title: 'N (vantages)' },
            y: { field: 'joint_pct', type: 'quantitative', scale: { type: 'log' }, title: 'JOINT, % of one core' },
            color: { field: 'tick', type: 'nominal', title: null },
          },
        },
        { data: { values: points }, layer: pointLayers('n') },
      ],
    } as TopLevelSpec,
  };
}

/** JOINT (% of one core) against T_tick, one line per N. */
export function jointVsTick(c: CostConstants): Chart {
  const ns = [1000, 10_000, 100_000];
  const lines = ns.flatMap((n) =>
    logGrid(1, 1000).map((t) => ({
      tick_ms: t,
      n: `N = ${n}`,
      joint_pct: joint({ n, tickMs: t, ...TABLE }, c).pctOneCore,
    })),
  );
  const points = scalePoints(c);
  return {
    file: 'joint-vs-tick.svg',
    title: 'JOINT against T_tick (draft §3.2; §3.3 scale points marked)',
    labels: points.map((p) => ({ label: p.scenario, value: p.joint_pct, text: p.text })),
    spec: {
      $schema: SCHEMA,
      config: CHART_CONFIG,
      width: 560,
      height: 340,
      title: 'JOINT (% of one core) against T_tick',
      layer: [
        {
          data: { values: lines },
          mark: 'line',
          encoding: {
            x: {
              field: 'tick_ms',
              type: 'quantitative',
              scale: { type: 'log', reverse: true },
              title: 'T_tick (ms), faster to the right',
            },
            y: { field: 'joint_pct', type: 'quantitative', scale: { type: 'log' }, title: 'JOINT, % of one core' },
            color: { field: 'n', type: 'nominal', title: null },
          },
        },
        { data: { values: points }, layer: pointLayers('tick_ms') },
      ],
    } as TopLevelSpec,
  };
}

/** The flood factors along the chart's x axis: the powers of two from 1 to 1024 (denser than the §4.4 table). */
export const CHART_FLOOD_FACTORS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

/** T-VDOS-1 ratios at N = 1000, T_tick = 50 ms, default policy, DURATION_S seconds, every vantage flooding. */
export function vdosRows(c: CostConstants, durationS = 60) {
  return CHART_FLOOD_FACTORS.map((f) => {
    const s = { n: 1000, tickMs: 50, coalition: 1000, floodFactor: f, durationTicks: (durationS * 1000) / 50 };
    return {
      flood: f,
      'without rate limit (model)': floodCost(s, simulateAggregated(s, null), c, { rateLimited: false }).ratio,
      'with rate limit (model)': floodCost(s, simulateAggregated(s, DEFAULT_POLICY), c, { rateLimited: true }).ratio,
      'draft §4.3 bound': draftBound(s, DEFAULT_POLICY, c),
      'token-bucket bound': tokenBucketBound(s, DEFAULT_POLICY, c),
    };
  });
}

/** The T-VDOS-1 ratio against flood factor. */
export function vdosChart(c: CostConstants, durationS = 60): Chart {
  const rows = vdosRows(c, durationS);
  const series = [
    'without rate limit (model)',
    'with rate limit (model)',
    'draft §4.3 bound',
    'token-bucket bound',
  ] as const;
  const long = rows.flatMap((r) => series.map((k) => ({ flood: r.flood, series: k, ratio: r[k] })));
  const last = rows.at(-1)!;
  const labels = series.map((k) => ({
    label: `${k} at flood 1024`,
    value: last[k],
    text: `${k}: ${last[k].toFixed(2)}`,
  }));
  return {
    file: 'vdos-ratio.svg',
    title: 'T-VDOS-1: attacked / baseline CPU against flood factor (draft §4.3)',
    labels,
    spec: {
      $schema: SCHEMA,
      config: CHART_CONFIG,
      width: 560,
      height: 340,
      title: `attacked / baseline CPU, N = 1000, T_tick = 50 ms, ${durationS} s, factors 4 / 8`,
      layer: [
        {
          data: { values: long },
          mark: { type: 'line', point: true },
          encoding: {
            ...FLOOD_AXES,
            color: { field: 'series', type: 'nominal', title: null },
          },
        },
        {
          // the values at flood 1024 as a list in the plot's top-left corner (pixel positions, scale: null): two
          // series ending at the same ratio would print their labels on top of each other at the data point
          data: { values: labels.map((l, i) => ({ text: `at flood 1024, ${l.text}`, px: 8, py: 12 + 14 * i })) },
          mark: { type: 'text', align: 'left', fontSize: 10 },
          encoding: {
            x: { field: 'px', type: 'quantitative', scale: null },
            y: { field: 'py', type: 'quantitative', scale: null },
            text: { field: 'text' },
          },
        },
      ],
    } as TopLevelSpec,
  };
}

/** Measured against predicted: JOINT per path, and the T-VDOS-1 ratios per flood factor. */
export function measuredCharts(m: ReportMeasurement): Chart[] {
  const bars = (['A', 'B', 'C'] as const).flatMap((p) => [
    { path: `path ${p}`, kind: 'measured', us: m.joint.paths[p].measured_us_per_s },
    { path: `path ${p}`, kind: 'predicted (T-JCOST-1)', us: m.joint.paths[p].predicted_us_per_s },
  ]);
  const jointLabel = {
    label: 'JOINT measured / predicted',
    value: m.joint.ratio,
    text: `JOINT measured / predicted = ${m.joint.ratio.toFixed(2)}`,
  };
  const floods = m.floods.rows.flatMap((r) => [
    { flood: r.flood_factor, series: 'measured, no RL', ratio: r.measured_ratio_no_rl },
    { flood: r.flood_factor, series: 'model, no RL', ratio: r.model_ratio_no_rl },
    { flood: r.flood_factor, series: 'measured, with RL', ratio: r.measured_ratio_with_rl },
    { flood: r.flood_factor, series: 'model, with RL', ratio: r.model_ratio_with_rl },
    { flood: r.flood_factor, series: 'draft §4.3 bound', ratio: r.draft_bound },
  ]);
  const d = m.joint.deployment;
  return [
    {
      file: 'measured-joint.svg',
      title: `Measured against predicted JOINT (N = ${d.n}, T_tick = ${d.tickMs} ms)`,
      labels: [jointLabel],
      spec: {
        $schema: SCHEMA,
        config: CHART_CONFIG,
        width: 420,
        height: 300,
        title: `CPU µs per second, pipeline against T-JCOST-1; ${jointLabel.text}`,
        data: { values: bars },
        mark: 'bar',
        encoding: {
          x: { field: 'path', type: 'nominal', title: null },
          xOffset: { field: 'kind' },
          y: { field: 'us', type: 'quantitative', title: 'CPU µs per second' },
          color: { field: 'kind', type: 'nominal', title: null },
        },
      } as TopLevelSpec,
    },
    {
      file: 'measured-vdos.svg',
      title: `Measured against predicted T-VDOS-1 ratios (${m.floods.duration_s} s floods)`,
      labels: [],
      spec: {
        $schema: SCHEMA,
        config: CHART_CONFIG,
        width: 560,
        height: 340,
        title: 'attacked / baseline CPU: pipeline against model and bound',
        data: { values: floods },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'flood', type: 'quantitative', scale: { type: 'log', base: 2 }, title: 'flood factor' },
          y: { field: 'ratio', type: 'quantitative', scale: { type: 'log' }, title: 'ratio' },
          color: { field: 'series', type: 'nominal', title: null },
          strokeDash: { field: 'series', type: 'nominal', legend: null },
        },
      } as TopLevelSpec,
    },
  ];
}
