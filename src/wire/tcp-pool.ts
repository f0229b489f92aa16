/**
 * The load generator's TCP connections to the broker (paths A and C), opened once per target and
 * count and kept between jobs: a vantage's snapshot stream is long-lived (draft §3.1 path A), so a
 * measurement window holds the steady stream only, not the broker's accept, socket set-up and
 * teardown (which a window of one checkpoint a second would otherwise be mostly made of). A set with
 * a closed or failed connection is replaced whole on the next job.
 */
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';

/** Where the broker accepts TCP connections. */
export interface TcpTarget {
  readonly host: string;
  readonly tcpPort: number;
}

/** Connection sets by target and count; errors counted across jobs (a job reports its own difference). */
export class TcpPool {
  private readonly sets = new Map<string, Socket[]>();
  /** Socket errors seen so far. */
  errors = 0;

  /** COUNT open connections to TARGET: the kept ones while all are writable, else new ones. */
  async get(target: TcpTarget, count: number): Promise<Socket[]> {
    const key = `${target.host}:${target.tcpPort}:${count}`;
    const kept = this.sets.get(key);
    if (kept && kept.every((s) => !s.destroyed && s.writable)) return kept;
    kept?.forEach((s) => s.destroy());
    this.sets.delete(key);
    const conns: Socket[] = [];
    try {
      for (let c = 0; c < count; c++) {
        const s = connect(target.tcpPort, target.host);
        s.setNoDelay(true);
        s.on('error', () => {
          this.errors++;
          s.destroy(); // the set is replaced on the next job
        });
        conns.push(s);
        await once(s, 'connect');
      }
    } catch (e) {
      conns.forEach((s) => s.destroy());
      throw e;
    }
    this.sets.set(key, conns);
    return conns;
  }

  /** Waits until everything written to CONNS has been handed to the kernel. */
  static async flushed(conns: readonly Socket[]): Promise<void> {
    await Promise.all(
      conns.map((s) => (s.destroyed ? undefined : new Promise<void>((r) => s.write(new Uint8Array(0), () => r())))),
    );
  }

  /** Ends every kept connection. */
  async closeAll(): Promise<void> {
    const all = [...this.sets.values()].flat();
    this.sets.clear();
    await Promise.all(all.map((s) => new Promise<void>((r) => (s.destroyed ? r() : s.end(() => r())))));
  }
}
