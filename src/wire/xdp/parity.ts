/**
 * The parity run and the c_xdp run on a veth pair (issue 20, Deliver 2): the limiter attached to
 * the host end, a UDP socket on the host address, and a sender inside the namespace
 * (parity-sender.ts) that sends a known schedule. Which packets arrived (by the sequence number in
 * the payload) is compared with the model fed the same send times (parity-compare.ts).
 */
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { bucketParams, type BucketParams, type RateLimitPolicy } from '../../../model/token-bucket.js';
import { projectPath, ROOT } from '../../lib/paths.js';
import type { VethPair } from '../netns.js';
import { attachLimiter, type XdpStats } from '../xdp.js';
import type { LimiterMutant } from './build.js';
import { compareParity, type ObservedPacket, type ParityReport } from './parity-compare.js';
import { paritySchedule, type ScheduledPacket } from './schedule.js';

/** The first discriminator (src/pipeline/traffic.ts: vantageDisc = 0x10000 + i). */
const DISC_BASE = 0x10000;

/** Runs parity-sender.ts inside PAIR's namespace with PACKETS aimed at host:port; send call start and end by seq. */
async function sendFromNamespace(
  pair: VethPair,
  port: number,
  packets: readonly ScheduledPacket[],
  warmup = true,
  bucket: BucketParams | null = null,
): Promise<{ sent: bigint[]; done: bigint[] }> {
  const child = spawn(
    'ip',
    ['netns', 'exec', pair.ns, process.execPath, '--import', 'tsx', projectPath('src/wire/xdp/parity-sender.ts')],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => out.push(c));
  child.stderr.on('data', (c: Buffer) => err.push(c));
  child.stdin.end(JSON.stringify({ host: pair.hostIp, port, packets, warmup, bucket }));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000); // bounded: the schedule lasts seconds
  const code = await new Promise<number | null>((r) => child.on('close', r));
  clearTimeout(timer);
  if (code !== 0)
    throw new Error(`parity sender failed (${code}): ${Buffer.concat(err).toString().trim().split('\n')[0] ?? ''}`);
  const r = JSON.parse(Buffer.concat(out).toString('utf8')) as { sentNs: string[]; doneNs: string[] };
  return { sent: r.sentNs.map((s) => BigInt(s)), done: r.doneNs.map((s) => BigInt(s)) };
}

/** A UDP socket on the host end that records the sequence numbers it receives. */
async function receiver(host: string): Promise<{ port: number; seqs: Set<number>; close(): void }> {
  const sock = dgram.createSocket({ type: 'udp4', recvBufferSize: 8 * 1024 * 1024 });
  const seqs = new Set<number>();
  sock.on('message', (m) => {
    if (m.length >= 28) seqs.add(m.readUInt32BE(24));
  });
  await new Promise<void>((r) => sock.bind(0, host, () => r()));
  return { port: sock.address().port, seqs, close: () => sock.close() };
}

/** What one run on the wire gave. */
export interface WireRun {
  readonly stats: XdpStats;
  /** Packets forwarded by XDP that the socket did not get (receive-buffer drops). */
  readonly socketLost: number;
}

/** Parity of the limiter with the model on PAIR: the report, the kernel's counts, and the delays behind the window. */
export async function runParity(o: {
  pair: VethPair;
  policy: RateLimitPolicy;
  tickMs: number;
  vantages: number;
  mutant?: LimiterMutant;
}): Promise<WireRun & { report: ParityReport; delaysUs: number[]; observed: ObservedPacket[] }> {
  const b = bucketParams(Math.round(o.tickMs * 1000), o.policy);
  const schedule = paritySchedule(b, o.vantages, DISC_BASE);
  const rx = await receiver(o.pair.hostIp);
  try {
    const limiter = await attachLimiter({ ...o, ifname: o.pair.hostIf, udpPort: rx.port, discBase: DISC_BASE });
    let sent: { sent: bigint[]; done: bigint[] };
    let stats: XdpStats;
    let last: Map<number, bigint>;
    try {
      sent = await sendFromNamespace(o.pair, rx.port, schedule, true, b);
      await new Promise((r) => setTimeout(r, 100)); // let the last datagrams reach the socket
      stats = await limiter.stats();
      last = await limiter.lastArrivals();
    } finally {
      await limiter.detach();
    }
    const packets: ObservedPacket[] = schedule.map((p) => ({
      ...p,
      sentNs: sent.sent[p.seq]!,
      doneNs: sent.done[p.seq]!,
      forwarded: rx.seqs.has(p.seq),
    }));
    // each bucket's last kernel arrival against its last packet's send call: before it, inside it, or after
    const lastOf = new Map<number, ObservedPacket>();
    for (const p of packets) lastOf.set(p.disc, p);
    const samples = [...lastOf].flatMap(([d, p]) => {
      const k = last.get(d) ?? 0n;
      return k === 0n ? [] : [{ p, k }]; // 0: the bucket saw no packet (lost before XDP)
    });
    if (samples.some(({ p, k }) => k < p.sentNs))
      throw new Error('kernel arrival before the send call: clocks disagree');
    const late = samples.map(({ p, k }) => Number(k > p.doneNs ? k - p.doneNs : 0n));
    // slack after the call: twice the latest observed arrival after it (unobserved spread), + 1 µs (model's whole µs)
    const slack = BigInt(2 * Math.max(0, ...late) + 1000);
    const report = compareParity(b, packets, slack);
    return {
      report,
      stats,
      socketLost: stats.passed - rx.seqs.size,
      delaysUs: samples.map(({ p, k }) => Number(k - p.sentNs) / 1000),
      observed: packets,
    };
  } finally {
    rx.close();
  }
}

/** c_xdp on PAIR: COUNT packets back to back over VANTAGES buckets (most dropped), by the kernel statistics. */
export async function runCxdp(o: {
  pair: VethPair;
  policy: RateLimitPolicy;
  tickMs: number;
  vantages: number;
  count: number;
}): Promise<WireRun & { c_xdp_kernel_ns: number | null }> {
  const rx = await receiver(o.pair.hostIp);
  try {
    const limiter = await attachLimiter({ ...o, ifname: o.pair.hostIf, udpPort: rx.port, discBase: DISC_BASE });
    try {
      const packets = Array.from({ length: o.count }, (_, seq) => ({
        atNs: 0,
        disc: DISC_BASE + (seq % o.vantages),
        seq,
      }));
      await sendFromNamespace(o.pair, rx.port, packets, false); // no warm-up: every run is a limited packet
      await new Promise((r) => setTimeout(r, 100));
      const stats = await limiter.stats();
      const c = stats.run_cnt > 0 ? stats.run_time_ns / stats.run_cnt : null;
      return { stats, socketLost: stats.passed - rx.seqs.size, c_xdp_kernel_ns: c };
    } finally {
      await limiter.detach();
    }
  } finally {
    rx.close();
  }
}
