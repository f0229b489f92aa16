/**
 * `perfsec xdp check` as a function, and what the wire bench calls (issue 20, Deliver 2): on a
 * fresh namespace and veth pair, c_xdp as the kernel measures it (run_time_ns / run_cnt over a run
 * of back-to-back packets, beside the draft's 0.05 µs, draft §1.3, line 232, derived in §4.1, lines
 * 459-466; the draft defines a median, line 222, the kernel gives a mean) and the parity
 * of the XDP program with the T-VDOS-1 per-packet simulator; optionally the two mutants, which the
 * parity check must catch. Where namespaces or XDP are not permitted the result says why in one
 * line and measures nothing.
 */
import { bucketParams, DEFAULT_POLICY, type RateLimitPolicy } from '../../../model/token-bucket.js';
import { InputError } from '../../lib/errors.js';
import { netnsSupport, withVethPair } from '../netns.js';
import { xdpSupport, type XdpStats } from '../xdp.js';
import { MUTANTS, type LimiterMutant } from './build.js';
import type { ParityReport } from './parity-compare.js';
import { runCxdp, runParity } from './parity.js';
import { paritySchedule } from './schedule.js';

/** The draft's c_xdp, ns (draft §4.1, line 466: "c_xdp = 50 ns"). */
export const C_XDP_DRAFT_NS = 50;

/** What to check. */
export interface XdpCheckOptions {
  /** The rate-limit policy (default the model's DEFAULT_POLICY) and tick (default 50 ms, draft §4.4). */
  readonly policy?: RateLimitPolicy;
  readonly tickMs?: number;
  /** Buckets in the parity schedule (default 4, at most 64). */
  readonly vantages?: number;
  /** Packets of the c_xdp run (default 20 000, at most 1 000 000). */
  readonly packets?: number;
  /** Also run the mutants (they must be caught). */
  readonly mutants?: boolean;
}

/** A mutant's parity: caught when it has unexplained mismatches. */
export interface MutantResult {
  readonly mutant: LimiterMutant;
  readonly mismatches: number;
  readonly unexplained_mismatches: number;
  readonly caught: boolean;
}

/** The check's result. */
export interface XdpCheck {
  readonly available: boolean;
  readonly why: string | null;
  readonly c_xdp_kernel_ns: number | null;
  readonly c_xdp_draft_ns: number;
  /** The c_xdp run's kernel counts. */
  readonly cxdp_run: XdpStats | null;
  readonly parity: ParityReport | null;
  /** Send-to-kernel delays of each bucket's last packet in the parity run, µs. */
  readonly parity_delays_us: number[];
  /** Packets XDP forwarded that the receiving socket lost (parity, c_xdp runs): 0 unless the buffer overflowed. */
  readonly socket_lost: number;
  readonly mutants: MutantResult[];
  /** Whether everything checked holds: parity without unexplained mismatches, every mutant caught. */
  readonly ok: boolean;
}

/** The check's inputs, checked (InputError: exit 2). */
function resolve(o: XdpCheckOptions): Required<XdpCheckOptions> {
  const r = {
    policy: o.policy ?? DEFAULT_POLICY,
    tickMs: o.tickMs ?? 50,
    vantages: o.vantages ?? 4,
    packets: o.packets ?? 20_000,
    mutants: o.mutants ?? false,
  };
  if (!Number.isInteger(r.vantages) || r.vantages < 1 || r.vantages > 64)
    throw new InputError(`vantages must be an integer in [1, 64], got ${r.vantages}`);
  if (!Number.isInteger(r.packets) || r.packets < 1 || r.packets > 1_000_000)
    throw new InputError(`packets must be an integer in [1, 1000000], got ${r.packets}`);
  try {
    const s = paritySchedule(bucketParams(Math.round(r.tickMs * 1000), r.policy), r.vantages, 0x10000);
    const last = s[s.length - 1]?.atNs ?? 0;
    if (last > 10e9) throw new Error(`the parity schedule would last ${(last / 1e9).toFixed(1)} s (> 10 s)`);
  } catch (e) {
    throw new InputError(`${(e as Error).message}: choose a shorter --tick-ms or a smaller bucket`);
  }
  return r;
}

/** Runs the check (see the file comment); never throws for a missing permission, only for bad input or a failure. */
export async function xdpCheck(options: XdpCheckOptions = {}): Promise<XdpCheck> {
  const o = resolve(options);
  const support = [netnsSupport(), xdpSupport()].find((s) => !s.ok);
  const none = { c_xdp_draft_ns: C_XDP_DRAFT_NS, parity_delays_us: [], socket_lost: 0, mutants: [] };
  if (support && !support.ok)
    return {
      ...none,
      available: false,
      why: support.why,
      c_xdp_kernel_ns: null,
      cxdp_run: null,
      parity: null,
      ok: true,
    };
  return withVethPair(async (pair) => {
    const base = { pair, policy: o.policy, tickMs: o.tickMs, vantages: o.vantages };
    const parity = await runParity(base);
    const cx = await runCxdp({ ...base, count: o.packets });
    const mutants: MutantResult[] = [];
    if (o.mutants)
      for (const mutant of Object.keys(MUTANTS) as LimiterMutant[]) {
        const m = (await runParity({ ...base, mutant })).report;
        const caught = m.unexplained_mismatches > 0;
        mutants.push({ mutant, mismatches: m.mismatches, unexplained_mismatches: m.unexplained_mismatches, caught });
      }
    return {
      ...none,
      available: true,
      why: null,
      c_xdp_kernel_ns: cx.c_xdp_kernel_ns,
      cxdp_run: cx.stats,
      parity: parity.report,
      parity_delays_us: parity.delaysUs,
      socket_lost: parity.socketLost + cx.socketLost,
      mutants,
      ok: parity.report.unexplained_mismatches === 0 && mutants.every((m) => m.caught),
    };
  });
}
