/**
 * Key material is never echoed (issue 16, "One safe line"): commander quotes the argument it
 * refused, so a mistyped `--kopp=<key>` would print the key. {@link commanderMessage} turns
 * commander's error text into one line that keeps the flag's name and drops its value.
 */

/** Flags whose values are key material: an error may name the flag, never quote its value. */
export const KEY_FLAGS: readonly string[] = ['--kop'];

const PLACEHOLDER = '…';

/** An unknown flag as it may be echoed: `--name=value` -> `--name=…`, `-xVALUE` -> `-x…`, the name alone otherwise. */
export function flagName(flag: string): string {
  if (flag.startsWith('--')) {
    const eq = flag.indexOf('=');
    return eq < 0 ? flag : `${flag.slice(0, eq)}=${PLACEHOLDER}`;
  }
  return flag.length > 2 ? `${flag.slice(0, 2)}${PLACEHOLDER}` : flag;
}

// commander: "error: unknown option '<flag>'", then "\n(Did you mean <x>?)" with showSuggestionAfterError.
const UNKNOWN_OPTION = /^unknown option '([\s\S]*)'(\s*\(Did you mean [^'\n]*\?\))?$/;
// commander: "error: option '<flags>' argument '<value>' is invalid. <reason>" (and the "Allowed choices" form).
const INVALID_ARGUMENT = /^option '([^']*)' argument '([\s\S]*)' is invalid\.([\s\S]*)$/;

/**
 * Commander's error TEXT ("error: unknown option '--kopp=00ff'\n(Did you mean --kop?)\n") as one
 * phrase without the "error: " prefix, the value of an unknown flag, or the value given to a key
 * flag: "unknown option '--kopp=…' (Did you mean --kop?)". Control characters are left to oneLine.
 */
export function commanderMessage(text: string): string {
  const message = text.replace(/^error:\s*/, '').replace(/\n+$/, '');
  const unknown = UNKNOWN_OPTION.exec(message);
  if (unknown) return `unknown option '${flagName(unknown[1]!)}'${unknown[2] ? ` ${unknown[2].trim()}` : ''}`;
  const invalid = INVALID_ARGUMENT.exec(message);
  if (invalid && KEY_FLAGS.some((f) => invalid[1]!.split(/[ ,|]+/).includes(f))) {
    const rest = invalid[3]!.includes(invalid[2]!) ? '' : invalid[3];
    return `option '${invalid[1]}' argument is invalid (key material is never echoed).${rest}`;
  }
  // commander's suggestion sits on a line of its own: join it; any other newline came from the user
  // and is left for oneLine to escape.
  return message.replace(/\n(\(Did you mean [^'\n]*\?\))$/, ' $1');
}
