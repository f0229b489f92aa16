/**
 * The readable tables `npm run bench:wire` prints from its document: measured against predicted
 * per path and grid point (draft §3.2 JOINT term), the ledger within ±15 % flagged, c_xdp measured
 * by the kernel beside draft §4.1's 50 ns, the T-VDOS-1 flood curves with honest-loss counts, the
 * costs JOINT leaves out, and the points this machine did not carry.
 */
import type { BenchWireDoc } from './document.js';

/** Ledger within this fraction of the measured CPU is flagged as explained. */
export const LEDGER_TOLERANCE = 0.15;

const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const k = (x: number) => Math.round(x).toLocaleString('en-US');

/** Whether a ledger/measured ratio is within ±15 %. */
export const withinTolerance = (ratio: number): boolean => Math.abs(ratio - 1) <= LEDGER_TOLERANCE;

/** The tables as text. */
export function wireTable(d: BenchWireDoc): string {
  const out: string[] = [];
  const m = d.machine;
  const flags = m.broker_node_flags?.length ? `, broker ${m.broker_node_flags.join(' ')}` : '';
  out.push(
    `machine: ${m.model}, ${m.cpus} cpus, node ${m.node}${flags}, kernel ${m.kernel}${d.quick ? ' (quick run)' : ''}`,
  );
  out.push(`broker idle: ${f(d.idle_cpu_us_per_s, 0)} µs CPU per s`, '');
  out.push(
    '| path | N | T_tick ms | pkts/s | measured µs/s | JOINT draft µs/s | JOINT calibrated µs/s | measured / draft | ' +
      'ledger µs/s | ledger / measured | ±15 % | idle µs/s | windows | measured spread |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|',
  );
  for (const r of d.grid) {
    const cells = [
      r.path,
      k(r.n),
      String(r.tick_ms),
      k(r.packets.received / r.load.wall_s),
      k(r.measured_cpu_us_per_s),
      k(r.predicted_cpu_us_per_s),
      k(r.predicted_calibrated_cpu_us_per_s),
      f(r.measured_over_predicted),
      k(r.ledger_cpu_us_per_s),
      f(r.ledger_over_measured),
      withinTolerance(r.ledger_over_measured) ? 'yes' : r.noise?.within_reach === false ? 'NO (noise)' : 'NO',
      k(r.idle_cpu_us_per_s ?? d.idle_cpu_us_per_s),
      String(r.noise?.windows ?? 1),
      typeof r.noise?.measured_spread === 'number' ? `±${f(r.noise.measured_spread * 100, 0)} %` : '-',
    ];
    out.push(`| ${cells.join(' | ')} |`);
  }
  const inside = d.grid.filter((r) => withinTolerance(r.ledger_over_measured)).length;
  out.push('', `ledger within ±15 % of measured CPU at ${inside} of ${d.grid.length} carried points`);
  const noisy = d.grid.filter((r) => !withinTolerance(r.ledger_over_measured) && r.noise?.within_reach === false);
  if (noisy.length > 0)
    out.push(
      `${noisy.length} of the points outside: the broker's measured CPU or its idle baseline varies by more than ` +
        `±15 % of the measured CPU over repeated windows there (noise floor; "measured spread" = half the range ` +
        `over the median)`,
    );
  out.push('');
  const cXdp =
    d.c_xdp_kernel_ns === null ? `not measured (${d.xdp.why ?? 'no XDP run'})` : `${f(d.c_xdp_kernel_ns, 1)} ns`;
  out.push(`c_xdp measured by the kernel: ${cXdp} (draft §4.1: ${d.c_xdp_draft_ns} ns; ${k(d.xdp.run_cnt)} packets)`);
  if (d.xdp.parity)
    out.push(
      `XDP parity: ${k(d.xdp.parity.forwarded_xdp)} forwarded, model admits ${k(d.xdp.parity.admitted_model)} ` +
        `of ${k(d.xdp.parity.packets)}; ${k(d.xdp.parity.mismatches)} mismatches`,
    );
  const fs = d.flood_setup;
  out.push(
    '',
    `floods on path B: N = ${fs.n}, coalition ${fs.coalition}, T_tick = ${fs.tick_ms} ms, ` +
      `${fs.duration_s} s each, ${fs.transport}`,
    '| limiter | flood | ratio measured | bound draft | bound corrected | honest sent | lost | by limiter | ' +
      'by kernel |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const r of d.floods)
    out.push(
      `| ${r.limiter} | ${r.flood_factor} | ${f(r.ratio_measured)} | ${f(r.bound_draft)} | ${f(r.bound_corrected)} | ` +
        `${k(r.honest_sent)} | ${k(r.honest_lost)} | ${k(r.honest_lost_limiter)} | ${k(r.honest_lost_kernel)} |`,
    );
  out.push('', '| left out of JOINT | path | ns per packet | share of measured |', '|---|---|---:|---:|');
  for (const c of d.left_out_costs)
    out.push(`| ${c.name} | ${c.path} | ${k(c.per_packet_ns)} | ${f(c.share_of_measured * 100, 1)} % |`);
  if (d.not_carried.length > 0) {
    out.push('', 'not carried by this machine:');
    for (const c of d.not_carried) out.push(`- path ${c.path}, N = ${k(c.n)}, T_tick = ${c.tick_ms} ms: ${c.why}`);
  }
  return `${out.join('\n')}\n`;
}
