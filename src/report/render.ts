/**
 * Renders a vega-lite specification to SVG in Node: vega-lite compiles it to vega, vega renders
 * it headless (renderer 'none', view.toSVG()). No browser, no canvas.
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** The SVG text of one chart. */
export async function toSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
