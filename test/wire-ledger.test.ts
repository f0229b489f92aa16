/**
 * The wire bench's arithmetic and codecs, without processes: the stage ledger's units (ns per
 * packet x packets per second = µs per second), its remainder stage and idle term, the receive
 * cost per socket read; honest-loss accounting per limiter; the generator's fast signers against
 * the model's encoders byte for byte; TCP framing across chunk boundaries; the procfs parsers.
 * No timing is asserted here.
 */
import { describe, expect, test } from 'vitest';
import { signBfd } from '../model/bfd/auth.js';
import { honestPush } from '../model/bfd/honest-push.js';
import { signSnapshot } from '../model/snapshot.js';
import { testKey } from '../src/lib/test-keys.js';
import { encodeFrame, FRAME_KIND, FrameReader, MAX_BODY } from '../src/wire/framing.js';
import { ledgerOf, measuredUsPerSecond, receiveStages, stageUsPerSecond } from '../src/wire/ledger.js';
import { bfdSigner, snapshotSigner } from '../src/wire/packet-templates.js';
import { parseSnmpUdp, parseUdpDrops } from '../src/wire/proc-net.js';
import { honestLoss } from '../src/wire/run-floods.js';
import type { WindowResult } from '../src/wire/session.js';
import { windowOf } from './wire-fixtures.js';

describe('stage ledger units', () => {
  // receive-only at the same rate: 5 000 poll phases, in-batch gaps of 1 500 ns
  const recv = windowOf({
    wall_s: 2,
    cpu_us: 50_000,
    paths: { B: { received: 10_000, reads: 10_000 } },
    io_batches: 5_000,
    recv_gap_ns: 1_500,
    handler_ns: 2_000_000, // 200 ns of dispatch per datagram
  });
  // 2 s window, 10 000 received on path B (10 000 reads), 9 000 accepted, 800 rate limited, 200 auth failures
  const admit = windowOf({
    wall_s: 2,
    cpu_us: 100_000,
    sampling_overhead_us: 4_000,
    paths: {
      B: { received: 10_000, accepted: 9_000, reads: 10_000, rejected: { 'rate-limited': 800, 'auth-failure': 200 } },
    },
    io_batches: 4_000, // 6 000 datagrams shared a poll phase with an earlier one
    recv_gap_ns: 2_000,
    stages: {
      'B.admit.accepted': 5_000,
      'B.parse': 500,
      'B.hmac': 3_000,
      'B.admit.dropped': 300,
      'B.admit.rejected': 4_000,
    },
  });

  test('measured CPU per second subtracts the sampling overhead: (100 000 - 4 000) µs / 2 s', () => {
    expect(measuredUsPerSecond(admit)).toBe(48_000);
  });

  test('TCP receive: poll phases, further reads (in-place gap) and framing per frame', () => {
    const tcp = windowOf({
      wall_s: 2,
      cpu_us: 50_000,
      paths: { A: { received: 10_000, reads: 500 } },
      io_batches: 400,
      recv_gap_ns: 3_000,
      handler_ns: 5_000_000,
    });
    const [wake, further, framing] = receiveStages('A', tcp, tcp, 500);
    // ((50 000 - 500 x 2) µs - 3 000 ns x 100 further reads - 5 ms of handlers) / 400 poll phases
    expect(wake).toMatchObject({ stage: 'wake-up with I/O + first TCP read (per poll phase)', per_packet_ns: 109_250 });
    expect(further).toMatchObject({ per_packet_ns: 3_000, packets_per_s: 50 });
    expect(framing).toMatchObject({
      stage: 'framing + dispatch (per frame)',
      per_packet_ns: 500,
      packets_per_s: 5_000,
    });
  });

  test('stages: ns x packets/s / 1000 = µs/s; remainder = whole - parse - HMAC; idle is one per-second stage', () => {
    const l = ledgerOf('B', admit, recv, 500);
    const by = Object.fromEntries(l.stages.map((s) => [s.stage, s]));
    // wake-up: ((50 000 - 500 x 2) µs - 1 500 ns x 5 000 in-batch - 2 ms of handlers) / 5 000 poll phases
    expect(by['wake-up with I/O + first datagram (per poll phase)']).toMatchObject({
      per_packet_ns: 7_900,
      packets_per_s: 2_000,
    });
    // in place, the admit window's own gap, for the 6 000 in-batch datagrams over 2 s
    expect(by['socket receive (per further datagram)']).toMatchObject({ per_packet_ns: 2_000, packets_per_s: 3_000 });
    expect(by['dispatch + counting (per datagram)']).toMatchObject({ per_packet_ns: 200, packets_per_s: 5_000 });
    expect(by['parse (BFD binary)']).toMatchObject({ per_packet_ns: 500, packets_per_s: 4_500, in_joint: true });
    expect(by['HMAC-SHA256 verify']).toMatchObject({ per_packet_ns: 3_000, in_joint: true });
    expect(by['key/session lookup, rate limit, T-RC-1 state (remainder)']).toMatchObject({
      per_packet_ns: 1_500,
      in_joint: false,
    });
    expect(by['drop path (rate limited)']).toMatchObject({ per_packet_ns: 300, packets_per_s: 400, in_joint: false });
    expect(by['other rejections']).toMatchObject({ per_packet_ns: 4_000, packets_per_s: 100 });
    expect(by['event loop idle (per second)']).toMatchObject({ per_packet_ns: 500_000, packets_per_s: 1 });
    // 15 800 + 6 000 + 1 000 + 2 250 + 13 500 + 6 750 + 120 + 400 + 500 µs/s
    expect(l.ledger_cpu_us_per_s).toBeCloseTo(46_320, 6);
    expect(l.ledger_over_measured).toBeCloseTo(46_320 / 48_000, 9);
    expect(stageUsPerSecond(by['HMAC-SHA256 verify']!)).toBe(13_500);
  });

  test('helper threads are a measured per-second stage; the wake-up cost uses the main thread only', () => {
    const w = windowOf({
      wall_s: 2,
      cpu_us: 50_000,
      helpers_us: 10_000,
      paths: { B: { received: 1_000, reads: 1_000 } },
      io_batches: 1_000,
    });
    expect(receiveStages('B', w, w, 0)[0]!.per_packet_ns).toBe(40_000); // (50 000 - 10 000) µs / 1 000
    const h = ledgerOf('B', w, w, 0).stages.find((s) => s.stage.startsWith('helper threads'))!;
    expect(h).toMatchObject({ per_packet_ns: 5_000_000, packets_per_s: 1, in_joint: false });
    expect(stageUsPerSecond(h)).toBe(5_000);
  });

  test('path A adds the canonical-bytes stage (not in JOINT); path C charges Ed25519 to JOINT', () => {
    const a = windowOf({
      wall_s: 1,
      cpu_us: 10_000,
      paths: { A: { received: 100, accepted: 100, reads: 10 } },
      stages: { 'A.admit.accepted': 9_000, 'A.parse': 4_000, 'A.canonical': 500, 'A.hmac': 3_000 },
    });
    const la = ledgerOf('A', a, windowOf({ wall_s: 1, cpu_us: 200, paths: { A: { reads: 10 } }, io_batches: 10 }), 0);
    expect(la.stages[0]).toMatchObject({ per_packet_ns: 20_000 });
    expect(la.stages.find((s) => s.stage === 'canonical bytes + tag decode')).toMatchObject({ in_joint: false });
    expect(la.stages.find((s) => s.stage.includes('remainder'))!.per_packet_ns).toBe(1_500);
    const c = windowOf({
      wall_s: 1,
      cpu_us: 10_000,
      paths: { C: { received: 10, accepted: 10, reads: 10 } },
      stages: { 'C.admit.accepted': 400_000, 'C.parse': 40_000 },
    });
    const ed = ledgerOf('C', c, c, 0).stages.find((s) => s.stage.startsWith('Ed25519'))!;
    expect(ed).toMatchObject({ per_packet_ns: 360_000, in_joint: true, packets_per_s: 10 });
  });
});

describe('honest loss per limiter', () => {
  const result = (kernelDrops: number): WindowResult => ({
    broker: windowOf({
      wall_s: 1,
      cpu_us: 1,
      honest_b: { received: 90, accepted: 80, rate_limited: 10 },
      kernel: kernelDrops,
    }),
    sent: {
      intended: 1000,
      sent: 1000,
      honest_sent: 100,
      flood_sent: 900,
      send_errors: 0,
      elapsed_s: 1,
      max_lag_ms: 0,
      model_admitted_per_vantage: null,
      build_s: 0,
    },
  });
  test('user space: the bucket drops 10, the kernel 10 before the socket; 20 lost', () => {
    expect(honestLoss('user-space', result(0))).toEqual({
      honest_sent: 100,
      honest_lost: 20,
      honest_lost_limiter: 10,
      honest_lost_kernel: 10,
    });
  });
  test('XDP: loss before the socket is the limiter when the kernel dropped nothing, else split by share', () => {
    expect(honestLoss('xdp', result(0))).toMatchObject({ honest_lost_limiter: 10, honest_lost_kernel: 0 });
    expect(honestLoss('xdp', result(50))).toMatchObject({ honest_lost_limiter: 5, honest_lost_kernel: 5 });
    expect(honestLoss('none', result(0))).toMatchObject({ honest_lost_limiter: 0, honest_lost_kernel: 10 });
  });
});

describe('generator signers match the model encoders', () => {
  test('BFD push: template + seq patch + node:crypto HMAC = model/bfd/auth.ts signBfd', () => {
    const session = { vantageDisc: 0x10005, brokerDisc: 0x20005 };
    const key = testKey('bfd|x|0');
    const sign = bfdSigner(session, key);
    for (const seq of [1, 2, 0xfffffffe])
      expect(Buffer.from(sign(seq))).toEqual(Buffer.from(signBfd(honestPush(session, seq), key)));
  });
  test('snapshot: templated canonical JSON = model/snapshot.ts signSnapshot', () => {
    const fixed = { vantage_id: 'v7', epoch_id: 0, expires_at: 3_000_000, payload: 'coherence sample' };
    const key = testKey('cwt|v7|0');
    for (const counter of [0, 1, 123_456])
      expect(Buffer.from(snapshotSigner(fixed, key)(counter))).toEqual(
        Buffer.from(signSnapshot({ ...fixed, counter }, key)),
      );
  });
});

describe('TCP framing', () => {
  test('frames split across chunks come out whole, in order; an oversized length breaks the stream', () => {
    const got: Array<[number, number, string]> = [];
    const r = new FrameReader((k, v, b) => got.push([k, v, Buffer.from(b).toString()]));
    const bytes = Buffer.concat([
      encodeFrame(FRAME_KIND.snapshot, 3, Buffer.from('abc')),
      encodeFrame(FRAME_KIND.checkpoint, 0, Buffer.from('note')),
    ]);
    for (let i = 0; i < bytes.length; i += 5) expect(r.push(bytes.subarray(i, i + 5))).toBe(true);
    expect(got).toEqual([
      [0, 3, 'abc'],
      [2, 0, 'note'],
    ]);
    const big = Buffer.alloc(4);
    big.writeUInt32BE(MAX_BODY + 6);
    expect(new FrameReader(() => undefined).push(big)).toBe(false);
    expect(new FrameReader(() => undefined).push(Buffer.from([0, 0, 0, 5, 7, 0, 0, 0, 0]))).toBe(false); // kind 7
  });
});

describe('procfs counters', () => {
  test('snmp Udp line and the per-socket drops column', () => {
    const snmp = 'Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors\nUdp: 10 0 7 12 5\n';
    expect(parseSnmpUdp(snmp)).toEqual({ available: true, inDatagrams: 10, inErrors: 7, rcvbufErrors: 5 });
    const udp = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt uid timeout inode ref pointer drops',
      '  1: 0100007F:9C40 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 1 2 0000000000000000 42',
      '  2: 0100007F:9C41 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 1 2 0000000000000000 9',
    ].join('\n');
    expect(parseUdpDrops(udp, 0x9c40)).toBe(42);
    expect(parseUdpDrops(udp, 0x9c42)).toBe(0);
  });
});
