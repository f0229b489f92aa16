/**
 * Renders a vega-lite specification to SVG in Node: vega-lite compiles it to vega, vega renders
 * it headless (renderer 'none', view.toSVG()). No browser, no canvas.
 */
import type { TopLevelSpec } from 'vega-lite';

/** The SVG text of one chart. */
export async function toSvg(spec: TopLevelSpec): Promise<string> {
  // Loaded on first use: vega and vega-lite take over a second to import, and every other command
  // (and every test that drives the CLI in-process) would pay for it.
  const [{ parse, View }, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
