/**
 * Typed access to parsed JSON documents that tests edit (tamper with): no `any`, the path is checked at run time only.
 */

/** A JSON object whose fields a test reads, writes (with any value, the wrong type included) or deletes. */
export type JsonObject = Record<string, unknown>;

/** The object at KEYS (property names and array indexes) inside DOC; DOC itself when KEYS is empty. */
export function at(doc: unknown, ...keys: readonly (string | number)[]): JsonObject {
  return keys.reduce<unknown>((o, k) => (o as JsonObject)[k], doc) as JsonObject;
}
