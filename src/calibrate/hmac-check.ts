/**
 * Whether an HMAC-SHA256 candidate is correct before it is timed (issue 20 Deliver 4: keep the fastest
 * CORRECT one): it must reproduce the RFC 4231 vectors (the public vectors, as converted into
 * spec/vectors/c2sp-public.json) and agree with two independent references, node:crypto createHmac and
 * @noble/hashes hmac, on random keys (short, one block, longer than a block) and messages, and reject a
 * flipped tag bit.
 */
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { readJson } from '../lib/json-file.js';
import { projectPath } from '../lib/paths.js';
import type { HmacPrimitive } from '../pipeline/hmac.js';

/** One RFC 4231 test case. */
export interface HmacVector {
  readonly name: string;
  readonly key: Uint8Array;
  readonly data: Uint8Array;
  readonly mac: Uint8Array;
}

interface VectorsDoc {
  readonly testGroups: ReadonlyArray<{
    readonly type: string;
    readonly tests: ReadonlyArray<{ comment: string; input: { key: string; data: string }; expected: { mac: string } }>;
  }>;
}

/**
 * The RFC 4231 HMAC-SHA256 vectors of spec/vectors/c2sp-public.json (test/c2sp-formats.test.ts ties it to the
 * public file).
 */
export function rfc4231Vectors(): HmacVector[] {
  const doc = readJson(projectPath('spec', 'vectors', 'c2sp-public.json')) as VectorsDoc;
  return doc.testGroups
    .filter((g) => g.type === 'Rfc4231Hmac')
    .flatMap((g) => g.tests)
    .map((t) => ({
      name: t.comment,
      key: Buffer.from(t.input.key, 'hex'),
      data: Buffer.from(t.input.data, 'hex'),
      mac: Buffer.from(t.expected.mac, 'hex'),
    }));
}

/** What a correctness check covered. */
export interface HmacCheck {
  readonly rfc4231: number;
  readonly random: number;
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** Checks P; throws an Error naming the first case it gets wrong. */
export function checkHmac(p: HmacPrimitive, randomCases = 200): HmacCheck {
  const vectors = rfc4231Vectors();
  if (vectors.length === 0) throw new Error('no RFC 4231 vectors in spec/vectors/c2sp-public.json');
  for (const v of vectors) {
    const k = p.prepare(v.key);
    if (!same(p.mac(k, v.data), v.mac) || !p.verify(k, v.data, v.mac))
      throw new Error(`${p.name}: wrong tag for ${v.name}`);
  }
  for (let i = 0; i < randomCases; i++) {
    // key lengths around the 64-byte block (RFC 2104 §2 hashes longer keys), messages up to a snapshot's size
    const key = randomBytes([0, 1, 20, 32, 63, 64, 65, 100][i % 8]! + ((i >> 3) % 3));
    const msg = randomBytes(randomInt(0, 600));
    const want = createHmac('sha256', key).update(msg).digest();
    const k = p.prepare(key);
    const got = p.mac(k, msg);
    if (!same(got, want) || !same(got, hmac(sha256, key, msg)))
      throw new Error(`${p.name}: tag differs from createHmac for key ${key.length} B, message ${msg.length} B`);
    const bad = Buffer.from(want);
    bad[i % 32]! ^= 1 << (i % 8);
    if (!p.verify(k, msg, want) || p.verify(k, msg, bad))
      throw new Error(`${p.name}: verify is wrong for key ${key.length} B, message ${msg.length} B`);
  }
  return { rfc4231: vectors.length, random: randomCases };
}
