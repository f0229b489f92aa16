/**
 * The parity check's packet schedule (issue 20): for each of a few vantages, bursts larger than the
 * bucket and refill gaps at fractions of the time one token takes, derived from the bucket's own
 * parameters so that it exercises any policy: a full burst (C + 2 packets against C tokens),
 * then gaps of 0.5, 1 and 2.5 token times with small bursts, then (when it takes at most 1.5 s) a
 * gap that refills the bucket completely and a second full burst, and last one packet timed at the
 * instant the bucket (following the schedule exactly) holds one token again: a refill boundary, where
 * the kernel's arrival time, not the send time, decides. Vantages start staggered so that their
 * packets interleave.
 */
import type { BucketParams } from '../../../model/token-bucket.js';

/** One packet to send: when (ns after the start), for which discriminator, with which sequence number. */
export interface ScheduledPacket {
  readonly atNs: number;
  readonly disc: number;
  readonly seq: number;
  /** Sent on the refill boundary of the send times the sender actually achieved before it (atNs: as planned). */
  readonly boundary?: boolean;
}

/** Time between packets of one burst, ns. */
export const BURST_SPACING_NS = 20_000;

/** Time one token takes to refill, ns (units per token / units per µs, in ns). */
export function tokenNs(b: BucketParams): number {
  return (b.unitsPerToken * 1000) / b.refillPerUs;
}

/** Whole tokens a full bucket holds. */
export function capacityTokens(b: BucketParams): number {
  return Math.floor(b.capacityUnits / b.unitsPerToken);
}

/**
 * The first instant (ns) after TIMES at which a bucket fed exactly TIMES holds one token again, in
 * the kernel's integer arithmetic (limiter.bpf.c: units scaled by 1000, time in ns).
 */
export function boundaryAfter(b: BucketParams, times: readonly number[]): number {
  const tok = BigInt(b.unitsPerToken) * 1000n;
  const cap = BigInt(b.capacityUnits) * 1000n;
  const r = BigInt(b.refillPerUs);
  let u = cap;
  let last = BigInt(times[0] ?? 0);
  for (const t of times) {
    const f = u + (BigInt(t) - last) * r;
    u = f < cap ? f : cap;
    last = BigInt(t);
    if (u >= tok) u -= tok;
  }
  return Number(last + (u >= tok ? 0n : (tok - u + r - 1n) / r));
}

/** The schedule for VANTAGES buckets (discriminators discBase + v); throws when it would exceed MAX packets. */
export function paritySchedule(b: BucketParams, vantages: number, discBase: number, max = 20_000): ScheduledPacket[] {
  const tau = tokenNs(b);
  const c = capacityTokens(b);
  // [gap before the burst in token times, burst size]
  const steps: Array<[number, number]> = [
    [0, c + 2],
    [0.5, 1],
    [1, 2],
    [2.5, 4],
  ];
  if ((c + 2) * tau <= 1.5e9) steps.push([c + 2, c + 2]);
  const perVantage = steps.reduce((s, [, n]) => s + n, 1);
  if (perVantage * vantages > max)
    throw new Error(`the parity schedule needs ${perVantage * vantages} packets (> ${max}): use a smaller bucket`);
  const out: ScheduledPacket[] = [];
  for (let v = 0; v < vantages; v++) {
    let t = Math.round((v * tau * 0.13) % tau); // staggered start, away from the other vantages' bursts
    for (const [gap, n] of steps) {
      t += Math.round(gap * tau);
      for (let k = 0; k < n; k++) {
        out.push({ atNs: t, disc: discBase + v, seq: 0 });
        t += BURST_SPACING_NS;
      }
    }
    out.push({
      atNs: boundaryAfter(
        b,
        out.filter((p) => p.disc === discBase + v).map((p) => p.atNs),
      ),
      disc: discBase + v,
      seq: 0,
      boundary: true,
    });
  }
  out.sort((x, y) => x.atNs - y.atNs || x.disc - y.disc);
  return out.map((p, seq) => ({ ...p, seq }));
}
