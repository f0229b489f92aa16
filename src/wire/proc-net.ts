/**
 * The kernel's UDP drop counters, read from procfs: the namespace-wide `Udp:` line of
 * /proc/net/snmp (InErrors, RcvbufErrors: datagrams dropped because a socket's receive buffer was
 * full) and the per-socket `drops` column of /proc/net/udp for one local port. Where procfs is
 * absent the counters read as zero and `available` says so.
 */
import { readFileSync } from 'node:fs';

/** UDP counters of the network namespace. */
export interface UdpCounters {
  readonly available: boolean;
  readonly inDatagrams: number;
  readonly inErrors: number;
  readonly rcvbufErrors: number;
}

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Parses the `Udp:` header and value lines of /proc/net/snmp text. */
export function parseSnmpUdp(text: string): UdpCounters {
  const lines = text.split('\n').filter((l) => l.startsWith('Udp: '));
  if (lines.length < 2) return { available: false, inDatagrams: 0, inErrors: 0, rcvbufErrors: 0 };
  const names = lines[0]!.trim().split(/\s+/);
  const values = lines[1]!.trim().split(/\s+/);
  const get = (k: string) => {
    const v = Number(values[names.indexOf(k)]);
    return Number.isSafeInteger(v) && v >= 0 ? v : 0;
  };
  return {
    available: true,
    inDatagrams: get('InDatagrams'),
    inErrors: get('InErrors'),
    rcvbufErrors: get('RcvbufErrors'),
  };
}

/** The namespace's UDP counters now. */
export function udpCounters(): UdpCounters {
  const t = read('/proc/net/snmp');
  return t === null ? { available: false, inDatagrams: 0, inErrors: 0, rcvbufErrors: 0 } : parseSnmpUdp(t);
}

/** Sums the `drops` column of /proc/net/udp rows whose local port is PORT. */
export function parseUdpDrops(text: string, port: number): number {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  let drops = 0;
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 13 || !f[1]!.endsWith(`:${hexPort}`)) continue;
    const d = Number(f[f.length - 1]);
    if (Number.isSafeInteger(d) && d >= 0) drops += d;
  }
  return drops;
}

/** Drops counted on the UDP socket(s) bound to local PORT (0 when procfs is absent). */
export function socketDrops(port: number): number {
  const t = read('/proc/net/udp');
  return t === null ? 0 : parseUdpDrops(t, port);
}
