/**
 * Runs `perfsec` in-process for tests (the spawn of a new node per call costs a second each):
 * captures stdout and stderr, pins the seed, returns the exit code. test/cli.test.ts keeps a few
 * real spawns of bin/perfsec.js for the wiring.
 */
import { runCli } from '../src/cli/program.js';

/** One in-process invocation. */
export async function perfsec(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const writeOut = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  const seed = process.env.PERFSEC_SEED;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  process.env.PERFSEC_SEED = '7';
  try {
    const code = await runCli(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    if (seed === undefined) delete process.env.PERFSEC_SEED;
    else process.env.PERFSEC_SEED = seed;
  }
}
