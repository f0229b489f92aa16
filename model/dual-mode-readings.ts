/**
 * The readings of draft §7's extra-field format "bundle_id=<uuid>;bundle_seq=<uint64>;d_minimax=<float>;d_max=<float>"
 * (lines 741-745) that change its bytes: how <float> is written (the draft names no rendering), whether the line
 * break of the printed format is layout or two checkpoint extension lines, and whether the carried values are
 * D_minimax and D_max or their squares (lines 738-739 define D_minimax^2 and D_max^2, then say "These two values").
 * model/checkpoint.ts formatDualMode is the code's reading: shortest round-trip floats, one line, D.
 */
import type { DualMode } from './checkpoint.js';

/** One way to write a binary64 value as <float>. */
export interface FloatRendering {
  readonly name: string;
  readonly description: string;
  render(x: number): string;
}

/** C's %.17g: 17 significant digits, trailing zeros and a trailing point removed (values in [1e-4, 1e17)). */
function g17(x: number): string {
  const s = x.toPrecision(17);
  return s.includes('e') ? s : s.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** The renderings an implementer following the text may choose; the first is the code's (formatDualMode). */
export const FLOAT_RENDERINGS: readonly FloatRendering[] = [
  {
    name: 'shortest',
    description: "shortest round-trip decimal (ECMAScript Number#toString, Go strconv.FormatFloat(x, 'g', -1, 64))",
    render: (x) => String(x),
  },
  {
    name: 'repr-point',
    description: 'shortest round-trip with ".0" on integral values (Python repr, Rust {:?}; values in [1e-4, 1e16))',
    render: (x) => (Number.isInteger(x) ? `${x}.0` : String(x)),
  },
  { name: 'fixed-6', description: 'six decimals (C printf "%f")', render: (x) => x.toFixed(6) },
  { name: 'g17', description: '17 significant digits (C printf "%.17g", the round-trip precision)', render: g17 },
];

/** The printed format's line break read as layout (one extension line) or as two extension lines. */
export type LineLayout = 'one-line' | 'two-lines';

/** Which values the field carries: D_minimax and D_max, or the squares lines 738-739 define. */
export type CarriedValue = 'D' | 'D-squared';

/** The checkpoint extension line(s) of the §7 field under a rendering, a layout and a carried value. */
export function dualModeLines(
  d: DualMode,
  r: FloatRendering = FLOAT_RENDERINGS[0]!,
  layout: LineLayout = 'one-line',
  carried: CarriedValue = 'D',
): string[] {
  const v = (x: number) => r.render(carried === 'D' ? x : x * x);
  const head = `bundle_id=${d.bundleId};bundle_seq=${d.bundleSeq};`; // as printed, line 744 ends in ';'
  const tail = `d_minimax=${v(d.dMinimax)};d_max=${v(d.dMax)}`;
  return layout === 'one-line' ? [head + tail] : [head, tail];
}
