/**
 * RFC 6962 / RFC 9162 Merkle trees over leaf hashes: the tree head, consistency proofs (RFC 6962
 * §2.1.2) and their verification (RFC 9162 §2.1.4.2). The C2SP witness (model/witness.ts)
 * cosigns only what such a proof shows to extend its recorded tree.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** SHA-256(0x00 || data): the hash of a leaf. */
export const leafHash = (data: Uint8Array | string): Uint8Array =>
  sha256(concatBytes(Uint8Array.of(0), typeof data === 'string' ? utf8ToBytes(data) : data));
/** SHA-256(0x01 || left || right): an interior node. */
export const nodeHash = (l: Uint8Array, r: Uint8Array): Uint8Array => sha256(concatBytes(Uint8Array.of(1), l, r));

const split = (n: number): number => 2 ** Math.floor(Math.log2(n - 1)); // largest power of two < n (n >= 2)

/** MTH over leaf hashes (the empty tree hashes to SHA-256 of nothing). */
export function treeHead(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256(new Uint8Array());
  if (leaves.length === 1) return leaves[0]!;
  const k = split(leaves.length);
  return nodeHash(treeHead(leaves.slice(0, k)), treeHead(leaves.slice(k)));
}

function subproof(m: number, d: readonly Uint8Array[], complete: boolean): Uint8Array[] {
  const n = d.length;
  if (m === n) return complete ? [] : [treeHead(d)];
  const k = split(n);
  if (m <= k) return [...subproof(m, d.slice(0, k), complete), treeHead(d.slice(k))];
  return [...subproof(m - k, d.slice(k), false), treeHead(d.slice(0, k))];
}

/**
 * The consistency proof from the first M leaves to all of LEAVES (empty when m is 0 or n; an m past n is read as n).
 */
export function consistencyProof(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  return m === 0 ? [] : subproof(Math.min(m, leaves.length), leaves, true); // SUBPROOF(n, D[n], true) is empty
}

const eq = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** RFC 9162 §2.1.4.2: whether PROOF shows the tree (first, oldRoot) is a prefix of (second, newRoot). */
export function verifyConsistency(
  first: number,
  second: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (first > second) return false;
  if (first === second) return proof.length === 0 && eq(oldRoot, newRoot);
  if (first === 0) return proof.length === 0; // c2sp tlog-witness: empty proof from size zero
  if (proof.length === 0) return false;
  const path = (first & (first - 1)) === 0 ? [oldRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn & 1) {
    fn >>= 1;
    sn >>= 1;
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn & 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      // RFC 9162 shifts "until LSB(fn) is set or fn is 0"; here an even fn equals sn, which is not 0, so a set bit
      // comes first.
      while (!(fn & 1)) {
        fn >>= 1;
        sn >>= 1;
      }
    } else sr = nodeHash(sr, c);
    fn >>= 1;
    sn >>= 1;
  }
  return eq(fr, oldRoot) && eq(sr, newRoot) && sn === 0;
}
