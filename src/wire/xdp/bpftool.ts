/**
 * The few bpftool calls the XDP limiter needs, with JSON output: a program's statistics and maps,
 * a map's contents, and map updates run as one `bpftool batch` (one process for thousands of
 * entries). Keys and values are written as bytes in this machine's byte order, as the program reads them.
 */
import { execFile } from 'node:child_process';
import { writeFileSync, rmSync } from 'node:fs';
import { endianness, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs bpftool with JSON output and parses it; errors become one line. */
export async function bpftool<T>(...args: string[]): Promise<T> {
  try {
    const { stdout } = await run('bpftool', ['--json', ...args], { timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
    return JSON.parse(stdout) as T;
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string; message: string };
    const text = (err.stderr || err.stdout || err.message).trim().split('\n')[0];
    throw new Error(`bpftool ${args.slice(0, 3).join(' ')}: ${text}`, { cause: e });
  }
}

/** An unsigned integer as BYTES bytes in host order, as bpftool's `hex` words ("01 00 00 00"). */
export function hexBytes(value: bigint, bytes: number): string {
  const b = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) b[i] = Number((value >> BigInt(8 * i)) & 0xffn);
  if (endianness() === 'BE') b.reverse();
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join(' ');
}

/** Bytes as bpftool prints them in `--json` dumps ("0x01" strings) back to an unsigned integer in host order. */
export function fromHexBytes(words: readonly string[]): bigint {
  const b = words.map((w) => Number.parseInt(w, 16));
  if (endianness() === 'BE') b.reverse();
  return b.reduceRight((acc, x) => (acc << 8n) | BigInt(x), 0n);
}

/** A program's kernel statistics (they stay 0 while kernel.bpf_stats_enabled is 0). */
export async function progStats(id: number): Promise<{ run_cnt: number; run_time_ns: number }> {
  const p = await bpftool<{ run_cnt?: number; run_time_ns?: number }>('prog', 'show', 'id', `${id}`);
  return { run_cnt: p.run_cnt ?? 0, run_time_ns: p.run_time_ns ?? 0 };
}

/** A program's map ids by map name. */
export async function progMaps(id: number): Promise<Map<string, number>> {
  const p = await bpftool<{ map_ids?: number[] }>('prog', 'show', 'id', `${id}`);
  const maps = new Map<string, number>();
  for (const m of p.map_ids ?? []) maps.set((await bpftool<{ name: string }>('map', 'show', 'id', `${m}`)).name, m);
  return maps;
}

/** Runs `map update id MAP key hex K value hex V` for every entry, as one bpftool batch. */
export async function mapUpdates(map: number, entries: ReadonlyArray<readonly [string, string]>): Promise<void> {
  const file = path.join(tmpdir(), `perfsec-bpftool-${process.pid}-${map}.batch`);
  writeFileSync(file, entries.map(([k, v]) => `map update id ${map} key hex ${k} value hex ${v}\n`).join(''), {
    mode: 0o600,
  });
  try {
    await run('bpftool', ['batch', 'file', file], { timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`bpftool batch (map ${map}): ${(err.stderr || err.message).trim().split('\n')[0]}`, { cause: e });
  } finally {
    rmSync(file, { force: true });
  }
}

/** One entry of a `map dump --json`: key and value bytes, or per-CPU values. */
export interface DumpEntry {
  readonly key: string[];
  readonly value?: string[];
  readonly values?: Array<{ cpu: number; value: string[] }>;
}

/** Every entry of a map. */
export function mapDump(map: number): Promise<DumpEntry[]> {
  return bpftool<DumpEntry[]>('map', 'dump', 'id', `${map}`);
}
