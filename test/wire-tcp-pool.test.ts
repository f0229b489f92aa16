/**
 * The load generator's long-lived TCP connections (src/wire/tcp-pool.ts): a second job to the same
 * target reuses the set, so a window holds no accept or teardown; a set with a closed connection is
 * replaced whole; everything written is handed to the kernel before a job reports; closeAll ends
 * them. A local server counts the connections it accepts.
 */
import { once } from 'node:events';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TcpPool } from '../src/wire/tcp-pool.js';

const accepted: Socket[] = [];
let received = 0;
const server = createServer((s) => {
  accepted.push(s);
  s.on('data', (c: Buffer) => (received += c.length));
  s.on('error', () => undefined);
});
let target: { host: string; tcpPort: number };

beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  target = { host: '127.0.0.1', tcpPort: (server.address() as AddressInfo).port };
});
afterAll(async () => {
  accepted.forEach((s) => s.destroy());
  await new Promise((r) => server.close(r));
});

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('long-lived generator connections', () => {
  test('the same target and count reuse one set; another count is a set of its own', async () => {
    const pool = new TcpPool();
    const a = await pool.get(target, 4);
    const b = await pool.get(target, 4);
    expect(b).toBe(a);
    const one = await pool.get(target, 1);
    expect(one).toHaveLength(1);
    await until(() => accepted.length >= 5);
    expect(accepted).toHaveLength(5);
    await pool.closeAll();
  });

  test('a set with a closed connection is replaced whole', async () => {
    const pool = new TcpPool();
    const before = accepted.length;
    const a = await pool.get(target, 2);
    a[0]!.destroy();
    const b = await pool.get(target, 2);
    expect(b).not.toBe(a);
    expect(b.every((s) => !s.destroyed)).toBe(true);
    expect(a[1]!.destroyed).toBe(true);
    await until(() => accepted.length >= before + 4);
    expect(accepted.length - before).toBe(4);
    await pool.closeAll();
  });

  test('flushed waits until the bytes are handed over; closeAll ends every connection', async () => {
    const pool = new TcpPool();
    const [s] = await pool.get(target, 1);
    const start = received;
    s!.write(Buffer.alloc(100_000, 7));
    await TcpPool.flushed([s!]);
    expect(s!.writableLength).toBe(0);
    await until(() => received - start >= 100_000);
    expect(received - start).toBe(100_000);
    await pool.closeAll();
    expect(s!.writableEnded).toBe(true);
  });
});
