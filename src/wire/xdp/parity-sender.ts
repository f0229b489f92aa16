/**
 * The parity check's sender, run inside the network namespace (`ip netns exec NS node --import tsx
 * parity-sender.ts`): reads { host, port, packets: ScheduledPacket[], warmup?, bucket? } as JSON on stdin, sends one
 * BFD-shaped UDP datagram per packet at its time (busy-waiting on the monotonic clock, the clock
 * bpf_ktime_get_ns also reads), and writes { sentNs, doneNs } (hrtime just before and just after each
 * send call, by sequence number, as decimal strings) as JSON on stdout. On a veth pair the XDP
 * program of the receiving end runs inside the send call in the normal case (the softirq runs as the
 * call returns), so the pair brackets the kernel's arrival time.
 */
import dgram from 'node:dgram';
import type { BucketParams } from '../../../model/token-bucket.js';
import { boundaryAfter, type ScheduledPacket } from './schedule.js';

/** A 32-byte datagram: a 24-byte BFD Control header (version 1, length 24) and the sequence number. */
function datagram(disc: number, seq: number): Buffer {
  const b = Buffer.alloc(32);
  b[0] = 0x20; // version 1, diagnostic 0 (RFC 5880 §4.1)
  b[1] = 0xc0; // state Up
  b[2] = 3; // detect multiplier
  b[3] = 24; // length
  b.writeUInt32BE(disc >>> 0, 4); // My Discriminator: the limiter's key
  b.writeUInt32BE(seq >>> 0, 24);
  return b;
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const req = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
    host: string;
    port: number;
    packets: ScheduledPacket[];
    warmup?: boolean;
    bucket?: BucketParams;
  };
  const sock = dgram.createSocket({ type: 'udp4', sendBufferSize: 8 * 1024 * 1024 });
  await new Promise<void>((r) => sock.connect(req.port, req.host, () => r()));
  const bufs = req.packets.map((p) => datagram(p.disc, p.seq));
  const sentNs: string[] = new Array<string>(req.packets.length);
  const doneNs: string[] = new Array<string>(req.packets.length);
  // warm-up: the first send calls are slow (hundreds of µs); these go to the discard port, where XDP passes them
  if (req.warmup !== false) {
    const warm = dgram.createSocket('udp4');
    for (let k = 0; k < 50; k++) warm.send(Buffer.alloc(32), 9, req.host);
    await new Promise((r) => setTimeout(r, 20));
    warm.close();
  }
  const start = process.hrtime.bigint() + 20_000_000n; // 20 ms to settle
  const sentByDisc = new Map<number, number[]>(); // ns since start, as achieved
  req.packets.forEach((p, i) => {
    const mine = sentByDisc.get(p.disc) ?? [];
    // a boundary packet follows the times achieved so far (a late burst moves the boundary with it)
    const at = start + BigInt(p.boundary && req.bucket ? boundaryAfter(req.bucket, mine) : p.atNs);
    while (process.hrtime.bigint() < at); // busy-wait: timers are ms-grained
    const before = process.hrtime.bigint();
    sentNs[p.seq] = before.toString();
    sentByDisc.set(p.disc, [...mine, Number(before - start)]);
    sock.send(bufs[i]!); // libuv sends at once when its queue is empty
    doneNs[p.seq] = process.hrtime.bigint().toString();
  });
  await new Promise((r) => setTimeout(r, 50));
  sock.close();
  process.stdout.write(JSON.stringify({ sentNs, doneNs }));
}

void main().catch((e: Error) => {
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
});
