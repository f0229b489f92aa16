/**
 * Reading and writing the project's JSON documents: clear errors on the way in, atomic writes on
 * the way out (a temp file renamed into place, so a crash never leaves half a file).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { InputError } from './errors.js';
import { ensureFolder, fsReason } from './output-path.js';
import { assertValid } from './schemas.js';

/** Reads FILE as JSON; InputError names the file and what is wrong with it. */
export function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? String(e)})`}`);
  }
  return parseJson(text, file);
}

/** Parses TEXT as JSON; InputError names WHAT and the parser's complaint, on one line. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new InputError(`${what}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
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

/** Writes text to FILE atomically, creating its folder; InputError names the file and the reason. */
export async function writeTextAtomic(file: string, text: string): Promise<void> {
  ensureFolder(path.dirname(file));
  try {
    await writeFileAtomic(file, text); // temp file + rename: the previous FILE stays whole on failure
  } catch (e) {
    throw new InputError(`${file}: cannot write (${fsReason(e)})`);
  }
}
