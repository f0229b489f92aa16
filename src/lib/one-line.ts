/**
 * One safe line (issue 16, "One safe line"): text that reaches the terminal from a path, a name or
 * a value the user chose must not forge extra lines (a fake `PASS`) or drive the terminal (ANSI
 * escapes). The chokepoints (src/cli/output.ts for stdout and progress, src/cli/program.ts for
 * errors) pass every line through {@link oneLine}, so no command has to remember it.
 */

// C0 controls (newline, carriage return, tab, ESC, ...), DEL, C1 controls (0x80-0x9f: CSI 0x9b acts
// like ESC [ on some terminals), the Unicode line and paragraph separators, and the bidirectional
// overrides and isolates (which reorder what the eye reads).
// eslint-disable-next-line no-control-regex -- matches C0/C1 control characters on purpose, to escape them
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One unsafe character as a visible escape: "\n", "\x1b", "\u2028". */
function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return (
    NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
  );
}

/**
 * TEXT as one line: every control character, line separator and bidi override escaped ("\n" -> "\\n", ESC ->
 * "\\x1b").
 */
export function oneLine(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/**
 * A JSON document's text made terminal-safe without changing what it means: JSON.stringify already
 * escapes C0 controls inside strings but prints DEL, C1 controls, U+2028/2029 and bidi overrides as
 * they are; those can only sit inside strings, where "\uXXXX" denotes the same character.
 */
export function terminalSafeJson(text: string): string {
  return text.replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** At most MAX characters of TEXT (for echoing a user's value in an error), with "…" when cut. */
export function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
