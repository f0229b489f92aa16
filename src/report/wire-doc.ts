/**
 * The parts of a `npm run bench:wire -- --json` document the report charts (issue 20; the document is
 * src/wire's, its schema schemas/bench-wire-v1.schema.json): the measured-against-predicted grid per path
 * (draft §3.2), the T-VDOS-1 flood curves per limiter (draft §4.3) with honest losses, and c_xdp as the
 * kernel measured it beside the draft's 50 ns (draft §1.3). Read strictly: the schema, then every number
 * finite, then the cross-field facts the charts rely on (one line, exit 2).
 */
import { InputError } from '../lib/errors.js';
import { assertFinite } from '../lib/finite.js';
import { readValidated } from '../lib/json-file.js';
import type { FloodRow } from '../wire/document.js';

/** One path at one grid point. */
export interface WireGridRow {
  readonly path: 'A' | 'B' | 'C';
  readonly n: number;
  readonly tick_ms: number;
  readonly measured_cpu_us_per_s: number;
  readonly predicted_cpu_us_per_s: number;
  readonly ledger_cpu_us_per_s: number;
  readonly measured_over_predicted: number;
  readonly ledger_over_measured: number;
}

/** One flood factor under one limiter (the bench's own row type: src/wire/document.ts). */
export type WireFloodRow = FloodRow;

/** What the report reads of the document. */
export interface WireDoc {
  readonly schema: 'perfsec-bench-wire-v1';
  readonly generated_at: string;
  readonly quick: boolean;
  readonly machine: { readonly cpus: number; readonly model: string; readonly node: string; readonly kernel: string };
  readonly c_xdp_kernel_ns: number | null;
  readonly c_xdp_draft_ns: number;
  readonly xdp: { readonly available: boolean; readonly why: string | null };
  readonly grid: readonly WireGridRow[];
  readonly floods: readonly WireFloodRow[];
  /** Grid points this machine did not carry, when the document names them (optional in the schema). */
  readonly not_carried?: ReadonlyArray<{
    readonly path: string;
    readonly n: number;
    readonly tick_ms: number;
    readonly intended_pps: number;
    readonly why: string;
  }>;
  readonly left_out_costs: ReadonlyArray<{
    readonly name: string;
    readonly path: string;
    readonly per_packet_ns: number;
    readonly share_of_measured: number;
  }>;
}

/** The schema's name under schemas/ (owned by src/wire). */
export const WIRE_SCHEMA = 'bench-wire-v1';

/** A measured wire document and where it came from. */
export interface WireMeasurement {
  readonly source: string;
  readonly doc: WireDoc;
}

/** Reads FILE strictly: InputError (exit 2, one line) for anything the charts could not show faithfully. */
export function readWire(file: string): WireMeasurement {
  const doc = assertFinite(readValidated<WireDoc>(file, WIRE_SCHEMA), file, 'input');
  const fail = (what: string) => {
    throw new InputError(`${file}: ${what}`);
  };
  if (doc.grid.length === 0 && doc.floods.length === 0) fail('no grid row and no flood row: nothing to chart');
  const seen = new Set<string>();
  for (const [i, r] of doc.grid.entries()) {
    const key = `${r.path} ${r.n} ${r.tick_ms}`;
    if (seen.has(key)) fail(`grid/${i}: path ${r.path} at N = ${r.n}, T_tick = ${r.tick_ms} ms appears twice`);
    seen.add(key);
    // log scales: a measured or predicted CPU of zero or less cannot be placed
    if (!(r.measured_cpu_us_per_s > 0 && r.predicted_cpu_us_per_s > 0 && r.ledger_cpu_us_per_s > 0))
      fail(`grid/${i}: CPU figures must be above zero`);
  }
  for (const [i, r] of doc.floods.entries()) {
    if (!(r.ratio_measured > 0 && r.bound_draft > 0 && r.bound_corrected > 0))
      fail(`floods/${i}: ratios and bounds must be above zero`);
    // the limiter and the kernel account for most losses; an honest packet still in flight when the window closes,
    // or rejected by the broker for another reason, is lost without either (src/wire: honest_sent - accepted)
    if (r.honest_lost > r.honest_sent || r.honest_lost < r.honest_lost_limiter + r.honest_lost_kernel)
      fail(
        `floods/${i}: honest_lost must be at least honest_lost_limiter + honest_lost_kernel and at most honest_sent`,
      );
  }
  return { source: file, doc };
}
