/**
 * Reading and writing the project's JSON documents: clear errors on the way in, atomic writes on
 * the way out (a temp file renamed into place, so a crash never leaves half a file). Every JSON
 * input of the project goes through parseJson/readJson (issue 16: one reader, one set of rules).
 */
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { InputError } from './errors.js';
import { checkJsonSyntax } from './json-syntax.js';
import { checkWritableTarget, ensureFolder, fsReason } from './output-path.js';
import { readInputText } from './read-file.js';
import { assertValid } from './schemas.js';

/**
 * Reads regular file FILE (at most 16 MiB, src/lib/read-file.ts) as JSON; InputError names the file and what is wrong
 * with it.
 */
export function readJson(file: string): unknown {
  return parseJson(readInputText(file), file);
}

/**
 * Parses TEXT as JSON; InputError names WHAT and the problem, on one line: a syntax error or a
 * duplicate key with its place (src/lib/json-syntax.ts), never a quote of the text (it may hold
 * key material). Duplicate keys are refused, not "last one wins" (issue 16).
 */
export function parseJson(text: string, what: string): unknown {
  checkJsonSyntax(text, what);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // json-syntax accepted it, JSON.parse did not: say so without quoting V8's message (it quotes the text).
    throw new InputError(`${what}: not valid JSON`);
  }
}

/** Parses TEXT as JSON and validates it against schema NAME. */
export function parseValidated<T>(text: string, schema: string, what: string): T {
  return assertValid<T>(schema, parseJson(text, what), what);
}

/** Reads FILE and validates it against schema NAME. */
export function readValidated<T>(file: string, schema: string): T {
  return assertValid<T>(schema, readJson(file), file);
}

/** The canonical text of a JSON document the project writes: two-space indent, final newline. */
export function jsonText(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Writes DATA as JSON to FILE atomically, creating its folder. */
export async function writeJsonAtomic(file: string, data: unknown): Promise<void> {
  await writeTextAtomic(file, jsonText(data));
}

/**
 * Writes text to FILE atomically, creating its folder; InputError names the file and the reason.
 * issue 16 "Outputs are regular files": an existing FILE must be a regular file, checked again here
 * (the check when the flag was parsed cannot see files a command names later, nor a FIFO made since):
 * the temp-and-rename would otherwise replace a device or a FIFO with a regular file.
 */
export async function writeTextAtomic(file: string, text: string): Promise<void> {
  checkWritableTarget(file);
  ensureFolder(path.dirname(file));
  try {
    await writeFileAtomic(file, text); // temp file + rename: the previous FILE stays whole on failure
  } catch (e) {
    throw new InputError(`${file}: cannot write (${fsReason(e)})`);
  }
}
