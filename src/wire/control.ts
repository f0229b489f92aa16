/**
 * The control channel of the wire bench: a child process (broker or load generator) reads one JSON
 * request per line on stdin and writes one JSON reply per line on stdout; stderr is its log. The
 * parent side starts the child with `node --import tsx ENTRY` (optionally behind a prefix such as
 * `ip netns exec NS`), sends requests with a bounded wait, and always ends the child it started:
 * closing stdin makes the child exit, and a child that does not exit in time gets SIGKILL by pid.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { oneLine } from '../lib/one-line.js';
import { ROOT } from '../lib/paths.js';

/** One request: an id (echoed in the reply), a command name and its arguments. */
export interface ControlRequest {
  readonly id: number;
  readonly cmd: string;
  readonly args?: unknown;
}

/** One reply: the request's id, and a value or a one-line error. */
export type ControlReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** A command handler of the child side. */
export type Handler = (args: unknown) => Promise<unknown> | unknown;

/** Longest line either side accepts (bounded work on hostile input). */
const MAX_LINE = 64 * 1024 * 1024;

/** What a child may watch of its control channel (the broker counts the channel's own CPU as measurement). */
export interface ControlHooks {
  /** Input arrived on stdin (called before it is split into lines and parsed). */
  readonly onInput?: () => void;
  /** The reply to CMD has been written. */
  readonly onReplied?: (cmd: string) => void;
}

/**
 * Child side: answers requests on stdin with HANDLERS, one at a time, in order; `quit` (or stdin
 * closing) calls ON_QUIT and exits 0.
 */
export function serveControl(
  handlers: Readonly<Record<string, Handler>>,
  onQuit: () => Promise<void> | void,
  hooks: ControlHooks = {},
): void {
  const onInput = hooks.onInput;
  if (onInput) process.stdin.on('data', () => onInput()); // registered first: runs before readline's own listener
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let chain = Promise.resolve();
  const reply = (r: ControlReply) => process.stdout.write(`${JSON.stringify(r)}\n`);
  const quit = async () => {
    await onQuit();
    process.exit(0);
  };
  rl.on('line', (line) => {
    chain = chain.then(async () => {
      let req: ControlRequest;
      try {
        if (line.length > MAX_LINE) throw new Error('request line too long');
        req = JSON.parse(line) as ControlRequest;
        if (typeof req.id !== 'number' || typeof req.cmd !== 'string') throw new Error('request needs id and cmd');
      } catch (e) {
        reply({ id: -1, ok: false, error: oneLine(String((e as Error).message)) });
        return;
      }
      if (req.cmd === 'quit') {
        reply({ id: req.id, ok: true, value: null });
        await quit();
        return;
      }
      const h = Object.hasOwn(handlers, req.cmd) ? handlers[req.cmd] : undefined;
      try {
        if (!h) throw new Error(`unknown command ${req.cmd}`);
        reply({ id: req.id, ok: true, value: (await h(req.args)) ?? null });
      } catch (e) {
        reply({ id: req.id, ok: false, error: oneLine(String((e as Error).message)) });
      }
      hooks.onReplied?.(req.cmd);
    });
  });
  rl.on('close', () => void chain.then(quit));
}

/** Parent side: one child process under control. */
export class ControlledProcess {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private exited = false;
  private readonly log: string[] = [];

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    const rl = createInterface({ input: child.stdout, crlfDelay: Infinity });
    rl.on('line', (line) => {
      let r: ControlReply;
      try {
        r = JSON.parse(line) as ControlReply;
      } catch {
        return; // not a reply: ignored
      }
      const w = this.waiting.get(r.id);
      if (!w) return;
      this.waiting.delete(r.id);
      if (r.ok) w.resolve(r.value);
      else w.reject(new Error(r.error));
    });
    child.stderr.on('data', (d: Buffer) => {
      this.log.push(d.toString('utf8'));
      if (this.log.length > 50) this.log.shift(); // keep the tail only
    });
    child.on('exit', (code, signal) => {
      this.exited = true;
      const why = new Error(`child exited (${signal ?? code}): ${oneLine(this.log.join('').slice(-400))}`);
      for (const w of this.waiting.values()) w.reject(why);
      this.waiting.clear();
    });
  }

  /**
   * Starts ENTRY (a path under the project root) with node NODE_FLAGS --import tsx, behind PREFIX (a command and its
   * args).
   */
  static start(
    entry: string,
    prefix: readonly string[] = [],
    argv: readonly string[] = [],
    nodeFlags: readonly string[] = [],
  ): ControlledProcess {
    const node = [process.execPath, ...nodeFlags, '--import', 'tsx', entry, ...argv];
    const [cmd, ...args] = prefix.length > 0 ? [...prefix, ...node] : node;
    const child = spawn(cmd!, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    return new ControlledProcess(child);
  }

  /** The child's pid (for cleanup by pid). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends CMD with ARGS and waits at most TIMEOUT_MS for the reply. */
  request<T>(cmd: string, args: unknown = null, timeoutMs = 60_000): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`child exited before ${cmd}`));
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`no reply to ${cmd} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.child.stdin.write(`${JSON.stringify({ id, cmd, args })}\n`);
    });
  }

  /** Asks the child to quit, then kills it by pid if it has not exited within GRACE_MS. */
  async stop(graceMs = 3000): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.stdin.end();
    const timer = setTimeout(() => {
      if (!this.exited) this.child.kill('SIGKILL');
    }, graceMs);
    await gone;
    clearTimeout(timer);
  }

  /** Kills the child now (signal handlers, where nothing can be awaited). */
  killNow(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }
}
