/**
 * The small world the C2SP checks play in (src/audit/cited-c2sp.ts, cited-c2sp-witness.ts): one collector log, its
 * checkpoints with the draft §7 extension line, one witness key, and a helper that submits two add-checkpoint
 * requests.
 */
import { formatCheckpoint, formatDualMode, type DualMode } from '../../model/checkpoint.js';
import { consistencyProof, leafHash, treeHead } from '../../model/merkle.js';
import type { Signer } from '../../model/note.js';
import type { Witness } from '../../model/witness.js';

/** The collector log's origin line. */
export const ORIGIN = 'collector.example/bundles';
/** The bundle of the scenarios. */
export const BUNDLE_ID = '6f1c2a9e-3b7d-4c55-9a10-2e8f4b6d7c01';
/** The collector's log key and one witness key, from fixed seeds. */
export const COLLECTOR: Signer = { name: ORIGIN, seed: new Uint8Array(32).fill(0xc0) };
/** One witness. */
export const WITNESS: Signer = { name: 'witness.example/w0', seed: new Uint8Array(32).fill(1) };

/** The leaves of a bundle log of SIZE entries, TAG separating two unrelated logs. */
export const leaves = (size: number, tag = 'a'): Uint8Array[] =>
  Array.from({ length: size }, (_, i) => leafHash(`${tag}-${i}`));

/** A checkpoint body over LEAVES with extension LINES (draft §7 values in one line by default). */
export function body(ls: readonly Uint8Array[], lines: readonly string[]): string {
  return formatCheckpoint({ origin: ORIGIN, size: BigInt(ls.length), rootHash: treeHead(ls), extensions: lines });
}

/** The §7 line for bundle_seq 3 with D_max = DMAX. */
export const dual = (dMax: number, id = BUNDLE_ID): string =>
  formatDualMode({ bundleId: id, bundleSeq: 3n, dMinimax: 1.25, dMax } satisfies DualMode);

/** Submits BODY to W as the first checkpoint of its log, then SECOND at OLD with a proof from LS. */
export function twoRequests(w: Witness, first: string, second: string, old: bigint, ls: readonly Uint8Array[]) {
  const a = w.add({ body: first, oldSize: 0n, proof: [] });
  const b = w.add({ body: second, oldSize: old, proof: consistencyProof(Number(old), ls) });
  return [a.status, b.status] as const;
}
