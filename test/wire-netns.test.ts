/**
 * src/wire/netns.ts: a namespace and a veth pair that carry UDP from inside the namespace to the
 * host end, removed afterwards, when the function throws, and when the process gets SIGTERM. Runs as
 * root (CI); elsewhere the suite is skipped with netnsSupport's one-line reason.
 */
import { execFileSync, spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../src/lib/paths.js';
import { netnsSupport, withVethPair } from '../src/wire/netns.js';

const support = netnsSupport();
const why = support.ok ? '' : ` (skipped: ${support.why})`;

const namespaces = (): string => execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
const subnet30 = (ip: string): number => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0) >>> 2;
const links = (): string => execFileSync('ip', ['-br', 'link'], { encoding: 'utf8' });

describe('netnsSupport', () => {
  test('says ok, or why not in one line', () => {
    if (!support.ok) expect(support.why).toMatch(/^[^\n]+$/);
    else expect(support).toEqual({ ok: true });
  });
});

describe.skipIf(!support.ok)(`withVethPair${why}`, () => {
  test('a datagram sent inside the namespace reaches the host end; both are gone afterwards', async () => {
    let seen: { ns: string; hostIf: string } | undefined;
    const got = await withVethPair(async (p) => {
      seen = p;
      expect(p.hostIf.length).toBeLessThanOrEqual(15);
      expect(namespaces()).toContain(p.ns);
      const sock = dgram.createSocket('udp4');
      await new Promise<void>((r) => sock.bind(0, p.hostIp, () => r()));
      const message = new Promise<string>((r) =>
        sock.once('message', (m, from) => r(`${m.toString()} ${from.address}`)),
      );
      const port = sock.address().port;
      const script = `const s = require('dgram').createSocket('udp4');
        s.send('hi', ${port}, '${p.hostIp}', () => s.close())`;
      execFileSync('ip', ['netns', 'exec', p.ns, process.execPath, '-e', script]);
      const m = await message;
      sock.close();
      return `${m} ${p.nsIp}`;
    });
    const [text, from, nsIp] = got.split(' ');
    expect(text).toBe('hi');
    expect(from).toBe(nsIp); // it came over the pair, from the namespace end
    expect(namespaces()).not.toContain(seen!.ns);
    expect(links()).not.toContain(seen!.hostIf);
  });

  test('two pairs at once get different names and subnets; a throwing function still removes its pair', async () => {
    let names: string[] = [];
    await expect(
      withVethPair((a) =>
        withVethPair(async (b) => {
          names = [a.ns, b.ns, a.hostIf, b.hostIf];
          expect(new Set(names).size).toBe(4);
          expect(subnet30(a.hostIp)).toBe(subnet30(a.nsIp));
          expect(subnet30(a.hostIp)).not.toBe(subnet30(b.hostIp));
          throw new Error('boom');
        }),
      ),
    ).rejects.toThrow('boom');
    const left = namespaces() + links();
    for (const n of names) expect(left).not.toContain(n);
  });

  test('SIGTERM while a pair exists removes it before the process ends', async () => {
    const script =
      "import { withVethPair } from './src/wire/netns.ts';" +
      'await withVethPair(async (p) => { console.log(p.ns + " " + p.hostIf); ' +
      'await new Promise(() => setInterval(() => {}, 1000)); });';
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT });
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim()));
      child.once('exit', () => reject(new Error('child exited before creating a pair')));
    });
    const [ns, hostIf] = line.split(' ') as [string, string];
    expect(namespaces()).toContain(ns);
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(128 + 15); // it still ends, as a shell reports SIGTERM
    expect(namespaces()).not.toContain(ns);
    expect(links()).not.toContain(hostIf);
  });
});
