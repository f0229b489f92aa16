/**
 * What `perfsec calibrate` and `npm run bench` time: one workload per draft §1.3 constant, run
 * with the project's own codecs (model/snapshot.ts, model/bfd/packet.ts) and the pipeline's
 * primitives (src/pipeline); src/calibrate/candidates.ts adds the candidates the pipeline chose
 * between. Inputs are pools of real signed packets, cycled so no single input stays hot.
 */
import { decodeBfd, DIGEST_LEN, PACKET_LEN } from '../../model/bfd/packet.js';
import { cosign, cosignedMessage, cosignerOf } from '../../model/cosignature.js';
import { decodeSnapshot } from '../lib/snapshot-decode.js';
import { bucketParams, DEFAULT_POLICY, TokenBucket } from '../../model/token-bucket.js';
import { sessionId } from '../../model/broker.js';
import { FASTEST_ED25519 } from '../pipeline/ed25519.js';
import { FASTEST_HMAC, type HmacPrimitive } from '../pipeline/hmac.js';
import { RateLimitTable } from '../pipeline/rate-limit-table.js';
import { framesOf, pipelineSetupOf } from '../pipeline/traffic.js';
import type { Workload } from './measure.js';

/** Packets in each input pool. */
export const POOL = 256;

/** Signed inputs shared by the workloads. */
export interface Inputs {
  readonly snapshots: Uint8Array[];
  readonly pushes: Uint8Array[];
  /** Push bytes with the digest zeroed (what the HMAC covers) and their digests. */
  readonly covered: Uint8Array[];
  readonly digests: Uint8Array[];
  readonly bfdKey: Uint8Array;
  readonly cwtKey: Uint8Array;
  readonly cosignatures: Array<{ message: Uint8Array; sig: Uint8Array }>;
  readonly witnessKey: Uint8Array;
}

/** Builds the input pools (one vantage's honest traffic, one witness's cosignatures). */
export function inputs(): Inputs {
  const w = pipelineSetupOf(1);
  const frames = framesOf(w, { n: 1, tickMs: 50, coalition: 0, floodFactor: 1, durationTicks: POOL });
  const pushes = frames.filter((f) => f.path === 1).map((f) => f.bytes);
  const covered = pushes.map((p) => {
    const c = p.slice(0, PACKET_LEN);
    c.fill(0, 32, 32 + DIGEST_LEN);
    return c;
  });
  const witness = { name: 'witness.example/calibrate', seed: new Uint8Array(32).fill(9) };
  const cosignatures = Array.from({ length: 16 }, (_, i) => {
    const body =
      `collector.example/mvps-bundles\n${i + 1}\n${Buffer.alloc(32, i).toString('base64')}\n` +
      `bundle_id=6f1c2a9e-3b7d-4c55-9a10-2e8f4b6d7c01;bundle_seq=${i + 1};d_minimax=1.5;d_max=2.25\n`;
    const s = cosign(body, witness, 1764288000n);
    return { message: cosignedMessage(1764288000n, body), sig: s.sig.subarray(8) };
  });
  return {
    snapshots: frames.filter((f) => f.path === 0).map((f) => f.bytes),
    pushes,
    covered,
    digests: pushes.map((p) => p.slice(32, 32 + DIGEST_LEN)),
    bfdKey: w.keys.bfd(sessionId(w.sessions[0]!), 0)!,
    cwtKey: w.keys.cwt('v0', 0)!,
    cosignatures,
    witnessKey: cosignerOf(witness).publicKey,
  };
}

/** Verifying the tag of one BFD packet with primitive P (inputs cycled). */
export const hmacVerify = (p: HmacPrimitive, x: Inputs, batch = 200): Workload => {
  const k = p.prepare(x.bfdKey);
  return {
    name: `HMAC-SHA256 verify, BFD packet: ${p.name}`,
    batch,
    run: (i) => p.verify(k, x.covered[i % POOL]!, x.digests[i % POOL]!),
  };
};

/** A deterministic pseudo-random sequence of vantage keys (xorshift), so lookups miss the cache as traffic would. */
function vantageSequence(n: number, length: number): Uint32Array {
  const out = new Uint32Array(length);
  let s = 0x9e3779b9;
  for (let i = 0; i < length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = (s >>> 0) % n;
  }
  return out;
}

/** Bytes per vantage of the compact rate-limit table (two Float64 per path). */
export const TABLE_BYTES_PER_VANTAGE = 32;
/** Bytes per vantage of the Map of TokenBucket with string keys (measured: about 140). */
export const MAP_BYTES_PER_VANTAGE = 160;

/** c_xdp as the pipeline runs it: the compact table with integer keys (TABLE_BYTES_PER_VANTAGE each). */
export function rateLimitTableWorkload(vantages: number): Workload {
  const b = bucketParams(50_000, DEFAULT_POLICY);
  const seq = vantageSequence(vantages, 1 << 16);
  const table = new RateLimitTable(vantages, b);
  return {
    name: `rate limit among ${vantages} vantages: compact table, integer keys`,
    batch: 1000,
    run: (i) => table.offer(seq[i & 0xffff]!, 1, i),
  };
}

/**
 * c_xdp workloads: the compact table, and model TokenBuckets in a Map keyed by "operator|vantage" (built only when
 * asked for).
 */
export function rateLimitWorkloads(vantages: number): { table: Workload; map: Workload } {
  const b = bucketParams(50_000, DEFAULT_POLICY);
  const seq = vantageSequence(vantages, 1 << 16);
  const names = Array.from({ length: vantages }, (_, v) => `operator.example|v${v}`);
  const map = new Map(names.map((k) => [k, new TokenBucket(b)]));
  return {
    table: rateLimitTableWorkload(vantages),
    map: {
      name: `rate limit among ${vantages} vantages: Map of TokenBucket, string keys`,
      batch: 1000,
      run: (i) => map.get(names[seq[i & 0xffff]!]!)!.offer(i),
    },
  };
}

/** The five draft §1.3 constants, measured as the pipeline runs them. */
export function constantWorkloads(
  x: Inputs,
  vantages: number,
): Record<'c_json' | 'c_bfd_parse' | 'c_hmac' | 'c_ed25519' | 'c_xdp', Workload> {
  const edKey = FASTEST_ED25519.prepare(x.witnessKey);
  return {
    c_json: {
      name: 'c_json: decode and validate one CWT snapshot (JSON + schema)',
      batch: 50,
      run: (i) => decodeSnapshot(x.snapshots[i % POOL]!),
    },
    c_bfd_parse: {
      name: 'c_bfd_parse: decode one BFD Control packet',
      batch: 200,
      run: (i) => decodeBfd(x.pushes[i % POOL]!),
    },
    c_hmac: {
      ...hmacVerify(FASTEST_HMAC, x),
      name: `c_hmac: HMAC-SHA256 verify of one BFD packet (${FASTEST_HMAC.name})`,
    },
    c_ed25519: {
      name: `c_ed25519: verify one cosignature/v1 (${FASTEST_ED25519.name})`,
      batch: 4,
      run: (i) => FASTEST_ED25519.verify(edKey, x.cosignatures[i % 16]!.message, x.cosignatures[i % 16]!.sig),
    },
    c_xdp: {
      ...rateLimitTableWorkload(vantages),
      name: `c_xdp: rate-limit lookup and update among ${vantages} vantages (compact table)`,
    },
  };
}
