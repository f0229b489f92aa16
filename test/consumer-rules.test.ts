/**
 * The consumer of cosigned checkpoints (draft §7, model/consumer.ts) as a table of notes and the
 * verdict or reject reason for each: each view carries the cosignatures of the witnesses that
 * cosigned that view, the collector's note signature is required, and only distinct verified
 * witness cosignatures count toward the quorum q.
 */
import { describe, expect, test } from 'vitest';
import { bodyOf, minimalSplit, play, S, type Attack } from '../model/collector.js';
import { consume, cosignedView, keysOf } from '../model/consumer.js';
import { cosign } from '../model/cosignature.js';
import { formatNote, signText, type NoteSignature } from '../model/note.js';

const TS = 1764288000n;
// w = 6, c = 0, q = 2: the minimal split sends view A to witnesses 0-1 and view B to 2-3; 4 and 5 are never asked
const a: Attack = {
  w: 6,
  q: 2,
  c: 0,
  policy: 'first-cosign-wins',
  placement: 'extension',
  values: { A: [1, 2], B: [1, 3] },
  moves: minimalSplit(6, 2, 0),
};
const o = play(a);
const { log, witnesses } = keysOf(a.w);
const bodyA = bodyOf(a, 'A', S);
const note = (sigs: NoteSignature[]): string => formatNote({ text: bodyA, signatures: sigs });
const w = (i: number): NoteSignature => cosign(bodyA, witnesses[i]!, TS);
const name = (i: number): string => `witness.example/w${i}`;

describe('draft §7: each view reaches its consumer with the cosignatures of that view', () => {
  test('the played split cosigns A by witnesses 0-1 and B by witnesses 2-3', () => {
    expect([o.cosignersA, o.cosignersB]).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
  test.each([
    ['A', 2, [name(0), name(1)]],
    ['B', 3, [name(2), name(3)]],
  ] as const)(
    "view %s: the consumer accepts D_max %d vouched for by exactly that view's cosigners",
    (view, dMax, cosigners) => {
      const r = consume(cosignedView(a, o, view), a, a.q);
      expect(
        r.ok && {
          dMax: r.value.values.dMax,
          dMinimax: r.value.values.dMinimax,
          seq: r.value.values.bundleSeq,
          cosigners: r.value.cosigners,
        },
      ).toEqual({ dMax, dMinimax: 1, seq: BigInt(S), cosigners });
    },
  );
});

describe('draft §7 consumer: verdict or reject reason per note (quorum q = 2)', () => {
  const stranger = { name: log.name, seed: new Uint8Array(32).fill(0x5a) }; // claims the log's name, another key
  test.each<[string, string, number, string | string[]]>([
    ['log signature and two cosignatures', note([signText(bodyA, log), w(0), w(1)]), 2, [name(0), name(1)]],
    [
      'log signature and three cosignatures, quorum 3',
      note([signText(bodyA, log), w(0), w(4), w(5)]),
      3,
      [name(0), name(4), name(5)],
    ],
    ['quorum 0 accepts the collector signature alone', note([signText(bodyA, log)]), 0, []],
    ['cosignatures only: no collector signature', note([w(0), w(1), w(2)]), 2, 'no collector signature'],
    [
      'a signature under the log name by another key is ignored',
      note([signText(bodyA, stranger), w(0), w(1)]),
      2,
      'no collector signature',
    ],
    ['collector signature alone, below quorum', note([signText(bodyA, log)]), 2, '0 witness cosignatures, quorum is 2'],
    ['one cosignature, below quorum', note([signText(bodyA, log), w(3)]), 2, '1 witness cosignatures, quorum is 2'],
    [
      'a witness cosigning twice counts once',
      note([signText(bodyA, log), w(1), w(1)]),
      2,
      '1 witness cosignatures, quorum is 2',
    ],
    ['two cosignatures, quorum 3', note([signText(bodyA, log), w(0), w(1)]), 3, '2 witness cosignatures, quorum is 3'],
    [
      'a witness outside the trusted set is ignored',
      note([signText(bodyA, log), w(0), cosign(bodyA, keysOf(7).witnesses[6]!, TS)]),
      2,
      '1 witness cosignatures, quorum is 2',
    ],
  ])('%s', (_n, msg, q, want) => {
    const r = consume(msg, a, q);
    if (typeof want === 'string') expect(r).toEqual({ ok: false, reason: want });
    else expect(r.ok && r.value.cosigners).toEqual(want);
  });

  test('a collector signature over another body rejects the whole note (a known key that fails to verify)', () => {
    const forged = formatNote({ text: bodyA, signatures: [{ ...signText(bodyOf(a, 'B', S), log) }, w(0), w(1)] });
    const r = consume(forged, a, 2);
    expect(r.ok ? 'accepted' : r.reason).toMatch(
      /^invalid signature for key collector\.example\/mvps-bundles\+[0-9a-f]{8}$/,
    );
  });
});
