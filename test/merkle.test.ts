/**
 * RFC 6962 / RFC 9162 Merkle trees (model/merkle.ts), what the C2SP witness of draft §7 relies on:
 * leaf and tree hashes against the published RFC 6962 reference vectors (the 8-leaf tree of the
 * certificate-transparency / Trillian test data), consistency proofs against the same data, and
 * the verifier's refusals: sizes out of order, equal sizes, size zero, empty, truncated and
 * over-long proofs, roots of the wrong length.
 */
import fc from 'fast-check';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import { consistencyProof, leafHash, nodeHash, treeHead, verifyConsistency } from '../model/merkle.js';

/** The RFC 6962 reference leaves (certificate-transparency-go / Trillian merkle test data). */
const INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const LEAVES = INPUTS.map((h) => leafHash(hexToBytes(h)));
/** Their tree heads for sizes 0..8. */
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
/** Published consistency proofs over the same leaves. */
const PROOFS: readonly [number, number, readonly string[]][] = [
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [
    2,
    5,
    [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];

const root = (n: number): Uint8Array => treeHead(LEAVES.slice(0, n));
const tree = (n: number): Uint8Array[] => Array.from({ length: n }, (_, i) => leafHash(`leaf ${i}`));

describe('RFC 6962 hashes', () => {
  test.each(ROOTS.map((r, n) => [n, r] as const))(
    'the tree head of the first %i reference leaves is the published one',
    (n, r) => {
      expect(bytesToHex(root(n))).toBe(r);
    },
  );

  test('the empty tree hashes to SHA-256 of the empty string', () => {
    expect(bytesToHex(treeHead([]))).toBe(ROOTS[0]);
  });

  test('a leaf given as a string hashes its UTF-8 octets, the same as the octets given directly', () => {
    expect(bytesToHex(leafHash(new Uint8Array()))).toBe(ROOTS[1]);
    expect(bytesToHex(leafHash(''))).toBe(ROOTS[1]);
    expect(bytesToHex(leafHash('bundle 3|é'))).toBe(bytesToHex(leafHash(utf8ToBytes('bundle 3|é'))));
  });
});

describe('RFC 6962 §2.1.2 consistency proofs', () => {
  test.each(PROOFS)(
    'the proof from size %i to %i is the published one, and verifies (RFC 9162 §2.1.4.2)',
    (m, n, proof) => {
      const p = consistencyProof(m, LEAVES.slice(0, n));
      expect(p.map(bytesToHex)).toEqual(proof);
      expect(verifyConsistency(m, n, root(m), root(n), p)).toBe(true);
    },
  );

  test.each([
    ['from size 0', 0, 5],
    ['to the same size', 5, 5],
    ['from a size past the tree (read as the whole tree)', 7, 5],
  ])('the proof %s is empty', (_, m, n) => {
    expect(consistencyProof(m, tree(n))).toEqual([]);
  });

  test(
    'a proof between any two sizes 1 <= m < n <= 16 verifies, ' + 'and fails once any element or either root changes',
    () => {
      fc.assert(
        fc.property(
          fc
            .integer({ min: 2, max: 16 })
            .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n - 1 }), fc.nat())),
          ([n, m, pick]) => {
            const leaves = tree(n);
            const [oldRoot, newRoot] = [treeHead(leaves.slice(0, m)), treeHead(leaves)];
            const p = consistencyProof(m, leaves);
            const bad = p.map((x, i) => (i === pick % p.length ? leafHash(x) : x));
            return (
              verifyConsistency(m, n, oldRoot, newRoot, p) &&
              !verifyConsistency(m, n, oldRoot, newRoot, bad) &&
              !verifyConsistency(m, n, leafHash(oldRoot), newRoot, p) &&
              !verifyConsistency(m, n, oldRoot, leafHash(newRoot), p)
            );
          },
        ),
        { seed: 6962, numRuns: 200 },
      );
    },
  );
});

describe('the verifier refuses what does not prove a prefix', () => {
  const c = leafHash('c');
  const x = root(3);
  test.each([
    // A pair (first, second) out of order never verifies, even with a "proof" that would fit the path.
    ['first > second', 3, 2, x, nodeHash(x, c), [x, c]],
    ['first > second, empty proof', 4, 2, root(4), root(2), []],
    // Equal sizes: the proof must be empty and the roots equal.
    ['equal sizes, different roots', 5, 5, root(5), root(4), []],
    ['equal sizes, equal roots but a non-empty proof', 5, 5, root(5), root(5), [c]],
    ['equal sizes, a root that extends the other by an octet', 5, 5, root(5), Uint8Array.of(...root(5), 0), []],
    ['equal sizes, an empty old root', 5, 5, new Uint8Array(), root(5), []],
    // Size zero (c2sp tlog-witness): only the empty proof.
    ['from size 0 with a non-empty proof', 0, 5, root(0), root(5), [c]],
    // 0 < first < second: a proof is needed.
    ['empty proof, first not a power of two', 3, 5, root(3), root(5), []],
    ['empty proof, first a power of two', 4, 5, root(4), root(5), []],
    // A valid 1 -> 2 proof does not prove 1 -> 3: the proof must consume the whole size.
    ['a proof one element short for the claimed size', 1, 3, root(1), root(2), consistencyProof(1, LEAVES.slice(0, 2))],
    // Surplus elements after the path reaches the root, with roots built to absorb them.
    [
      'a proof with a surplus element',
      6,
      8,
      nodeHash(c, root(6)),
      nodeHash(c, root(8)),
      [...consistencyProof(6, LEAVES), c],
    ],
    [
      'a proof with a surplus element (from a power of two)',
      4,
      8,
      nodeHash(c, root(4)),
      nodeHash(c, root(8)),
      [...consistencyProof(4, LEAVES), c],
    ],
  ] as const)('%s', (_, first, second, oldRoot, newRoot, proof) => {
    expect(verifyConsistency(first, second, oldRoot, newRoot, proof)).toBe(false);
  });

  test.each([
    ['equal sizes, equal roots, empty proof', 5, 5, root(5), root(5)],
    ['from size 0, empty proof, any old root', 0, 5, new Uint8Array(), root(5)],
  ] as const)('accepts %s', (_, first, second, oldRoot, newRoot) => {
    expect(verifyConsistency(first, second, oldRoot, newRoot, [])).toBe(true);
  });
});
