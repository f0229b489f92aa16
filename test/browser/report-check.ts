/**
 * What test/browser/report.test.ts checks in the rendered report page, per chart (one <figure> per chart,
 * its file named by the link after it): the <svg> is there; its marks (vega's role-mark groups) drew
 * paths, lines or rects; each legend entry lies inside the SVG's box and is not cut to "…"; no two visible
 * text elements overlap (vega hides axis labels it drops for overlap with opacity 0: those do not count).
 * PAGE_CHECK is a string so that it runs in the page as written (no bundler helpers).
 */

/** What the page reports for one chart. */
export interface FigureCheck {
  readonly file: string;
  readonly svg: boolean;
  readonly marks: number;
  readonly texts: number;
  readonly legendLabels: number;
  /** legend entries outside the SVG's box or ending in "…" */
  readonly notWhole: string[];
  /** pairs of visible text labels whose boxes intersect by more than half a pixel each way */
  readonly overlaps: string[];
}

/** The page-side check: evaluates to FigureCheck[]. */
export const PAGE_CHECK = `(() => {
  const out = [];
  for (const fig of document.querySelectorAll('figure')) {
    const file = fig.closest('section')?.querySelector('p.file a')?.getAttribute('href') ?? '?';
    const svg = fig.querySelector('svg');
    const r = { file, svg: !!svg, marks: 0, texts: 0, legendLabels: 0, notWhole: [], overlaps: [] };
    out.push(r);
    if (!svg) continue;
    r.marks = svg.querySelectorAll('.role-mark path, .role-mark line, .role-mark rect').length;
    const box = svg.getBoundingClientRect();
    const inside = (b) =>
      b.left >= box.left - 0.5 && b.right <= box.right + 0.5 && b.top >= box.top - 0.5 && b.bottom <= box.bottom + 0.5;
    const visible = (el) => {
      for (let e = el; e && e !== svg.parentElement; e = e.parentElement) {
        const cs = getComputedStyle(e);
        if (cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) === 0) return false;
      }
      return true;
    };
    for (const t of svg.querySelectorAll('.role-legend-label text, .role-legend-title text')) {
      r.legendLabels++;
      if (!inside(t.getBoundingClientRect()) || t.textContent.endsWith('…')) r.notWhole.push(t.textContent);
    }
    const texts = [...svg.querySelectorAll('text')]
      .filter((t) => t.textContent.trim() !== '' && visible(t))
      .map((t) => ({ text: t.textContent, b: t.getBoundingClientRect() }));
    r.texts = texts.length;
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i].b, c = texts[j].b;
        const w = Math.min(a.right, c.right) - Math.max(a.left, c.left);
        const h = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top);
        if (w > 0.5 && h > 0.5) r.overlaps.push('"' + texts[i].text + '" / "' + texts[j].text + '"');
      }
  }
  return out;
})()`;

/** One line per problem the checks found, each naming the chart's file. */
export function problemsOf(figures: readonly FigureCheck[]): string[] {
  return figures.flatMap((f) =>
    !f.svg
      ? [`${f.file}: no <svg>`]
      : [
          ...(f.marks > 0 ? [] : [`${f.file}: no marks drawn`]),
          ...f.notWhole.map((t) => `${f.file}: legend entry not whole: "${t}"`),
          ...f.overlaps.map((o) => `${f.file}: labels overlap: ${o}`),
        ],
  );
}
