/**
 * The annotated draft as one self-contained HTML page (issue 21): inline CSS and script only, and a Content
 * Security Policy that lets the page load nothing at all (no network, no external fonts or scripts). Summary and
 * filters at the top, the draft with its marks and notes, then the counterexamples.
 */
import { cxHtml } from './cx-html.js';
import { draftHtml } from './draft-html.js';
import { esc } from './escape.js';
import type { LinkTo } from './note-html.js';
import type { PageModel } from './page-model.js';
import { SCRIPT } from './script.js';
import { STYLE } from './style.js';
import { summaryHtml } from './summary-html.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/** The page of M; LINKTO makes the links to repository files. */
export function pageHtml(m: PageModel, linkTo: LinkTo): string {
  const cxs = [...new Map(m.claims.flatMap((c) => (c.cx ? [[c.cx.id, c.cx] as const] : []))).values()].sort((a, b) =>
    a.id.localeCompare(b.id),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(m.draftName)}, annotated</title>
<style>${STYLE}</style></head>
<body>
<h1>${esc(m.draftName)}, annotated</h1>
<p>Every claim the audit checks (<code>perfsec audit</code>, seed ${m.doc.seed}, ${m.doc.runs} runs per statement),
marked at its lines and coloured by its verdict; click a claim's chip for its note.</p>
${summaryHtml(m)}
${draftHtml(m, linkTo)}
<h2 id="counterexamples">Counterexamples (${cxs.length})</h2>
${cxs.map((v) => cxHtml(v, linkTo)).join('\n')}
<script>${SCRIPT}</script>
</body></html>
`;
}
