/**
 * A claim's margin note (issue 21, Deliver 1 and 3): what the draft says and what the model computes, the
 * readings and free choices with their values, the erratum it belongs to and the corrected statement, how it was
 * checked (the search, the random cases and exhaustive scope when the audit records them, the counterexample and
 * its replay command), and links to its property and its counterexample file. Hidden until its chip is clicked.
 */
import { citation } from '../audit/anchor.js';
import { esc, token } from './escape.js';
import { checkedOf, type ClaimNote } from './page-model.js';
import { sourceLink } from './sources.js';

/** The href of a repository-relative PATH (and LINE) from the page. */
export type LinkTo = (path: string, line?: number) => string;

const row = (label: string, html: string) => (html ? `<dt>${esc(label)}</dt><dd>${html}</dd>` : '');
const code = (s: string) => `<code>${esc(s)}</code>`;
const holds = (h: boolean) => `<span class="${h ? 'yes' : 'no'}">${h ? 'holds' : 'does not hold'}</span>`;

function modelRows(c: ClaimNote): string {
  const e = c.entry;
  const model = e.model !== undefined ? `${esc(String(e.model))}` : '';
  const readings = e.readings?.length
    ? `<ul>${e.readings
        .map(
          (r) =>
            `<li>${esc(r.name)}: ${esc(String(r.model))}, ${holds(r.holds)}${r.note ? ` (${esc(r.note)})` : ''}</li>`,
        )
        .join('')}</ul>`
    : '';
  const ch = e.choices;
  const choices = ch
    ? `<ul>${ch.open
        .map((o) => `<li>${esc(o.name)}: ${esc(o.admissible)} <span class="why">(${esc(o.lines)})</span></li>`)
        .join('')}</ul><p>${esc(ch.method)}; ${ch.points} point(s):</p><ul>${ch.outcomes
        .map(
          (o) =>
            `<li>${esc(o.choice)} &rarr; ${esc(o.value)}, ${holds(o.holds)}` +
            `${o.note ? ` <span class="why">(${esc(o.note)})</span>` : ''}</li>`,
        )
        .join('')}</ul>`
    : '';
  return row('model computes', model) + row('readings', readings) + row('open choices', choices);
}

function erratumRows(c: ClaimNote): string {
  const errata = c.errata
    .map(
      (er) =>
        `<p><a href="#erratum-${token(er.id)}">${esc(er.id)}</a> (${esc(er.type)}, severity ${er.severity}): ` +
        `${esc(er.title)}</p><p class="should">should say: ${esc(er.shouldSay)}</p>`,
    )
    .join('');
  return (
    row('erratum', errata) +
    row('consequence to consider', c.consequence ? esc(c.consequence) : '') +
    row('holds under', c.holdsUnder ? esc(c.holdsUnder) : '') +
    row('corrected', c.entry.corrected ? esc(c.entry.corrected) : '')
  );
}

function checkedRows(c: ClaimNote, linkTo: LinkTo): string {
  const e = c.entry;
  const k = checkedOf(e);
  const x = k?.exhaustive;
  const d = k?.verify_default; // shown only without a recorded exhaustive run
  const states =
    typeof x?.states === 'number' ? `: ${x.states} states (${esc(String(x.distinct ?? '?'))} distinct)` : '';
  const scope = k
    ? [
        x
          ? `${k.claim ? `${esc(k.claim)} ` : ''}verified for every trace up to depth ${esc(String(x.depth ?? '?'))} ` +
            `in scope ${esc(x.scope ?? '?')}${states}${x.status ? ` (${esc(x.status)})` : ''}`
          : d
            ? `exhaustive scope of ${code(`npx perfsec verify ${d.target ?? '?'}`)} (no deep run recorded): ` +
              // a target without a depth parameter has depth 0 there (src/audit/checked.ts): not shown
              `${d.depth ? `depth ${esc(String(d.depth))}, ` : ''}${esc(d.scope ?? '?')}`
            : '',
        typeof k.random_cases === 'number' ? `searched ${k.random_cases} random cases` : '',
        k.date ? `on ${esc(k.date)}` : '',
      ]
        .filter(Boolean)
        .join('; ')
    : '';
  const cx = e.counterexample;
  const cxHtml = cx
    ? `<a href="#cx-${token(cx.id)}">${esc(cx.id)}</a> (${esc(cx.found_by)}, ` +
      `${cx.reproduced ? 'reproduced' : '<span class="no">not reproduced</span>'}): ${code(cx.replay)}` +
      (c.cx ? ` &middot; file <a href="${esc(linkTo(c.cx.file))}">${esc(c.cx.file)}</a>` : '')
    : '';
  const sources = c.sources
    .map((s) => `<a class="src" href="${esc(linkTo(s.path, s.line))}">${esc(sourceLink(s))}</a>`)
    .join(', ');
  return (
    row('checked', [e.comparison ? esc(e.comparison) : '', scope].filter(Boolean).join('<br>')) +
    row('counterexample', cxHtml) +
    row('checked in', sources) +
    row('drift', e.drift ? `<span class="no">${esc(e.drift)}</span>` : '')
  );
}

/** The note of claim C. */
export function noteHtml(c: ClaimNote, linkTo: LinkTo): string {
  const e = c.entry;
  return (
    `<aside class="note v-${token(e.verdict)}" id="c${c.index}" data-claim="${esc(e.id)}" ` +
    `data-section="${esc(e.section)}" data-verdict="${esc(e.verdict)}" hidden>` +
    `<h3>${esc(e.id)} <span class="verdict">${esc(e.verdict)}</span></h3>` +
    `<p class="cite">${esc(citation(e.anchor))}; ${esc(e.kind)}` +
    `${e.origin === 'derived' ? ', a statement the project derives' : ''}</p>` +
    `<dl>${row('the draft', esc(e.draft))}${e.paraphrase !== e.draft ? row('paraphrase', esc(e.paraphrase)) : ''}` +
    `${modelRows(c)}${erratumRows(c)}${checkedRows(c, linkTo)}${row('note', e.note ? esc(e.note) : '')}</dl></aside>`
  );
}
