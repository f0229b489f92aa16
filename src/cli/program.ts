/**
 * The `perfsec` command line as a function: builds the commands, runs one invocation, and returns
 * its exit code (0 all holds, 1 something checked failed, 2 bad input, 3 internal error). Errors
 * are one line on stderr. bin/perfsec.js runs it for the shell; tests run it in-process.
 */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { DomainError } from '../../model/domain-error.js';
import { EXIT, InputError } from '../lib/errors.js';
import { projectPath } from '../lib/paths.js';
import { registerAudit } from './commands/audit.js';
import { registerCalibrate } from './commands/calibrate.js';
import { registerConformance } from './commands/conformance.js';
import { registerDeriveBfdKey } from './commands/derive-bfd-key.js';
import { registerDimension } from './commands/dimension.js';
import { registerReceipts } from './commands/receipts.js';
import { registerReplay } from './commands/replay.js';
import { registerReport } from './commands/report.js';
import { registerSearch } from './commands/search.js';
import { registerValidate } from './commands/validate.js';
import { registerVectors } from './commands/vectors.js';

const { version } = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string };

/** Every command's registration, in the order `perfsec --help` lists them. */
export const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  registerValidate, registerReceipts, registerSearch, registerReplay, registerDimension, registerVectors,
  registerAudit, registerDeriveBfdKey, registerConformance, registerCalibrate, registerReport,
];

/** A fresh program (commander keeps parse state, so each run gets its own). */
export function buildProgram(): Command {
  const program = new Command('perfsec')
    .description('Executable specification of draft-melegassi-mvps-perfsec-coupling-00')
    .version(version)
    .showSuggestionAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  const override = (c: Command): void => c.commands.forEach((sub) => { sub.exitOverride(); override(sub); });
  override(program);
  return program;
}

/** Runs one invocation with ARGS (no node, no script name); returns its exit code. */
export async function runCli(args: readonly string[]): Promise<number> {
  const before = process.exitCode;
  process.exitCode = undefined; // commands report a failed check through process.exitCode
  try {
    await buildProgram().parseAsync([...args], { from: 'user' });
    return Number(process.exitCode ?? EXIT.ok);
  } catch (e) {
    if (e instanceof CommanderError) {
      // commander already printed its one-line message (or the help / version text).
      return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(e.code) ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof InputError || e instanceof DomainError) {
      process.stderr.write(`perfsec: error: ${e.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`perfsec: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.internal;
  } finally {
    process.exitCode = before;
  }
}
