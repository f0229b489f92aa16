/**
 * The wire broker as a process on loopback (src/wire/broker-main.ts): honest packets of each
 * path are accepted (BFD Control over UDP, snapshots and a cosigned checkpoint over the framed TCP
 * stream); a replay and a bad HMAC are rejected with the pipeline's reasons (draft §5 (a), (b);
 * auth-failure); a tampered checkpoint is rejected; the window reports process CPU and counts; the
 * process exits cleanly on quit. No timing is asserted.
 */
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sessionId } from '../model/broker.js';
import { bundleNote } from '../src/calibrate/stages.js';
import { projectPath } from '../src/lib/paths.js';
import { pipelineSetupOf } from '../src/pipeline/traffic.js';
import { ControlledProcess } from '../src/wire/control.js';
import { encodeFrame, FRAME_KIND } from '../src/wire/framing.js';
import { bfdSigner, snapshotSigner } from '../src/wire/packet-templates.js';
import type { WindowReport } from '../src/wire/window-report.js';

const w = pipelineSetupOf(4);
const push = (v: number, seq: number) => bfdSigner(w.sessions[v]!, w.keys.bfd(sessionId(w.sessions[v]!), 0)!)(seq);
const snap = (v: number, counter: number) =>
  snapshotSigner(
    { vantage_id: `v${v}`, epoch_id: 0, expires_at: 3_000_000, payload: 'coherence sample' },
    w.keys.cwt(`v${v}`, 0)!,
  )(counter);

let broker: ControlledProcess;
let report: WindowReport;

beforeAll(async () => {
  broker = ControlledProcess.start(projectPath('src/wire/broker-main.ts'), [], ['127.0.0.1']);
  await broker.request('configure', { n: 4, tickMs: 50, policy: null, coalition: 0, sampleEvery: 1 });
  const ports = await broker.request<{ udp: number; tcp: number }>('ports');
  await broker.request('start', { mode: 'admit' });
  const udp = createSocket('udp4');
  const forged = Buffer.from(push(1, 1));
  forged[40]! ^= 1; // one digest bit
  for (const b of [push(0, 1), push(0, 2), push(1, 1), push(0, 2), forged])
    await new Promise<void>((r) => udp.send(b, ports.udp, '127.0.0.1', () => r()));
  udp.close();
  const tcp = connect(ports.tcp, '127.0.0.1');
  await once(tcp, 'connect');
  const badTag = Buffer.from(snap(3, 0));
  badTag[badTag.length - 3] = badTag[badTag.length - 3] === 0x30 ? 0x31 : 0x30; // one hex digit of the tag
  const note = bundleNote().note;
  const frames = [
    encodeFrame(FRAME_KIND.snapshot, 2, snap(2, 0)),
    encodeFrame(FRAME_KIND.snapshot, 2, snap(2, 0)),
    encodeFrame(FRAME_KIND.snapshot, 3, badTag),
    encodeFrame(FRAME_KIND.checkpoint, 0, Buffer.from(note)),
    encodeFrame(FRAME_KIND.checkpoint, 0, Buffer.from(note.replace('\n\n', '\nextra\n\n'))),
  ];
  tcp.end(Buffer.concat(frames));
  await once(tcp, 'close');
  // the last datagrams and frames are in once the counts add up (bounded wait)
  for (let i = 0; i < 100; i++) {
    const seen = await broker.request<number[]>('peek');
    if (seen.join() === '3,5,2') break;
    await new Promise((r) => setTimeout(r, 20));
  }
  report = await broker.request<WindowReport>('stop', { perVantage: true });
}, 60_000);

afterAll(async () => {
  await broker?.stop();
});

describe('wire broker on loopback', () => {
  test('path B: two honest pushes accepted, a replayed seq is bfd-replay, a flipped digest bit is auth-failure', () => {
    expect(report.paths.B).toMatchObject({
      received: 5,
      accepted: 2 + 1,
      rejected: { 'bfd-replay': 1, 'auth-failure': 1 },
    });
    expect(report.accepted_b_per_vantage).toEqual([2, 1, 0, 0]);
  });
  test('path A: a snapshot accepted, its replay is cwt-replay, a changed tag digit is auth-failure', () => {
    expect(report.paths.A).toMatchObject({
      received: 3,
      accepted: 1,
      rejected: { 'cwt-replay': 1, 'auth-failure': 1 },
    });
  });
  test('path C: the cosigned checkpoint accepted, a changed body rejected for its signature', () => {
    expect(report.paths.C).toMatchObject({ received: 2, accepted: 1, rejected: { 'bad-signature': 1 } });
  });
  test('the window reports process CPU and the in-place stage samples', () => {
    expect(report.cpu_us).toBeGreaterThan(0);
    expect(report.wall_s).toBeGreaterThan(0);
    // a first, cold call may be set aside as an outlier (over 200 µs): timed either way
    for (const s of ['B.admit.accepted', 'B.parse', 'B.hmac', 'A.parse', 'A.hmac', 'C.admit.accepted']) {
      const t = report.stages[s];
      expect((t?.samples ?? 0) + (t?.outliers ?? 0), s).toBeGreaterThan(0);
    }
    expect(report.stages['B.admit.rejected']!.samples + report.stages['B.admit.rejected']!.outliers).toBe(2);
    expect(report.kernel.rcvbuf_errors).toBeGreaterThanOrEqual(0);
  });
  test("the window's start and stop are measurement overhead; its main thread is the process less the helpers", () => {
    expect(report.window_overhead_us).toBeGreaterThan(0);
    expect(report.window_overhead_us!).toBeLessThanOrEqual(report.sampling_overhead_us);
    expect(report.threads.main_us + report.threads.helpers_us).toBeCloseTo(report.cpu_us, 6);
    expect(report.wake!.read_ns).toBeGreaterThan(0);
  });
  test('the window reports its garbage-collection pauses, every part inside the whole', () => {
    const gc = report.gc!;
    expect(gc.available).toBe(true);
    expect(gc.in_handlers_ns + gc.in_gaps_ns).toBeLessThanOrEqual(gc.pause_ns + 1e-6);
    // samples and the sampling overhead run inside the handlers
    expect(gc.in_samples_ns).toBeLessThanOrEqual(gc.in_handlers_ns + 1e-6);
    expect(gc.in_overhead_ns).toBeLessThanOrEqual(gc.in_handlers_ns + 1e-6);
    expect(Object.values(gc.by_kind).reduce((a, b) => a + b, 0)).toBeCloseTo(gc.pause_ns, 3);
  });
  test('the process exits with code 0 on quit', async () => {
    const exited = once(broker.child, 'exit');
    await broker.request('quit');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
  });
});
