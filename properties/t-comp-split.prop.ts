/**
 * T-COMP-SPLIT (draft §7, §2.3, §9): binding (D_minimax, D_max) into the cosigned checkpoint makes a
 * split view cost a witness mismatch; an honest witness under "first-cosign-wins per (bundle_id,
 * bundle_seq)" refuses the second body, and the cosignature never verifies over the other body.
 *
 * Model: model/collector.ts (Byzantine collector with arbitrary move sequences over w witnesses,
 * c compromised, quorum q; two consumers; auditors), model/witness.ts (the draft's first-cosign-wins
 * policy and the c2sp.org/tlog-witness policy as that spec defines it), model/cosignature.ts (real
 * Ed25519 cosignature/v1). Generators: properties/t-comp-split-generators.ts (w 1..7, q 1..w, c 0..w,
 * up to 14 moves, either placement of the dual-mode values: 'extension' as §7 says, or 'in-leaf').
 * Found: §7's attribution fails: a C2SP witness compares size and root only, so with the values in
 * an extension line one honest witness cosigns both views (CX-T-COMP-SPLIT-001); a split view
 * exists whenever q <= (w + c) / 2 even under first-cosign-wins (CX-T-COMP-SPLIT-002); an honest
 * witness that cosigned the auditor's own view, or was never asked, reveals nothing
 * (CX-T-COMP-SPLIT-003); keyed by (bundle_id, bundle_seq), first-cosign-wins cosigns a second view
 * the collector relabels with a fresh bundle_id (CX-T-COMP-SPLIT-004), a C2SP witness with values
 * in the leaf does not. §7 and §9 print two different detection probabilities; the Monte Carlo
 * examples compare both with the model.
 */
import {
  bodyOf,
  detectors,
  minimalSplit,
  ORIGIN,
  play,
  S,
  sameWitnessSplit,
  splitPossible,
  splitPossibleUnder,
  type Attack,
  type Policy,
} from '../model/collector.js';
import { consume, cosignedView } from '../model/consumer.js';
import { cosign, cosignerOf, verifyCosignature } from '../model/cosignature.js';
import { draftSection7, draftSection9, estimateDetection, modelProbability } from '../model/detection.js';
import { detectionTrials } from './t-comp-split-detection.js';
import { c2spWitness, firstCosignWins, type Witness } from '../model/witness.js';
import { attack, cosignatureTimestamp, witnessSeedHex } from './t-comp-split-generators.js';
import { claim } from '../src/engine/claim.js';
import { theorem } from '../src/engine/declare-theorem.js';
import type { Example } from '../src/engine/theorem.js';

/** What T-COMP-SPLIT checks: how an honest witness of each policy is built, and cosignature/v1. */
export interface SplitSubject {
  readonly honest: Readonly<Record<Policy, () => Witness>>;
  readonly cosign: typeof cosign;
  readonly verify: typeof verifyCosignature;
}

/** The faithful witnesses and cosignatures. */
export const FAITHFUL: SplitSubject = {
  honest: { 'first-cosign-wins': () => firstCosignWins(), c2sp: () => c2spWitness([ORIGIN]) },
  cosign,
  verify: verifyCosignature,
};

const honestBoth = (o: ReturnType<typeof play>): number[] =>
  o.cosignersA.filter((i) => o.cosignersB.includes(i) && !o.witnesses[i]!.compromised);

/** The Monte Carlo comparisons of the printed detection probabilities (seeded: seed 7, 4000 trials). */
function detectionExamples(): Example[] {
  const row = ({
    id,
    title,
    w,
    q,
    printed,
    expectAgree,
  }: {
    id: string;
    title: string;
    w: number;
    q: number;
    printed: (w: number, q: number) => number;
    expectAgree: boolean;
  }): Example => ({
    id,
    title,
    check: () => {
      const setup = { w, q, c: 0, queries: q, trials: 4000, seed: 7 };
      const e = estimateDetection(setup, detectionTrials(setup));
      const agree = Math.abs(e.p - printed(w, q)) <= 4 * e.stderr;
      const fits = Math.abs(e.p - modelProbability(w, q, 0, q)) <= 4 * e.stderr;
      return {
        ok: agree === expectAgree && fits,
        detail:
          `w=${w} q=${q}: Monte Carlo ${e.p.toFixed(4)} ± ${e.stderr.toFixed(4)} ` +
          `(model 1-(1-q/w)^q = ${modelProbability(w, q, 0, q).toFixed(4)}), ` +
          `printed ${printed(w, q).toFixed(4)}: ${agree ? 'agrees' : 'disagrees'}`,
      };
    },
  });
  return [
    row({
      id: 'T-COMP-SPLIT.p7-q2',
      title:
        '§7 formula 1-(1-2/w)^q agrees with the model at the default q = 2 (w = 5): ' +
        'the other view has 2 honest cosigners',
      w: 5,
      q: 2,
      printed: draftSection7,
      expectAgree: true,
    }),
    row({
      id: 'T-COMP-SPLIT.p7-q3',
      title: '§7 formula 1-(1-2/w)^q is refuted at q = 3 (w = 7): the model gives 1-(1-q/w)^q',
      w: 7,
      q: 3,
      printed: draftSection7,
      expectAgree: false,
    }),
    row({
      id: 'T-COMP-SPLIT.p9-q2',
      title: '§9 formula 1-(1-1/w)^q is refuted at the default q = 2 (w = 5): it disagrees with §7 and with the model',
      w: 5,
      q: 2,
      printed: draftSection9,
      expectAgree: false,
    }),
  ];
}

export default theorem<SplitSubject>(import.meta, {
  id: 'T-COMP-SPLIT',
  section: '§7',
  title: 'joint Byzantine + split view',
  model: FAITHFUL,
  claims: ({ honest, cosign: sign, verify }) => [
    claim(
      'T-COMP-SPLIT.fcw-one-body',
      '§7 claim: an honest first-cosign-wins witness never cosigns two bodies for one (bundle_id, bundle_seq), ' +
        'whatever the collector sends and in what order',
      [attack({ policy: 'first-cosign-wins' })],
      (a) => honestBoth(play(a, honest['first-cosign-wins'])).length === 0,
      { numRuns: 150 },
    ),
    // §7: in CX-T-COMP-SPLIT-001 (w = 2, q = 1, no witness key) honest C2SP witness 1 cosigns view B and then
    // view A: with the values only in the extension line, the two bodies share size and root.
    claim(
      'T-COMP-SPLIT.c2sp-one-body',
      '§7 claim (refuted, CX-T-COMP-SPLIT-001): a C2SP tlog-witness, to which §7 attributes first-cosign-wins, ' +
        'never cosigns two bodies for one (bundle_id, bundle_seq) when the values are in the extra field',
      [attack({ policy: 'c2sp', placement: 'extension' })],
      (a) => honestBoth(play(a, honest.c2sp)).length === 0,
      { refutedBy: 'CX-T-COMP-SPLIT-001' },
    ),
    claim(
      'T-COMP-SPLIT.c2sp-in-leaf-one-body',
      'corrected §7: a C2SP tlog-witness never cosigns two bodies for one bundle when the dual-mode values are ' +
        'also bound into the log leaf (the root hash commits to them)',
      [attack({ policy: 'c2sp', placement: 'in-leaf' })],
      (a) => honestBoth(play(a, honest.c2sp)).length === 0,
      { numRuns: 120, corrects: 'T-COMP-SPLIT.c2sp-one-body' },
    ),
    claim(
      'T-COMP-SPLIT.c2sp-extension-split',
      'corrected §7: under C2SP with the values in the extra field alone, every q <= w admits a split view with ' +
        'no witness key (ask each witness for A, then B)',
      [attack({ policy: 'c2sp', placement: 'extension', witnessKeys: false })],
      (a) =>
        play({ ...a, moves: sameWitnessSplit(a.w) }, honest.c2sp).split ===
        splitPossibleUnder('c2sp', 'extension', a.w, a.q, a.c),
      { numRuns: 60 },
    ),
    // §7: in CX-T-COMP-SPLIT-004 (one witness, q = 1, no witness key) the honest first-cosign-wins witness
    // cosigns view B and then view A relabelled with a fresh bundle_id and the same bundle_seq.
    claim(
      'T-COMP-SPLIT.fcw-relabel',
      '§7 claim (refuted, CX-T-COMP-SPLIT-004): first-cosign-wins refuses the second view even when the collector ' +
        'gives it a fresh bundle_id with the same bundle_seq (the witness then sees two different keys)',
      [attack({ policy: 'first-cosign-wins', witnessKeys: false })],
      (a) => honestBoth(play({ ...a, relabel: true }, honest['first-cosign-wins'])).length === 0,
      { refutedBy: 'CX-T-COMP-SPLIT-004' },
    ),
    claim(
      'T-COMP-SPLIT.c2sp-relabel',
      'corrected §7: a C2SP witness with the values in the leaf refuses the relabelled second view too (it keys ' +
        'on the origin and tree size, not on bundle_id)',
      [attack({ policy: 'c2sp', placement: 'in-leaf' })],
      (a) => honestBoth(play({ ...a, relabel: true }, honest.c2sp)).length === 0,
      { numRuns: 80, corrects: 'T-COMP-SPLIT.fcw-relabel' },
    ),
    // §7: in CX-T-COMP-SPLIT-002 (w = 2, q = 1, no witness key) the collector sends view B to witness 0 and
    // view A to witness 1, and each view gets its quorum of one honest first-cosign-wins cosignature.
    claim(
      'T-COMP-SPLIT.no-split',
      '§7 claim (refuted, CX-T-COMP-SPLIT-002): under first-cosign-wins a split-view collector cannot get both ' +
        'views quorum-cosigned',
      [attack({ policy: 'first-cosign-wins', witnessKeys: false })],
      (a) => !play(a, honest['first-cosign-wins']).split,
      { refutedBy: 'CX-T-COMP-SPLIT-002' },
    ),
    claim(
      'T-COMP-SPLIT.split-bound',
      'corrected §7: with first-cosign-wins, or C2SP with values in the leaf, a split view is reached by some ' +
        'strategy iff 2*max(0, q-c) <= w-c (impossible exactly when q > (w+c)/2); no strategy beats the bound',
      [attack({ placement: 'in-leaf' })],
      (a) => {
        const searched = play(a, honest[a.policy]).split;
        const minimal = play({ ...a, moves: minimalSplit(a.w, a.q, a.c) }, honest[a.policy]).split;
        const possible = splitPossible(a.w, a.q, a.c);
        return (!searched || possible) && minimal === possible;
      },
      { numRuns: 150, corrects: 'T-COMP-SPLIT.no-split' },
    ),
    claim(
      'T-COMP-SPLIT.fcw-extension-bound',
      'corrected §7: with first-cosign-wins the bound holds for values in the extra field alone (the witness keys ' +
        'on the field itself)',
      [attack({ policy: 'first-cosign-wins', placement: 'extension' })],
      (a) => !play(a, honest['first-cosign-wins']).split || splitPossible(a.w, a.q, a.c),
      { numRuns: 100 },
    ),
    // §7: in CX-T-COMP-SPLIT-003 (the split of CX-T-COMP-SPLIT-002) the auditor holding view A learns
    // nothing from honest witness 1, which cosigned view A itself.
    claim(
      'T-COMP-SPLIT.any-honest-detects',
      '§7 claim (refuted, CX-T-COMP-SPLIT-003): after a split, an auditor holding one view detects it by querying ' +
        'any honest witness',
      [attack({ policy: 'first-cosign-wins', witnessKeys: false })],
      (a) => {
        const o = play(a, honest['first-cosign-wins']);
        if (!o.split) return true;
        const caught = detectors(o, a, 'A');
        return o.witnesses.every((w, i) => w.compromised || caught.includes(i));
      },
      { refutedBy: 'CX-T-COMP-SPLIT-003' },
    ),
    claim(
      'T-COMP-SPLIT.detectors',
      'corrected §7: after a split under first-cosign-wins, an auditor holding view A detects it exactly at the ' +
        'honest witnesses that cosigned view B',
      [attack({ policy: 'first-cosign-wins', witnessKeys: false })],
      (a) => {
        const o = play(a, honest['first-cosign-wins']);
        const honestB = o.cosignersB.filter((i) => !o.witnesses[i]!.compromised);
        return detectors(o, a, 'A').join() === honestB.join();
      },
      { numRuns: 100, corrects: 'T-COMP-SPLIT.any-honest-detects' },
    ),
    claim(
      'T-COMP-SPLIT.no-cross-verify',
      "§7 claim: a cosignature/v1 over one view verifies over it and never over the other view's checkpoint body",
      [attack({ maxW: 2 }), witnessSeedHex, cosignatureTimestamp],
      (a, seedHex, ts) => {
        const signer = { name: 'witness.example/w1', seed: Uint8Array.from(Buffer.from(seedHex, 'hex')) };
        const [bodyA, bodyB] = [bodyOf(a, 'A', S), bodyOf(a, 'B', S)];
        const v = cosignerOf(signer); // one public-key derivation for the signature and both checks
        const sig = sign(bodyA, signer, ts, v.keyId);
        return bodyA !== bodyB && verify(v, sig, bodyA) && !verify(v, sig, bodyB);
      },
      { numRuns: 25 },
    ),
  ],
  examples: ({ honest }) => [
    {
      id: 'T-COMP-SPLIT.default-quorum',
      title:
        '§1.3 default q = 2 with w = 4 witnesses, none compromised: the minimal split (view A to witnesses 0-1, B ' +
        'to 2-3) gives both consumers a verified quorum-cosigned note under first-cosign-wins',
      check: () => {
        const a: Attack = {
          w: 4,
          q: 2,
          c: 0,
          policy: 'first-cosign-wins',
          placement: 'extension',
          values: { A: [1.5, 2.25], B: [1.5, 3] },
          moves: minimalSplit(4, 2, 0),
        };
        const o = play(a, honest['first-cosign-wins']);
        // two consumers, real Ed25519 notes
        const [one, two] = (['A', 'B'] as const).map((v) => consume(cosignedView(a, o, v), a, a.q));
        const held =
          one?.ok && two?.ok
            ? `consumers hold D_max ${one.value.values.dMax} (cosigned by ${one.value.cosigners.join(', ')}) ` +
              `and ${two.value.values.dMax} (${two.value.cosigners.join(', ')})`
            : 'a consumer rejected its note';
        return {
          ok: o.split && !!one?.ok && !!two?.ok && !splitPossible(3, 2, 0),
          detail: `${held}; impossible once q > (w+c)/2, e.g. w = 3`,
        };
      },
    },
    ...detectionExamples(),
  ],
});
