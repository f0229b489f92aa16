/**
 * The candidates behind the pipeline's choices, timed by `perfsec calibrate --candidates` and (the
 * admission-path ones) by `npm run bench`: every HMAC-SHA256 primitive (src/pipeline/hmac.ts), the model's
 * BFD codec against the pipeline's zero-copy view (src/pipeline/bfd-view.ts), the snapshot HMAC with its
 * canonical bytes, every Ed25519 primitive, and both rate-limit tables.
 */
import { decodeBfd } from '../../model/bfd/packet.js';
import { canonicalBytes } from '../../model/snapshot.js';
import { decodeSnapshot } from '../lib/snapshot-decode.js';
import { bfdAccepts, bfdAuthKeyId, bfdMyDiscriminator, bfdSeq, bfdYourDiscriminator } from '../pipeline/bfd-view.js';
import { ED25519_PRIMITIVES } from '../pipeline/ed25519.js';
import { FASTEST_HMAC, HMAC_PRIMITIVES } from '../pipeline/hmac.js';
import type { Workload } from './measure.js';
import { hmacVerify, POOL, rateLimitWorkloads, type Inputs } from './workloads.js';

/** The two ways to parse a BFD packet on path B: the model's codec, and the pipeline's zero-copy view. */
function parseCandidates(x: Inputs): Workload[] {
  return [
    {
      name: 'BFD parse: decodeBfd (model codec: DataView, packet object, digest copied)',
      batch: 1000,
      run: (i) => {
        const d = decodeBfd(x.pushes[i & 255]!);
        return d.ok && d.packet.myDiscriminator + d.packet.yourDiscriminator + d.packet.authKeyId + d.packet.seq;
      },
    },
    {
      name: 'BFD parse: zero-copy view (src/pipeline/bfd-view.ts, fields read in place)',
      batch: 1000,
      run: (i) => {
        const b = x.pushes[i & 255]!;
        return bfdAccepts(b) && bfdMyDiscriminator(b) + bfdYourDiscriminator(b) + bfdAuthKeyId(b) + bfdSeq(b);
      },
    },
  ];
}

/** The admission-path candidates (issue 20 Deliver 4): every HMAC-SHA256 primitive, then both BFD parsers. */
export function admissionCandidateWorkloads(x: Inputs): Workload[] {
  return [...HMAC_PRIMITIVES.map((p) => hmacVerify(p, x)), ...parseCandidates(x)];
}

/** How many workloads admissionCandidateWorkloads returns. */
export const ADMISSION_CANDIDATES = HMAC_PRIMITIVES.length + 2;

/** How many workloads candidateWorkloads returns, known before any is built. */
export function candidateCount(): number {
  return ADMISSION_CANDIDATES + 1 + ED25519_PRIMITIVES.length + 2;
}

/** The candidates behind the pipeline's choices (figures in README.md). */
export function candidateWorkloads(x: Inputs, vantages: number): Workload[] {
  const cwtKey = FASTEST_HMAC.prepare(x.cwtKey);
  const snaps = x.snapshots.map((b) => {
    const d = decodeSnapshot(b);
    if (!d.ok) throw new Error('pool snapshot does not decode');
    return d.snapshot;
  });
  const rl = rateLimitWorkloads(vantages);
  return [
    ...admissionCandidateWorkloads(x),
    {
      name: `HMAC-SHA256 verify, CWT snapshot incl. canonical bytes: ${FASTEST_HMAC.name}`,
      batch: 100,
      run: (i) =>
        FASTEST_HMAC.verify(cwtKey, canonicalBytes(snaps[i % POOL]!), Buffer.from(snaps[i % POOL]!.tag, 'hex')),
    },
    ...ED25519_PRIMITIVES.map((p) => {
      const k = p.prepare(x.witnessKey);
      return {
        name: `Ed25519 verify, one cosignature: ${p.name}`,
        batch: 2,
        run: (i: number) => p.verify(k, x.cosignatures[i % 16]!.message, x.cosignatures[i % 16]!.sig),
      };
    }),
    rl.table,
    rl.map,
  ];
}
