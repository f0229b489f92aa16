/**
 * The syntax rules every JSON input meets before JSON.parse sees it (issue 16, "One safe line":
 * duplicate keys in any JSON input are rejected). JSON.parse keeps the last of two equal keys in
 * silence, so a tampered document could show one value to a reviewer and another to the tool.
 * Microsoft's jsonc-parser (the parser of VS Code) walks the text, comments and trailing commas
 * disallowed, and reports each property with its place; nothing here parses JSON by hand.
 */
import * as jsoncModule from 'jsonc-parser';
import { InputError } from './errors.js';
import { clip, oneLine } from './one-line.js';

// jsonc-parser ships UMD for `require` and ESM for bundlers; under Node's ESM interop the named
// exports may arrive wrapped under `default`.
const jsonc = (jsoncModule as unknown as { default?: typeof jsoncModule }).default ?? jsoncModule;

/** Deepest nesting of objects and arrays accepted (the committed documents nest at most 10 deep). */
export const MAX_JSON_DEPTH = 64;

/** Thrown from inside the walk to stop it at the first problem. */
class Stop extends Error {}

/** "/a/0/b" from jsonc-parser's path segments; "/" for the document itself. */
function pointer(segments: ReadonlyArray<string | number>): string {
  return segments.length === 0 ? '/' : segments.map((s) => `/${oneLine(clip(String(s), 40))}`).join('');
}

/**
 * Throws InputError("WHAT: ...") at the first syntax error, the first duplicate key of an object,
 * or nesting deeper than MAX_JSON_DEPTH; each names its line and column (1-based). The message
 * names the key (clipped) and the object's place, never a value: a value may be key material.
 */
export function checkJsonSyntax(text: string, what: string): void {
  const keys: Array<Set<string>> = [];
  let problem: string | undefined;
  const stop = (message: string): never => {
    problem = message;
    throw new Stop();
  };
  const enter = (line: number, column: number) => {
    if (keys.length >= MAX_JSON_DEPTH)
      stop(`nested deeper than ${MAX_JSON_DEPTH} levels at line ${line + 1}, column ${column + 1}`);
  };
  try {
    jsonc.visit(
      text,
      {
        onObjectBegin: (_offset, _length, line, column) => {
          enter(line, column);
          keys.push(new Set());
        },
        onObjectEnd: () => void keys.pop(),
        onArrayBegin: (_offset, _length, line, column) => {
          enter(line, column);
          keys.push(new Set()); // arrays count toward the depth; their set stays empty
        },
        onArrayEnd: () => void keys.pop(),
        onObjectProperty: (name, _offset, _length, line, column, pathSupplier) => {
          const seen = keys[keys.length - 1]!;
          if (seen.has(name))
            stop(
              `duplicate key '${oneLine(clip(name, 60))}' in the object at ${pointer(pathSupplier())} ` +
                `(line ${line + 1}, column ${column + 1})`,
            );
          seen.add(name);
        },
        onError: (code, _offset, _length, line, column) =>
          stop(`not valid JSON (${jsonc.printParseErrorCode(code)} at line ${line + 1}, column ${column + 1})`),
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  if (problem !== undefined) throw new InputError(`${what}: ${problem}`);
}
