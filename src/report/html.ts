/**
 * The report page: one self-contained HTML file (inline CSS, the SVG charts inlined, no script,
 * no external reference) with the constants used, the draft's scale points and the charts.
 */
import type { ConstantsFile } from '../../model/constants.js';
import { CONSTANT_NAMES } from '../../model/constants.js';
import type { Chart } from './charts.js';
import { esc } from './escape.js';

/** The page's inline style sheet. */
const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}' +
  'table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}' +
  'td:first-child,th:first-child{text-align:left}figure{margin:0}.file{font-size:.85em;color:#666}';

/** What the page shows. */
export interface Page {
  readonly constants: ConstantsFile & { readonly file: string };
  readonly draftConstants: ConstantsFile;
  readonly charts: ReadonlyArray<{ readonly chart: Chart; readonly svg: string }>;
  readonly points: ReadonlyArray<{
    readonly scenario: string;
    readonly n: number;
    readonly tick_ms: number;
    readonly joint_pct: number;
  }>;
  readonly measured: string | null;
  /** The section on a bench:wire document (src/report/wire-html.ts), or null. */
  readonly wire: string | null;
  readonly generatedAt: string;
}

/** The HTML text. */
export function pageHtml(p: Page): string {
  const rows = CONSTANT_NAMES.map(
    (k) => `<tr><td>${k}</td><td>${p.draftConstants.constants_us[k]}</td><td>${p.constants.constants_us[k]}</td></tr>`,
  ).join('');
  const points = p.points
    .map(
      (s) =>
        `<tr><td>${esc(s.scenario)}</td><td>${s.n}</td><td>${s.tick_ms}</td>` +
        `<td>${s.joint_pct.toFixed(2)} %</td><td>${Math.ceil(s.joint_pct / 100)}</td></tr>`,
    )
    .join('');
  const charts = p.charts
    .map(
      ({ chart, svg }) =>
        `<section><h2>${esc(chart.title)}</h2><figure>${svg}</figure>` +
        `<p class="file">also as <a href="${chart.file}">${chart.file}</a></p></section>`,
    )
    .join('\n');
  const intro =
    `Generated ${esc(p.generatedAt)} by <code>perfsec report</code>. Every curve and label is computed by the ` +
    `project's models (T-JCOST-1, draft §3.2; T-VDOS-1, draft §4.3) with the constants below.`;
  const measured =
    p.measured === null
      ? '<p>No measurement: run <code>npm run bench -- --json &gt; bench.json</code> and pass ' +
        '<code>--bench bench.json</code>, or <code>--measure</code>.</p>'
      : `<p>Measured: ${esc(p.measured)} (its predictions use the constants of that run).</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>perfsec dimensioning report</title>
<style>${STYLE}</style>
</head><body>
<h1>Broker dimensioning report (draft-melegassi-mvps-perfsec-coupling-00)</h1>
<p>${intro}</p>
<h2>Constants (draft §1.3), µs per operation</h2>
<p>Used: <code>${esc(p.constants.file)}</code> (${esc(p.constants.source)}).</p>
<table><tr><th>constant</th><th>draft §1.3</th><th>used</th></tr>${rows}</table>
<h2>The draft's scale points (§3.3) under these constants</h2>
<table><tr><th>scenario</th><th>N</th><th>T_tick ms</th><th>JOINT</th><th>cores</th></tr>${points}</table>
${measured}
${p.wire ?? ''}
${charts}
</body></html>
`;
}
