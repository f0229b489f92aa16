/**
 * Entry of the `perfsec` command for the shell (bin/perfsec.js): runs src/cli/program.ts on the
 * process arguments and exits with its code.
 */
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv.slice(2));
