/**
 * The report's section on a `npm run bench:wire` document: c_xdp as the kernel measured it beside the
 * draft's 0.05 µs (draft §1.3), how many grid points the stage ledger explains within ±15 %, the costs the
 * draft §3.2 JOINT leaves out, and the honest packets lost at each flood factor per limiter (draft §4.3).
 */
import { esc } from './escape.js';
import { LEDGER_BAND, withinBand } from './wire-charts.js';
import type { WireMeasurement } from './wire-doc.js';
import { LIMITERS } from './wire-floods-chart.js';

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** The HTML of the section. */
export function wireSectionHtml(w: WireMeasurement): string {
  const d = w.doc;
  const xdp =
    d.c_xdp_kernel_ns === null
      ? `not measured (${esc(d.xdp.why ?? 'XDP not available')})`
      : `${d.c_xdp_kernel_ns.toFixed(1)} ns per packet by the kernel's BPF statistics`;
  const b = withinBand(d);
  const left = d.left_out_costs
    .map(
      (c) =>
        `<tr><td>${esc(c.name)}</td><td>${esc(c.path)}</td><td>${c.per_packet_ns.toFixed(0)}</td>` +
        `<td>${pct(c.share_of_measured)}</td></tr>`,
    )
    .join('');
  const losses = d.floods
    .map(
      (r) =>
        `<tr><td>${LIMITERS[r.limiter]}</td><td>${r.flood_factor}</td><td>${r.ratio_measured.toFixed(2)}</td>` +
        `<td>${r.bound_draft.toFixed(2)}</td><td>${r.bound_corrected.toFixed(2)}</td><td>${r.honest_sent}</td>` +
        `<td>${r.honest_lost}</td><td>${r.honest_lost_limiter}</td><td>${r.honest_lost_kernel}</td></tr>`,
    )
    .join('');
  const skipped = (d.not_carried ?? [])
    .map(
      (r) =>
        `<li>path ${esc(r.path)}, N = ${r.n}, T_tick = ${r.tick_ms} ms ` +
        `(${r.intended_pps} packets/s): ${esc(r.why)}</li>`,
    )
    .join('');
  const notCarried = skipped ? `<p>Grid points this machine did not carry:</p><ul>${skipped}</ul>` : '';
  return `<h2>The broker on the wire</h2>
<p>From <code>${esc(w.source)}</code> (${esc(d.generated_at)}${d.quick ? ', --quick' : ''}) on ${esc(d.machine.model)},
${d.machine.cpus} CPUs, node ${esc(d.machine.node)}, kernel ${esc(d.machine.kernel)}.</p>
<p>c_xdp: ${xdp}; the draft §1.3 says ${d.c_xdp_draft_ns} ns.</p>
<p>The stage ledger is within ±${LEDGER_BAND * 100} % of the measured CPU at ${b.within} of ${b.points} grid
points.</p>${notCarried}
<h3>Costs the draft §3.2 JOINT leaves out</h3>
<table><tr><th>cost</th><th>path</th><th>ns per packet</th><th>share of measured</th></tr>${left}</table>
<h3>T-VDOS-1 floods: ratio and honest packets lost</h3>
<table><tr><th>limiter</th><th>flood</th><th>ratio</th><th>draft bound</th><th>corrected bound</th>
<th>honest sent</th><th>honest lost</th><th>by the limiter</th><th>by the kernel</th></tr>${losses}</table>`;
}
