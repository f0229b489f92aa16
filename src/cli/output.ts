/**
 * How commands talk: results on stdout (text, or one JSON document with --json), progress and
 * errors on stderr. issue 16 "One safe line": this is the chokepoint of every line a command
 * prints, so control characters in echoed paths, names and values are escaped here (oneLine), and
 * a name holding "\nPASS" stays on its own line as the visible text "\\nPASS".
 */
import { oneLine, terminalSafeJson } from '../lib/one-line.js';

/** Prints a JSON document on stdout (strings that hold C1 controls or line separators stay escaped). */
export function printJson(data: unknown): void {
  process.stdout.write(`${terminalSafeJson(JSON.stringify(data, null, 2))}\n`);
}

/** Prints one line on stdout; control characters inside it are escaped, so it stays one line. */
export function say(line = ''): void {
  process.stdout.write(`${oneLine(line)}\n`);
}

/** Prints one line on stderr (a note: what was written, a drift), escaped like say(). */
export function note(line: string): void {
  process.stderr.write(`${oneLine(line)}\n`);
}

/** Prints a progress line on stderr (live on a terminal, plain lines otherwise), escaped like say(). */
export function progress(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${oneLine(line)}`);
  else process.stderr.write(`${oneLine(line)}\n`);
}

/** Ends a live progress line on a terminal. */
export function progressDone(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
}

/** Pads a table row of cells to the given widths. */
export function row(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
    .join('  ')
    .trimEnd();
}
