/**
 * Decoding a CWT snapshot from untrusted bytes (draft §3.1 path A): the model's decoder
 * (model/snapshot.ts) with the snapshot's JSON Schema (schemas/cwt-snapshot-v1.schema.json) as its check.
 */
import { decodeSnapshotWith, type SnapshotCheck, type SnapshotDecoded } from '../../model/snapshot.js';
import { problems } from './schemas.js';

/** What is wrong with DATA as a snapshot under schemas/cwt-snapshot-v1.schema.json (the broker model's check). */
export const snapshotProblems: SnapshotCheck = (data) => problems('cwt-snapshot-v1', data);

/** Decodes JSON bytes against schemas/cwt-snapshot-v1.schema.json; never throws. */
export function decodeSnapshot(bytes: Uint8Array): SnapshotDecoded {
  return decodeSnapshotWith(bytes, snapshotProblems);
}
