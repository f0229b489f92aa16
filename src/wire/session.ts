/**
 * One broker process and one load-generator process under control (src/wire/control.ts), and a
 * measurement window as one call: configure the broker, start its window, let the generator send
 * the job, wait for the last packets to land, stop the window. The generator may run behind a
 * prefix (`ip netns exec NS`, src/wire/netns.ts) while the broker listens on the host side.
 */
import type { RateLimitPolicy } from '../../model/token-bucket.js';
import { projectPath } from '../lib/paths.js';
import type { BrokerSetup } from './broker.js';
import { ControlledProcess } from './control.js';
import { reniceThreads } from './priority.js';
import type { GeneratorTarget, SendReport } from './generator.js';
import type { TrafficJob } from './traffic-plan.js';
import type { WindowMode, WindowReport } from './window-report.js';

/** A generator's report plus its signing time. */
export type SentReport = SendReport & { readonly build_s: number };

/** One window: what the broker saw and what the generator sent. */
export interface WindowResult {
  readonly broker: WindowReport;
  readonly sent: SentReport;
}

/** Where to put the processes. */
export interface SessionPlace {
  /** The broker's bind address (default 127.0.0.1). */
  readonly host?: string;
  /** Command prefix for the generator (e.g. ['ip', 'netns', 'exec', NS]). */
  readonly generatorPrefix?: readonly string[];
}

/** Every process a session started, so a signal handler can end them by pid. */
export const LIVE_PROCESSES = new Set<ControlledProcess>();

/**
 * Node flags of the broker process: its garbage collector works on the main thread alone, so a pause (the
 * PerformanceObserver's wall time, src/wire/gc-pauses.ts) is the main thread's CPU and the helper threads carry no
 * collection; with parallel helpers the main thread waits on them for part of a pause, and a window with a major
 * collection read 1.18 (charged at wall time, also counted in the helpers' CPU).
 */
export const BROKER_NODE_FLAGS: readonly string[] = ['--single-threaded-gc'];

/** Settling time after the generator's last packet before the window closes, ms. */
const SETTLE_MS = 150;

/** A running broker and generator. */
export class WireSession {
  private constructor(
    private readonly broker: ControlledProcess,
    private readonly generator: ControlledProcess,
    readonly target: GeneratorTarget,
  ) {}

  /** Starts both processes and learns the broker's ports. */
  static async start(place: SessionPlace = {}): Promise<WireSession> {
    const host = place.host ?? '127.0.0.1';
    const broker = ControlledProcess.start(projectPath('src/wire/broker-main.ts'), [], [host], BROKER_NODE_FLAGS);
    LIVE_PROCESSES.add(broker);
    const generator = ControlledProcess.start(projectPath('src/wire/generator-main.ts'), place.generatorPrefix ?? []);
    LIVE_PROCESSES.add(generator);
    try {
      const p = await broker.request<{ udp: number; tcp: number }>('ports', null, 60_000);
      if (broker.pid !== undefined) reniceThreads(broker.pid);
      return new WireSession(broker, generator, { host, udpPort: p.udp, tcpPort: p.tcp });
    } catch (e) {
      await Promise.all([broker.stop(), generator.stop()]);
      throw e;
    }
  }

  /** A fresh pipeline in the broker. */
  async configure(setup: BrokerSetup): Promise<void> {
    await this.broker.request('configure', setup);
  }

  /** A window in MODE while the generator sends JOB (PARITY: the generator also runs the model's bucket). */
  async window(mode: WindowMode, job: TrafficJob, parity: RateLimitPolicy | null = null): Promise<WindowResult> {
    // signed before the window opens: the window holds the sending only
    await this.generator.request('prepare', { job, target: this.target, parityPolicy: parity }, 300_000);
    await this.broker.request('start', { mode });
    const sent = await this.generator.request<SentReport>('send', null, job.durationMs * 3 + 60_000);
    // the window spans the whole job, also when its last packet is due early (path C: one checkpoint per 1.25 s)
    await new Promise((r) => setTimeout(r, Math.max(SETTLE_MS, job.durationMs - sent.elapsed_s * 1000)));
    const broker = await this.broker.request<WindowReport>('stop', { perVantage: parity !== null });
    return { broker, sent };
  }

  /** A window of MS with no traffic: the broker's idle CPU. */
  async idle(ms: number): Promise<WindowReport> {
    await this.broker.request('start', { mode: 'admit' });
    await new Promise((r) => setTimeout(r, ms));
    return this.broker.request<WindowReport>('stop', { perVantage: false });
  }

  /** Ends both processes. */
  async close(): Promise<void> {
    await Promise.all([this.broker.stop(), this.generator.stop()]);
    LIVE_PROCESSES.delete(this.broker);
    LIVE_PROCESSES.delete(this.generator);
  }
}
