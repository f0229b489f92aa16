/**
 * The page's inline CSS (issue 21: self-contained, no external fonts): the draft in a fixed-width column with
 * its line numbers, marked lines tinted by verdict (the later rule wins where claims of several verdicts share a
 * line, so a refuted or underspecified claim shows over a holding one; a line whose claims are all filtered out
 * is untinted, by a rule placed after them and more specific), chips and notes in the margin.
 */

/** One colour per verdict (class suffix as src/annotate/escape.ts `token` writes it). */
const COLOURS: ReadonlyArray<readonly [string, string, string]> = [
  ['holds', '#2e7d32', '#e8f5e9'],
  ['holds_within_rounding', '#00897b', '#e0f2f1'],
  ['holds_under', '#b26a00', '#fff3e0'],
  ['underspecified', '#6a1b9a', '#f3e5f5'],
  ['refuted', '#c62828', '#ffebee'],
];

const verdictRules = COLOURS.map(
  ([v, fg, bg]) =>
    `.ln.marked.v-${v}{background:${bg};border-left-color:${fg}}` +
    `.chip.v-${v},.swatch.v-${v}{background:${fg}}.note.v-${v}{border-left-color:${fg}}` +
    `.note.v-${v} .verdict{color:${fg}}`,
).join('\n');

/** The stylesheet. */
export const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 1.5em;color:#1b1b1b;line-height:1.4}
h1{font-size:1.4em}h2{font-size:1.1em;margin:.8em 0 .3em}
#summary ul{margin:.2em 0;padding-left:1.2em}
#filters{position:sticky;top:0;background:#fafafa;border-bottom:1px solid #ccc;padding:.4em 0;z-index:2}
#filters label{margin-right:.6em;white-space:nowrap}
.swatch{display:inline-block;width:.8em;height:.8em;margin:0 .25em;border-radius:2px;vertical-align:-.05em}
#draft{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,monospace;font-size:13px}
.ln{display:grid;grid-template-columns:3.5em minmax(0,74ch) 1fr;border-left:4px solid transparent}
.ln .no{color:#888;text-align:right;padding-right:.8em;text-decoration:none;user-select:none}
.ln .tx{white-space:pre-wrap;overflow-wrap:anywhere}
.ln mark{background:#fff59d;color:inherit}
.chips{padding-left:.8em}
.chip{font:11px system-ui,sans-serif;color:#fff;border:0;border-radius:3px;margin:0 .3em .2em 0;padding:1px 5px;
  cursor:pointer}
.chip[hidden]{display:none}
.note{font-family:system-ui,sans-serif;font-size:13px;margin:.3em 0 .6em 3.5em;max-width:100ch;
  border:1px solid #ddd;border-left:6px solid #888;background:#fff;padding:.4em .8em;box-shadow:0 1px 3px #0002}
.note[hidden]{display:none}
.note h3{margin:.1em 0;font-size:1em}.note .cite{color:#555;margin:.1em 0 .4em}
.note dl{display:grid;grid-template-columns:11em 1fr;gap:.2em .8em;margin:0}
.note dt{color:#555}.note dd{margin:0}.note ul{margin:0;padding-left:1.1em}.note p{margin:.1em 0}
.yes{color:#2e7d32}.no{color:#c62828}.why{color:#555}
code,pre{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f5f5f5;padding:.4em}
.cx{border-top:1px solid #ccc;margin-top:1em}
table{border-collapse:collapse;font-size:12px;margin:.4em 0}
td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top;text-align:left}
${verdictRules}
#draft .ln.marked.dim{background:none;border-left-color:transparent}
#draft .ln.dim mark{background:none}
`;
