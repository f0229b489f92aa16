/**
 * The `perfsec` command line: one subcommand per job, errors as one line, meaningful exit codes
 * (0 all holds, 1 something checked failed, 2 bad input, 3 internal error).
 */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { DeploymentError } from '../../model/deployment.js';
import { EXIT, InputError } from '../lib/errors.js';
import { projectPath } from '../lib/paths.js';
import { registerDimension } from './commands/dimension.js';
import { registerReceipts } from './commands/receipts.js';
import { registerReplay } from './commands/replay.js';
import { registerSearch } from './commands/search.js';
import { registerValidate } from './commands/validate.js';
import { registerVectors } from './commands/vectors.js';

const { version } = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string };

const program = new Command('perfsec')
  .description('Executable specification of draft-melegassi-mvps-perfsec-coupling-00')
  .version(version)
  .showSuggestionAfterError()
  .exitOverride();
for (const register of [registerValidate, registerReceipts, registerSearch, registerReplay, registerDimension, registerVectors]) {
  register(program);
}
program.commands.forEach((c) => c.exitOverride());

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // commander already printed its one-line message (or the help / version text).
    const benign = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(e.code);
    process.exitCode = benign ? EXIT.ok : EXIT.usage;
  } else if (e instanceof InputError || e instanceof DeploymentError) {
    process.stderr.write(`perfsec: error: ${e.message}\n`);
    process.exitCode = EXIT.usage;
  } else {
    process.stderr.write(`perfsec: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = EXIT.internal;
  }
}
