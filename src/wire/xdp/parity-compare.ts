/**
 * Parity of the XDP limiter with the model (issue 20): which packets the T-VDOS-1 per-packet
 * simulator's bucket (model/vdos-exact.ts tokenBucket, model/token-bucket.ts) admits at the
 * user-space send times, against which ones the kernel program forwarded.
 *
 * The kernel decides at its own arrival time (bpf_ktime_get_ns), which the sender brackets by the
 * monotonic clock (the same clock) just before and just after its send call, while the model is
 * fed the time before the call in whole µs. So the kernel's bucket is followed as an interval: its
 * level at time t is min(cap, V + t * rate) for some V in [vLo, vHi], and each packet's arrival lies
 * in [before, after + slack]; the kernel's own decisions narrow V again (a pass means the level was
 * at least one token). A mismatch is explained when the rule's decision flips inside that
 * uncertainty (the packet sat that close to a refill boundary), or when the kernel's state accounts
 * for it and the bucket's last flip was explained (the model only diverged through that packet).
 * Every other mismatch is unexplained: 0 for a correct limiter.
 */
import { tokenBucket } from '../../../model/vdos-exact.js';
import type { BucketParams } from '../../../model/token-bucket.js';

/** One packet as sent and as seen: its bucket, send call start and end (ns, monotonic), whether XDP forwarded it. */
export interface ObservedPacket {
  readonly seq: number;
  readonly disc: number;
  readonly sentNs: bigint;
  readonly doneNs: bigint;
  readonly forwarded: boolean;
}

/** The comparison. Fields of the bench-wire contract first (xdp.parity), then the detail behind `explained`. */
export interface ParityReport {
  readonly packets: number;
  readonly admitted_model: number;
  readonly forwarded_xdp: number;
  /** Packets the model and the kernel decided differently. */
  readonly mismatches: number;
  /** One sentence: how the mismatches are explained. */
  readonly explained: string;
  readonly explained_mismatches: number;
  readonly unexplained_mismatches: number;
  /** Sequence numbers of the first unexplained mismatches. */
  readonly unexplained_seqs: number[];
  /** Allowed arrival after the send call, µs; the longest send call, µs. */
  readonly slack_us: number;
  readonly longest_call_us: number;
  /** Packets whose decision could go either way within the timing uncertainty. */
  readonly near_boundary: number;
  /** The widest timing uncertainty (µs) behind an explained mismatch (null: none). */
  readonly widest_explained_us: number | null;
}

/** Model decisions: one simulator bucket per discriminator, fed whole µs since the first send. */
export function modelDecisions(b: BucketParams, packets: readonly ObservedPacket[]): boolean[] {
  const t0 = packets.reduce((m, p) => (p.sentNs < m ? p.sentNs : m), packets[0]?.sentNs ?? 0n);
  const buckets = new Map<number, ReturnType<typeof tokenBucket>>();
  return packets.map((p) => {
    let bucket = buckets.get(p.disc);
    if (!bucket) buckets.set(p.disc, (bucket = tokenBucket(b)));
    return bucket.offer(Number((p.sentNs - t0) / 1000n));
  });
}

const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/** Compares PACKETS (in send order) with the model; SLACK_NS: how long after its send call a packet may reach XDP. */
export function compareParity(b: BucketParams, packets: readonly ObservedPacket[], slackNs: bigint): ParityReport {
  const model = modelDecisions(b, packets);
  const tok = BigInt(b.unitsPerToken) * 1000n; // the kernel's scaled units (limiter.bpf.c)
  const cap = BigInt(b.capacityUnits) * 1000n;
  const r = BigInt(b.refillPerUs);
  const t0 = packets.reduce((m, p) => min(m, p.sentNs), packets[0]?.sentNs ?? 0n);
  // per bucket: level(t) = min(cap, V + t * r) for some V in [lo, hi] (t in ns since t0); absent: full
  const state = new Map<number, { lo: bigint; hi: bigint }>();
  const origin = new Map<number, boolean>(); // per bucket: whether its last flip was explained
  let explained = 0;
  let near = 0;
  let widest: bigint | null = null;
  const unexplained: number[] = [];
  packets.forEach((p, i) => {
    const aLo = p.sentNs - t0;
    const aHi = p.doneNs + slackNs - t0;
    const s = state.get(p.disc) ?? { lo: cap - aHi * r, hi: cap - aLo * r }; // first packet: full at arrival
    const passLo = min(cap, s.lo + aLo * r) >= tok;
    const passHi = min(cap, s.hi + aHi * r) >= tok;
    const flips = passLo !== passHi;
    if (flips) near++;
    if (model[i] !== p.forwarded) {
      // a flip inside the uncertainty: granularity; else the kernel's state accounts for it only via an earlier flip
      const ok = flips || (p.forwarded === passLo && (origin.get(p.disc) ?? false));
      if (flips || p.forwarded !== passLo) origin.set(p.disc, ok);
      if (ok) explained++;
      else unexplained.push(p.seq);
      if (ok && flips) {
        const w = (s.hi - s.lo) / r + (aHi - aLo);
        widest = widest === null || w > widest ? w : widest;
      }
    }
    // the level just before the decision, as V: capped at this arrival or not
    let lo = min(s.lo, cap - aHi * r);
    let hi = min(s.hi, cap - aLo * r);
    // the kernel's decision narrows V (cap >= tok: passing means V + a * r >= tok for the true a)
    if (p.forwarded) lo = max(lo, tok - aHi * r);
    else hi = min(hi, tok - aLo * r - 1n);
    if (hi < lo) hi = lo; // inconsistent with the rule (an unexplained packet): keep following the kernel
    state.set(p.disc, p.forwarded ? { lo: lo - tok, hi: hi - tok } : { lo, hi });
  });
  const mismatches = model.filter((m, i) => m !== packets[i]!.forwarded).length;
  const slackUs = Number(slackNs) / 1000;
  const longestUs = Number(packets.reduce((m, p) => max(m, p.doneNs - p.sentNs), 0n)) / 1000;
  const widestUs = widest === null ? null : Number(widest) / 1000;
  return {
    packets: packets.length,
    admitted_model: model.filter(Boolean).length,
    forwarded_xdp: packets.filter((p) => p.forwarded).length,
    mismatches,
    explained:
      mismatches === 0
        ? `no mismatch; ${near} of ${packets.length} packets within the timing uncertainty of a refill boundary`
        : `${explained} of ${mismatches} mismatches explained by timer granularity (kernel arrival within the send ` +
          `call, longest ${longestUs.toFixed(1)} µs, + ${slackUs.toFixed(1)} µs, on the other side of a refill ` +
          `boundary${widestUs === null ? '' : `; widest ${widestUs.toFixed(1)} µs`}, or following from such a ` +
          `packet); ${unexplained.length} unexplained; ${near} of ${packets.length} packets that close to a boundary`,
    explained_mismatches: explained,
    unexplained_mismatches: unexplained.length,
    unexplained_seqs: unexplained.slice(0, 20),
    slack_us: slackUs,
    longest_call_us: longestUs,
    near_boundary: near,
    widest_explained_us: widestUs,
  };
}
