/**
 * Builds the XDP limiter (limiter.bpf.c) with clang for BPF at run time, into a cache folder under
 * the system's temporary directory (never committed): one object per source text and defines,
 * written under a temporary name and renamed, so concurrent builds never see half a file.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectPath } from '../../lib/paths.js';

const run = promisify(execFile);

/** The C source of the limiter. */
export const LIMITER_SOURCE = projectPath('src/wire/xdp/limiter.bpf.c');

/** Deliberately wrong buckets for the parity check's mutants (compile-time defines of limiter.bpf.c). */
export const MUTANTS = {
  'burst+1': 'PERFSEC_MUTANT_BURST_PLUS_ONE',
  'rate*2': 'PERFSEC_MUTANT_DOUBLE_RATE',
} as const;

/** A mutant's name. */
export type LimiterMutant = keyof typeof MUTANTS;

/** The folder holding <asm/types.h> for this machine (Debian multiarch), which the kernel headers include. */
function asmInclude(): string[] {
  const multi = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' }[process.arch as string];
  if (multi && existsSync(`/usr/include/${multi}/asm/types.h`)) return [`-I/usr/include/${multi}`];
  const found = readdirSync('/usr/include').find((d) => existsSync(`/usr/include/${d}/asm/types.h`));
  return found ? [`-I/usr/include/${found}`] : [];
}

/** Compiles the limiter (optionally a MUTANT) and returns the object file's path (cached by content). */
export async function buildLimiter(mutant?: LimiterMutant): Promise<string> {
  const source = readFileSync(LIMITER_SOURCE);
  const defines = mutant ? [`-D${MUTANTS[mutant]}`] : [];
  const key = createHash('sha256').update(source).update(defines.join(' ')).digest('hex').slice(0, 16);
  const dir = path.join(tmpdir(), 'perfsec-xdp-cache');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const out = path.join(dir, `limiter-${key}.o`);
  if (existsSync(out)) return out;
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    // -O2: the verifier needs the bounds checks folded as written; -g: BTF, which the spin lock needs
    await run('clang', ['-O2', '-g', '-target', 'bpf', ...defines, ...asmInclude(), '-c', LIMITER_SOURCE, '-o', tmp], {
      timeout: 120_000,
    });
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, { force: true });
    const err = e as { stderr?: string; message: string };
    throw new Error(`clang could not build the XDP limiter: ${(err.stderr || err.message).trim().split('\n')[0]}`, {
      cause: e,
    });
  }
  return out;
}
