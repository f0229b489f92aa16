/**
 * The load generator (issue 20 Deliver 1): sends a signed TrafficPlan to the wire broker on time.
 * Pacing: the loop wakes (timer when the next packet is more than 2 ms away, setImmediate
 * otherwise), sends every packet already due as one batch (UDP: one datagram per packet on a
 * connected socket, Node has no sendmmsg; TCP: the due frames of each connection joined into one
 * write), and never runs past 110 % of the job's duration: what it could not send by then is
 * counted as not sent (110 % of the plan's span plus 100 ms), so `sent / intended` says whether this
 * machine carried the rate.
 */
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { setImmediate as immediate, setTimeout as sleep } from 'node:timers/promises';
import { bucketParams, TokenBucket, type RateLimitPolicy } from '../../model/token-bucket.js';
import { TcpPool } from './tcp-pool.js';
import type { TrafficJob, TrafficPlan } from './traffic-plan.js';

/** Where the broker listens. */
export interface GeneratorTarget {
  readonly host: string;
  readonly udpPort: number;
  readonly tcpPort: number;
}

/** What one job sent. */
export interface SendReport {
  readonly intended: number;
  readonly sent: number;
  readonly honest_sent: number;
  readonly flood_sent: number;
  readonly send_errors: number;
  readonly elapsed_s: number;
  /** Largest delay of a batch behind its schedule, ms. */
  readonly max_lag_ms: number;
  /** Path B with a parity policy: per vantage, what a model/token-bucket.ts bucket admits at the send times. */
  readonly model_admitted_per_vantage: readonly number[] | null;
}

/** Most packets sent in one batch before the loop yields. */
const BATCH_MAX = 2048;
/** TCP connections for paths A and C (vantage v uses connection v mod CONNECTIONS). */
const CONNECTIONS = 4;

/** The generator process's long-lived TCP connections (paths A and C). */
export const TCP = new TcpPool();

/** Sends PLAN of JOB to TARGET; PARITY_POLICY: also run the model's bucket over the actual send times. */
export async function sendPlan(
  plan: TrafficPlan,
  job: TrafficJob,
  target: GeneratorTarget,
  parityPolicy: RateLimitPolicy | null = null,
): Promise<SendReport> {
  const len = plan.packets.length;
  let errors = 0;
  let send: (from: number, to: number) => Promise<void>;
  let close: () => Promise<void>;
  if (job.path === 'B') {
    const sock = createSocket('udp4');
    sock.on('error', () => errors++);
    await new Promise<void>((r) => sock.connect(target.udpPort, target.host, () => r()));
    send = async (from, to) => {
      for (let k = from; k < to; k++) sock.send(plan.packets[k]!);
    };
    close = () => new Promise<void>((r) => sock.close(() => r()));
  } else {
    const errors0 = TCP.errors;
    const conns = await TCP.get(target, job.path === 'C' ? 1 : CONNECTIONS);
    const parts: Uint8Array[][] = conns.map(() => []);
    send = async (from, to) => {
      for (let k = from; k < to; k++) parts[plan.vantage[k]! % conns.length]!.push(plan.packets[k]!);
      for (const [c, p] of parts.entries()) {
        if (p.length === 0) continue;
        const ok = conns[c]!.write(Buffer.concat(p));
        p.length = 0;
        if (!ok) await once(conns[c]!, 'drain');
      }
    };
    close = async () => {
      await TcpPool.flushed(conns); // the connections stay open for the next job (src/wire/tcp-pool.ts)
      errors += TCP.errors - errors0;
    };
  }
  const sentAt = new Float64Array(len);
  const planEndUs = len === 0 ? 0 : Math.max(job.durationMs * 1000, plan.timesUs[len - 1]! + 1);
  const stopUs = planEndUs * 1.1 + 100_000;
  const t0 = performance.now();
  let i = 0;
  let maxLag = 0;
  while (i < len) {
    const now = (performance.now() - t0) * 1000;
    if (now > stopUs) break;
    const due = plan.timesUs[i]!;
    if (due > now) {
      await (due - now > 2000 ? sleep(1) : immediate());
      continue;
    }
    let j = i;
    while (j < len && j - i < BATCH_MAX && plan.timesUs[j]! <= now) j++;
    maxLag = Math.max(maxLag, now - due);
    await send(i, j);
    sentAt.fill(now, i, j);
    i = j;
    await immediate(); // lets libuv report errors and drain
  }
  const elapsed = (performance.now() - t0) / 1000;
  await close();
  let honest = 0;
  for (let k = 0; k < i; k++) if (plan.vantage[k]! >= job.coalition) honest++;
  return {
    intended: len,
    sent: i,
    honest_sent: job.path === 'C' ? 0 : honest,
    flood_sent: job.path === 'C' ? 0 : i - honest,
    send_errors: errors,
    elapsed_s: elapsed,
    max_lag_ms: maxLag / 1000,
    model_admitted_per_vantage:
      parityPolicy && job.path === 'B' ? modelAdmitted(plan, job, sentAt, i, parityPolicy) : null,
  };
}

/** Per vantage, how many of the first SENT packets a fresh draft §4.1 bucket admits at the send times. */
function modelAdmitted(
  plan: TrafficPlan,
  job: TrafficJob,
  sentAt: Float64Array,
  sent: number,
  policy: RateLimitPolicy,
): number[] {
  const params = bucketParams(Math.round(job.tickMs * 1000), policy);
  const buckets = Array.from({ length: job.n }, () => new TokenBucket(params));
  const admitted = new Array<number>(job.n).fill(0);
  for (let k = 0; k < sent; k++) {
    const v = plan.vantage[k]!;
    if (buckets[v]!.offer(Math.round(sentAt[k]!))) admitted[v]!++;
  }
  return admitted;
}
