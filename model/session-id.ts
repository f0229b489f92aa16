/**
 * The draft §6 session_id, written once: the two BFD discriminators of a session as 8 lowercase
 * hex digits each, numerically smaller first (16 ASCII characters). The broker keys sessions by
 * it (model/broker.ts) and the key derivation puts it in HKDF's info (model/hkdf.ts).
 */

/** One 32-bit discriminator as 8 lowercase hex digits, zero-padded. */
export function discriminatorHex(d: number): string {
  return d.toString(16).padStart(8, '0');
}

/** The two discriminators, smaller first (for fixed-width hex this equals lexicographic order). */
export function orderedDiscriminators(a: number, b: number): [number, number] {
  return [Math.min(a, b), Math.max(a, b)];
}

/** Draft §6 session_id of the session between discriminators A and B, in either order. */
export function sessionIdText(a: number, b: number): string {
  return orderedDiscriminators(a, b).map(discriminatorHex).join('');
}
