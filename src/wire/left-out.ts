/**
 * The costs draft §3.2's JOINT leaves out, with their measured size (issue 20 Deliver 3): every
 * ledger stage JOINT does not charge, taken at the highest packet rate this machine carried on
 * each path (the least noisy point), as ns per packet and as a share of the measured CPU there;
 * and the user-space drop path of the flood runs (socket receive plus the bucket), which draft
 * §4.1 prices at c_xdp.
 */
import type { GridRow, LeftOutCost } from './document.js';
import { stageUsPerSecond } from './ledger.js';
import { measuredUsPerSecond } from './ledger.js';
import type { WindowResult } from './session.js';

/** Left-out stages of the busiest carried point of each path. */
export function leftOutOf(rows: readonly GridRow[]): LeftOutCost[] {
  const out: LeftOutCost[] = [];
  for (const path of ['A', 'B', 'C'] as const) {
    const mine = rows.filter((r) => r.path === path);
    if (mine.length === 0) continue;
    const top = mine.reduce((a, b) =>
      b.packets.received / b.load.wall_s > a.packets.received / a.load.wall_s ? b : a,
    );
    for (const s of top.stages) {
      if (s.in_joint || s.per_packet_ns <= 0 || s.packets_per_s <= 0) continue;
      out.push({
        name: `${s.stage} (N = ${top.n}, T_tick = ${top.tick_ms} ms)`,
        path,
        per_packet_ns: s.per_packet_ns,
        share_of_measured: top.measured_cpu_us_per_s > 0 ? stageUsPerSecond(s) / top.measured_cpu_us_per_s : 0,
      });
    }
  }
  return out;
}

/**
 * The user-space drop path at the top flood window W: the window's own in-batch receive cost per datagram (at flood
 * rates nearly every datagram shares a poll phase) plus the bucket's drop.
 */
export function dropPathOf(w: WindowResult, idleUsPerS: number): LeftOutCost | null {
  const drop = w.broker.stages['B.admit.dropped'];
  const dropped = w.broker.paths.B.rejected['rate-limited'] ?? 0;
  if (!drop || dropped === 0) return null;
  const perPacket = w.broker.recv_gap_ns + drop.mean_ns;
  const measured = Math.max(1e-9, measuredUsPerSecond(w.broker) - idleUsPerS);
  return {
    name: 'drop path in user space: socket receive + bucket (draft §4.1 prices a drop at c_xdp)',
    path: 'B',
    per_packet_ns: perPacket,
    share_of_measured: Math.min(1, (perPacket * dropped) / 1000 / w.broker.wall_s / measured),
  };
}
