/**
 * The wire broker as a process: `node --import tsx src/wire/broker-main.ts [HOST]` binds on HOST
 * (default 127.0.0.1) and answers JSON-line requests on stdin (src/wire/control.ts): `ports`,
 * `configure` (a BrokerSetup), `start` ({ mode }), `peek` (packets received so far per path),
 * `stop` ({ perVantage }) -> WindowReport,
 * `quit`. Its log goes to stderr; it exits when stdin closes.
 */
import { isIP } from 'node:net';
import { DEFAULT_POLICY, type RateLimitPolicy } from '../../model/token-bucket.js';
import { WireBroker, type BrokerSetup } from './broker.js';
import { serveControl } from './control.js';
import type { WindowMode } from './window-report.js';

const host = process.argv[2] ?? '127.0.0.1';
if (isIP(host) !== 4) {
  process.stderr.write('broker: HOST must be an IPv4 address\n');
  process.exit(2);
}

function setupOf(a: unknown): BrokerSetup {
  const o = (a ?? {}) as Record<string, unknown>;
  const num = (k: string, d: number) => {
    const v = o[k] ?? d;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`configure: ${k} must be a finite number`);
    return v;
  };
  const policy = o.policy === null || o.policy === undefined ? null : (o.policy as RateLimitPolicy);
  return {
    n: num('n', 1),
    tickMs: num('tickMs', 50),
    policy,
    coalition: num('coalition', 0),
    sampleEvery: num('sampleEvery', 16),
  };
}

const broker = await WireBroker.listen(host, {
  n: 1,
  tickMs: 50,
  policy: DEFAULT_POLICY,
  coalition: 0,
  sampleEvery: 16,
});
serveControl(
  {
    ports: () => broker.ports(),
    configure: (a) => {
      broker.configure(setupOf(a));
      return broker.ports();
    },
    start: (a) => {
      const mode = ((a ?? {}) as { mode?: unknown }).mode;
      if (mode !== 'admit' && mode !== 'receive-only') throw new Error('start: mode must be admit or receive-only');
      broker.startWindow(mode as WindowMode);
      return null;
    },
    peek: () => broker.received(),
    stop: (a) => broker.stopWindow(((a ?? {}) as { perVantage?: unknown }).perVantage === true),
  },
  () => broker.close(),
  // the channel's own CPU around a window's start and stop is measurement overhead (window_overhead_us)
  { onInput: () => broker.controlInput(), onReplied: (cmd) => cmd === 'start' && broker.startReplied() },
);
