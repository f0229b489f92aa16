/**
 * The witness policies of model/witness.ts, request by request: the draft §7 first-cosign-wins
 * witness (keyed by (bundle_id, bundle_seq) from the §7 extra field), the c2sp.org/tlog-witness
 * witness (per-origin latest size and root, RFC 6962 consistency proofs, status codes 200 / 400 /
 * 404 / 409 / 422 with their reasons) and the compromised witness; and what each tells an auditor
 * who asks which body it cosigned for a pair.
 */
import { describe, expect, test } from 'vitest';
import { formatCheckpoint, formatDualMode } from '../model/checkpoint.js';
import { consistencyProof, leafHash, treeHead } from '../model/merkle.js';
import { c2spWitness, compromisedWitness, firstCosignWins, type CosignRequest } from '../model/witness.js';

const ORIGIN = 'log.example/witnessed';
const ID = '6f1c2a9e-3b7d-4c55-9a10-2e8f4b6d7c01';
const ID2 = '0b7e4d2c-9f31-4a6e-8c52-7d19e3a0f4b8';
const LEAVES = Array.from({ length: 8 }, (_, i) => leafHash(`bundle ${i + 1}`));
const rootOf = (n: number): Uint8Array => treeHead(LEAVES.slice(0, n));

/** A checkpoint body of the log at SIZE carrying the §7 line for (id, seq = size, dMax). */
function body(
  size: number,
  dMax = 2,
  opts: { id?: string; origin?: string; root?: Uint8Array; extensions?: string[] } = {},
): string {
  const line = formatDualMode({ bundleId: opts.id ?? ID, bundleSeq: BigInt(size), dMinimax: 1, dMax });
  return formatCheckpoint({
    origin: opts.origin ?? ORIGIN,
    size: BigInt(size),
    rootHash: opts.root ?? rootOf(size),
    extensions: opts.extensions ?? [line],
  });
}
const req = (b: string, oldSize = 0n, proof: Uint8Array[] = []): CosignRequest => ({ body: b, oldSize, proof });
/** A request moving a c2sp witness from OLD to the body at NEW, with the honest proof. */
const grow = (old: number, size: number, dMax = 2): CosignRequest =>
  req(body(size, dMax), BigInt(old), consistencyProof(old, LEAVES.slice(0, size)));

const NOT_A_CHECKPOINT = ['not a checkpoint', 'checkpoint: body must end in a newline'] as const;
const NO_EXTRA_FIELD = 'checkpoint: 0 dual-mode extension lines, expected exactly one';

describe('first-cosign-wins (draft §7)', () => {
  test('names its policy and is honest; a caller may rename the policy', () => {
    const w = firstCosignWins();
    expect([w.policy, w.compromised]).toEqual(['first-cosign-wins', false]);
    expect(firstCosignWins(undefined, 'fcw-by-id').policy).toBe('fcw-by-id');
  });

  test.each([
    ['a body that is not a checkpoint', NOT_A_CHECKPOINT[0], NOT_A_CHECKPOINT[1]],
    [
      'a checkpoint without the §7 extra field (the witness verifies its schema)',
      body(3, 2, { extensions: ['other extension'] }),
      NO_EXTRA_FIELD,
    ],
    [
      'a checkpoint whose §7 line is malformed',
      body(3, 2, { extensions: ['bundle_id=nope;bundle_seq=3;d_minimax=1;d_max=2'] }),
      'extra field: bundle_id is not a lowercase UUID',
    ],
  ])('answers 400 with the parse reason to %s, and records nothing', (_, b, reason) => {
    const w = firstCosignWins();
    expect(w.add(req(b))).toEqual({ status: 400, reason });
    expect(w.cosignedFor(ID, 3n)).toBeUndefined();
  });

  test('cosigns the first body for a pair, refuses a different second body with 409, and re-cosigns the first', () => {
    const w = firstCosignWins();
    expect(w.add(req(body(3, 2)))).toEqual({ status: 200, reason: 'cosigned' });
    expect(w.add(req(body(3, 3)))).toEqual({
      status: 409,
      reason: 'first cosign wins: another body was cosigned for this (bundle_id, bundle_seq)',
    });
    expect(w.add(req(body(3, 2))).status).toBe(200);
    expect(w.cosignedFor(ID, 3n)).toBe(body(3, 2));
  });

  test('pairs are independent: another bundle_seq or another bundle_id is a fresh pair', () => {
    const w = firstCosignWins();
    expect([body(3, 2), body(4, 3), body(3, 3, { id: ID2 })].map((b) => w.add(req(b)).status)).toEqual([200, 200, 200]);
    expect([w.cosignedFor(ID, 3n), w.cosignedFor(ID, 4n), w.cosignedFor(ID2, 3n)]).toEqual([
      body(3, 2),
      body(4, 3),
      body(3, 3, { id: ID2 }),
    ]);
  });

  test(
    'under a coarser key (bundle_id alone) a new bundle_seq replaces the ' +
      'remembered one; only a second body for the remembered seq is refused',
    () => {
      const w = firstCosignWins((id) => id);
      expect(w.add(req(body(3, 2))).status).toBe(200);
      expect(w.add(req(body(4, 5))).status).toBe(200); // another seq under the same key: not a conflict
      expect(w.add(req(body(4, 5))).status).toBe(200); // the body now remembered is the seq-4 one
      expect(w.add(req(body(4, 6))).status).toBe(409);
      expect(w.add(req(body(3, 9))).status).toBe(200); // seq 3 is no longer remembered
    },
  );
});

describe('c2sp.org/tlog-witness', () => {
  test('names its policy and is honest', () => {
    const w = c2spWitness([ORIGIN]);
    expect([w.policy, w.compromised]).toEqual(['c2sp-tlog-witness', false]);
  });

  test('answers 400 to a body that is not a checkpoint', () => {
    expect(c2spWitness([ORIGIN]).add(req(NOT_A_CHECKPOINT[0]))).toEqual({ status: 400, reason: NOT_A_CHECKPOINT[1] });
  });

  test('answers 404 to a checkpoint of an origin it does not witness', () => {
    expect(c2spWitness([ORIGIN]).add(req(body(3, 2, { origin: 'other.example/log' })))).toEqual({
      status: 404,
      reason: 'unknown origin',
    });
  });

  test('answers 400 when the old size exceeds the checkpoint size', () => {
    expect(c2spWitness([ORIGIN]).add(req(body(3), 4n))).toEqual({
      status: 400,
      reason: 'old size exceeds checkpoint size',
    });
  });

  test('answers 409 with its latest cosigned size when the old size is not that size', () => {
    const w = c2spWitness([ORIGIN]);
    expect(w.add(req(body(3), 2n))).toEqual({
      status: 409,
      reason: 'old size is not the latest cosigned size',
      latestSize: 0n,
    });
    expect(w.add(grow(0, 3)).status).toBe(200);
    expect(w.add(grow(4, 5))).toEqual({
      status: 409,
      reason: 'old size is not the latest cosigned size',
      latestSize: 3n,
    });
  });

  test('cosigns a growing log with valid proofs, and answers 422 to a proof that does not verify', () => {
    const w = c2spWitness([ORIGIN]);
    expect([grow(0, 3), grow(3, 5), grow(5, 8)].map((r) => w.add(r).status)).toEqual([200, 200, 200]);
    const w2 = c2spWitness([ORIGIN]);
    w2.add(grow(0, 3));
    expect(w2.add(req(body(5), 3n, consistencyProof(2, LEAVES.slice(0, 5))))).toEqual({
      status: 422,
      reason: 'consistency proof does not verify',
    });
    expect(w2.add(req(body(5), 3n))).toEqual({ status: 422, reason: 'consistency proof does not verify' });
  });

  test('at its latest size it cosigns the same root again and answers 409 to any other root', () => {
    const w = c2spWitness([ORIGIN]);
    w.add(grow(0, 3));
    const r = rootOf(3);
    const flipped = Uint8Array.from(r, (x, i) => (i === r.length - 1 ? x ^ 1 : x)); // differs in the last octet only
    const longer = Uint8Array.of(...r, 0); // the same octets and one more
    for (const root of [flipped, longer, rootOf(2)]) {
      expect(w.add(req(body(3, 2, { root }), 3n))).toEqual({ status: 409, reason: 'same size, different root hash' });
    }
    expect(w.add(req(body(3), 3n)).status).toBe(200);
  });

  test(
    'compares sizes and roots only, never extension lines: ' +
      'it cosigns two §7 views of one bundle (draft §7 vs C2SP)',
    () => {
      const w = c2spWitness([ORIGIN]);
      expect(w.add(grow(0, 3, 2)).status).toBe(200);
      expect(w.add(req(body(3, 7), 3n)).status).toBe(200);
      expect(w.cosignedFor(ID, 3n)).toBe(body(3, 7)); // the auditor learns the latest body cosigned for the pair
    },
  );

  test('an auditor learns nothing for a pair the witness never cosigned, nor from refused requests', () => {
    const w = c2spWitness([ORIGIN]);
    w.add(req(body(3), 2n)); // 409
    expect(w.cosignedFor(ID, 3n)).toBeUndefined();
    w.add(grow(0, 3));
    expect([w.cosignedFor(ID, 3n), w.cosignedFor(ID, 4n), w.cosignedFor(ID2, 3n)]).toEqual([
      body(3),
      undefined,
      undefined,
    ]);
  });

  test('a cosigned checkpoint without the §7 extra field is cosigned but indexes no pair', () => {
    const w = c2spWitness([ORIGIN]);
    expect(w.add(req(body(3, 2, { extensions: [] }))).status).toBe(200);
    expect(w.cosignedFor(ID, 3n)).toBeUndefined();
  });
});

describe('a compromised witness (draft §2.3)', () => {
  test('is marked compromised and cosigns anything, even what is not a checkpoint, without indexing it', () => {
    const w = compromisedWitness();
    expect([w.policy, w.compromised]).toEqual(['compromised', true]);
    expect(w.add(req(NOT_A_CHECKPOINT[0])).status).toBe(200);
    expect(w.add(req(body(3, 2, { extensions: [] }))).status).toBe(200);
    expect(w.cosignedFor(ID, 3n)).toBeUndefined();
  });

  test('cosigns two views of one pair; an auditor asking it learns the latest', () => {
    const w = compromisedWitness();
    expect([w.add(req(body(3, 2))).status, w.add(req(body(3, 3))).status]).toEqual([200, 200]);
    expect(w.cosignedFor(ID, 3n)).toBe(body(3, 3));
  });
});
