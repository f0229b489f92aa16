/**
 * Witnesses (draft §7) under two policies, deciding whether to cosign a checkpoint body:
 * - firstCosignWins: the draft's "first-cosign-wins per (bundle_id, bundle_seq)", keyed by the
 *   pair read from the §7 extra field; a second, different body for a pair is refused.
 * - c2spWitness: what c2sp.org/tlog-witness actually specifies: per origin, the latest cosigned
 *   (size, root); a request carries the old size and an RFC 6962 consistency proof; answers
 *   200 / 400 / 404 / 409 / 422 as that spec defines. It compares sizes and roots only, never
 *   extension lines (tlog-cosignature: no consensus on extension lines may be assumed).
 * A compromised witness cosigns anything. Signing is separate (model/cosignature.ts): the
 * decision is what the split-view search counts. The log-signature check (403) is not modelled:
 * the §2.3 adversary holds the collector key, so every checkpoint it submits is validly signed.
 */
import { dualModeOf, parseCheckpoint } from './checkpoint.js';
import { verifyConsistency } from './merkle.js';

/** A cosignature request: the checkpoint body, and for c2sp the old size and consistency proof. */
export interface CosignRequest {
  readonly body: string;
  readonly oldSize: bigint;
  readonly proof: readonly Uint8Array[];
}

/** A witness's answer, with tlog-witness status codes (200 = cosigned). */
export interface Answer {
  readonly status: 200 | 400 | 403 | 404 | 409 | 422;
  readonly reason: string;
  /** On 409 from c2sp: the latest cosigned size. */
  readonly latestSize?: bigint;
}

/** A witness: decides requests and remembers what it cosigned. */
export interface Witness {
  readonly policy: string;
  readonly compromised: boolean;
  add(req: CosignRequest): Answer;
  /** What an auditor learns by asking: the body this witness cosigned for (bundle_id, bundle_seq), if any. */
  cosignedFor(bundleId: string, bundleSeq: bigint): string | undefined;
}

const OK: Answer = { status: 200, reason: 'cosigned' };

/** Bodies cosigned, indexed by (bundle_id, bundle_seq): the auditor's view of any witness. */
class Ledger {
  private readonly seen = new Map<string, string>();
  record(body: string): void {
    const c = parseCheckpoint(body);
    const d = c.ok ? dualModeOf(c.value) : undefined;
    if (d?.ok) this.seen.set(`${d.value.bundleId}#${d.value.bundleSeq}`, body); // latest cosigned body for the pair
  }
  get(id: string, seq: bigint): string | undefined {
    return this.seen.get(`${id}#${seq}`);
  }
}

/** The draft §7 witness: first cosign wins per (bundle_id, bundle_seq); KEY picks the memory key. */
export function firstCosignWins(
  key: (id: string, seq: bigint) => string = (id, seq) => `${id}#${seq}`,
  policy = 'first-cosign-wins',
): Witness {
  const memory = new Map<string, { seq: bigint; body: string }>();
  const ledger = new Ledger();
  return {
    policy,
    compromised: false,
    add(req) {
      const c = parseCheckpoint(req.body);
      if (!c.ok) return { status: 400, reason: c.reason };
      const d = dualModeOf(c.value); // draft §7: the witness verifies the extra-field schema
      if (!d.ok) return { status: 400, reason: d.reason };
      const k = key(d.value.bundleId, d.value.bundleSeq);
      const prior = memory.get(k);
      if (prior && prior.seq === d.value.bundleSeq && prior.body !== req.body)
        return { status: 409, reason: 'first cosign wins: another body was cosigned for this (bundle_id, bundle_seq)' };
      // a prior body for this seq is req.body (else 409 above)
      memory.set(k, { seq: d.value.bundleSeq, body: req.body });
      ledger.record(req.body);
      return OK;
    },
    cosignedFor: (id, seq) => ledger.get(id, seq),
  };
}

/** A c2sp.org/tlog-witness for the given origins: per-origin latest (size, root). */
export function c2spWitness(origins: readonly string[]): Witness {
  const latest = new Map<string, { size: bigint; root: Uint8Array }>();
  const ledger = new Ledger();
  return {
    policy: 'c2sp-tlog-witness',
    compromised: false,
    add(req) {
      const c = parseCheckpoint(req.body);
      if (!c.ok) return { status: 400, reason: c.reason };
      const { origin, size, rootHash } = c.value;
      if (!origins.includes(origin)) return { status: 404, reason: 'unknown origin' };
      if (req.oldSize > size) return { status: 400, reason: 'old size exceeds checkpoint size' };
      const known = latest.get(origin) ?? { size: 0n, root: new Uint8Array() };
      if (req.oldSize !== known.size)
        return { status: 409, reason: 'old size is not the latest cosigned size', latestSize: known.size };
      if (req.oldSize === size) {
        if (!known.root.every((x, i) => x === rootHash[i]) || known.root.length !== rootHash.length)
          return { status: 409, reason: 'same size, different root hash' };
      } else if (!verifyConsistency(Number(req.oldSize), Number(size), known.root, rootHash, req.proof))
        return { status: 422, reason: 'consistency proof does not verify' };
      latest.set(origin, { size, root: rootHash });
      ledger.record(req.body);
      return OK;
    },
    cosignedFor: (id, seq) => ledger.get(id, seq),
  };
}

/** A compromised witness: its key is the adversary's, it cosigns every request. */
export function compromisedWitness(): Witness {
  const ledger = new Ledger();
  return {
    policy: 'compromised',
    compromised: true,
    add: (req) => (ledger.record(req.body), OK),
    cosignedFor: (id, seq) => ledger.get(id, seq),
  };
}
