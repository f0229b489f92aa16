/**
 * `perfsec report --out DIR`: writes DIR/index.html (self-contained) and one SVG file per chart,
 * plus DIR/report.json with the numbers behind them; with a bench:wire document, its charts and section too.
 */
import path from 'node:path';
import type { ConstantsFile } from '../../model/constants.js';
import { DRAFT_CONSTANTS_FILE } from '../lib/constants.js';
import { assertFinite } from '../lib/finite.js';
import { writeJsonAtomic, writeTextAtomic } from '../lib/json-file.js';
import { relativeToRoot } from '../lib/paths.js';
import { checkOutputFilesIn, ensureFolder } from '../lib/output-path.js';
import { jointVsN, jointVsTick, measuredCharts, scalePoints, vdosChart, vdosRows, type Chart } from './charts.js';
import { pageHtml } from './html.js';
import { QUICK_SOURCE, type ReportMeasurement } from './measurement.js';
import { toSvg } from './render.js';
import { wireCharts } from './wire-charts.js';
import type { WireMeasurement } from './wire-doc.js';
import { wireSectionHtml } from './wire-html.js';

/** What a report run wrote. */
export interface Written {
  readonly dir: string;
  readonly files: readonly string[];
  readonly charts: readonly Chart[];
}

/** Builds the charts, renders them and writes the report. */
export async function writeReport(
  dir: string,
  constants: ConstantsFile & { readonly file: string },
  draftConstants: ConstantsFile,
  measurement: ReportMeasurement | null,
  wire: WireMeasurement | null = null,
): Promise<Written> {
  ensureFolder(dir); // before the rendering: a folder that cannot be made fails fast
  const c = constants.constants_us;
  const charts = [
    jointVsN(c),
    jointVsTick(c),
    vdosChart(c),
    ...(measurement ? measuredCharts(measurement) : []),
    ...(wire ? wireCharts(wire.doc) : []),
  ];
  // issue 16: special files refused before rendering
  checkOutputFilesIn(dir, [...charts.map((ch) => ch.file), 'index.html', 'report.json']);
  const points = scalePoints(c);
  const vdos = vdosRows(c);
  // issue 16: every charted and written number is finite before anything is rendered or written; the user's
  // constants or bench file are to blame for a miss (exit 2), the draft's constants and a fresh measurement are not
  // (exit 3).
  const blame =
    constants.file !== relativeToRoot(DRAFT_CONSTANTS_FILE) ||
    (measurement !== null && measurement.source !== QUICK_SOURCE) ||
    wire !== null
      ? 'input'
      : 'internal';
  assertFinite({ charts, points, vdos, measurement, wire }, 'report', blame);
  const rendered = [];
  for (const chart of charts) rendered.push({ chart, svg: await toSvg(chart.spec) });
  const files: string[] = [];
  for (const { chart, svg } of rendered) {
    await writeTextAtomic(path.join(dir, chart.file), svg);
    files.push(chart.file);
  }
  await writeTextAtomic(
    path.join(dir, 'index.html'),
    pageHtml({
      constants,
      draftConstants,
      charts: rendered,
      points,
      measured: measurement?.source ?? null,
      wire: wire ? wireSectionHtml(wire) : null,
      generatedAt: new Date().toISOString(),
    }),
  );
  await writeJsonAtomic(path.join(dir, 'report.json'), {
    constants,
    scale_points: points,
    vdos,
    measurement,
    wire: wire?.doc ?? null,
    charts: charts.map((ch) => ({ file: ch.file, title: ch.title, labels: ch.labels })),
  });
  files.push('index.html', 'report.json');
  return { dir, files, charts };
}
