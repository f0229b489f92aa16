/**
 * The flood chart of a `npm run bench:wire` document (issue 20 Deliver 5): the T-VDOS-1 ratio against
 * flood factor (draft §4.3) with no limit, the user-space limit and the XDP limit, beside the draft's
 * bound and the corrected one, above the honest packets lost at each factor per limiter.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, FLOOD_AXES, SCHEMA, STROKE_LEGEND, type Chart } from './chart-config.js';
import type { WireDoc } from './wire-doc.js';

/** How the page names each limiter. */
export const LIMITERS = { none: 'no limit', 'user-space': 'user-space limit', xdp: 'XDP limit' } as const;

/** The curves of the flood chart, in legend order. */
const SERIES = [...Object.values(LIMITERS).map((l) => `measured, ${l}`), 'draft §4.3 bound', 'corrected bound'];

/** The limiter whose rows carry the bounds drawn (the bounds are the rate-limited design's). */
function boundRows(doc: WireDoc) {
  const limited = doc.floods.filter((r) => r.limiter !== 'none');
  const from = limited.length > 0 ? limited : doc.floods;
  const seen = new Set<number>();
  return from.filter((r) => !seen.has(r.flood_factor) && seen.add(r.flood_factor));
}

/** Width of the loss panel, px, and the narrowest bar that still gets its count printed above it (9 px text). */
const LOSS_WIDTH = 560;
const MIN_LABELLED_BAR = 12;

/** Honest packets lost per flood factor, one bar per limiter, the count printed vertically above each bar. */
function lossPanel(losses: ReadonlyArray<{ flood: number; limiter: string; lost: number }>, order: string[]) {
  const x = { field: 'flood', type: 'ordinal', title: 'flood factor', axis: { labelAngle: 0 } };
  const xOffset = { field: 'limiter', sort: order };
  const y = { field: 'lost', type: 'quantitative', scale: { type: 'symlog' }, title: 'honest lost' };
  // counts side by side would touch on bars narrower than the text is tall (the page's table has them all)
  const labelled = LOSS_WIDTH / Math.max(1, losses.length) >= MIN_LABELLED_BAR;
  return {
    width: LOSS_WIDTH,
    height: 160,
    title: 'honest packets lost (limiter + kernel drops)',
    data: { values: losses },
    layer: [
      {
        mark: 'bar',
        encoding: { x, xOffset, y, color: { field: 'limiter', type: 'nominal', title: 'limiter', sort: order } },
      },
      ...(labelled
        ? [
            {
              mark: { type: 'text', angle: 270, align: 'left', dx: 3, fontSize: 9 },
              encoding: { x, xOffset, y: { field: 'lost', type: 'quantitative' }, text: { field: 'short' } },
            },
          ]
        : []),
    ],
  };
}

/** The three flood curves beside both bounds, and the honest losses per limiter and factor. */
export function wireFloods(doc: WireDoc): Chart {
  const lines = [
    ...doc.floods.map((r) => ({
      flood: r.flood_factor,
      series: `measured, ${LIMITERS[r.limiter]}`,
      kind: 'measured',
      ratio: r.ratio_measured,
    })),
    ...boundRows(doc).flatMap((r) => [
      { flood: r.flood_factor, series: 'draft §4.3 bound', kind: 'bound', ratio: r.bound_draft },
      { flood: r.flood_factor, series: 'corrected bound', kind: 'bound', ratio: r.bound_corrected },
    ]),
  ];
  const losses = doc.floods.map((r) => ({
    flood: r.flood_factor,
    limiter: LIMITERS[r.limiter],
    lost: r.honest_lost,
    short: String(r.honest_lost),
  }));
  const order = Object.values(LIMITERS).filter((l) => losses.some((r) => r.limiter === l));
  const lost = doc.floods.reduce((s, r) => s + r.honest_lost, 0);
  const sent = doc.floods.reduce((s, r) => s + r.honest_sent, 0);
  return {
    file: 'wire-floods.svg',
    title: 'Real broker: T-VDOS-1 ratio against flood factor per limiter (draft §4.3), and honest packets lost',
    labels: losses.map((r) => ({ label: `honest lost, ${r.limiter}, flood ${r.flood}`, value: r.lost, text: r.short })),
    spec: {
      $schema: SCHEMA,
      config: CHART_CONFIG,
      title: { text: 'attacked / baseline CPU on the wire', subtitle: `honest packets lost: ${lost} of ${sent} sent` },
      vconcat: [
        {
          width: 560,
          height: 300,
          data: { values: lines },
          mark: { type: 'line', point: true },
          encoding: {
            ...FLOOD_AXES,
            color: { field: 'series', type: 'nominal', title: 'curve', sort: SERIES, legend: STROKE_LEGEND },
            strokeDash: {
              field: 'kind',
              type: 'nominal',
              title: 'line',
              sort: ['measured', 'bound'],
              legend: {
                ...STROKE_LEGEND,
                symbolSize: 300,
                encode: { symbols: { update: { stroke: { value: '#333' } } } },
              },
            },
          },
        },
        lossPanel(losses, order),
      ],
      resolve: { scale: { color: 'independent', strokeDash: 'independent' } },
    } as TopLevelSpec,
  };
}
