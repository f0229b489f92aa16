/**
 * The T-RC-1 vector cases (draft §5): what each sequence exercises, built with a Script, and the
 * decision its last packet must get (checked against the faithful broker when the file is built).
 * Times are broker ms; epochs are 1000 ms, the overlap 200 ms, snapshots live 300 ms.
 */
import { hexToBytes } from '@noble/hashes/utils.js';
import { signBfd } from '../../model/bfd/auth.js';
import { honestPush } from '../../model/bfd/honest-push.js';
import { signSnapshot } from '../../model/snapshot.js';
import { testKey, testKeys } from '../lib/test-keys.js';
import type { Script } from './t-rc-1-scenarios.js';

/** One vector before numbering. */
export interface RcCase {
  readonly comment: string;
  readonly flags: readonly string[];
  /** The §5 reading of the group it belongs to. */
  readonly reading: 'session' | 'vantage' | 'carried' | 'rfc5880';
  readonly build: (s: Script) => void;
  /** The decision of the last step. */
  readonly last: string;
}

const utf8 = (t: string) => new TextEncoder().encode(t);

/** Every case, in the order of the file. */
export const RC_CASES: readonly RcCase[] = [
  {
    comment: 'in-order honest pushes and snapshots of one vantage are accepted',
    flags: ['Honest'],
    reading: 'session',
    last: 'accept',
    build: (s) => {
      s.push('v1', 0, 10);
      s.snapshot('v1', 10);
      s.push('v1', 0, 60);
      s.snapshot('v1', 60);
    },
  },
  {
    comment: '(a) a push replayed in the same epoch: bfd-replay',
    flags: ['Replay'],
    reading: 'session',
    last: 'reject:bfd-replay',
    build: (s) => {
      const p = s.push('v1', 0, 10);
      s.again(p, 20);
    },
  },
  {
    comment: '(b) a snapshot replayed in the same epoch: cwt-replay',
    flags: ['Replay'],
    reading: 'session',
    last: 'reject:cwt-replay',
    build: (s) => {
      const a = s.snapshot('v1', 10);
      s.again(a, 20);
    },
  },
  {
    comment: '(c) a snapshot delivered after expires_at: stale',
    flags: ['Delay'],
    reading: 'session',
    last: 'reject:stale',
    build: (s) => {
      s.snapshot('v1', 10, 400);
    },
  },
  {
    comment: '(c) expires_at equal to now is stale (strict >)',
    flags: ['Delay', 'EdgeCase'],
    reading: 'session',
    last: 'reject:stale',
    build: (s) => {
      s.snapshot('v1', 10, 310);
    },
  },
  {
    comment: 'a push overtaken by a later one is rejected as bfd-replay though never seen before',
    flags: ['Reorder', 'ReasonConflation'],
    reading: 'session',
    last: 'reject:bfd-replay',
    build: (s) => {
      const p = s.push('v1', 0, 10);
      s.push('v1', 0, 10);
      s.delay(p, 20);
    },
  },
  {
    comment: 'epoch boundary: the CWT counter restarts (counter 0 of epoch 1 after counter 2 of epoch 0)',
    flags: ['EpochBoundary'],
    reading: 'session',
    last: 'accept',
    build: (s) => {
      s.snapshot('v1', 900);
      s.snapshot('v1', 910);
      s.snapshot('v1', 920);
      s.snapshot('v1', 1010);
    },
  },
  {
    comment: 'epoch boundary: the BFD seq continues under the new epoch key (Auth Key ID 1)',
    flags: ['EpochBoundary'],
    reading: 'session',
    last: 'accept',
    build: (s) => {
      s.push('v1', 0, 900);
      s.push('v1', 0, 1010);
    },
  },
  {
    comment: 'overlap window: an old-epoch snapshot still in flight is accepted after the boundary',
    flags: ['Overlap'],
    reading: 'session',
    last: 'accept',
    build: (s) => {
      s.snapshot('v1', 1010);
      s.snapshot('v1', 950, 1100);
    },
  },
  {
    comment: 'after the overlap window an old-epoch push is epoch-mismatch',
    flags: ['Overlap'],
    reading: 'session',
    last: 'reject:epoch-mismatch',
    build: (s) => {
      s.push('v1', 0, 1250, { epoch: 0 });
    },
  },
  {
    comment: 'cross-epoch replay of a push inside the overlap: rejected by (a), the seq was not reset',
    flags: ['CrossEpochReplay'],
    reading: 'session',
    last: 'reject:bfd-replay',
    build: (s) => {
      const p = s.push('v1', 0, 900);
      s.again(p, 1100);
    },
  },
  {
    comment: 'cross-epoch replay of a push after the overlap: epoch-mismatch (its Auth Key ID names a closed epoch)',
    flags: ['CrossEpochReplay'],
    reading: 'session',
    last: 'reject:epoch-mismatch',
    build: (s) => {
      const p = s.push('v1', 0, 900);
      s.again(p, 1300);
    },
  },
  {
    comment:
      'cross-epoch replay of a snapshot inside the overlap: rejected by (b), not (a) (a snapshot has no BFD seq)',
    flags: ['CrossEpochReplay', 'CrossEpochSnapshotReplay'],
    reading: 'session',
    last: 'reject:cwt-replay',
    build: (s) => {
      const a = s.snapshot('v1', 990);
      s.again(a, 1100);
    },
  },
  {
    comment: 'cross-epoch replay of a snapshot after the overlap: epoch-mismatch, not (a)',
    flags: ['CrossEpochReplay', 'CrossEpochSnapshotReplay'],
    reading: 'session',
    last: 'reject:epoch-mismatch',
    build: (s) => {
      const a = s.snapshot('v1', 990);
      s.again(a, 1250);
    },
  },
  {
    comment: 'cross-epoch forge: an old snapshot claiming the new epoch_id, tag kept: auth-failure',
    flags: ['Forge', 'CrossEpochForge', 'ReasonOutsideDraftSet'],
    reading: 'session',
    last: 'reject:auth-failure',
    build: (s) => {
      const a = s.snapshot('v1', 990);
      s.forgeSnapshot(a, 1100, { epoch_id: 1 });
    },
  },
  {
    comment: 'cross-epoch forge: an old push claiming the new epoch (Auth Key ID 1), digest kept: auth-failure',
    flags: ['Forge', 'CrossEpochForge', 'ReasonOutsideDraftSet'],
    reading: 'session',
    last: 'reject:auth-failure',
    build: (s) => {
      const p = s.push('v1', 0, 900);
      s.forgePush(p, 1100, { authKeyId: 1, seq: 1000 });
    },
  },
  {
    comment: 'forge: a snapshot counter raised, tag kept: auth-failure',
    flags: ['Forge', 'ReasonOutsideDraftSet'],
    reading: 'session',
    last: 'reject:auth-failure',
    build: (s) => {
      const a = s.snapshot('v1', 10);
      s.forgeSnapshot(a, 20, { counter: 1000 });
    },
  },
  {
    comment: 'forge: a push signed with a key the deployment does not hold: auth-failure',
    flags: ['Forge', 'ReasonOutsideDraftSet'],
    reading: 'session',
    last: 'reject:auth-failure',
    build: (s) => {
      s.raw('B', signBfd(honestPush({ vantageDisc: 0x1101, brokerDisc: 0xb001 }, 99), testKey('adversary')), 10);
    },
  },
  {
    comment: 'the OEM does not bind v2 to epoch 2: epoch-mismatch',
    flags: ['EpochBinding'],
    reading: 'session',
    last: 'reject:epoch-mismatch',
    build: (s) => {
      s.snapshot('v2', 2010);
    },
  },
  {
    comment: 'a snapshot of a future epoch (epoch_id 1 at 500 ms): epoch-mismatch',
    flags: ['EpochBinding'],
    reading: 'session',
    last: 'reject:epoch-mismatch',
    build: (s) => {
      s.snapshot('v1', 500, 500, { epoch_id: 1 });
    },
  },
  {
    comment:
      'a vantage clock 50 ms ahead: its first new-epoch snapshot ' +
      'reaches the broker before the boundary: epoch-mismatch',
    flags: ['EpochBinding', 'ClockSkew'],
    reading: 'session',
    last: 'reject:epoch-mismatch',
    build: (s) => {
      s.snapshot('v1', 1000, 950);
    },
  },
  {
    comment: 'a vantage clock 50 ms behind: its last old-epoch snapshot arrives inside the overlap: accepted',
    flags: ['Overlap', 'ClockSkew'],
    reading: 'session',
    last: 'accept',
    build: (s) => {
      s.snapshot('v1', 990, 1040);
    },
  },
  {
    comment: 'two BFD sessions of one vantage, each from seq 1: both accepted (last_bfd_seq per session)',
    flags: ['SessionKeyedSeq'],
    reading: 'session',
    last: 'accept',
    build: (s) => {
      s.push('v1', 0, 10);
      s.push('v1', 1, 20);
    },
  },
  {
    comment: 'unknown discriminator pair: unknown-session',
    flags: ['ReasonOutsideDraftSet'],
    reading: 'session',
    last: 'reject:unknown-session',
    build: (s) => {
      s.push('v1', 0, 10, { myDiscriminator: 0x9999 });
    },
  },
  {
    comment: 'a BFD Control packet without an authentication section: malformed',
    flags: ['Malformed', 'ReasonOutsideDraftSet'],
    reading: 'session',
    last: 'reject:malformed',
    build: (s) => {
      const p = s.push('v1', 0, 10);
      const b = hexToBytes(s.steps[p]!.packet_hex).slice(0, 24);
      b[1] = b[1]! & ~0x04;
      b[3] = 24;
      s.steps.pop();
      s.raw('B', b, 10);
    },
  },
  {
    comment: 'a snapshot that is not JSON: malformed',
    flags: ['Malformed', 'ReasonOutsideDraftSet'],
    reading: 'session',
    last: 'reject:malformed',
    build: (s) => {
      s.raw('A', utf8('{"vantage_id":"v1",'), 10);
    },
  },
  {
    comment:
      'draft §5 predicate (a) as printed, last_bfd_seq[vantage]: the second session of a vantage is falsely rejected',
    flags: ['VantageKeyedReading'],
    reading: 'vantage',
    last: 'reject:bfd-replay',
    build: (s) => {
      s.push('v1', 0, 10);
      s.push('v1', 1, 20);
    },
  },
  {
    comment:
      'a push replayed after 390 ms of silence on its session (more than ' +
      'twice the 150 ms Detection Time): bfd-replay, last_bfd_seq is kept',
    flags: ['Replay', 'SeqKeptThroughSilence'],
    reading: 'session',
    last: 'reject:bfd-replay',
    build: (s) => {
      const p = s.push('v1', 0, 10);
      s.again(p, 400);
    },
  },
  {
    comment:
      'RFC 5880 receive rule: a push replayed after 390 ms of ' +
      'silence (bfd.AuthSeqKnown cleared) is accepted a second time',
    flags: ['Rfc5880SeqMemory'],
    reading: 'rfc5880',
    last: 'accept',
    build: (s) => {
      const p = s.push('v1', 0, 10);
      s.again(p, 400);
    },
  },
  {
    comment: 'RFC 5880 receive rule: a push replayed within twice the Detection Time is bfd-replay',
    flags: ['Rfc5880SeqMemory', 'Replay'],
    reading: 'rfc5880',
    last: 'reject:bfd-replay',
    build: (s) => {
      const p = s.push('v1', 0, 10);
      s.again(p, 300);
    },
  },
  {
    comment: 'carried reading: a snapshot replayed in the same epoch fails (a) and (b): double-replay',
    flags: ['CarriedReading', 'Replay'],
    reading: 'carried',
    last: 'reject:double-replay',
    build: (s) => {
      const a = s.snapshot('v1', 10);
      s.again(a, 20);
    },
  },
  {
    comment: 'carried reading: a snapshot replayed across epochs inside the overlap fails (a) and (b): double-replay',
    flags: ['CarriedReading', 'CrossEpochReplay'],
    reading: 'carried',
    last: 'reject:double-replay',
    build: (s) => {
      const a = s.snapshot('v1', 990);
      s.again(a, 1100);
    },
  },
  {
    comment:
      'carried reading: inside the overlap window an old-epoch snapshot arriving after a new-epoch one fails (a)',
    flags: ['CarriedReading', 'Overlap', 'CarriedOverlapFalseReject'],
    reading: 'carried',
    last: 'reject:bfd-replay',
    build: (s) => {
      const a = s.snapshot('v1', 990);
      s.snapshot('v1', 1010);
      s.delay(a, 1020);
    },
  },
  {
    comment: 'carried reading: an authentic snapshot without bfd_seq is malformed',
    flags: ['CarriedReading', 'Malformed', 'ReasonOutsideDraftSet'],
    reading: 'carried',
    last: 'reject:malformed',
    build: (s) => {
      s.raw(
        'A',
        signSnapshot(
          { vantage_id: 'v1', epoch_id: 0, counter: 0, expires_at: 300, payload: 'no seq' },
          testKeys().cwt('v1', 0)!,
        ),
        10,
      );
    },
  },
];

/** What each flag means. */
export const RC_NOTES = {
  Honest: {
    bugType: 'BASIC',
    description: 'Fresh honest packets in order: a conformant broker accepts every one (draft §5).',
  },
  Replay: {
    bugType: 'FUNCTIONALITY',
    description: 'The same bytes again in the same epoch: (a) for a push, (b) for a snapshot.',
  },
  Delay: {
    bugType: 'FUNCTIONALITY',
    description: 'A snapshot delivered at or after its expires_at: (c), reason stale.',
  },
  Reorder: {
    bugType: 'FUNCTIONALITY',
    description:
      'A packet overtaken by a later one of its stream: the monotonic rules reject it (the ' +
      'draft §5 proof says the predicates accept exactly the honest stream; they do not).',
  },
  ReasonConflation: {
    bugType: 'KNOWN_BUG',
    description: 'Draft §5 has no reason for a reordered packet; it is logged as a replay although it was never seen.',
  },
  EpochBoundary: {
    bugType: 'FUNCTIONALITY',
    description: 'Draft §5 EPOCH BOUNDARY: last_cwt_counter of the new epoch starts at -1; last_bfd_seq is kept.',
  },
  Overlap: {
    bugType: 'FUNCTIONALITY',
    description: 'CWT §7.3 overlap window (200 ms here): both epochs are accepted inside it, only the new one after.',
  },
  CrossEpochReplay: {
    bugType: 'FUNCTIONALITY',
    description: 'A packet accepted in epoch e replayed in epoch e+1 (T-RC-1.B): rejected.',
  },
  CrossEpochSnapshotReplay: {
    bugType: 'KNOWN_BUG',
    description:
      'Draft §5 says cross-epoch replay is rejected by (a); a snapshot carries ' +
      'no BFD seq, so (b) or the OEM binding rejects it (CX-T-RC-1-005).',
  },
  CrossEpochForge: {
    bugType: 'FUNCTIONALITY',
    description:
      'An old packet claiming the new epoch (T-RC-1.B): rejected by ' +
      'authentication, not by (a) as the draft says (CX-T-RC-1-006).',
  },
  Forge: {
    bugType: 'AUTH_BYPASS',
    description: 'A packet the adversary changed or signed without the deployment key: the HMAC fails.',
  },
  ReasonOutsideDraftSet: {
    bugType: 'KNOWN_BUG',
    description:
      'Draft §5 REJECT_REASONS has no code for this rejection; the reference ' +
      'model logs auth-failure, malformed or unknown-session (CX-T-RC-1-002).',
  },
  EpochBinding: {
    bugType: 'FUNCTIONALITY',
    description: 'The OEM does not bind (vantage, epoch_id) at this time: epoch-mismatch.',
  },
  SessionKeyedSeq: {
    bugType: 'FUNCTIONALITY',
    description:
      'last_bfd_seq kept per BFD session (the draft §5 bullet and RFC 5880), the reading the reference model uses.',
  },
  VantageKeyedReading: {
    bugType: 'KNOWN_BUG',
    description:
      'The other reading: last_bfd_seq[vantage] as draft §5 predicate (a) prints ' +
      'it; a vantage with two sessions is falsely rejected (CX-T-RC-1-004).',
  },
  Malformed: {
    bugType: 'MALFORMED_INPUT',
    description: "Bytes that do not decode as the path's packet: rejected with a reason, never a crash.",
  },
  CarriedReading: {
    bugType: 'FUNCTIONALITY',
    description:
      'The reading where every snapshot carries a never-reset bfd_seq that (a) checks: ' +
      'the only one under which double-replay can occur and (a) can reject a snapshot.',
  },
  CarriedOverlapFalseReject: {
    bugType: 'KNOWN_BUG',
    description:
      'Under the carried reading the draft §5 overlap rule (accept both epochs) fails: an ' +
      'old-epoch snapshot arriving after a new-epoch one has a smaller seq (CX-T-RC-1-007).',
  },
  ClockSkew: {
    bugType: 'EDGE_CASE',
    description:
      'Vantage and broker clocks differ: the overlap window (after the boundary, as modelled) ' +
      'absorbs a late vantage but not an early one; draft §5 does not say where the window sits.',
  },
  SeqKeptThroughSilence: {
    bugType: 'FUNCTIONALITY',
    description:
      'Draft §5: the BFD seq does not reset, so a silent session ' +
      'does not reopen the seq space (unlike RFC 5880 §6.8.1).',
  },
  Rfc5880SeqMemory: {
    bugType: 'KNOWN_BUG',
    description:
      'An RFC 5880 receiver clears bfd.AuthSeqKnown after twice the Detection ' +
      "Time without packets; an adversary who drops a session's pushes that " +
      'long can replay an old one of the same key epoch (CX-T-RC-1-008).',
  },
  EdgeCase: { bugType: 'EDGE_CASE', description: 'A value at a boundary of a predicate.' },
};
