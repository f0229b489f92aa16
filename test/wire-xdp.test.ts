/**
 * The real XDP limiter (src/wire/xdp.ts, src/wire/xdp/**): the parity comparison and the schedule
 * on their own (always), then, as root with clang/bpftool (CI), the program on a veth pair: kernel
 * counts, the parity with the model, and the two mutants (burst + 1, rate doubled) caught by it.
 * Elsewhere the kernel part is skipped with xdpSupport's one-line reason, and `perfsec xdp check`
 * says that line and exits 0.
 */
import { execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { bucketParams, DEFAULT_POLICY, type RateLimitPolicy } from '../model/token-bucket.js';
import { tokenBucket } from '../model/vdos-exact.js';
import { netnsSupport, withVethPair } from '../src/wire/netns.js';
import { attachLimiter, xdpSupport } from '../src/wire/xdp.js';
import { fromHexBytes, hexBytes } from '../src/wire/xdp/bpftool.js';
import { compareParity, modelDecisions, type ObservedPacket } from '../src/wire/xdp/parity-compare.js';
import { boundaryAfter, capacityTokens, paritySchedule, tokenNs } from '../src/wire/xdp/schedule.js';
import { perfsec } from './cli-harness.js';

const TICKS: RateLimitPolicy = { ...DEFAULT_POLICY, capacity: 'ticks' };
const B = bucketParams(20_000, TICKS); // 8 tokens, one every 5 ms

/** Packets sent at AT (ns) with a 2 µs send call, forwarded as the model decides unless FLIP holds their index. */
function observed(at: readonly number[], flip: readonly number[] = []): ObservedPacket[] {
  const base = at.map((t, seq) => ({ seq, disc: 7, sentNs: BigInt(t), doneNs: BigInt(t + 2000), forwarded: true }));
  const model = modelDecisions(B, base);
  return base.map((p, i) => ({ ...p, forwarded: flip.includes(i) ? !model[i] : model[i]! }));
}

describe('parity comparison (src/wire/xdp/parity-compare.ts)', () => {
  const burst = Array.from({ length: 10 }, (_, i) => i * 20_000); // 10 packets, 8 tokens
  test('a kernel that decides as the model has no mismatch', () => {
    const r = compareParity(B, observed(burst), 1000n);
    expect([r.admitted_model, r.forwarded_xdp, r.mismatches]).toEqual([8, 8, 0]);
  });
  test('a ninth packet forwarded from an empty bucket is unexplained (the burst + 1 mutant)', () => {
    const r = compareParity(B, observed(burst, [8]), 1000n);
    expect([r.mismatches, r.unexplained_mismatches, r.unexplained_seqs]).toEqual([1, 1, [8]]);
  });
  test('a packet sent 1 µs after its refill boundary and dropped is explained by the timing', () => {
    const t = boundaryAfter(B, burst); // one token back at t (ns)
    const at = [...burst, t + 1000];
    const r = compareParity(B, observed(at, [10]), 1000n);
    expect([r.mismatches, r.explained_mismatches, r.unexplained_mismatches, r.near_boundary]).toEqual([1, 1, 0, 1]);
    // the same drop 1 ms past the boundary is not
    const far = compareParity(B, observed([...burst, t + 1_000_000], [10]), 1000n);
    expect(far.unexplained_mismatches).toBe(1);
  });
  test('a mismatch that only follows from an earlier one inherits its explanation, or its lack of one', () => {
    const t = boundaryAfter(B, burst);
    // the kernel drops the boundary packet, so it still has the token the model spent: it passes the next one
    const near = compareParity(B, observed([...burst, t + 1000, t + 31_000], [10, 11]), 1000n);
    expect([near.mismatches, near.explained_mismatches, near.near_boundary]).toEqual([2, 2, 1]);
    const far = compareParity(B, observed([...burst, t + 1_000_000, t + 1_030_000], [10, 11]), 1000n);
    expect([far.mismatches, far.unexplained_mismatches]).toEqual([2, 2]);
  });
  test('the schedule bursts past the bucket and ends on a refill boundary of each vantage', () => {
    const s = paritySchedule(B, 3, 0x10000);
    expect(capacityTokens(B)).toBe(8);
    expect(tokenNs(B)).toBe(5e6);
    expect(s.map((p) => p.seq)).toEqual(s.map((_, i) => i));
    const model = modelDecisions(
      B,
      s.map((p) => ({ ...p, sentNs: BigInt(p.atNs), doneNs: BigInt(p.atNs), forwarded: true })),
    );
    expect(model.filter((m) => !m).length).toBeGreaterThanOrEqual(3 * 3); // every vantage has drops
    expect(model.filter(Boolean).length).toBeGreaterThanOrEqual(3 * 8);
    // vantage 0's last packet sits on its refill boundary: the model admits it 1 µs later and refuses it 1 µs earlier
    const v0 = s.filter((p) => p.disc === 0x10000).map((p) => p.atNs / 1000);
    const at = (last: number) => {
      const bucket = tokenBucket(B);
      return [...v0.slice(0, -1), last].map((t) => bucket.offer(t)).at(-1);
    };
    expect([at(v0.at(-1)! + 1), at(v0.at(-1)! - 1)]).toEqual([true, false]);
  });
  test('bpftool byte strings round-trip', () => {
    expect(fromHexBytes(hexBytes(0x1_0002n, 4).split(' '))).toBe(0x1_0002n);
    expect(fromHexBytes(hexBytes(2n ** 40n + 5n, 8).split(' '))).toBe(2n ** 40n + 5n);
  });
});

const support = [netnsSupport(), xdpSupport()].find((s) => !s.ok);
const why = support && !support.ok ? support.why : null;

describe('xdpSupport', () => {
  test('says ok, or why not in one line', () => {
    const s = xdpSupport();
    if (!s.ok) expect(s.why).toMatch(/^[^\n]+$/);
  });
  test('perfsec xdp check says why in one line and exits 0 where XDP is not permitted (or turned off)', async () => {
    const before = process.env.PERFSEC_NO_XDP;
    process.env.PERFSEC_NO_XDP = '1'; // where XDP works, the same path on purpose
    try {
      const r = await perfsec('xdp', 'check');
      expect(r.code).toBe(0);
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toMatch(/^xdp: .+; nothing measured/);
      const j = JSON.parse((await perfsec('xdp', 'check', '--json')).stdout) as { available: boolean; ok: boolean };
      expect([j.available, j.ok]).toEqual([false, true]);
    } finally {
      if (before === undefined) delete process.env.PERFSEC_NO_XDP;
      else process.env.PERFSEC_NO_XDP = before;
    }
  });
});

describe.skipIf(why !== null)(`the XDP limiter on a veth pair${why ? ` (skipped: ${why})` : ''}`, () => {
  test('other ports pass, an unknown discriminator is dropped, a burst keeps the bucket (8 of 12)', async () => {
    await withVethPair(async (p) => {
      const sockets = [dgram.createSocket('udp4'), dgram.createSocket('udp4')];
      const got = [0, 0];
      sockets.forEach((s, i) => s.on('message', () => got[i]!++));
      await Promise.all(sockets.map((s) => new Promise<void>((r) => s.bind(0, p.hostIp, () => r()))));
      const [limited, other] = sockets.map((s) => s.address().port) as [number, number];
      // T_tick 1 s: 8 tokens, one more only every 250 ms, far longer than the burst takes
      const lim = await attachLimiter({ ifname: p.hostIf, policy: TICKS, tickMs: 1000, vantages: 2, udpPort: limited });
      try {
        // BFD-shaped datagrams: 5 of vantage 0 to the other port, 3 of an unknown discriminator, 12 of vantage 0
        const script = `const s = require('dgram').createSocket('udp4');
          const d = (disc) => {
            const b = Buffer.alloc(24); b[0] = 0x20; b[3] = 24; b.writeUInt32BE(disc, 4); return b;
          };
          const all = [...Array(5).fill([${other}, 0x10000]), ...Array(3).fill([${limited}, 0x999]),
            ...Array(12).fill([${limited}, 0x10000])];
          let n = 0;
          for (const [port, disc] of all) s.send(d(disc), port, '${p.hostIp}', () => ++n === all.length && s.close());`;
        execFileSync('ip', ['netns', 'exec', p.ns, process.execPath, '-e', script]);
        await new Promise((r) => setTimeout(r, 200));
        const st = await lim.stats();
        expect([got[1], got[0]]).toEqual([5, 8]);
        expect([st.passed, st.dropped, st.unkeyed]).toEqual([8, 4, 3]);
        expect(st.other).toBeGreaterThanOrEqual(5);
      } finally {
        await lim.detach();
        sockets.forEach((s) => s.close());
      }
    });
  });

  test('perfsec xdp check: c_xdp from the kernel, parity with the model, both mutants caught', async () => {
    const before = readFileSync('/proc/sys/kernel/bpf_stats_enabled', 'utf8');
    const args = ['--tick-ms', '20', '--capacity', 'ticks', '--vantages', '3', '--packets', '1000', '--mutants'];
    const r = await perfsec('xdp', 'check', '--json', ...args);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as {
      ok: boolean;
      c_xdp_kernel_ns: number;
      cxdp_run: { run_cnt: number; passed: number; dropped: number };
      parity: { packets: number; forwarded_xdp: number; admitted_model: number; unexplained_mismatches: number };
      mutants: Array<{ mutant: string; caught: boolean }>;
      socket_lost: number;
    };
    expect(doc.parity.unexplained_mismatches).toBe(0);
    expect(doc.parity.packets).toBe(paritySchedule(B, 3, 0x10000).length);
    expect(doc.parity.forwarded_xdp).toBeGreaterThan(0);
    expect(doc.parity.forwarded_xdp).toBeLessThan(doc.parity.packets);
    expect(doc.cxdp_run.passed + doc.cxdp_run.dropped).toBe(1000);
    expect(doc.cxdp_run.run_cnt).toBeGreaterThanOrEqual(1000);
    expect(doc.c_xdp_kernel_ns).toBeGreaterThan(0);
    expect(doc.mutants.map((m) => [m.mutant, m.caught])).toEqual([
      ['burst+1', true],
      ['rate*2', true],
    ]);
    expect([r.code, doc.ok]).toEqual([0, true]);
    expect(readFileSync('/proc/sys/kernel/bpf_stats_enabled', 'utf8')).toBe(before); // restored on detach
  });
});
