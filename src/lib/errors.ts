/**
 * Errors the command line reports as one line and a non-zero exit.
 */

/** Bad input from the user: an argument, a file, a document. Exit code 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** A file the user named that cannot be read as it is: "FILE: REASON", with both kept for callers that rephrase it. */
export class FileInputError extends InputError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** Exit codes of the `perfsec` command, documented in the README. */
export const EXIT = {
  /** Everything checked holds. */
  ok: 0,
  /** A check failed, a search found a counterexample, a vector disagreed, a replay did not reproduce. */
  failed: 1,
  /** Bad input: unknown flag, missing or malformed file, out-of-range value. */
  usage: 2,
  /** The tool itself broke (a bug): an unexpected exception. */
  internal: 3,
} as const;
