/**
 * Entry of the `perfsec` command for the shell (bin/perfsec.js): runs src/cli/program.ts on the
 * process arguments and exits with its code.
 */
import { runCli } from './program.js';

/**
 * issue 16 "One safe line": a reader that stops early (`perfsec search --list | head -1`) closes
 * the pipe; the next write fails with EPIPE. Nobody is left to read, so the command ends quietly
 * with exit 0 instead of an unhandled 'error' event and its stack.
 */
export function endQuietlyOnEpipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e; // any other failure of stdout stays loud
  });
}

endQuietlyOnEpipe(process.stdout);
process.exitCode = await runCli(process.argv.slice(2));
