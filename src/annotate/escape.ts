/**
 * HTML escaping for the annotated draft (issue 21): the draft file is hostile input, and so is every string the
 * page shows (audit notes, counterexample values). Everything goes through `esc` before it is placed in the page.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** TEXT as HTML text or attribute value: & < > " ' escaped, control characters (but tab) shown as U+FFFD. */
export function esc(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
  // eslint-disable-next-line no-control-regex -- matches control characters on purpose: a NUL or ESC is shown as U+FFFD
  return escaped.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\ufffd');
}

/** A token safe in a class name or an id: letters, digits, '-', '_' kept, anything else as '_'. */
export function token(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_');
}
