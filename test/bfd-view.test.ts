/**
 * The pipeline's zero-copy BFD view (src/pipeline/bfd-view.ts) accepts exactly the bytes the model's codec
 * (model/bfd/packet.ts decodeBfd) accepts and reads the same Discriminators, Auth Key ID and Sequence Number:
 * on encoded packets of every field value, on those packets with bytes overwritten (each reception check of
 * RFC 5880 §6.8.6 is one byte away), truncated or extended, and on random bytes. A view that drops one check
 * is caught (mutant below).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeBfd, encodeBfd, PACKET_LEN } from '../model/bfd/packet.js';
import {
  bfdAccepts,
  bfdAuthKeyId,
  bfdMyDiscriminator,
  bfdSeq,
  bfdYourDiscriminator,
} from '../src/pipeline/bfd-view.js';

/** A byte to edit: often one of the header's first four (version, flags, Detect Mult, Length), else any. */
const edited = fc.oneof(fc.nat(3), fc.nat(PACKET_LEN - 1));
/** An edit: the byte replaced by any value, or one bit flipped (one flag at a time: State, P, F, C, A, D, M). */
const anyValue = fc.nat(255).map((v) => () => v);
const oneBitFlipped = fc.nat(7).map((bit) => (x: number) => x ^ (1 << bit));

/** Packets of any field values, then perhaps one or two bytes edited, or cut, or extended. */
const bytesNearPackets = fc
  .record({
    diag: fc.nat(31),
    state: fc.nat(3),
    poll: fc.boolean(),
    final: fc.boolean(),
    cpi: fc.boolean(),
    demand: fc.boolean(),
    detectMult: fc.constantFrom(0, 1, 3, 255),
    myDiscriminator: fc.constantFrom(0, 1, 0xffffffff, 0x80000000),
    yourDiscriminator: fc.constantFrom(0, 9, 0xffffffff),
    desiredMinTxUs: fc.nat(),
    requiredMinRxUs: fc.nat(),
    requiredMinEchoRxUs: fc.nat(),
    authKeyId: fc.nat(255),
    seq: fc.constantFrom(0, 1, 0x7fffffff, 0xffffffff),
    digest: fc.uint8Array({ minLength: 32, maxLength: 32 }),
  })
  .chain((p) =>
    fc.tuple(
      fc.constant(encodeBfd(p)),
      fc.array(fc.tuple(edited, fc.oneof(anyValue, oneBitFlipped)), { maxLength: 2 }),
      fc.constantFrom(0, 0, 0, -1, -40, -50, 1, 8),
    ),
  )
  .map(([b, edits, resize]) => {
    const out = new Uint8Array(Math.max(0, b.length + resize));
    out.set(b.subarray(0, out.length));
    for (const [at, edit] of edits) if (at < out.length) out[at] = edit(out[at]!);
    return out;
  });

const anyBytes = fc.oneof(bytesNearPackets, fc.uint8Array({ maxLength: 80 }));

type Accepts = (b: Uint8Array) => boolean;

/** Whether ACCEPTS and the readers agree with decodeBfd on B. */
function agrees(accepts: Accepts, b: Uint8Array): boolean {
  const d = decodeBfd(b);
  if (accepts(b) !== d.ok) return false;
  if (!d.ok) return true;
  const p = d.packet;
  return (
    bfdMyDiscriminator(b) === p.myDiscriminator &&
    bfdYourDiscriminator(b) === p.yourDiscriminator &&
    bfdAuthKeyId(b) === p.authKeyId &&
    bfdSeq(b) === p.seq
  );
}

describe('zero-copy BFD view (issue 20 Deliver 4)', () => {
  test('accepts what decodeBfd accepts and reads the same fields', () => {
    fc.assert(
      fc.property(anyBytes, (b) => agrees(bfdAccepts, b)),
      { numRuns: 3000 },
    );
  });

  test('the generator reaches both sides: accepted packets and each kind of reject', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(bytesNearPackets, (b) => {
        const d = decodeBfd(b);
        seen.add(d.ok ? 'ok' : d.error);
      }),
      { numRuns: 3000 },
    );
    for (const k of ['ok', 'too-short', 'bad-version', 'length-exceeds-buffer', 'zero-detect-mult', 'multipoint-set'])
      expect(seen, k).toContain(k);
    for (const k of ['zero-my-discriminator', 'zero-your-discriminator', 'no-auth-section', 'unsupported-auth-type'])
      expect(seen, k).toContain(k);
    expect(seen).toContain('bad-auth-len');
  });

  /** B with byte AT replaced by F(old). */
  const withByte = (b: Uint8Array, at: number, f: (x: number) => number) =>
    at < b.length ? Uint8Array.from(b, (x, i) => (i === at ? f(x) : x)) : b;
  test.each([
    ['the Multipoint check dropped', (b: Uint8Array) => bfdAccepts(withByte(b, 1, (x) => x & 0xfe))],
    ['the Your Discriminator check dropped', (b: Uint8Array) => bfdAccepts(withByte(b, 11, (x) => x | 1))],
    ['the Length check dropped', (b: Uint8Array) => bfdAccepts(withByte(b, 3, () => PACKET_LEN))],
  ] as const)('a view with %s disagrees somewhere (mutant)', (_, mutant) => {
    const r = fc.check(
      fc.property(anyBytes, (b) => agrees(mutant, b)),
      { numRuns: 3000 },
    );
    expect(r.failed).toBe(true);
  });
});
