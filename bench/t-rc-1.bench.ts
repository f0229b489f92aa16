/**
 * Throughput of the T-RC-1 broker (draft §5): decode and verify one BFD push, one CWT snapshot, and
 * one adversary run of 30 commands. Speed is measured here, never asserted in tests.
 */
import { bench, describe } from 'vitest';
import { signBfd } from '../model/bfd/auth.js';
import { honestPush } from '../model/bfd/honest-push.js';
import { DEFAULT_READING, faithfulBroker, sessionId } from '../model/broker.js';
import { signSnapshot } from '../model/snapshot.js';
import { commandsOf, runWorld } from '../properties/t-rc-1/commands.js';
import { noDoubleAccept } from '../properties/t-rc-1/observers.js';
import { brokerConfig } from '../properties/t-rc-1/world.js';

const params = { overlapMs: 200, lifetimeMs: 300, v1Sessions: 1 as const };
const config = brokerConfig(params);
const session = config.sessions[0]!;
const push = (seq: number) => signBfd(honestPush(session, seq), config.keys.bfd(sessionId(session), 0)!);
const pushes = Array.from({ length: 1000 }, (_, i) => push(i + 1));
const snapshots = Array.from({ length: 1000 }, (_, i) =>
  signSnapshot(
    { vantage_id: 'v1', epoch_id: 0, counter: i, expires_at: 900, payload: `p${i}` },
    config.keys.cwt('v1', 0)!,
  ),
);
const run = commandsOf(
  Array.from({ length: 30 }, (_, i) =>
    i % 3 === 0
      ? { op: 'emit', v: i % 2, path: i % 2 ? 'A' : 'B', s: 0 }
      : i % 3 === 1
        ? { op: 'deliver', i }
        : { op: 'replay', i },
  ),
);

describe('T-RC-1 broker', () => {
  bench('1000 in-order BFD pushes (decode, HMAC-SHA256, (a))', () => {
    const b = faithfulBroker(config);
    for (const p of pushes) b.receivePush(p, 10);
  });
  bench('1000 in-order CWT snapshots (JSON + schema, HMAC-SHA256, (b), (c))', () => {
    const b = faithfulBroker(config);
    for (const s of snapshots) b.receiveSnapshot(s, 10);
  });
  bench('one adversary run of 30 commands with its observer', () => {
    runWorld(faithfulBroker, DEFAULT_READING, params, run, noDoubleAccept());
  });
});
