/**
 * What every chart of the report shares: the vega-lite schema, the chart type, and the configuration that
 * keeps text whole (no truncated legend entry, axis label or title: vega-lite's label limits are lifted;
 * test/browser/report.test.ts checks the rendered page).
 */
import type { TopLevelSpec } from 'vega-lite';

/** The vega-lite schema every specification names. */
export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** A labelled value a chart shows as text (the report test looks for these in the SVG). */
export interface ChartLabel {
  readonly label: string;
  readonly value: number;
  readonly text: string;
}

/** A chart: its file name, title, specification and the labels it prints. */
export interface Chart {
  readonly file: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
  readonly labels: readonly ChartLabel[];
}

/** Legend entries drawn as line segments (a faint band or a point would hide which line is which). */
export const STROKE_LEGEND = { symbolType: 'stroke', symbolStrokeWidth: 2, symbolOpacity: 1 } as const;

/** The axes of every flood chart: the flood factor on a log-2 scale, attacked / baseline CPU on a log scale. */
export const FLOOD_AXES = {
  x: { field: 'flood', type: 'quantitative', scale: { type: 'log', base: 2 }, title: 'flood factor' },
  y: { field: 'ratio', type: 'quantitative', scale: { type: 'log' }, title: 'JOINT_attacked / JOINT_baseline' },
} as const;

/** Limits of 0 mean none: vega-lite would otherwise cut a long legend entry to "…". */
export const CHART_CONFIG = {
  legend: { labelLimit: 0, titleLimit: 0 },
  // greedy: an axis drops every label that would touch the one before it (log axes crowd 300, 400, 500)
  axis: { labelLimit: 0, titleLimit: 0, labelOverlap: 'greedy', labelSeparation: 4 },
  title: { limit: 0, subtitleFontSize: 11 },
  header: { labelLimit: 0, titleLimit: 0 },
} as const;
