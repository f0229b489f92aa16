/**
 * The bench:wire document (schemas/bench-wire-v1.schema.json, the contract between `npm run
 * bench:wire -- --json` and `perfsec report --wire FILE`): machine, c_xdp measured by the kernel
 * beside the draft's 50 ns (draft §1.3, §4.1), the measured-against-predicted grid per path
 * (draft §3.2), the T-VDOS-1 flood curves (draft §4.3) and the costs JOINT leaves out.
 */
import type { LedgerStage } from './ledger.js';
import type { PointNoise } from './repeat-median.js';
import type { WirePath } from './broker-counts.js';

/** The machine a run measured. */
export interface WireMachine {
  readonly cpus: number;
  readonly model: string;
  readonly node: string;
  readonly kernel: string;
  /** Node flags the broker ran with (absent in older documents). */
  readonly broker_node_flags?: readonly string[];
}

/** The XDP limiter's part. */
export interface XdpInfo {
  readonly available: boolean;
  readonly why: string | null;
  readonly run_cnt: number;
  readonly run_time_ns: number;
  readonly parity: {
    readonly packets: number;
    readonly admitted_model: number;
    readonly forwarded_xdp: number;
    readonly mismatches: number;
    readonly explained: string;
  } | null;
}

/** One path at one grid point. */
export interface GridRow {
  readonly path: WirePath;
  readonly n: number;
  readonly tick_ms: number;
  readonly measured_cpu_us_per_s: number;
  /** Draft §3.2's JOINT term for the path, draft §1.3 constants. */
  readonly predicted_cpu_us_per_s: number;
  /** The same term with this machine's calibrated constants. */
  readonly predicted_calibrated_cpu_us_per_s: number;
  readonly ledger_cpu_us_per_s: number;
  readonly measured_over_predicted: number;
  readonly ledger_over_measured: number;
  readonly stages: readonly LedgerStage[];
  readonly packets: {
    readonly received: number;
    readonly accepted: number;
    readonly rejected: Readonly<Record<string, number>>;
    readonly kernel_drops: number;
  };
  /** Generator: packets intended and sent in the measured window, and the window's seconds. */
  readonly load: { readonly intended: number; readonly sent: number; readonly wall_s: number };
  /** The idle baseline ledgered at this point, µs/s (its own idle windows at low rates, else the run's). */
  readonly idle_cpu_us_per_s?: number;
  /** How well the measured CPU repeats over the point's windows (src/wire/repeat-median.ts). */
  readonly noise?: PointNoise;
  /**
   * A poll phase's cost beyond its handlers and gaps, ns (src/wire/ledger.ts wakeUpNs): the receive-only window's,
   * which the ledger charges, and the admit window's own, a check on that price (not a term of the ledger).
   */
  readonly wake_up_ns?: { readonly receive_only: number; readonly admit: number; readonly in_place?: number };
}

/** A grid point this machine did not carry (and the points above it, not tried). */
export interface NotCarried {
  readonly path: WirePath;
  readonly n: number;
  readonly tick_ms: number;
  readonly intended_pps: number;
  readonly why: string;
}

/** One flood factor under one limiter. */
export interface FloodRow {
  readonly limiter: 'none' | 'user-space' | 'xdp';
  readonly flood_factor: number;
  readonly ratio_measured: number;
  readonly bound_draft: number;
  readonly bound_corrected: number;
  readonly honest_sent: number;
  readonly honest_lost: number;
  readonly honest_lost_limiter: number;
  readonly honest_lost_kernel: number;
}

/** A cost JOINT leaves out, measured. */
export interface LeftOutCost {
  readonly name: string;
  readonly path: string;
  readonly per_packet_ns: number;
  readonly share_of_measured: number;
}

/** The whole document. */
export interface BenchWireDoc {
  readonly schema: 'perfsec-bench-wire-v1';
  readonly generated_at: string;
  readonly quick: boolean;
  readonly machine: WireMachine;
  readonly c_xdp_kernel_ns: number | null;
  readonly c_xdp_draft_ns: 50;
  readonly xdp: XdpInfo;
  readonly grid: readonly GridRow[];
  readonly floods: readonly FloodRow[];
  readonly left_out_costs: readonly LeftOutCost[];
  /** Grid points not carried by this machine. */
  readonly not_carried: readonly NotCarried[];
  /** How the floods ran: N, coalition, T_tick, seconds per window, transport. */
  readonly flood_setup: {
    readonly n: number;
    readonly coalition: number;
    readonly tick_ms: number;
    readonly duration_s: number;
    readonly transport: string;
  };
  /** The broker's idle CPU, µs per second, and the constants the predictions used. */
  readonly idle_cpu_us_per_s: number;
  readonly constants: {
    readonly draft: Readonly<Record<string, number>>;
    readonly calibrated: Readonly<Record<string, number>>;
  };
}
