/**
 * What the load generator sends in one job, signed before sending starts: on path A or B, N
 * vantages' honest traffic at T_tick (one packet per tick, vantage v's phase v * T / N so the
 * stream is even) and an insider coalition (vantages 0..k-1) at flood_factor times the natural
 * rate, with valid keys and increasing counters (draft §2.2; arrival times are model/flood.ts's);
 * on path C, the q = 2 cosigned checkpoint at the bundle rate of draft §3.2. Packets come out in
 * time order (a counting sort by millisecond). Path A and C packets are already TCP frames.
 */
import { sessionId } from '../../model/broker.js';
import { arrivals, checkScenario, floods, type FloodScenario } from '../../model/flood.js';
import { bundleNote } from '../calibrate/stages.js';
import { pipelineSetupOf } from '../pipeline/traffic.js';
import { encodeFrame, FRAME_KIND } from './framing.js';
import type { WirePath } from './broker-counts.js';
import { bfdSigner, snapshotSigner } from './packet-templates.js';

/** One generator job. */
export interface TrafficJob {
  readonly path: WirePath;
  readonly n: number;
  readonly tickMs: number;
  readonly durationMs: number;
  readonly coalition: number;
  readonly floodFactor: number;
  /** Path C: cells_k and bundle_period_ticks (draft §3.3 defaults 8 and 10). */
  readonly cellsK?: number;
  readonly bundlePeriodTicks?: number;
  /** First BFD seq is SEQ_BASE + 1 and first CWT counter SEQ_BASE (a later window of one pipeline; default 0). */
  readonly seqBase?: number;
}

/** Packets in send order. */
export interface TrafficPlan {
  readonly timesUs: Float64Array;
  readonly packets: readonly Uint8Array[];
  readonly vantage: Int32Array;
  readonly honest: number;
  readonly flood: number;
}

/** Most packets one plan holds (memory and signing time of the generator). */
export const MAX_PLAN_PACKETS = 3_000_000;

/** The scenario of a path A or B job (phases spread over the tick). */
export function scenarioOf(j: TrafficJob): FloodScenario {
  const t = Math.round(j.tickMs * 1000);
  const phase = (v: number) => Math.floor((v * t) / j.n);
  return checkScenario({
    n: j.n,
    tickMs: j.tickMs,
    coalition: j.coalition,
    floodFactor: j.floodFactor,
    durationTicks: Math.max(1, Math.round(j.durationMs / j.tickMs)),
    phasesUs: Array.from({ length: j.n }, (_, v) => [phase(v), phase(v)] as const),
  });
}

/** Packets a job would send, known before signing (for the budget). */
export function plannedPackets(j: TrafficJob): number {
  if (j.path === 'C') return Math.floor(bundleRate(j) * (j.durationMs / 1000)) + 1;
  const s = scenarioOf(j);
  return (s.n - s.coalition) * s.durationTicks + s.coalition * (Math.ceil(s.floodFactor * s.durationTicks) + 1);
}

function bundleRate(j: TrafficJob): number {
  return (j.cellsK ?? 8) / ((j.bundlePeriodTicks ?? 10) * (j.tickMs / 1000)); // draft §3.2 bundles_per_sec
}

/** Signs every packet of J and orders them by time. */
export function planTraffic(j: TrafficJob): TrafficPlan {
  const planned = plannedPackets(j);
  if (planned > MAX_PLAN_PACKETS)
    throw new RangeError(`${planned} packets is over the generator's budget of ${MAX_PLAN_PACKETS}`);
  const times: number[] = [];
  const packets: Uint8Array[] = [];
  const vantage: number[] = [];
  let honest = 0;
  if (j.path === 'C') {
    const note = Buffer.from(bundleNote().note, 'utf8');
    const frame = encodeFrame(FRAME_KIND.checkpoint, 0, note);
    for (let i = 0, t = 0; t < j.durationMs * 1000; t = Math.round((++i * 1e6) / bundleRate(j))) {
      times.push(t);
      packets.push(frame);
      vantage.push(0);
    }
    return sorted(times, packets, vantage, packets.length, 0);
  }
  const s = scenarioOf(j);
  const w = pipelineSetupOf(j.n);
  for (let v = 0; v < s.n; v++) {
    const id = w.vantageIds[v]!;
    const at = arrivals(s, v, j.path);
    if (!floods(s, v)) honest += at.length;
    const base = j.seqBase ?? 0;
    if (j.path === 'A') {
      // expires_at: past the broker's clock (ms since configure) for any bounded run
      const sign = snapshotSigner(
        { vantage_id: id, epoch_id: 0, expires_at: 3_000_000, payload: 'coherence sample' },
        w.keys.cwt(id, 0)!,
      );
      for (let i = 0; i < at.length; i++) packets.push(encodeFrame(FRAME_KIND.snapshot, v, sign(base + i)));
    } else {
      const sign = bfdSigner(w.sessions[v]!, w.keys.bfd(sessionId(w.sessions[v]!), 0)!);
      for (let i = 0; i < at.length; i++) packets.push(sign(base + i + 1));
    }
    for (const t of at) {
      times.push(t);
      vantage.push(v);
    }
  }
  return sorted(times, packets, vantage, honest, packets.length - honest);
}

/** Counting sort by millisecond (stable: within a millisecond, vantage order). */
function sorted(times: number[], packets: Uint8Array[], vantage: number[], honest: number, flood: number): TrafficPlan {
  const maxMs = times.reduce((m, t) => Math.max(m, Math.floor(t / 1000)), 0);
  const start = new Uint32Array(maxMs + 2);
  for (const t of times) start[Math.floor(t / 1000) + 1]!++;
  for (let i = 1; i < start.length; i++) start[i]! += start[i - 1]!;
  const order = new Uint32Array(times.length);
  times.forEach((t, i) => (order[start[Math.floor(t / 1000)]!++] = i));
  return {
    timesUs: Float64Array.from(order, (i) => times[i]!),
    packets: Array.from(order, (i) => packets[i]!),
    vantage: Int32Array.from(order, (i) => vantage[i]!),
    honest,
    flood,
  };
}
