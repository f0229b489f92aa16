/**
 * The admission-path candidates measured for `npm run bench` (issue 20 Deliver 4): every HMAC-SHA256
 * primitive alone (checked correct first, src/calibrate/hmac-check.ts) and inside path B end to end
 * (the pipeline with that primitive), and both BFD parsers. Timed as process CPU per operation over whole
 * runs, garbage collection included (src/calibrate/cpu-measure.ts), in ROUNDS interleaved rounds so that
 * load from other jobs falls on every candidate alike; each figure is the median over rounds. The
 * pipeline's HMAC is the one with the least CPU end to end.
 */
import { FASTEST_HMAC, HMAC_PRIMITIVES } from '../pipeline/hmac.js';
import { admissionCandidateWorkloads } from './candidates.js';
import { measureCpu } from './cpu-measure.js';
import { checkHmac, type HmacCheck } from './hmac-check.js';
import type { Budget, Workload } from './measure.js';
import { endToEnd, endToEndFrames } from './stages.js';
import { inputs } from './workloads.js';

/** One candidate's figures, ns per operation. */
export interface CandidateRow {
  readonly name: string;
  readonly kind: 'hmac' | 'parse' | 'path B end to end';
  /** Median over rounds of process CPU per operation (garbage collection included). */
  readonly ns_per_op: number;
  /** The least CPU per operation of any round (the round other jobs disturbed least). */
  readonly best_ns_per_op: number;
  /** Median over rounds of wall time per operation. */
  readonly wall_ns_per_op: number;
  readonly round_ns: readonly number[];
  /** What the HMAC candidate was checked against before timing (null for the others: see the tests). */
  readonly checked: HmacCheck | null;
}

/** The candidates, and what the pipeline uses. */
export interface AdmissionCandidates {
  readonly rounds: number;
  readonly measure: string;
  readonly rows: readonly CandidateRow[];
  readonly chosen: { readonly hmac: string; readonly parse: string };
  /** Path B end to end with createHmac per packet (node:crypto one-shot) / with the chosen HMAC, CPU medians. */
  readonly path_b_speedup_vs_create_hmac: number;
  /** The HMAC alone: createHmac per packet / the chosen one, CPU medians. */
  readonly hmac_speedup_vs_create_hmac: number;
  /** decodeBfd / the zero-copy view, CPU medians. */
  readonly parse_speedup_vs_decode: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const tenth = (x: number) => Math.round(x * 10) / 10;

/** Checks every HMAC candidate, then times all candidates in ROUNDS interleaved rounds. */
export function measureAdmissionCandidates(
  budget: Budget,
  rounds = 3,
  onRound?: (round: number) => void,
): AdmissionCandidates {
  const checked = HMAC_PRIMITIVES.map((p) => checkHmac(p)); // throws on a wrong candidate: nothing wrong is timed
  const frames = endToEndFrames();
  const e2e: Workload[] = HMAC_PRIMITIVES.map((p) => ({
    name: `path B end to end with ${p.name}`,
    batch: 200,
    run: endToEnd(frames, 1, p),
  }));
  const work = [...admissionCandidateWorkloads(inputs()), ...e2e];
  const kinds = work.map((_, i) =>
    i < HMAC_PRIMITIVES.length ? 'hmac' : i < HMAC_PRIMITIVES.length + 2 ? 'parse' : 'path B end to end',
  );
  const cpu: number[][] = work.map(() => []);
  const wall: number[][] = work.map(() => []);
  for (let r = 0; r < rounds; r++) {
    work.forEach((w, i) => {
      const t = measureCpu(w, budget);
      cpu[i]!.push(tenth(t.cpu_ns));
      wall[i]!.push(tenth(t.wall_ns));
    });
    onRound?.(r + 1);
  }
  const rows: CandidateRow[] = work.map((w, i) => ({
    name: w.name,
    kind: kinds[i] as CandidateRow['kind'],
    ns_per_op: tenth(median(cpu[i]!)),
    best_ns_per_op: Math.min(...cpu[i]!),
    wall_ns_per_op: tenth(median(wall[i]!)),
    round_ns: cpu[i]!,
    checked: checked[i] ?? null,
  }));
  const at = (kind: CandidateRow['kind'], name: string) => rows.find((r) => r.kind === kind && r.name.endsWith(name))!;
  const [decode, view] = rows.filter((r) => r.kind === 'parse') as [CandidateRow, CandidateRow];
  const ratio = (kind: CandidateRow['kind']) =>
    Number((at(kind, 'node:crypto one-shot').ns_per_op / at(kind, FASTEST_HMAC.name).ns_per_op).toFixed(3));
  return {
    rounds,
    measure: 'process CPU per operation over whole runs (garbage collection included), median of interleaved rounds',
    rows,
    chosen: { hmac: at('hmac', FASTEST_HMAC.name).name, parse: view.name },
    path_b_speedup_vs_create_hmac: ratio('path B end to end'),
    hmac_speedup_vs_create_hmac: ratio('hmac'),
    parse_speedup_vs_decode: Number((decode.ns_per_op / view.ns_per_op).toFixed(3)),
  };
}
