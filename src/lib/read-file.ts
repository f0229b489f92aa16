/**
 * Reading a file the user named (issue 16, "Work budgets: readers cap input size"): only regular
 * files, at most {@link MAX_INPUT_BYTES}. `readFileSync('/dev/zero')` grows without limit, and
 * opening a FIFO blocks until a writer comes; both are refused here with one line that names the
 * file, before any byte is read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { FileInputError, InputError } from './errors.js';

/** The largest input file perfsec reads: 16 MiB (the largest committed document is under 1 MiB). */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** What a file that is not a regular file is, for the error line: "a FIFO", "a character device". */
export function fileKind(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function notReadable(file: string, e: unknown): FileInputError {
  const code = (e as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : `cannot read (${code ?? String(e)})`;
  return new FileInputError(file, reason);
}

/** Throws unless ST is a regular file of at most MAX_INPUT_BYTES. */
function checkReadable(file: string, st: Stats): void {
  if (st.isDirectory()) throw new FileInputError(file, 'is a directory');
  if (!st.isFile())
    throw new FileInputError(file, `is ${fileKind(st)}, not a regular file (perfsec reads only regular files)`);
  if (st.size > MAX_INPUT_BYTES)
    throw new FileInputError(file, `${st.size} bytes, over the input limit of ${MAX_INPUT_BYTES} bytes (16 MiB)`);
}

/**
 * The bytes of regular file FILE (symbolic links followed), at most MAX_INPUT_BYTES; InputError
 * names the file and what is wrong. The file is checked before it is opened (a FIFO would block
 * the open), opened non-blocking (in case it was swapped meanwhile), checked again on the open
 * descriptor, and read to at most one byte past the limit (in case it grows while read).
 */
export function readInputBytes(file: string): Buffer {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    throw notReadable(file, e);
  }
  checkReadable(file, st);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw notReadable(file, e);
  }
  try {
    const opened = fstatSync(fd);
    checkReadable(file, opened);
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= MAX_INPUT_BYTES) {
      const chunk = Buffer.allocUnsafe(
        Math.min(Math.max(opened.size - total + 1, 64 * 1024), MAX_INPUT_BYTES + 1 - total),
      );
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
    if (total > MAX_INPUT_BYTES)
      throw new FileInputError(file, `over the input limit of ${MAX_INPUT_BYTES} bytes (16 MiB)`);
    return Buffer.concat(chunks, total);
  } catch (e) {
    throw e instanceof InputError ? e : notReadable(file, e);
  } finally {
    closeSync(fd);
  }
}

/** The text of regular file FILE as UTF-8, at most MAX_INPUT_BYTES (see readInputBytes). */
export function readInputText(file: string): string {
  return readInputBytes(file).toString('utf8');
}
