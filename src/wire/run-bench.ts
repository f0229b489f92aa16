/**
 * One bench:wire run (issue 20): a broker and a generator on loopback for the idle CPU and the
 * measured-against-predicted grid; then the T-VDOS-1 floods, on a veth pair with the generator in
 * a network namespace and the XDP limiter on the host end when this machine permits it
 * (src/wire/xdp-hooks.ts), else on loopback without the XDP rows. Returns the bench-wire-v1
 * document; every process it started is ended before it returns or throws.
 */
import { cpus, release } from 'node:os';
import type { CostConstants } from '../../model/constants.js';
import { DEFAULT_POLICY } from '../../model/token-bucket.js';
import type { BenchWireDoc, FloodRow, NotCarried, XdpInfo } from './document.js';
import { dropPathOf, leftOutOf } from './left-out.js';
import { idleUsPerSecond } from './ledger.js';
import { runGrid } from './run-grid.js';
import { floodBounds, runFloodSeries, type FloodOptions, type FloodSeries, type Limiter } from './run-floods.js';
import { BROKER_NODE_FLAGS, WireSession, type SessionPlace } from './session.js';
import type { XdpLimiter } from './xdp.js';
import { loadXdpHooks } from './xdp-hooks.js';

/** Sizes of one run. */
export interface BenchPlan {
  readonly quick: boolean;
  readonly ns: readonly number[];
  readonly ticksMs: readonly number[];
  readonly gridMs: number;
  readonly warmupMs: number;
  /** (admit, receive-only) window pairs per grid point; low rates: see GridOptions. */
  readonly repeats: number;
  readonly minPackets: Readonly<Record<'A' | 'B' | 'C', number>>;
  readonly maxWindowMs: number;
  readonly lowRepeats: number;
  /** Middle rates (MID_PPS[0] to MID_PPS[1] packets/s, above the low ones): at least this many window pairs. */
  readonly midRepeats: number;
  readonly midPps: readonly [number, number];
  readonly flood: { n: number; coalition: number; tickMs: number; durationMs: number; factors: readonly number[] };
}

/** The plan of a full or quick run. */
export function benchPlan(quick: boolean): BenchPlan {
  return {
    quick,
    ns: [100, 1000, 10_000],
    ticksMs: [1000, 50, 20],
    gridMs: quick ? 1000 : 3000,
    warmupMs: quick ? 400 : 1000,
    repeats: quick ? 1 : 3,
    minPackets: quick ? { A: 120, B: 120, C: 8 } : { A: 600, B: 600, C: 20 },
    maxWindowMs: quick ? 1200 : 8000,
    lowRepeats: 3,
    // a middle rate's one quick window does not say whether its CPU repeats (issue 20 Deliver 3): three do
    midRepeats: 3,
    midPps: [500, 5000],
    flood: {
      n: 16,
      coalition: 4,
      tickMs: 50,
      durationMs: quick ? 1500 : 3000,
      factors: quick ? [1, 4, 16, 64, 256, 1024] : [1, 2, 4, 8, 16, 64, 256, 1024],
    },
  };
}

/** Runs everything; SAY reports progress, NOTICE the one line saying why XDP did not run. */
export async function runBench(
  plan: BenchPlan,
  constants: { draft: CostConstants; calibrated: CostConstants },
  say: (line: string) => void,
  notice: (line: string) => void = say,
): Promise<BenchWireDoc> {
  const loop = await WireSession.start();
  let idle: number;
  let grid: Awaited<ReturnType<typeof runGrid>>;
  try {
    await loop.idle(1000); // the first window after start carries start-up work (loading, compiling)
    const quiet = await loop.idle(2000);
    idle = idleUsPerSecond(quiet); // the helper threads are measured in each window
    grid = await runGrid(loop, { ...plan, durationMs: plan.gridMs, idleUsPerS: idle, ...constants, onProgress: say });
  } finally {
    await loop.close();
  }
  const hooks = loadXdpHooks();
  if (!hooks.ok) notice(`XDP limiter not run: ${hooks.why}`);
  const fo: FloodOptions = {
    ...plan.flood,
    warmupMs: plan.warmupMs,
    idleUsPerS: idle,
    ...constants,
    corrected: constants.calibrated,
  };
  const series: Partial<Record<Limiter, FloodSeries>> = {};
  let xdpWhy: string | null = hooks.ok ? null : hooks.why;
  const run = async (place: SessionPlace, attach: ((udpPort: number) => Promise<XdpLimiter>) | null) => {
    const s = await WireSession.start(place);
    try {
      for (const l of ['none', 'user-space'] as const) series[l] = await runFloodSeries(s, l, fo);
      if (!attach) return;
      let lim: XdpLimiter;
      try {
        lim = await attach(s.target.udpPort);
      } catch (e) {
        xdpWhy = `XDP limiter not attached: ${String((e as Error).message).split('\n')[0]}`;
        notice(xdpWhy);
        return;
      }
      try {
        series.xdp = await runFloodSeries(s, 'xdp', fo, lim);
      } finally {
        await lim.detach();
      }
    } finally {
      await s.close();
    }
  };
  let transport = 'loopback';
  if (hooks.ok) {
    transport = 'veth pair, generator in a network namespace';
    try {
      await hooks.hooks.withVethPair((p) =>
        run({ host: p.hostIp, generatorPrefix: ['ip', 'netns', 'exec', p.ns] }, (udpPort) =>
          hooks.hooks.attachLimiter({
            ifname: p.hostIf,
            policy: DEFAULT_POLICY,
            tickMs: plan.flood.tickMs,
            vantages: plan.flood.n,
            udpPort,
          }),
        ),
      );
    } catch (e) {
      if (series.none) throw e; // a measurement failed, not the namespace
      xdpWhy = `no veth pair: ${String((e as Error).message).split('\n')[0]}`;
      notice(`XDP limiter not run: ${xdpWhy}`);
      transport = 'loopback';
      await run({}, null);
    }
  } else await run({}, null);
  const x = series.xdp;
  const cXdpNs = x && x.xdpRun.run_cnt > 0 ? x.xdpRun.run_time_ns / x.xdpRun.run_cnt : null;
  const drop = series['user-space']?.top ? dropPathOf(series['user-space'].top, idle) : null;
  /**
   * The token-bucket bound (model/vdos-bounds.ts) with this run's costs: c_path is the baseline's measured broker CPU
   * per path B packet (the flood is on path B alone, so c_path = c_bfd_parse here and the other terms are 0), and
   * c_xdp is half the check cost per packet (the bound charges 2 c_xdp per (snapshot, push) pair; here one packet):
   * the XDP program's kernel time, or the user-space drop path; for no limiter, the XDP design's.
   */
  const measuredConstants = (s: FloodSeries, l: Limiter): CostConstants => {
    const checkUs =
      l === 'user-space' && drop
        ? drop.per_packet_ns / 1000
        : cXdpNs !== null
          ? cXdpNs / 1000
          : constants.calibrated.c_xdp;
    const cB = s.baseline.packets_per_s > 0 ? s.baseline.cpu_us_per_s / s.baseline.packets_per_s : 1;
    return { c_json: 0, c_bfd_parse: cB, c_hmac: 0, c_ed25519: constants.calibrated.c_ed25519, c_xdp: checkUs / 2 };
  };
  const floods: FloodRow[] = (['none', 'user-space', 'xdp'] as const).flatMap((l) =>
    (series[l]?.rows ?? []).map((r) => ({
      ...r,
      bound_corrected: floodBounds(fo, r.flood_factor, measuredConstants(series[l]!, l)).bound_corrected,
    })),
  );
  const notCarried: NotCarried[] = [...grid.notCarried, ...Object.values(series).flatMap((s) => s.notCarried)];
  const xdp: XdpInfo = {
    available: hooks.ok && xdpWhy === null,
    why: xdpWhy,
    run_cnt: x?.xdpRun.run_cnt ?? 0,
    run_time_ns: x?.xdpRun.run_time_ns ?? 0,
    parity: x?.parity ?? null,
  };
  return {
    schema: 'perfsec-bench-wire-v1',
    generated_at: new Date().toISOString(),
    quick: plan.quick,
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model.trim() ?? 'unknown',
      node: process.version,
      kernel: release(),
      broker_node_flags: [...BROKER_NODE_FLAGS],
    },
    c_xdp_kernel_ns: cXdpNs,
    c_xdp_draft_ns: 50,
    xdp,
    grid: grid.rows,
    floods,
    left_out_costs: [...leftOutOf(grid.rows), ...(drop ? [drop] : [])],
    not_carried: notCarried,
    flood_setup: {
      n: plan.flood.n,
      coalition: plan.flood.coalition,
      tick_ms: plan.flood.tickMs,
      duration_s: plan.flood.durationMs / 1000,
      transport,
    },
    idle_cpu_us_per_s: idle,
    constants: { draft: { ...constants.draft }, calibrated: { ...constants.calibrated } },
  };
}
