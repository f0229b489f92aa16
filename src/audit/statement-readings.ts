/**
 * Sentences of the draft that admit several readings, each reading searched by its own property (issue 18,
 * Deliver 1 for statements). The audit reports one entry per sentence: its verdict follows the verdict rule
 * over the readings (src/lib/claim-verdict.ts), `underspecified` when the readings disagree on an acceptance
 * decision, which is an interoperability and security property (two brokers following the text would accept
 * different packets).
 */
import type { Anchor } from './anchor.js';

/** One reading of a sentence: its name and the property that checks the sentence under it. */
export interface StatementReading {
  readonly name: string;
  /** The claim id (properties/) that searches the sentence under this reading. */
  readonly claim: string;
  /** Where the text supports this reading, and the words it turns on. */
  readonly anchor: Anchor;
}

/** A sentence with several readings. */
export interface ReadingsOfSentence {
  /** The entry's id in the audit. */
  readonly id: string;
  readonly section: string;
  /** The sentence, paraphrased no more strongly than the text. */
  readonly paraphrase: string;
  /** What the text leaves open, in a few words. */
  readonly open: string;
  /** The readings decide acceptance (a security and interoperability property). */
  readonly interop: boolean;
  readonly readings: readonly StatementReading[];
}

/** Every sentence of the draft whose readings the properties search separately. */
export const STATEMENT_READINGS: readonly ReadingsOfSentence[] = [
  {
    id: 'T-RC-1.A.seq-key',
    section: '§5',
    paraphrase: 'a fresh honest BFD push is accepted by (a), also from a vantage running two BFD sessions',
    open: 'last_bfd_seq is kept per BFD session (the bullet) or per vantage (the predicate)',
    interop: true,
    readings: [
      {
        name: 'per BFD session',
        claim: 'T-RC-1.A.seq-per-session',
        anchor: { section: '§5', lines: [613, 613], words: ['per-(BFD session)'] },
      },
      {
        name: 'per vantage, as (a) prints it',
        claim: 'T-RC-1.A.seq-per-vantage',
        anchor: { section: '§5', lines: [624, 624], words: ['last_bfd_seq[vantage]'] },
      },
    ],
  },
  {
    id: 'T-RC-1.A.seq-memory',
    section: '§5',
    paraphrase: 'no BFD push is accepted twice: the BFD seq does not reset',
    open: 'how long last_bfd_seq is remembered',
    interop: true,
    readings: [
      // the EPOCH BOUNDARY bullet: the broker KEEPS last_bfd_seq
      {
        name: 'kept while the epoch key verifies',
        claim: 'T-RC-1.A.seq-kept',
        anchor: { section: '§5', lines: [657, 657], words: ['KEEPS last_bfd_seq'] },
      },
      // the §5 bullet: NEVER resets "within M * T_tick", as an RFC 5880 receiver forgets it after silence
      {
        name: 'remembered as an RFC 5880 receiver does',
        claim: 'T-RC-1.A.rfc5880-seq-memory',
        anchor: { section: '§5', lines: [613, 614], words: ['NEVER resets within M * T_tick'] },
      },
    ],
  },
  {
    id: 'T-RC-1.A.overlap-window',
    section: '§5',
    paraphrase: 'during the overlap window both old-epoch and new-epoch snapshots are accepted',
    open: 'whether a snapshot carries a BFD seq that (a) checks',
    interop: true,
    readings: [
      // the two paths are distinct packets (§3.1): a snapshot carries a CWT counter, a push a BFD seq
      {
        name: 'a snapshot carries no BFD seq',
        claim: 'T-RC-1.A.overlap',
        anchor: { section: '§3.1', lines: [351, 351], words: ['DISTINCT packets'] },
      },
      // the theorem applies (a) to "A snapshot (or a Coherence-BFD push)"
      {
        name: 'a snapshot carries a BFD seq that (a) checks',
        claim: 'T-RC-1.A.carried-overlap',
        anchor: {
          section: '§5',
          lines: [621, 624],
          words: ['A snapshot (or a Coherence-BFD push)', 'bfd_seq > last_bfd_seq[vantage]'],
        },
      },
    ],
  },
  {
    id: 'T-RC-1.B.replay-reason',
    section: '§5',
    paraphrase: 'a cross-epoch replay of an old-epoch snapshot is rejected by (a), because the BFD seq does not reset',
    open: 'whether a snapshot carries a BFD seq that (a) checks',
    // rejected either way (T-RC-1.B.replay-reasons); the readings differ in the check and the logged reason only
    interop: false,
    readings: [
      {
        name: 'a snapshot carries no BFD seq',
        claim: 'T-RC-1.B.replay-by-a',
        anchor: { section: '§3.1', lines: [351, 351], words: ['DISTINCT packets'] },
      },
      {
        name: 'a snapshot carries a BFD seq that (a) checks',
        claim: 'T-RC-1.B.carried-replay-by-a',
        anchor: { section: '§5', lines: [662, 664], words: ['old-epoch snapshot', 'rejected by (a)'] },
      },
    ],
  },
  {
    id: 'T-VDOS-1.claim-b-slope',
    section: '§4.3',
    paraphrase: 'above rate_limit_factor the rate-limited ratio grows with slope c_xdp / c_path in flood_factor',
    open: 'how often c_xdp is charged',
    interop: false, // a cost accounting: both readings reject and admit the same packets
    readings: [
      {
        name: 'c_xdp on every packet that reaches the limiter',
        claim: 'T-VDOS-1.claim-b',
        anchor: { section: '§4.1', lines: [455, 456], words: ['dropped packets pay only', 'the lookup cost c_xdp'] },
      },
      {
        name: 'c_xdp once per (snapshot, push) pair, as the proof charges it',
        claim: 'T-VDOS-1.claim-b-per-pair',
        anchor: { section: '§4.3', lines: [572, 573], words: ['(accepted_pps + dropped_pps)', '* c_xdp'] },
      },
    ],
  },
  {
    id: 'T-VDOS-1.legit-bursts',
    section: '§4.2',
    paraphrase: 'the default factors (4 sustained, 8 burst) cover the legitimate bursts §4.2 names, compounded',
    open: 'how long "a few seconds" of a BGP batch (and of jitter compounded with it) lasts',
    interop: false, // both readings configure the same limiter; they differ in the traffic it must pass
    readings: [
      {
        name: 'a few seconds: at most 3 s',
        claim: 'T-VDOS-1.legit-3s',
        anchor: { section: '§4.2', lines: [510, 511], words: ['for one to a few seconds'] },
      },
      {
        name: 'a few seconds: up to 5 s',
        claim: 'T-VDOS-1.legit',
        anchor: { section: '§4.2', lines: [510, 511], words: ['for one to a few seconds'] },
      },
    ],
  },
];
