/**
 * How commands talk: results on stdout (text, or one JSON document with --json), progress and
 * errors on stderr.
 */

/** Prints a JSON document on stdout. */
export function printJson(data: unknown): void {
  process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
}

/** Prints a line on stdout. */
export function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Prints a progress line on stderr (live on a terminal, plain lines otherwise). */
export function progress(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${line}`);
  else process.stderr.write(`${line}\n`);
}

/** Ends a live progress line on a terminal. */
export function progressDone(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
}

/** Pads a table row of cells to the given widths. */
export function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
}
