/**
 * HTML text escaping for the report page (every string from a document or a file name goes through it).
 */

/** S with &, <, > and " escaped. */
export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
