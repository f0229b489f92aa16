/**
 * The Byzantine collector of model/collector.ts (draft §2.3, §7), rule by rule: the forks it
 * builds (shared prefix, where the dual-mode values are bound, later bundles, relabelling), how it
 * plays moves against the witnesses (honest growth of a fork under C2SP, moves to compromised or
 * absent witnesses), the cosigner lists it reports, the minimal split strategy, and the split
 * bounds splitPossible / splitPossibleUnder at their boundaries.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import { parseCheckpoint, dualModeOf } from '../model/checkpoint.js';
import {
  BUNDLE_ID,
  BUNDLE_ID_B,
  bodyOf,
  leavesOf,
  minimalSplit,
  play,
  S,
  splitPossible,
  splitPossibleUnder,
  type Attack,
  type Move,
  type Placement,
  type Policy,
} from '../model/collector.js';

const attack = (over: Partial<Attack> = {}): Attack => ({
  w: 4,
  q: 2,
  c: 0,
  policy: 'first-cosign-wins',
  placement: 'in-leaf',
  values: { A: [1.5, 2], B: [1.5, 3] },
  moves: [],
  ...over,
});
const dualOf = (body: string) => {
  const c = parseCheckpoint(body);
  if (!c.ok) throw new Error(c.reason);
  const d = dualModeOf(c.value);
  if (!d.ok) throw new Error(d.reason);
  return { size: c.value.size, ...d.value };
};
const hex = (xs: Uint8Array[]) => xs.map(bytesToHex);

describe('the two forks', () => {
  test.each([
    ['extension', S + 2],
    ['in-leaf', S - 1],
  ] as const)(
    'with the values bound in %s, the forks share their first %i leaves and differ after',
    (placement, shared) => {
      const [a, b] = [leavesOf(attack({ placement }), 'A'), leavesOf(attack({ placement }), 'B')];
      expect([a.length, b.length]).toEqual([S + 2, S + 2]);
      expect(hex(a.slice(0, shared))).toEqual(hex(b.slice(0, shared)));
      for (let i = shared; i < S + 2; i++) expect(bytesToHex(a[i]!), `leaf ${i + 1}`).not.toBe(bytesToHex(b[i]!));
    },
  );

  test(
    "bundle S of each view carries that view's values; a later " +
      'bundle S+k carries them plus k, with bundle_seq = tree size',
    () => {
      const a = attack();
      for (const v of ['A', 'B'] as const) {
        for (const k of [0, 1, 2]) {
          const d = dualOf(bodyOf(a, v, S + k));
          expect([d.size, d.bundleSeq, d.bundleId, d.dMinimax, d.dMax]).toEqual([
            BigInt(S + k),
            BigInt(S + k),
            BUNDLE_ID,
            a.values[v][0] + k,
            a.values[v][1] + k,
          ]);
        }
      }
    },
  );

  test('a relabelling collector gives view B (only) the fresh bundle_id, same bundle_seq', () => {
    const relabelled = attack({ relabel: true });
    expect([dualOf(bodyOf(relabelled, 'A', S)).bundleId, dualOf(bodyOf(relabelled, 'B', S)).bundleId]).toEqual([
      BUNDLE_ID,
      BUNDLE_ID_B,
    ]);
    expect(dualOf(bodyOf(relabelled, 'B', S + 1)).bundleId).toBe(BUNDLE_ID_B);
    expect([dualOf(bodyOf(attack(), 'A', S)).bundleId, dualOf(bodyOf(attack(), 'B', S)).bundleId]).toEqual([
      BUNDLE_ID,
      BUNDLE_ID,
    ]);
  });
});

describe('playing moves', () => {
  const grow = (view: 'A' | 'B'): Move[] => [0, 1, 2].map((ahead) => ({ witness: 0, view, ahead: ahead as 0 | 1 | 2 }));

  test.each(['extension', 'in-leaf'] as const)(
    'an honest C2SP witness cosigns a fork growing S -> S+1 -> ' +
      'S+2 (%s): each request carries the old size and a valid proof',
    (placement) => {
      const o = play(attack({ w: 1, q: 1, policy: 'c2sp', placement, moves: grow('B') }));
      expect(o.statuses).toEqual([200, 200, 200]);
      expect([o.cosignersA, o.cosignersB]).toEqual([[], [0]]);
    },
  );

  test(
    'a C2SP witness that holds view A refuses the other fork when ' +
      'the values are in the leaf: 409 at the same size, 422 past it',
    () => {
      const moves: Move[] = [
        { witness: 0, view: 'A', ahead: 0 },
        { witness: 0, view: 'B', ahead: 0 },
        { witness: 0, view: 'B', ahead: 1 },
      ];
      expect(play(attack({ w: 1, q: 1, policy: 'c2sp', placement: 'in-leaf', moves })).statuses).toEqual([
        200, 409, 422,
      ]);
      expect(play(attack({ w: 1, q: 1, policy: 'c2sp', placement: 'extension', moves })).statuses).toEqual([
        200, 200, 200,
      ]);
    },
  );

  test('going back to bundle S after cosigning S+2 is refused (old size exceeds the checkpoint size)', () => {
    const moves: Move[] = [
      { witness: 0, view: 'A', ahead: 2 },
      { witness: 0, view: 'A', ahead: 0 },
    ];
    expect(play(attack({ w: 1, q: 1, policy: 'c2sp', moves })).statuses).toEqual([200, 400]);
  });

  test(
    'compromised witnesses are asked for both views first; ' +
      'moves addressed to them or to no witness are not played',
    () => {
      const moves: Move[] = [
        { witness: 0, view: 'A', ahead: 0 },
        { witness: 1, view: 'B', ahead: 1 },
        { witness: 2, view: 'B', ahead: 0 },
        { witness: 3, view: 'A', ahead: 0 },
        { witness: -1, view: 'A', ahead: 0 },
      ];
      const o = play(attack({ w: 3, q: 3, c: 2, moves }));
      expect(o.statuses).toEqual([200, 200, 200, 200, 200]); // 2 x 2 compromised, then witness 2 only
      expect([o.cosignersA, o.cosignersB, o.split]).toEqual([[0, 1], [0, 1, 2], false]);
    },
  );

  test.each([[[3, 1, 2, 0]], [[2, 0, 3, 1]], [[1, 3, 0, 2]], [[3, 2, 1, 0]]])(
    'the cosigners of a view are reported in ascending witness order, whatever order they were asked in (%j)',
    (order) => {
      const o = play(attack({ w: 4, q: 1, moves: order.map((witness) => ({ witness, view: 'A', ahead: 0 })) }));
      expect(o.cosignersA).toEqual([0, 1, 2, 3]);
      const ob = play(attack({ w: 4, q: 1, moves: order.map((witness) => ({ witness, view: 'B', ahead: 0 })) }));
      expect(ob.cosignersB).toEqual([0, 1, 2, 3]);
    },
  );
});

describe('the minimal split strategy', () => {
  test('sends view A to the first q - c honest witnesses and view B to the next q - c, interleaved', () => {
    expect(minimalSplit(4, 2, 0)).toEqual([
      { witness: 0, view: 'A', ahead: 0 },
      { witness: 2, view: 'B', ahead: 0 },
      { witness: 1, view: 'A', ahead: 0 },
      { witness: 3, view: 'B', ahead: 0 },
    ]);
    expect(minimalSplit(4, 3, 2)).toEqual([
      { witness: 2, view: 'A', ahead: 0 },
      { witness: 3, view: 'B', ahead: 0 },
    ]);
  });

  test.each([
    [3, 1, 1],
    [5, 3, 3],
    [2, 1, 2],
  ])('needs no move when the compromised reach the quorum alone (w=%i q=%i c=%i)', (w, q, c) => {
    expect(minimalSplit(w, q, c)).toEqual([]);
    expect(play(attack({ w, q, c, moves: minimalSplit(w, q, c) })).split).toBe(true);
  });
});

describe('split bounds (draft §7 corrected)', () => {
  test.each([
    // [w, q, c, possible]: possible iff 2 * max(0, q - c) <= w - c, i.e. q <= (w + c) / 2 once q > c
    [4, 2, 0, true],
    [3, 2, 0, false],
    [5, 3, 0, false],
    [6, 3, 0, true],
    [4, 3, 2, true],
    [4, 4, 2, false],
    [3, 3, 3, true],
    [3, 4, 3, false],
    [3, 4, 0, false],
    [1, 2, 1, false],
    [2, 3, 2, false],
  ])('splitPossible(w=%i, q=%i, c=%i) is %s', (w, q, c, possible) => {
    expect(splitPossible(w, q, c)).toBe(possible);
  });

  test.each<[Policy, Placement, number, number, number, boolean]>([
    // c2sp with the values only in an extension line: any q <= w
    ['c2sp', 'extension', 3, 2, 0, true],
    ['c2sp', 'extension', 3, 3, 0, true],
    ['c2sp', 'extension', 3, 4, 0, false],
    // otherwise the honest-disjointness bound
    ['c2sp', 'in-leaf', 3, 2, 0, false],
    ['c2sp', 'in-leaf', 4, 2, 0, true],
    ['first-cosign-wins', 'extension', 3, 2, 0, false],
    ['first-cosign-wins', 'extension', 4, 2, 0, true],
    ['first-cosign-wins', 'in-leaf', 3, 2, 0, false],
    ['first-cosign-wins', 'in-leaf', 4, 2, 0, true],
  ])('splitPossibleUnder(%s, %s, w=%i, q=%i, c=%i) is %s', (policy, placement, w, q, c, possible) => {
    expect(splitPossibleUnder(policy, placement, w, q, c)).toBe(possible);
  });
});
