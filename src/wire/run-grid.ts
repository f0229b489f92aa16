/**
 * The measured-against-predicted grid (issue 20 Deliver 3): for each path and each (N, T_tick),
 * a fresh pipeline with the draft §4.1 rate limit, a warm-up window (JIT, key caches), the
 * measured admit window, and a receive-only window at the same rate (the socket-receive stage); the ledger of that
 * window beside draft §3.2's JOINT term for the path (model/joint-cost.ts) with the draft's and
 * with calibrated constants. Points run from the lowest packet rate up; the first point this
 * machine does not carry (the generator sends under 95 % of what it should, or the broker
 * receives under 90 % of what was sent) stops that path, and the points above it are listed as
 * not carried instead of measured.
 */
import type { CostConstants } from '../../model/constants.js';
import { TABLE_DEFAULTS } from '../../model/deployment.js';
import { joint } from '../../model/joint-cost.js';
import { DEFAULT_POLICY } from '../../model/token-bucket.js';
import { WIRE_PATHS, type WirePath } from './broker-counts.js';
import type { GridRow, NotCarried } from './document.js';
import { idleUsPerSecond, ledgerOf, type Ledger } from './ledger.js';
import { median, medianLedger } from './repeat-median.js';
import type { SentReport, WindowResult, WireSession } from './session.js';
import { mergeWindows } from './merge-windows.js';
import { plannedPackets, type TrafficJob } from './traffic-plan.js';

/** What the grid runs. */
export interface GridOptions {
  readonly ns: readonly number[];
  readonly ticksMs: readonly number[];
  readonly durationMs: number;
  readonly warmupMs: number;
  /** Interleaved (admit, receive-only) window pairs per grid point; the median ledger is kept. */
  readonly repeats: number;
  /**
   * Low rates: a window holds at least this many packets of the path (a checkpoint on C costs q + 1 Ed25519
   * verifies, tens of snapshots' CPU, hence its smaller count), up to MAX_WINDOW_MS; such a point runs LOW_REPEATS
   * (admit, receive-only, idle) windows, the idle one its own baseline.
   */
  readonly minPackets: Readonly<Record<WirePath, number>>;
  readonly maxWindowMs: number;
  readonly lowRepeats: number;
  /**
   * Rates from MID_PPS[0] to MID_PPS[1] packets/s (above the low ones) run at least MID_REPEATS window pairs: there
   * one poll phase per packet, whose cost varies most from window to window.
   */
  readonly midRepeats: number;
  readonly midPps: readonly [number, number];
  readonly idleUsPerS: number;
  readonly draft: CostConstants;
  readonly calibrated: CostConstants;
  readonly onProgress?: (line: string) => void;
}

/** Stage samples a window aims for (sets the 1-in-k rate). */
const SAMPLES = 3000;
/** Counters of the measured window start past any warm-up's. */
const SEQ_BASE = 10_000_000;

const rateOf = (path: WirePath, n: number, tickMs: number) =>
  path === 'C' ? TABLE_DEFAULTS.cellsK / (TABLE_DEFAULTS.bundlePeriodTicks * (tickMs / 1000)) : (n * 1000) / tickMs;

/** Two generator reports of the same job as one (counts add up, the worst lag stays). */
function sumSent(a: SentReport, b: SentReport): SentReport {
  return {
    intended: a.intended + b.intended,
    sent: a.sent + b.sent,
    honest_sent: a.honest_sent + b.honest_sent,
    flood_sent: a.flood_sent + b.flood_sent,
    send_errors: a.send_errors + b.send_errors,
    elapsed_s: a.elapsed_s + b.elapsed_s,
    max_lag_ms: Math.max(a.max_lag_ms, b.max_lag_ms),
    model_admitted_per_vantage: null,
    build_s: a.build_s + b.build_s,
  };
}

/**
 * Before a path's first point, its admission code runs at a middle rate (N = 1000, T_tick = 100 ms: 10 000 packets/s;
 * path C at T_tick = 20 ms) for twice the warm-up: the JIT compiles it there. The lowest rate's own warm-up (100
 * packets a second) leaves it in the interpreter and the compiler at work through the measured windows.
 */
async function warmPath(session: WireSession, path: WirePath, warmupMs: number): Promise<void> {
  const job: TrafficJob = {
    path,
    n: 1000,
    tickMs: path === 'C' ? 20 : 100,
    durationMs: 2 * warmupMs,
    coalition: 0,
    floodFactor: 1,
  };
  await session.configure({ n: job.n, tickMs: job.tickMs, policy: DEFAULT_POLICY, coalition: 0, sampleEvery: 16 });
  await session.window('admit', job);
}

/** Runs the grid on SESSION. */
export async function runGrid(
  session: WireSession,
  o: GridOptions,
): Promise<{ rows: GridRow[]; notCarried: NotCarried[] }> {
  const rows: GridRow[] = [];
  const notCarried: NotCarried[] = [];
  for (const path of WIRE_PATHS) {
    const points = o.ns
      .flatMap((n) => o.ticksMs.map((tickMs) => ({ n, tickMs, pps: rateOf(path, n, tickMs) })))
      .sort((a, b) => a.pps - b.pps || a.n - b.n);
    let stopped: string | null = null;
    await warmPath(session, path, o.warmupMs);
    for (const p of points) {
      const job: TrafficJob = {
        path,
        n: p.n,
        tickMs: p.tickMs,
        durationMs: o.durationMs,
        coalition: 0,
        floodFactor: 1,
      };
      const over = plannedPackets(job) > 2_500_000;
      if (stopped !== null || over) {
        const why = stopped ?? 'over the generator budget of signed packets';
        notCarried.push({ path, n: p.n, tick_ms: p.tickMs, intended_pps: p.pps, why });
        stopped ??= `not tried: a lower rate (N = ${p.n}, T_tick = ${p.tickMs} ms) was over the generator budget`;
        continue;
      }
      const windowMs = Math.min(o.maxWindowMs, Math.max(o.durationMs, Math.ceil((o.minPackets[path] * 1000) / p.pps)));
      const low = windowMs > o.durationMs;
      const mid = p.pps >= o.midPps[0] && p.pps <= o.midPps[1];
      const reps = Math.max(o.repeats, low ? o.lowRepeats : mid ? o.midRepeats : 1);
      o.onProgress?.(
        `grid path ${path}: N = ${p.n}, T_tick = ${p.tickMs} ms (${Math.round(p.pps)} packets/s, ` +
          `${reps} x ${windowMs / 1000} s)`,
      );
      const sampleEvery = path === 'C' ? 1 : Math.max(1, Math.floor((p.pps * windowMs) / 1000 / SAMPLES));
      await session.configure({ n: p.n, tickMs: p.tickMs, policy: DEFAULT_POLICY, coalition: 0, sampleEvery });
      // path C warms up at T_tick = 20 ms: enough checkpoints to compile the verify path
      const warm = path === 'C' ? { ...job, tickMs: 20 } : job;
      await session.window('admit', { ...warm, durationMs: Math.max(o.warmupMs, warm.tickMs) });
      // admit, then receive-only at the same rate (by then the garbage of configure, N keys, is collected), then at a
      // low rate an idle window of the same length (this point's baseline); REPEATS interleaved, each priced alone
      const timed = { ...job, durationMs: windowMs };
      const ledgers: Ledger[] = [];
      const idles: number[] = [];
      let admit: WindowResult | null = null;
      let recv: WindowResult | null = null;
      for (let r = 0; r < reps; r++) {
        const a = await session.window('admit', { ...timed, seqBase: SEQ_BASE * (r + 1) });
        const b = await session.window('receive-only', timed);
        const quiet = low ? await session.idle(windowMs) : null;
        const idle = quiet ? idleUsPerSecond(quiet) : o.idleUsPerS;
        if (quiet) idles.push(idle);
        ledgers.push(ledgerOf(path, a.broker, b.broker, idle));
        admit = admit ? { broker: mergeWindows(admit.broker, a.broker), sent: sumSent(admit.sent, a.sent) } : a;
        recv = recv ? { broker: mergeWindows(recv.broker, b.broker), sent: sumSent(recv.sent, b.sent) } : b;
      }
      if (!admit || !recv) throw new RangeError('no windows');
      const sent = admit.sent;
      const got = admit.broker.paths[path].received;
      if (
        sent.sent < 0.95 * sent.intended ||
        got < 0.9 * sent.sent ||
        recv.broker.paths[path].received < 0.9 * recv.sent.sent
      ) {
        const why = `sent ${sent.sent} of ${sent.intended}, broker received ${got}`;
        notCarried.push({ path, n: p.n, tick_ms: p.tickMs, intended_pps: p.pps, why });
        stopped = `not tried: N = ${p.n}, T_tick = ${p.tickMs} ms (a lower rate) was not carried`;
        continue;
      }
      const { ledger, noise } = medianLedger(ledgers, idles);
      const d = { n: p.n, tickMs: p.tickMs, ...TABLE_DEFAULTS };
      const predicted = joint(d, o.draft).paths[path].usPerSecond;
      const c = admit.broker.paths[path];
      rows.push({
        path,
        n: p.n,
        tick_ms: p.tickMs,
        measured_cpu_us_per_s: ledger.measured_cpu_us_per_s,
        predicted_cpu_us_per_s: predicted,
        predicted_calibrated_cpu_us_per_s: joint(d, o.calibrated).paths[path].usPerSecond,
        ledger_cpu_us_per_s: ledger.ledger_cpu_us_per_s,
        measured_over_predicted: ledger.measured_cpu_us_per_s / predicted,
        ledger_over_measured: ledger.ledger_over_measured,
        stages: ledger.stages,
        packets: {
          received: c.received,
          accepted: c.accepted,
          rejected: c.rejected,
          kernel_drops: path === 'B' ? admit.broker.kernel.rcvbuf_errors : 0,
        },
        load: { intended: sent.intended, sent: sent.sent, wall_s: admit.broker.wall_s },
        idle_cpu_us_per_s: idles.length > 0 ? median(idles) : o.idleUsPerS,
        noise,
        ...(ledger.wake_up_ns ? { wake_up_ns: ledger.wake_up_ns } : {}),
      });
    }
  }
  return { rows, notCarried };
}
