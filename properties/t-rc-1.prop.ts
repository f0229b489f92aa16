/**
 * T-RC-1 (draft §5, with §2 threats and §6 keys): the broker accepts a snapshot or a push iff
 * (a) bfd_seq > last_bfd_seq[vantage], (b) cwt_counter > last_cwt_counter[vantage, epoch_id] and
 * (c) expires_at > now(); each rejection logs one of five reasons; at an epoch boundary the CWT
 * counter restarts at -1, the BFD seq is kept, and both epochs are accepted during the overlap;
 * cross-epoch replay and forge are "rejected by (a) because the BFD seq does not reset" (T-RC-1.B).
 *
 * Model: model/broker.ts (acceptance), model/bfd/ (RFC 5880 Control packets with an HMAC-SHA256
 * section), model/snapshot.ts (CWT snapshot JSON), model/oem.ts (bindings, epochs, overlap).
 * Search: properties/t-rc-1/commands.ts (fc.commands: honest vantages emit on both paths; a
 * keyless adversary delivers out of order, drops, delays across boundaries, replays, forges),
 * properties/t-rc-1/world.ts (vantages, network, broker), t-rc-1/adversary.ts (forgeries),
 * t-rc-1/reference.ts (the reference model), t-rc-1/observers.ts (what each claim checks after
 * every delivery). Worlds: two vantages (v1 with one or two BFD sessions, v2 dropped by the OEM
 * from epoch 2), 1000 ms epochs, overlap 0, 200 or 500 ms, snapshots living 100 ms to 2.5 epochs.
 * Each refuted statement of the draft (pinned, `refutedBy`) is followed by the corrected rule the
 * search confirms (`corrects`).
 *
 * Reading. A push carries a BFD seq and no counter or expiry; a snapshot carries a counter and an
 * expiry and no BFD seq. So the code checks each predicate on the packet that carries its field:
 * (a) on pushes, (b) and (c) on snapshots. Under this reading `double-replay` ((a) AND (b) fail)
 * cannot occur, and a snapshot replayed across epochs is not rejected by (a) (it has no seq): it is
 * rejected by (b) while its epoch is open and by the OEM binding after (CX below). last_bfd_seq is
 * keyed by BFD session (the §5 bullet, RFC 5880); keyed by vantage, as predicate (a) prints it, a
 * vantage with two sessions is falsely rejected (CX below).
 * The other reading, where a snapshot also carries a never-reset BFD seq checked by (a)
 * (`snapshotSeq: 'carried'`), makes double-replay reachable and "cross-epoch replay is rejected by
 * (a)" true inside the overlap window, but breaks the overlap rule itself: an old-epoch snapshot
 * that arrives after a new-epoch one fails (a) (CX below). Both readings are searched. "The BFD
 * seq does not reset" is read as "the broker never forgets last_bfd_seq"; an RFC 5880 receiver
 * forgets it after twice the Detection Time of silence, which lets a replay through (CX below).
 */
import type { BrokerFactory, BrokerReading } from '../model/broker.js';
import { DEFAULT_READING, faithfulBroker } from '../model/broker.js';
import { adversary, commandsOf, runWorld, worldParams, type Commands } from './t-rc-1/commands.js';
import * as obs from './t-rc-1/observers.js';
import type { Observer, WorldParams } from './t-rc-1/world.js';
import { claim, type Claim } from '../src/engine/claim.js';
import { theorem } from '../src/engine/declare-theorem.js';

/** Runs per claim: each run is up to 30 commands with real HMACs. */
const RUNS = 150;

const revive = (stored: readonly unknown[]): unknown[] => [stored[0], commandsOf(stored[1])];

/** A claim searched by the adversary commands against BROKER, an observer checking every delivery. */
function searched(
  id: string,
  title: string,
  broker: BrokerFactory,
  observer: () => Observer,
  options: { refutedBy?: string; corrects?: string; reading?: BrokerReading } = {},
): Claim {
  const reading = options.reading ?? DEFAULT_READING;
  return claim<[WorldParams, Commands]>(
    id,
    title,
    [worldParams(), adversary()],
    (params, commands) => runWorld(broker, reading, params, commands, observer()),
    {
      numRuns: RUNS,
      revive,
      ...(options.refutedBy ? { refutedBy: options.refutedBy } : {}),
      ...(options.corrects ? { corrects: options.corrects } : {}),
    },
  );
}

/** Stored counterexamples of the draft's statements the search refutes. */
export const REFUTED = {
  iffPrinted: 'CX-T-RC-1-001',
  reasonsPrinted: 'CX-T-RC-1-002',
  proofHonestStream: 'CX-T-RC-1-003',
  seqPerVantage: 'CX-T-RC-1-004',
  replayByA: 'CX-T-RC-1-005',
  forgeByA: 'CX-T-RC-1-006',
  carriedOverlap: 'CX-T-RC-1-007',
  rfc5880SeqMemory: 'CX-T-RC-1-008',
} as const;

/** The other reading of which packet carries what: a snapshot carries a never-reset BFD seq too. */
const CARRIED: BrokerReading = { ...DEFAULT_READING, snapshotSeq: 'carried' };
/** The receiver of RFC 5880 §6.8.1: last_bfd_seq forgotten after twice the Detection Time of silence. */
const RFC5880: BrokerReading = { ...DEFAULT_READING, seqMemory: 'rfc5880' };

export default theorem<BrokerFactory>(import.meta, {
  id: 'T-RC-1',
  section: '§5',
  title: 'replay-counter coherence at the broker',
  model: faithfulBroker,
  claims: (broker) => [
    searched(
      'T-RC-1.A.no-double-accept',
      '§5 claim: nothing is accepted twice (no BFD session seq, no (vantage, epoch_id, counter)) whatever the ' +
        'adversary replays, reorders, delays, drops or forges',
      broker,
      obs.noDoubleAccept,
    ),
    // Reading of "does not reset": kept for ever (default), or forgotten as an RFC 5880 receiver does after silence.
    // §5: CX-T-RC-1-008: v1's push is accepted, then replayed after 400 ms of silence it is accepted a second
    // time, the receiver having forgotten its last_bfd_seq.
    searched(
      'T-RC-1.A.rfc5880-seq-memory',
      '§5 claim: nothing is accepted twice, with last_bfd_seq kept as an RFC 5880 receiver keeps it ' +
        '(bfd.AuthSeqKnown cleared after twice the Detection Time without packets; the §5 bullet: the seq never ' +
        'resets "within M * T_tick")',
      broker,
      obs.noDoubleAcceptOf('push'),
      { refutedBy: REFUTED.rfc5880SeqMemory, reading: RFC5880 },
    ),
    searched(
      'T-RC-1.A.seq-kept',
      'corrected §5 (a): last_bfd_seq kept through any silence of the session for as long as its epoch key ' +
        'verifies: no push is accepted twice',
      broker,
      obs.noDoubleAcceptOf('push'),
      { corrects: 'T-RC-1.A.rfc5880-seq-memory' },
    ),
    searched(
      'T-RC-1.A.reference',
      'model check §5: after every command the broker decides as the reference model (accept exactly the in-order ' +
        'honest packets of a bound, open epoch, unexpired)',
      broker,
      obs.matchesReference,
    ),
    // The proof says more than the rule gives: monotonic counters reject a reordered honest packet.
    // §5: CX-T-RC-1-003: v2 emits two pushes and the second arrives first; the first, honest and delivered for
    // the first time, is then rejected as bfd-replay (seq 1, last 2).
    searched(
      'T-RC-1.A.proof-honest-stream',
      '§5 claim (proof): both predicates accept exactly the legitimate honest stream, so every honest packet of a ' +
        'bound, open epoch that reaches the broker unexpired for the first time is accepted',
      broker,
      obs.everyHonestAccepted,
      { refutedBy: REFUTED.proofHonestStream },
    ),
    searched(
      'T-RC-1.A.no-false-reject',
      'corrected §5: every fresh honest packet (in order in its stream, epoch bound and open, unexpired) is ' +
        'accepted, across epoch boundaries and overlaps; a reordered one is not',
      broker,
      obs.noFalseReject,
      { corrects: 'T-RC-1.A.proof-honest-stream' },
    ),
    // Reading of (a): last_bfd_seq keyed by vantage, as the predicate prints it, or by BFD session, as the bullet above
    // it says.
    // §5: CX-T-RC-1-004: v1 runs two BFD sessions; once session s0's seq-1 push is accepted, the fresh seq-1
    // push of session s1 is rejected as bfd-replay.
    searched(
      'T-RC-1.A.seq-per-vantage',
      '§5 (a) claim: with last_bfd_seq[vantage] as printed, every fresh honest push is accepted, also from a ' +
        'vantage that runs two BFD sessions',
      broker,
      obs.noFalseRejectOf('push'),
      { refutedBy: REFUTED.seqPerVantage, reading: { ...DEFAULT_READING, bfdSeqKey: 'vantage' } },
    ),
    searched(
      'T-RC-1.A.seq-per-session',
      'corrected §5 (a): with last_bfd_seq kept per BFD session (discriminator pair), every fresh honest push is ' +
        'accepted, two sessions per vantage included',
      broker,
      obs.noFalseRejectOf('push'),
      { corrects: 'T-RC-1.A.seq-per-vantage' },
    ),
    // Reading of what a snapshot carries: nothing for (a) (the wire formats), or a never-reset BFD seq that (a) checks.
    // §5: CX-T-RC-1-007: at 1000 ms the new-epoch snapshot arrives first; the old-epoch one, inside the overlap
    // and unexpired, is then rejected as bfd-replay, its carried BFD seq being the lower.
    searched(
      'T-RC-1.A.carried-overlap',
      '§5 claim (EPOCH BOUNDARY): both old-epoch and new-epoch snapshots are accepted during the overlap window, ' +
        'under the reading where a snapshot carries a BFD seq that (a) checks',
      broker,
      obs.noFalseRejectOf('snapshot'),
      { refutedBy: REFUTED.carriedOverlap, reading: CARRIED },
    ),
    searched(
      'T-RC-1.A.overlap',
      'corrected §5: with snapshots carrying no BFD seq, both old-epoch and new-epoch snapshots are accepted ' +
        'during the overlap window, in whatever order the two epochs interleave',
      broker,
      obs.noFalseRejectOf('snapshot'),
      { corrects: 'T-RC-1.A.carried-overlap' },
    ),
    // The "iff" leaves out what the proof assumes (the HMAC) and the OEM binding behind epoch-mismatch.
    // §5: CX-T-RC-1-001: a keyless forgery of v1's snapshot with its counter bumped passes (b) and (c), the
    // predicates on the fields a snapshot carries, yet is rejected (auth-failure).
    searched(
      'T-RC-1.A.iff-printed',
      '§5 claim: a snapshot or a push is accepted if and only if (a) bfd_seq > last_bfd_seq AND (b) cwt_counter > ' +
        'last_cwt_counter[vantage, epoch_id] AND (c) expires_at > now()',
      broker,
      obs.iffPrinted,
      { refutedBy: REFUTED.iffPrinted },
    ),
    searched(
      'T-RC-1.A.iff',
      'corrected §5: accepted iff the HMAC verifies AND the OEM binds (vantage, epoch_id) now AND (a), (b), (c) ' +
        'hold on the fields the packet carries (a keyless forgery satisfies (a)-(c) and is rejected)',
      broker,
      obs.iffCorrected,
      { corrects: 'T-RC-1.A.iff-printed' },
    ),
    // REJECT_REASONS has no code for a failed HMAC, an undecodable packet or an unknown BFD session.
    // §5: CX-T-RC-1-002 (the trace of CX-T-RC-1-001): the forged snapshot is rejected as auth-failure, a reason
    // not among the five.
    searched(
      'T-RC-1.A.reasons-printed',
      '§5 claim: every rejection is logged with one of the five REJECT_REASONS (bfd-replay, cwt-replay, ' +
        'double-replay, stale, epoch-mismatch)',
      broker,
      obs.reasonsPrinted,
      { refutedBy: REFUTED.reasonsPrinted },
    ),
    searched(
      'T-RC-1.A.reasons',
      'corrected §5: every rejection has exactly one reason, from the five plus auth-failure (HMAC), malformed ' +
        '(undecodable), unknown-session (discriminators), and it is the one the failed check gives',
      broker,
      obs.reasonsCorrected,
      { corrects: 'T-RC-1.A.reasons-printed' },
    ),
    searched(
      'T-RC-1.B.cross-epoch-rejected',
      '§5 claim (T-RC-1.B): a packet accepted in an earlier epoch and replayed, or a packet forged after an epoch ' +
        'boundary, is rejected',
      broker,
      obs.crossEpochRejected,
    ),
    // T-RC-1.B's conclusion holds; the cause it gives does not, for a snapshot (no seq) nor for a forge (the HMAC
    // rejects it first).
    // §5 T-RC-1.B: CX-T-RC-1-005: an epoch-0 snapshot replayed at 1000 ms, epoch 1 current, is rejected by (b)
    // (cwt-replay), not by (a): a snapshot carries no BFD seq.
    searched(
      'T-RC-1.B.replay-by-a',
      '§5 claim: cross-epoch replay (an old-epoch packet replayed under its old epoch_id while the new epoch is ' +
        'current) is rejected by (a), because the BFD seq does not reset',
      broker,
      obs.replayRejectedByA,
      { refutedBy: REFUTED.replayByA },
    ),
    searched(
      'T-RC-1.B.replay-reasons',
      'corrected §5: a cross-epoch replay is rejected by (a) if it is a push and by (b) if it is a snapshot while ' +
        'its epoch is open, and by the OEM binding (epoch-mismatch) after',
      broker,
      obs.crossEpochReplayReasons,
      { corrects: 'T-RC-1.B.replay-by-a' },
    ),
    // §5 T-RC-1.B: CX-T-RC-1-006: after the epoch boundary a snapshot forged under an adversary key is rejected by the
    // HMAC (auth-failure), not by (a).
    searched(
      'T-RC-1.B.forge-by-a',
      '§5 claim: cross-epoch forge (claiming the new epoch_id with an old BFD seq) is rejected by (a), for the ' +
        'same reason',
      broker,
      obs.forgeRejectedByA,
      { refutedBy: REFUTED.forgeByA },
    ),
    searched(
      'T-RC-1.B.forge-reasons',
      'corrected §5: a cross-epoch forge is rejected by the HMAC (auth-failure), or by the OEM binding when the ' +
        'epoch it claims is not open; (a) plays no part',
      broker,
      obs.crossEpochForgeReasons,
      { corrects: 'T-RC-1.B.forge-by-a' },
    ),
    // Under the other reading the cause holds, inside the overlap window (but see T-RC-1.A.carried-overlap).
    searched(
      'T-RC-1.B.carried-replay-by-a',
      '§5 claim (T-RC-1.B): under the reading where a snapshot carries a BFD seq that (a) checks, a cross-epoch ' +
        'replay is rejected by (a) (bfd-replay, or double-replay for a snapshot) while its epoch is open, and by ' +
        'the OEM binding after',
      broker,
      obs.replayByAOrBinding,
      { reading: CARRIED },
    ),
  ],
});
