/**
 * Where the command line writes: output folders and files, checked before the work starts and
 * created one level at a time when it ends. An output file that exists must be a regular file
 * (issue 16, "Outputs are regular files"): the atomic write renames a temp file over its target,
 * so `--out /dev/null` or a FIFO would be replaced by a regular file. Node's `mkdir(..., { recursive: true })`
 * spins for ever when a file system answers ENOENT under a parent that exists (a path under /proc), so the
 * folders are made here with plain `mkdir`, each failure a one-line InputError.
 */
import { accessSync, constants, mkdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { InputError } from './errors.js';
import { fileKind } from './read-file.js';

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a parent is not a folder',
  EEXIST: 'a file or a dangling link is in the way',
  EISDIR: 'is a folder',
  ENAMETOOLONG: 'name too long',
  ELOOP: 'too many symbolic links',
  ENOENT: 'the file system does not allow it here',
};

/** A file-system error as a short reason ("permission denied", else its code). */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return (code && REASONS[code]) ?? code ?? String(e);
}

function statOrNull(p: string): Stats | null {
  try {
    return statSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new InputError(`${p}: ${fsReason(e)}`);
  }
}

/** The folders of DIR that do not exist yet, outermost first; InputError when a part is a file. */
function missingFolders(dir: string): string[] {
  const missing: string[] = [];
  const target = path.resolve(dir);
  for (let p = target; ; p = path.dirname(p)) {
    const st = statOrNull(p);
    if (st?.isDirectory()) return missing.reverse();
    if (st) throw new InputError(p === target ? `${dir}: not a folder` : `${dir}: ${p} is not a folder`);
    if (path.dirname(p) === p) throw new InputError(`${dir}: no such file system root`);
    missing.push(p);
  }
}

/** Checks, without writing anything, that output folder DIR exists or can be made; returns DIR. */
export function checkOutputFolder(dir: string): string {
  if (dir.trim() === '') throw new InputError('the output folder is empty');
  const missing = missingFolders(dir);
  const existing = missing.length ? path.dirname(missing[0]!) : path.resolve(dir);
  try {
    accessSync(existing, constants.W_OK);
  } catch (e) {
    throw new InputError(`${dir}: cannot write in ${existing} (${fsReason(e)})`);
  }
  return dir;
}

/**
 * Throws unless FILE is absent or a regular file (symbolic links followed: a link to /dev/null is
 * /dev/null). A folder, a device, a FIFO or a socket is refused with one line naming what it is.
 */
export function checkWritableTarget(file: string): void {
  const st = statOrNull(file);
  if (!st || st.isFile()) return;
  if (st.isDirectory()) throw new InputError(`${file}: is a folder, not a file`);
  throw new InputError(`${file}: is ${fileKind(st)}, not a regular file (perfsec writes only regular files)`);
}

/** Checks, without writing anything, that FILE can be written (absent or a regular file; its folder can be made). */
export function checkOutputFile(file: string): string {
  if (file.trim() === '') throw new InputError('the output file is empty');
  checkWritableTarget(file);
  checkOutputFolder(path.dirname(file));
  return file;
}

/**
 * Checks, without writing anything, that a command can write NAMES into folder DIR: DIR can be
 * made and none of the names is already something other than a regular file. For commands that
 * know their file names before the work starts (receipts, vectors export, report).
 */
export function checkOutputFilesIn(dir: string, names: readonly string[]): void {
  checkOutputFolder(dir);
  for (const name of names) checkWritableTarget(path.join(dir, name));
}

/** Makes folder DIR and its missing parents, one level at a time; InputError names what failed. */
export function ensureFolder(dir: string): void {
  for (const p of missingFolders(dir)) {
    try {
      mkdirSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && statOrNull(p)?.isDirectory()) continue; // made meanwhile
      throw new InputError(`${dir}: cannot create ${p} (${fsReason(e)})`);
    }
  }
}
