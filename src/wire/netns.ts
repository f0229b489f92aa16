/**
 * A network namespace with a veth pair for the wire bench (issue 20): the host end stays in the
 * root namespace, the peer end moves into the namespace, each with one address of a /30. A load
 * generator started with `ip netns exec NS ...` then reaches a broker listening on the host end
 * only through the veth pair, where an XDP program (src/wire/xdp.ts) can sit in front of it.
 * Names are unique per process (pid and a counter); the namespace and both ends are removed when
 * the function returns or throws, and on exit, SIGINT or SIGTERM.
 */
import { execFile, spawnSync } from 'node:child_process';
import { constants as osConstants } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One namespace and its veth pair (all names and addresses as `ip` spells them). */
export interface VethPair {
  /** Network namespace name (`ip netns exec NS ...`). */
  readonly ns: string;
  /** The veth end in the root namespace (where the XDP limiter attaches). */
  readonly hostIf: string;
  /** The veth end inside NS. */
  readonly nsIf: string;
  /** The host end's IPv4 address (no prefix). */
  readonly hostIp: string;
  /** The namespace end's IPv4 address (no prefix). */
  readonly nsIp: string;
}

/** Whether this process can create namespaces and veth pairs, or why not (one line). */
export function netnsSupport(): { ok: true } | { ok: false; why: string } {
  if (process.platform !== 'linux')
    return { ok: false, why: `network namespaces need Linux (this is ${process.platform})` };
  if (typeof process.getuid === 'function' && process.getuid() !== 0)
    return { ok: false, why: 'network namespaces need root (run as root or in CI)' };
  const ip = spawnSync('ip', ['-V'], { encoding: 'utf8', timeout: 5000 });
  if (ip.error || ip.status !== 0) return { ok: false, why: 'the `ip` command (iproute2) is not installed' };
  probed ??= probe();
  return probed;
}

let probed: { ok: true } | { ok: false; why: string } | undefined;

/** Root may still lack CAP_SYS_ADMIN / CAP_NET_ADMIN (a container): create and remove a namespace with a veth pair. */
function probe(): { ok: true } | { ok: false; why: string } {
  const ns = `perfsec-probe-${process.pid.toString(36)}`;
  try {
    for (const args of [
      ['netns', 'add', ns],
      ['-n', ns, 'link', 'add', 'p0', 'type', 'veth', 'peer', 'name', 'p1'],
    ]) {
      const r = spawnSync('ip', args, { encoding: 'utf8', timeout: 10_000 });
      if (r.error || r.status !== 0) {
        const why = (r.stderr || String(r.error ?? '')).trim().split('\n')[0];
        return { ok: false, why: `cannot create a network namespace with a veth pair here: ${why}` };
      }
    }
    return { ok: true };
  } finally {
    spawnSync('ip', ['netns', 'del', ns], { stdio: 'ignore', timeout: 10_000 });
  }
}

/** Pairs created by this process and not yet removed (removed again on exit and on signals). */
const live = new Set<VethPair>();
let counter = 0;
let hooked = false;

/** Removes NS (which removes the peer end and with it the pair) and the host end, ignoring what is already gone. */
function removeSync(p: VethPair): void {
  spawnSync('ip', ['netns', 'del', p.ns], { stdio: 'ignore', timeout: 10_000 });
  spawnSync('ip', ['link', 'del', p.hostIf], { stdio: 'ignore', timeout: 10_000 });
  live.delete(p);
}

/**
 * SIGINT/SIGTERM: the pairs go at once. When another handler is listening (a bench that ends its child processes
 * first), it decides when to exit; otherwise exit as the shell reports a signal (128 + its number), which still runs
 * every 'exit' handler (kernel.bpf_stats_enabled is restored there, src/wire/xdp/bpf-stats.ts).
 */
function onSignal(sig: NodeJS.Signals): void {
  for (const p of [...live]) removeSync(p);
  if (process.listenerCount(sig) > 1) return;
  process.exit(128 + (osConstants.signals[sig] ?? 0));
}

function hookCleanup(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => [...live].forEach(removeSync));
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** IPv4 addresses present on this host (root namespace). */
async function usedAddresses(): Promise<Set<string>> {
  const { stdout } = await run('ip', ['-j', '-4', 'addr', 'show'], { timeout: 10_000 });
  const links = JSON.parse(stdout) as Array<{ addr_info?: Array<{ local?: string }> }>;
  return new Set(links.flatMap((l) => (l.addr_info ?? []).map((a) => a.local ?? '')));
}

/** A free /30 in 10.213.0.0/16 (16 384 subnets), starting from one derived from the pid and counter. */
async function freeSubnet(n: number): Promise<{ hostIp: string; nsIp: string }> {
  const used = await usedAddresses();
  const start = (process.pid * 37 + n) % 16384;
  for (let k = 0; k < 16384; k++) {
    const s = (start + k) % 16384;
    const base = s * 4; // the /30's network address, offset inside 10.213.0.0/16
    const addr = (off: number): string => `10.213.${(base + off) >> 8}.${(base + off) & 255}`;
    if (!used.has(addr(1)) && !used.has(addr(2))) return { hostIp: addr(1), nsIp: addr(2) };
  }
  throw new Error('no free /30 left in 10.213.0.0/16');
}

async function ip(...args: string[]): Promise<void> {
  await run('ip', args, { timeout: 10_000 });
}

/** Creates a namespace and a veth pair with /30 addresses, both ends up (IPv6 off: no stray router solicitations). */
async function create(): Promise<VethPair> {
  const n = counter++;
  const tag = `${process.pid.toString(36)}${n.toString(36)}`; // unique per process and call
  const { hostIp, nsIp } = await freeSubnet(n);
  // interface names must fit IFNAMSIZ (15 characters)
  const p: VethPair = {
    ns: `perfsec-${tag}`,
    hostIf: `pfh${tag}`.slice(0, 15),
    nsIf: `pfn${tag}`.slice(0, 15),
    hostIp,
    nsIp,
  };
  hookCleanup();
  live.add(p); // registered before the first command, so a half-built pair is removed on a signal too
  try {
    await build(p);
  } catch (e) {
    removeSync(p);
    throw e;
  }
  return p;
}

async function build(p: VethPair): Promise<void> {
  await ip('netns', 'add', p.ns);
  await ip('link', 'add', p.hostIf, 'type', 'veth', 'peer', 'name', p.nsIf);
  await ip('link', 'set', p.nsIf, 'netns', p.ns);
  await run('sysctl', ['-q', '-w', `net.ipv6.conf.${p.hostIf}.disable_ipv6=1`]).catch(() => undefined);
  await ip('addr', 'add', `${p.hostIp}/30`, 'dev', p.hostIf);
  await ip('link', 'set', p.hostIf, 'up');
  await ip('-n', p.ns, 'addr', 'add', `${p.nsIp}/30`, 'dev', p.nsIf);
  await ip('-n', p.ns, 'link', 'set', p.nsIf, 'up');
  await ip('-n', p.ns, 'link', 'set', 'lo', 'up');
}

/**
 * Runs FN with a fresh namespace and veth pair (see {@link VethPair}) and removes both afterwards,
 * whether FN resolves or throws (and on exit or SIGINT/SIGTERM while it runs).
 */
export async function withVethPair<T>(fn: (p: VethPair) => Promise<T>): Promise<T> {
  const why = netnsSupport();
  if (!why.ok) throw new Error(why.why);
  const pair = await create();
  try {
    return await fn(pair);
  } finally {
    removeSync(pair);
  }
}
