/**
 * The summary at the top of the page (issue 21, Deliver 4): errata by severity and type (each listed with its
 * anchor), their symptoms by verdict, claims by verdict, the coverage of the draft's numbers; and the filters by
 * section and by verdict (src/annotate/script.ts makes them work).
 */
import { citation } from '../audit/anchor.js';
import { esc, token } from './escape.js';
import type { PageModel } from './page-model.js';

const SEVERITY: Readonly<Record<number, string>> = {
  1: 'a theorem or normative requirement',
  2: 'a derived figure',
  3: 'an example or rounding slip',
};

function errataHtml(m: PageModel): string {
  const d = m.doc;
  const bySeverity = [1, 2, 3]
    .map((s) => `<li>severity ${s} (${SEVERITY[s]}): ${d.errata_counts.by_severity[String(s)] ?? 0}</li>`)
    .join('');
  const list = d.errata
    .map(
      (er) =>
        `<li id="erratum-${token(er.id)}"><a href="#L${er.anchor.lines[0]}">${esc(er.id)}</a> ` +
        `(${esc(er.type)}, severity ${er.severity}; ${esc(citation(er.anchor))}): ${esc(er.title)}; symptoms: ` +
        `${er.symptoms.map((s) => esc(s.id)).join(', ')}</li>`,
    )
    .join('');
  return (
    `<h2>Errata: ${d.errata_counts.total} (${d.errata_counts.by_type.technical ?? 0} technical, ` +
    `${d.errata_counts.by_type.editorial ?? 0} editorial)</h2><ul id="by-severity">${bySeverity}</ul>` +
    `<details><summary>every erratum</summary><ol class="errata">${list}</ol></details>`
  );
}

function countsHtml(m: PageModel): string {
  const d = m.doc;
  const verdicts = m.verdicts
    .map((v) => `<li><span class="swatch v-${token(v)}"></span>${esc(v)}: ${d.counts[v]}</li>`)
    .join('');
  const symptoms = m.verdicts
    .filter((v) => (d.symptom_counts.by_verdict[v] ?? 0) > 0)
    .map((v) => `${esc(v)} ${d.symptom_counts.by_verdict[v]}`)
    .join(', ');
  const cov = d.coverage;
  return (
    `<h2>Claims: ${d.entries.length}</h2><ul id="by-verdict">${verdicts}</ul>` +
    `<p id="symptoms">Symptoms (claims the errata list): ${d.symptom_counts.total} (${symptoms}).</p>` +
    `<p id="coverage">The draft's numbers: ${cov.covered} covered by a claim, ${cov.left_out.length} left out on ` +
    `purpose, ${cov.missing.length} missing.</p>` +
    (m.unanchored.length ? `<p>Not anchored: ${m.unanchored.map(esc).join(', ')}</p>` : '')
  );
}

function filtersHtml(m: PageModel): string {
  const sections = m.sections.map((s) => `<option value="${esc(s)}">${esc(s)}</option>`).join('');
  const verdicts = m.verdicts
    .map(
      (v) =>
        `<label><input type="checkbox" class="vf" value="${esc(v)}" checked>` +
        `<span class="swatch v-${token(v)}"></span>${esc(v)}</label>`,
    )
    .join(' ');
  return (
    `<form id="filters" onsubmit="return false"><label>Section <select id="section-filter">` +
    `<option value="">every section</option>${sections}</select></label> ${verdicts} ` +
    `<span id="shown">${m.claims.length} of ${m.claims.length} claims shown</span></form>`
  );
}

/** The summary and the filters. */
export function summaryHtml(m: PageModel): string {
  return `<section id="summary">${errataHtml(m)}${countsHtml(m)}</section>${filtersHtml(m)}`;
}
