/**
 * Issue 20 Deliver 5, seen and not only read: the report (`perfsec report --wire`, with the bench:wire
 * fixture and the draft §1.3 constants) opened in Chromium (test/browser/chromium.ts). Every chart is an
 * <svg> with marks drawn; every legend entry is whole (inside the SVG's box, not cut to "…"); no two
 * visible text labels of a chart overlap; the page logs no console error and requests nothing remote.
 * The same checker is run on deliberately broken copies of the page (an overlapping label, a chart with
 * no marks, a truncated legend, a legend cut off by the viewBox, a missing chart, a console error, a
 * remote request) and must flag each.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConstants } from '../../src/lib/constants.js';
import { projectPath } from '../../src/lib/paths.js';
import { jointVsN, vdosChart } from '../../src/report/charts.js';
import { toSvg } from '../../src/report/render.js';
import { writeReport, type Written } from '../../src/report/report.js';
import { readWire } from '../../src/report/wire-doc.js';
import { browserMissing, launch, openFile } from './chromium.js';
import { PAGE_CHECK, problemsOf, type FigureCheck } from './report-check.js';

const missing = browserMissing();
const draft = loadConstants();

/** The page's problems as the checker sees them, with console errors and remote requests. */
async function inspect(browser: Browser, file: string): Promise<{ figures: FigureCheck[]; problems: string[] }> {
  const p = await openFile(browser, file);
  try {
    const figures = (await p.page.evaluate(PAGE_CHECK)) as FigureCheck[];
    const problems = [
      ...problemsOf(figures),
      ...p.errors.map((e) => `console error: ${e}`),
      ...p.remote.map((u) => `remote request: ${u}`),
    ];
    return { figures, problems };
  } finally {
    await p.page.close();
  }
}

/** HTML with the svg of figure I replaced by SVG. */
function withFigure(html: string, i: number, svg: string): string {
  const parts = html.split('<figure>');
  const k = i + 1;
  parts[k] = svg + parts[k]!.slice(parts[k]!.indexOf('</figure>'));
  return parts.join('<figure>');
}

/** The svg text of figure I. */
const figureSvg = (html: string, i: number) => html.split('<figure>')[i + 1]!.split('</figure>')[0]!;

describe.skipIf(missing !== null)(`perfsec report in Chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'perfsec-report-browser-'));
  const index = path.join(dir, 'index.html');
  let browser: Browser;
  let written: Written;
  let html: string;

  beforeAll(async () => {
    const wire = readWire(projectPath('test', 'fixtures', 'bench-wire.json'));
    written = await writeReport(dir, draft, draft, null, wire);
    html = readFileSync(index, 'utf8');
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every chart drawn with marks, whole legends, no overlapping label, no console error or request', async () => {
    const r = await inspect(browser, index);
    expect(r.figures.map((f) => f.file)).toEqual(written.charts.map((c) => c.file));
    expect(written.charts.map((c) => c.file)).toEqual(
      expect.arrayContaining(['wire-vs-n.svg', 'wire-vs-tick.svg', 'wire-floods.svg']),
    );
    for (const f of r.figures) {
      expect(f.marks, f.file).toBeGreaterThan(0);
      expect(f.legendLabels, f.file).toBeGreaterThan(0);
      expect(f.texts, f.file).toBeGreaterThan(5);
    }
    expect(r.problems).toEqual([]);
  });

  /**
   * Each breakage: a name, the figure it breaks (or null: the page), how, and what the checker must say. All are
   * applied to one copy of the page, each to its own figure, so that one page load shows them all.
   */
  const breakages: Array<[string, number | null, (page: string) => Promise<string>, RegExp]> = [
    [
      'a label drawn over another',
      2,
      async (page) => {
        // the first list label of the T-VDOS-1 chart printed twice, the copy shifted by 3 px
        const svg = figureSvg(page, 2);
        const label = /<text [^>]*>at flood 1024[^<]*<\/text>/.exec(svg)![0];
        return withFigure(
          page,
          2,
          svg.replace(label, label + label.replace('translate(', 'translate(3,3) translate(')),
        );
      },
      /vdos-ratio\.svg: labels overlap: "at flood 1024/,
    ],
    [
      'a chart with no marks (no data)',
      3,
      async (page) => {
        const spec = structuredClone(vdosChart(draft.constants_us).spec) as { layer: Array<{ data: unknown }> };
        for (const l of spec.layer) l.data = { values: [] };
        return withFigure(page, 3, await toSvg(spec as never));
      },
      /wire-vs-n\.svg: no marks drawn/,
    ],
    [
      'a legend cut to "…"',
      0,
      async (page) => {
        const spec = structuredClone(jointVsN(draft.constants_us).spec) as { config: object };
        spec.config = { legend: { labelLimit: 40 } };
        return withFigure(page, 0, await toSvg(spec as never));
      },
      /joint-vs-n\.svg: legend entry not whole: ".*…"/,
    ],
    [
      'a legend outside the viewBox',
      5,
      async (page) => {
        const svg = figureSvg(page, 5);
        const w = Number(/width="([\d.]+)"/.exec(svg)![1]);
        const narrow = svg
          .replace(/width="[\d.]+"/, `width="${w - 120}"`)
          .replace(/viewBox="0 0 [\d.]+ /, `viewBox="0 0 ${w - 120} `);
        return withFigure(page, 5, narrow);
      },
      /wire-floods\.svg: legend entry not whole/,
    ],
    ['a chart missing', 1, async (page) => withFigure(page, 1, ''), /joint-vs-tick\.svg: no <svg>/],
    [
      'a console error',
      null,
      async (page) => page.replace('</body>', '<script>console.error("broken report")</script></body>'),
      /console error: broken report/,
    ],
    [
      'a remote request',
      null,
      async (page) => page.replace('</body>', '<img src="http://127.0.0.1:9/remote.png" alt=""></body>'),
      /remote request: http:\/\/127\.0\.0\.1:9\/remote\.png/,
    ],
  ];

  let broken: string[] = [];
  test('a copy of the page with every breakage below has problems only where it was broken', async () => {
    let page = html;
    for (const [, , breakIt] of breakages) page = await breakIt(page);
    const file = path.join(dir, 'broken.html');
    writeFileSync(file, page);
    broken = (await inspect(browser, file)).problems;
    // the figure this file does not break (wire-vs-tick.svg) stays clean: the checker names what is broken, only
    expect(broken.filter((p) => p.startsWith('wire-vs-tick.svg'))).toEqual([]);
    expect(new Set(breakages.map(([, f]) => f)).size).toBe(breakages.length - 1); // one figure each
  });

  test.each(breakages)('the checker flags a broken report: %s', (_, _figure, _breakIt, expected) => {
    expect(broken.join('\n')).toMatch(expected);
  });
});
