/**
 * The `perfsec` command line as a function: builds the commands, runs one invocation, and returns
 * its exit code (0 all holds, 1 something checked failed, 2 bad input, 3 internal error). Errors
 * are one line on stderr. bin/perfsec.js runs it for the shell; tests run it in-process.
 */
import { Command, CommanderError } from 'commander';
import { DomainError } from '../../model/domain-error.js';
import { EXIT, InputError } from '../lib/errors.js';
import { readJson } from '../lib/json-file.js';
import { oneLine } from '../lib/one-line.js';
import { projectPath } from '../lib/paths.js';
import { commanderMessage } from '../lib/redact.js';
import { registerAnnotate } from './commands/annotate.js';
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
import { registerVerify } from './commands/verify.js';
import { registerXdp } from './commands/xdp.js';

const { version } = readJson(projectPath('package.json')) as { version: string };

/** Every command's registration, in the order `perfsec --help` lists them. */
export const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  registerValidate,
  registerReceipts,
  registerSearch,
  registerVerify,
  registerReplay,
  registerDimension,
  registerVectors,
  registerAudit,
  registerAnnotate,
  registerDeriveBfdKey,
  registerConformance,
  registerCalibrate,
  registerReport,
  registerXdp,
];

/** A fresh program (commander keeps parse state, so each run gets its own). */
export function buildProgram(): Command {
  const program = new Command('perfsec')
    .description('Executable specification of draft-melegassi-mvps-perfsec-coupling-00')
    .version(version)
    .showSuggestionAfterError()
    // issue 16 "One safe line": commander's own errors get the same one escaped line as ours, and
    // never the value of an unknown flag or of a key flag (src/lib/redact.ts). Set before the
    // commands are registered: subcommands copy the output settings of their parent.
    .configureOutput({ outputError: (text, write) => write(errorLine(commanderMessage(text))) })
    .exitOverride();
  // issue 16: a command group given no command (`perfsec`, `perfsec vectors`) is bad input, exit 2
  // with one usage line, not commander's help page on stderr. Commander announces that help on every
  // ancestor ('beforeAllHelp' with error set) before printing it.
  program.on('beforeAllHelp', (context: { error: boolean; command: Command }) => {
    if (context.error) throw new InputError(noCommandMessage(context.command));
  });
  for (const register of COMMANDS) register(program);
  const override = (c: Command): void =>
    c.commands.forEach((sub) => {
      sub.exitOverride();
      override(sub);
    });
  override(program);
  return program;
}

/** The one line of an error on stderr (issue 16 "One safe line": control characters escaped). */
export function errorLine(message: string): string {
  return `perfsec: error: ${oneLine(message)}\n`;
}

/** "no command given (usage: perfsec [options] <command>; perfsec --help lists them)". */
function noCommandMessage(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  const full = names.join(' ');
  return (
    `no command given${command.parent ? ` to '${command.name()}'` : ''} ` +
    `(usage: ${full} [options] <command>; ${full} --help lists them)`
  );
}

/** An internal error as one line: its message and where it was thrown; PERFSEC_DEBUG=1 adds the stack. */
function internalLine(e: unknown): string {
  if (!(e instanceof Error)) return `perfsec: internal error: ${oneLine(String(e))}\n`;
  if (process.env.PERFSEC_DEBUG) return `perfsec: internal error: ${e.stack ?? e.message}\n`;
  const at = /\n\s+at (.*)/.exec(e.stack ?? '')?.[1];
  return (
    `perfsec: internal error: ${oneLine(`${e.name}: ${e.message}`)}${at ? ` (at ${oneLine(at)})` : ''}; ` +
    `PERFSEC_DEBUG=1 prints the stack\n`
  );
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
      process.stderr.write(errorLine(e.message));
      return EXIT.usage;
    }
    process.stderr.write(internalLine(e));
    return EXIT.internal;
  } finally {
    process.exitCode = before;
  }
}
