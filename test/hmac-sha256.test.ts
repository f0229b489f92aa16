/**
 * model/hmac-sha256.ts (node:crypto's HMAC, used by the BFD digest and the snapshot tag) is HMAC-SHA256: RFC 4231's
 * test cases 1, 2 and 6 (a key longer than the block), and agreement with @noble/hashes' hmac(sha256) on random
 * keys and messages. Mutant: hashing with sha512 or dropping the key fails every row.
 */
import { fc, test } from '@fast-check/vitest';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect } from 'vitest';
import { hmacSha256 } from '../model/hmac-sha256.js';

/** RFC 4231 §4.2, §4.3 and §4.7: key, data, HMAC-SHA-256. */
const RFC4231: ReadonlyArray<readonly [string, Uint8Array, Uint8Array, string]> = [
  [
    'case 1',
    hexToBytes('0b'.repeat(20)),
    utf8ToBytes('Hi There'),
    'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
  ],
  [
    'case 2',
    utf8ToBytes('Jefe'),
    utf8ToBytes('what do ya want for nothing?'),
    '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
  ],
  [
    'case 6',
    hexToBytes('aa'.repeat(131)),
    utf8ToBytes('Test Using Larger Than Block-Size Key - Hash Key First'),
    '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
  ],
];

describe('hmacSha256', () => {
  test.each(RFC4231)('RFC 4231 %s', (_name, key, data, mac) => {
    expect(bytesToHex(hmacSha256(key, data))).toBe(mac);
  });

  test.prop([fc.uint8Array({ maxLength: 100 }), fc.uint8Array({ maxLength: 300 })])(
    'agrees with @noble/hashes hmac(sha256)',
    (key, message) => {
      expect(hmacSha256(key, message)).toEqual(hmac(sha256, key, message));
    },
  );

  test('returns 32 bytes of its own: changing them changes no later digest', () => {
    const key = utf8ToBytes('k');
    const a = hmacSha256(key, utf8ToBytes('m'));
    const before = bytesToHex(a);
    a.fill(0);
    expect(bytesToHex(hmacSha256(key, utf8ToBytes('m')))).toBe(before);
    expect(a).toHaveLength(32);
  });
});
