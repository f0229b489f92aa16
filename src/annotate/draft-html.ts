/**
 * The draft's text in the page (issue 21, Deliver 1): every line with its number, the lines of each anchored
 * claim marked and coloured by the verdict of the claims there, the anchors' words highlighted where they stand
 * on one line, a chip per claim at its first line (a click opens its margin note), and the notes after the
 * anchor's last line. Every piece of the draft is escaped (src/annotate/escape.ts).
 */
import type { ClaimVerdict } from '../lib/claim-verdict.js';
import { esc, token } from './escape.js';
import { noteHtml, type LinkTo } from './note-html.js';
import type { ClaimNote, PageModel } from './page-model.js';

/** The claims a line carries, from its first and last line. */
function byLine(claims: readonly ClaimNote[], n: number) {
  const perLine = () => Array.from({ length: n + 1 }, (): ClaimNote[] => []);
  const covering = perLine();
  const starting = perLine();
  const ending = perLine();
  for (const c of claims) {
    const [from, to] = c.entry.anchor.lines;
    for (let l = from; l <= to && l <= n; l++) covering[l]!.push(c);
    if (from <= n) starting[from]!.push(c);
    if (to <= n) ending[to]!.push(c);
  }
  return { covering, starting, ending };
}

/** The spans of TEXT that hold one of WORDS, merged, in order. */
function wordSpans(text: string, words: readonly string[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const w of words) {
    const word = w.trim();
    if (word === '') continue;
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) spans.push([i, i + word.length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/** One line's text, escaped, with the anchors' words of the claims covering it in <mark>. */
function lineText(text: string, covering: readonly ClaimNote[]): string {
  const spans = wordSpans(
    text,
    covering.flatMap((c) => c.entry.anchor.words),
  );
  let html = '';
  let at = 0;
  for (const [a, b] of spans) {
    html += `${esc(text.slice(at, a))}<mark>${esc(text.slice(a, b))}</mark>`;
    at = b;
  }
  return html + esc(text.slice(at));
}

const chip = (c: ClaimNote) =>
  `<button type="button" class="chip v-${token(c.entry.verdict)}" data-claim="${esc(c.entry.id)}" ` +
  `data-note="c${c.index}" data-section="${esc(c.entry.section)}" data-verdict="${esc(c.entry.verdict)}" ` +
  `title="${esc(`${c.entry.id}: ${c.entry.verdict}`)}">${esc(c.entry.id)}</button>`;

/** The draft as HTML: a div per line, chips and notes in place. */
export function draftHtml(m: PageModel, linkTo: LinkTo): string {
  const { covering, starting, ending } = byLine(m.claims, m.lines.length);
  const out: string[] = [];
  m.lines.forEach((text, i) => {
    const n = i + 1;
    const cover = covering[n]!;
    const claims = cover.map((c) => `c${c.index}`).join(' ');
    const verdicts = [...new Set(cover.map((c) => c.entry.verdict as ClaimVerdict))];
    const cls = cover.length ? ` marked ${verdicts.map((v) => `v-${token(v)}`).join(' ')}` : '';
    out.push(
      `<div class="ln${cls}" id="L${n}"${claims ? ` data-claims="${claims}"` : ''}>` +
        `<a class="no" href="#L${n}">${n}</a><span class="tx">${lineText(text, cover)}</span>` +
        `<span class="chips">${starting[n]!.map(chip).join('')}</span></div>`,
    );
    for (const c of ending[n]!) out.push(noteHtml(c, linkTo));
  });
  return `<div id="draft">${out.join('\n')}</div>`;
}
