/**
 * The counterexamples section of the page (issue 21, Deliver 2): each stored counterexample a claim shows, as its
 * table (T-RC-1 steps, T-COMP-SPLIT witnesses x views, T-VDOS-1 flood per tick) or its stored value, with its file
 * and its replay command.
 */
import type { CxBody, CxView } from './cx-view.js';
import { esc, token } from './escape.js';
import type { LinkTo } from './note-html.js';

const table = (head: readonly string[], rows: ReadonlyArray<readonly string[]>) =>
  `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>` +
  rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('') +
  '</tbody></table>';

function bodyHtml(b: CxBody): string {
  switch (b.kind) {
    case 'rc':
      return (
        `<p>World: ${esc(b.table.world)}.</p>` +
        table(
          ['step', 'command', 'time (ms)', 'packet', 'broker state after', 'decision', 'reference', 'claim'],
          b.table.steps.map((s) => [
            String(s.step),
            `<code>${esc(s.command)}</code>`,
            String(s.timeMs),
            esc(s.packet),
            esc(s.state),
            esc(s.decision),
            esc(s.expected),
            s.violation ? `<span class="no">${esc(s.violation)}</span>` : '',
          ]),
        )
      );
    case 'split':
      return (
        `<p>${esc(b.table.setting)}. ${b.table.split ? 'Both views reach a quorum: a split.' : 'No split.'}</p>` +
        table(
          [
            'witness',
            'compromised',
            'asked (view, bundle -> status)',
            'cosigned view A',
            'cosigned view B',
            'an auditor with view A detects the split here',
          ],
          b.table.rows.map((r) => [
            `w${r.witness}`,
            r.compromised ? 'yes' : 'no',
            esc(r.asked.join('; ')),
            r.cosignedA ? '&#10003;' : '',
            r.cosignedB ? '&#10003;' : '',
            b.table.split ? (r.detectsA ? 'yes' : 'no') : '',
          ]),
        )
      );
    case 'flood':
      return (
        `<p>${esc(b.table.setting)}: ${b.table.total.admitted} of ${b.table.total.arrived} packets admitted.</p>` +
        table(
          ['tick', 'arrived', 'admitted', 'dropped'],
          b.table.ticks.map((t) => [String(t.tick), String(t.arrived), String(t.admitted), String(t.dropped)]),
        ) +
        (b.table.ticksLeftOut ? `<p>${b.table.ticksLeftOut} later tick(s) not shown.</p>` : '')
      );
    case 'value':
      return `<p class="why">${esc(b.why)}</p>`;
  }
}

/** The section of counterexample V. */
export function cxHtml(v: CxView, linkTo: LinkTo): string {
  return (
    `<section class="cx" id="cx-${token(v.id)}"><h3>${esc(v.id)}</h3>` +
    `<p>Refutes: ${esc(v.claim)}</p>` +
    `<p>File <a href="${esc(linkTo(v.file))}">${esc(v.file)}</a>; replay: <code>${esc(v.replay)}</code></p>` +
    `<p class="why">Found by ${esc(v.foundBy)}</p>` +
    bodyHtml(v.body) +
    `<details><summary>stored value and error</summary><pre>${esc(v.valueText)}</pre>` +
    `<pre>${esc(v.error ?? '(no error: the predicate returned false)')}</pre></details></section>`
  );
}
