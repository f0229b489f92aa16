/**
 * The broker over the wire (issue 20 Deliver 1): BFD Control packets over UDP (draft §3.1 path B),
 * snapshots over a length-framed TCP stream (path A) and cosigned checkpoints on the same stream
 * (path C), each admitted by the pipeline's own code (src/pipeline/admission.ts with the §4.1
 * rate limit before verification, src/pipeline/witness-path.ts). It counts what it receives and
 * decides per measurement window, reads its own process CPU (user + system, not wall) and the
 * kernel's UDP drop counters, and times stages in place on a 1-in-k sample (src/wire/sampler.ts).
 * A window in receive-only mode does everything up to admission (socket receive, dispatch,
 * counting) and nothing after: the ledger's socket-receive stage. Each handler's interval is logged
 * (src/wire/receive-times.ts) and the main thread's garbage-collection pauses are watched
 * (src/wire/gc-pauses.ts): every timed figure is reported without them, and their sum on its own.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type AddressInfo, type Socket } from 'node:net';
import type { RateLimitPolicy } from '../../model/token-bucket.js';
import { bundleNote } from '../calibrate/stages.js';
import { AdmissionPipeline } from '../pipeline/admission.js';
import { pipelineSetupOf, type PipelineSetup } from '../pipeline/traffic.js';
import type { WitnessPath } from '../pipeline/witness-path.js';
import { BrokerCounts } from './broker-counts.js';
import { FRAME_KIND, FrameReader } from './framing.js';
import { GcWatch } from './gc-pauses.js';
import { IntervalLog } from './interval-log.js';
import { IN_BATCH, receiveTimes } from './receive-times.js';
import { StageSampler } from './sampler.js';
import { clockCostNs, nowNs } from './stage-clock.js';
import { WakeClock, wakeClockSource } from './wake-clock.js';
import { windowReport, type WindowMode, type WindowReport, type WindowStart } from './window-report.js';

/** What one measurement configuration admits. */
export interface BrokerSetup {
  readonly n: number;
  readonly tickMs: number;
  /** The draft §4.1 user-space rate limit (model/token-bucket.ts policy), or null for none. */
  readonly policy: RateLimitPolicy | null;
  /** Vantages 0..coalition-1 are the insider coalition; the others are honest (model/flood.ts). */
  readonly coalition: number;
  /** Time the stages of one packet in SAMPLE_EVERY (path C: every checkpoint). */
  readonly sampleEvery: number;
}

/** Vantage key of a BFD My Discriminator (src/pipeline/traffic.ts: vantageDisc = 0x10000 + i). */
export const DISC_BASE = 0x10000;

/** A short name for the witness path's reason (model/note.ts, src/pipeline/witness-path.ts messages). */
function witnessReason(reason: string): string {
  if (reason.includes('invalid signature')) return 'bad-signature';
  if (reason.includes('quorum')) return 'below-quorum';
  if (reason.includes('signature')) return 'no-collector-signature';
  return 'malformed';
}

/** The broker's sockets, pipeline and counters. */
export class WireBroker {
  private setup!: BrokerSetup;
  private world!: PipelineSetup;
  private pipeline!: AdmissionPipeline;
  private witness!: { note: string; path: WitnessPath };
  private readonly clockNs = clockCostNs();
  private sampler!: StageSampler;
  /** This window's counters (the TCP handler counts reads here). */
  counts = new BrokerCounts(1);
  private mode: WindowMode = 'admit';
  private t0Ms = 0;
  private seen = [0, 0];
  private inBatch = false;
  /** This window's handler intervals, ns (tag IN_BATCH: an earlier handler ran in the same poll phase). */
  private readonly handlers = new IntervalLog();
  private readonly gcWatch = new GcWatch();
  /** The between-phase CPU and phase tails of this window (src/wire/wake-clock.ts). */
  private readonly wake = new WakeClock(wakeClockSource());
  private readonly endBatch = () => {
    this.inBatch = false;
    const last = this.handlers.length;
    this.wake.phaseEnd(
      last > 0 ? this.handlers.end(last - 1) : 0,
      (this.counts.batches + 1) % this.setup.sampleEvery === 0,
    );
  };
  private start: WindowStart | null = null;
  /** CPU of this window's start, µs (measurement overhead: window-report.ts window_overhead_us). */
  private startOverheadUs = 0;
  /** The process CPU when the last control input arrived (null: none since the last stop). */
  private inputCpu: NodeJS.CpuUsage | null = null;

  private constructor(
    private readonly udp: UdpSocket,
    private readonly tcp: Server,
  ) {}

  /** Binds the UDP and TCP sockets on HOST (ephemeral ports) and configures a first setup. */
  static async listen(host: string, setup: BrokerSetup): Promise<WireBroker> {
    const udp = createSocket({ type: 'udp4', recvBufferSize: 4 * 1024 * 1024 });
    const b = new WireBroker(udp, createServer());
    b.configure(setup);
    udp.on('message', (m: Buffer) => b.onDatagram(m));
    udp.on('error', () => undefined); // a receive error is counted by the kernel (RcvbufErrors)
    b.tcp.on('connection', (sock) => {
      const r = new FrameReader((kind, v, body) => b.onFrame(kind, v, body));
      sock.on('data', (c: Buffer) => b.onChunk(r, sock, c));
      sock.on('error', () => sock.destroy());
    });
    await new Promise<void>((res, rej) => {
      udp.once('error', rej);
      udp.bind(0, host, () => res());
    });
    await new Promise<void>((res, rej) => {
      b.tcp.once('error', rej);
      b.tcp.listen(0, host, () => res());
    });
    return b;
  }

  /** The bound ports and the UDP receive buffer the kernel granted. */
  ports(): { udp: number; tcp: number; recv_buffer_bytes: number } {
    return {
      udp: this.udp.address().port,
      tcp: (this.tcp.address() as AddressInfo).port,
      recv_buffer_bytes: this.udp.getRecvBufferSize(),
    };
  }

  /** A fresh pipeline (empty replay state, full buckets, clock at 0) for SETUP. */
  configure(setup: BrokerSetup): void {
    if (!Number.isSafeInteger(setup.n) || setup.n < 1 || setup.n > 1_000_000) throw new RangeError('n out of range');
    if (!Number.isSafeInteger(setup.sampleEvery) || setup.sampleEvery < 1) throw new RangeError('sampleEvery < 1');
    this.setup = setup;
    this.world = pipelineSetupOf(setup.n);
    this.pipeline = new AdmissionPipeline({ ...this.world, policy: setup.policy, tickMs: setup.tickMs });
    this.witness = bundleNote();
    this.sampler = new StageSampler(this.world, this.clockNs); // keys prepared here, off the measured windows
    this.counts = new BrokerCounts(setup.n);
    this.t0Ms = performance.now();
  }

  /** Starts a window: counters, stage samples and the CPU, drop and clock readings start from here. */
  startWindow(mode: WindowMode): void {
    this.mode = mode;
    this.counts = new BrokerCounts(this.setup.n);
    this.sampler = this.sampler.fresh();
    this.seen = [0, 0];
    this.handlers.clear();
    this.start = windowReport.begin(this.ports().udp);
    this.wake.clear(); // after the CPU reading: the first sample starts inside the window, not in its procfs reads
    this.inputCpu = null; // the start request's own arrival is before the window
    this.startReplied();
  }

  /** The window's start is over (its reply written, when driven by the control channel): its CPU so far is overhead. */
  startReplied(): void {
    if (!this.start) return;
    const c = process.cpuUsage(this.start.cpu);
    this.startOverheadUs = c.user + c.system;
  }

  /** Control input arrived: a stop request's CPU counts from here (reading and parsing it are overhead). */
  controlInput(): void {
    this.inputCpu = process.cpuUsage();
  }

  /** Ends the window and reports it (PER_VANTAGE: also path B's accepted count per vantage). */
  stopWindow(perVantage = false): WindowReport {
    if (!this.start) throw new Error('no window started');
    const stopCpu = this.inputCpu ?? process.cpuUsage(); // from the stop request's arrival
    this.inputCpu = null;
    const gc = this.gcWatch.take(this.start.wallMs * 1e6, nowNs());
    const overhead = this.sampler.overheadOf(gc.pauses);
    const wake = this.wake.report(gc.pauses);
    const r = windowReport.end(this.start, {
      mode: this.mode,
      counts: this.counts,
      stages: this.sampler.clock.report(gc.pauses),
      overheadNs: overhead.ns + wake.overhead_ns,
      wake,
      clockNs: this.clockNs,
      perVantage,
      receive: receiveTimes(this.handlers, gc.pauses),
      gc,
      gcInOverheadNs: overhead.gcNs,
      startOverheadUs: this.startOverheadUs,
      stopCpu,
    });
    this.start = null;
    return r;
  }

  /** Packets received so far in this window, per path A, B, C. */
  received(): number[] {
    return [...this.counts.received];
  }

  /** Closes both sockets. */
  async close(): Promise<void> {
    await new Promise<void>((r) => this.udp.close(() => r()));
    await new Promise<void>((r) => this.tcp.close(() => r()));
  }

  /** Counts a poll phase's first delivery: the check phase (setImmediate) runs after the poll phase ends. */
  private batch(): void {
    if (this.inBatch) return;
    this.inBatch = true;
    this.counts.batches++;
    setImmediate(this.endBatch);
  }

  /** One TCP read: its handler's interval (framing, and admission in 'admit'), as for datagrams. */
  private onChunk(r: FrameReader, sock: Socket, c: Buffer): void {
    if (!this.inBatch) this.wake.phaseStart();
    const startNs = nowNs();
    const tag = this.inBatch ? IN_BATCH : 0;
    this.batch();
    this.counts.tcpReads++;
    if (!r.push(c)) sock.destroy();
    this.handlers.push(startNs, nowNs(), tag);
  }

  private onDatagram(m: Buffer): void {
    if (!this.inBatch) this.wake.phaseStart();
    const startNs = nowNs();
    // a datagram after another in the same poll phase: the gap since that one's handler ended is this one's receive
    // (recvmsg, libuv, the call into JS), measured in place on every such datagram (src/wire/receive-times.ts)
    const tag = this.inBatch ? IN_BATCH : 0;
    this.batch();
    this.counts.received[1]!++;
    const v = m.length >= 8 ? m.readUInt32BE(4) - DISC_BASE : -1;
    const honest = v >= this.setup.coalition;
    if (honest) this.counts.honestReceived++;
    if (this.mode === 'admit') {
      const tUs = (startNs / 1e6 - this.t0Ms) * 1000;
      const d =
        ++this.seen[1]! % this.setup.sampleEvery !== 0
          ? this.pipeline.admitPush(m, tUs)
          : this.sampler.push(this.pipeline, m, tUs, v);
      this.counts.decideB(v, honest, d);
    }
    this.handlers.push(startNs, nowNs(), tag);
  }

  private onFrame(kind: number, v: number, body: Uint8Array): void {
    const path = kind === FRAME_KIND.snapshot ? 0 : 2;
    this.counts.received[path]!++;
    if (this.mode !== 'admit') return;
    if (path === 2) {
      const r = this.sampler.checkpoint(this.witness.path, body);
      this.counts.witness(r.ok ? null : witnessReason(r.reason));
      return;
    }
    const tUs = (performance.now() - this.t0Ms) * 1000;
    const d =
      ++this.seen[0]! % this.setup.sampleEvery !== 0
        ? this.pipeline.admitSnapshot(v, body, tUs)
        : this.sampler.snapshot(this.pipeline, v, body, tUs);
    this.counts.decide(0, d);
  }
}
