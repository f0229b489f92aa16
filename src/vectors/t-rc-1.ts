/**
 * T-RC-1 conformance vectors (draft §5): group type "BrokerSequenceTest". A group gives a broker
 * configuration (OEM epochs, overlap and bindings, BFD sessions, the draft §5 reading, test keys);
 * a test gives packets as bytes with the broker time each arrives at, and expects the broker's
 * decision for each ("accept" or "reject:<reason>"). The result is about the last packet.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import {
  DRAFT_REASONS,
  EXTRA_REASONS,
  faithfulBroker,
  sessionId,
  type BfdSession,
  type BrokerConfig,
  type BrokerFactory,
  type Decision,
  type BrokerReading,
} from '../../model/broker.js';
import type { Oem } from '../../model/oem.js';
import type { KeyTable } from '../../model/key-table.js';
import { testKeys, TEST_KEY_LABEL } from '../lib/test-keys.js';
import { InputError } from '../lib/errors.js';
import { snapshotProblems } from '../lib/snapshot-decode.js';
import {
  registerExporter,
  registerVerifier,
  vectorsFile,
  type TestGroup,
  type TestVector,
  type VectorExporter,
  type VectorsFile,
  type VectorVerifier,
} from './format.js';
import { RC_CASES, RC_NOTES } from './t-rc-1-cases.js';
import { Script, type Step } from './t-rc-1-scenarios.js';

/** The group type of T-RC-1 vectors. */
export const BROKER_SEQUENCE_TYPE = 'BrokerSequenceTest';

/** A group's parameters as the file carries them. */
type GroupParams = {
  readonly bfd_seq_key: BrokerReading['bfdSeqKey'];
  readonly snapshot_seq: BrokerReading['snapshotSeq'];
  readonly seq_memory: BrokerReading['seqMemory'];
  readonly epoch_ms: number;
  readonly overlap_ms: number;
  readonly bindings: Record<string, number[]>;
  readonly sessions: Array<{ vantage: string; vantage_disc: number; broker_disc: number }>;
  readonly test_keys: {
    readonly note: string;
    readonly cwt: Record<string, string>;
    readonly bfd: Record<string, string>;
  };
};

const OEM: Oem = { epochMs: 1000, overlapMs: 200, bindings: { v1: [0, 1, 2, 3], v2: [0, 1] } };
const SESSIONS: BfdSession[] = [
  { vantage: 'v1', vantageDisc: 0x1101, brokerDisc: 0xb001 },
  { vantage: 'v1', vantageDisc: 0x1102, brokerDisc: 0xb002 },
  { vantage: 'v2', vantageDisc: 0x2201, brokerDisc: 0xb003 },
];
const EPOCHS = [0, 1, 2, 3];
/** Snapshot lifetime of the scripted vantages, ms. */
const LIFETIME_MS = 300;

function paramsOf(reading: BrokerReading): GroupParams {
  const keys = testKeys();
  const hex = (pairs: Array<[string, Uint8Array]>) => Object.fromEntries(pairs.map(([k, v]) => [k, bytesToHex(v)]));
  return {
    bfd_seq_key: reading.bfdSeqKey,
    snapshot_seq: reading.snapshotSeq,
    seq_memory: reading.seqMemory,
    epoch_ms: OEM.epochMs,
    overlap_ms: OEM.overlapMs,
    bindings: Object.fromEntries(Object.entries(OEM.bindings).map(([v, e]) => [v, [...e]])),
    sessions: SESSIONS.map((s) => ({ vantage: s.vantage, vantage_disc: s.vantageDisc, broker_disc: s.brokerDisc })),
    test_keys: {
      note:
        `${TEST_KEY_LABEL}: fixed test keys, not derived per draft §6; cwt keyed "vantage|epoch" (K_v_epoch), ` +
        `bfd keyed "session_id|epoch" (K_BFD_auth, session_id per draft §6)`,
      cwt: hex(
        Object.keys(OEM.bindings).flatMap((v) =>
          EPOCHS.map((e): [string, Uint8Array] => [`${v}|${e}`, keys.cwt(v, e)!]),
        ),
      ),
      bfd: hex(
        SESSIONS.flatMap((s) =>
          EPOCHS.map((e): [string, Uint8Array] => [`${sessionId(s)}|${e}`, keys.bfd(sessionId(s), e)!]),
        ),
      ),
    },
  };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const HEX = /^(?:[0-9a-f]{2})*$/;

/** The broker configuration a group describes; InputError names the malformed field. */
export function configOf(group: TestGroup): BrokerConfig {
  const p = group.parameters as Partial<GroupParams> | undefined;
  if (!isObj(p)) throw new InputError('group parameters: missing');
  if (p.bfd_seq_key !== 'session' && p.bfd_seq_key !== 'vantage')
    throw new InputError(`group parameters: field 'bfd_seq_key' must be "session" or "vantage"`);
  if (p.snapshot_seq !== 'none' && p.snapshot_seq !== 'carried')
    throw new InputError(`group parameters: field 'snapshot_seq' must be "none" or "carried"`);
  if (p.seq_memory !== 'kept' && p.seq_memory !== 'rfc5880')
    throw new InputError(`group parameters: field 'seq_memory' must be "kept" or "rfc5880"`);
  for (const f of ['epoch_ms', 'overlap_ms'] as const)
    if (!Number.isInteger(p[f]) || (p[f] as number) < (f === 'epoch_ms' ? 1 : 0))
      throw new InputError(
        `group parameters: field '${f}' must be a ${f === 'epoch_ms' ? 'positive' : 'non-negative'} integer`,
      );
  if (!isObj(p.bindings) || !Object.values(p.bindings).every((e) => Array.isArray(e) && e.every(Number.isInteger)))
    throw new InputError(`group parameters: field 'bindings' must map vantage ids to epoch_id lists`);
  if (
    !Array.isArray(p.sessions) ||
    !p.sessions.every(
      (s) =>
        isObj(s) &&
        typeof s.vantage === 'string' &&
        Number.isInteger(s.vantage_disc) &&
        Number.isInteger(s.broker_disc),
    )
  )
    throw new InputError(`group parameters: field 'sessions' must list {vantage, vantage_disc, broker_disc}`);
  const tk = p.test_keys;
  if (
    !isObj(tk) ||
    !isObj(tk.cwt) ||
    !isObj(tk.bfd) ||
    ![...Object.values(tk.cwt), ...Object.values(tk.bfd)].every((h) => typeof h === 'string' && HEX.test(h))
  )
    throw new InputError(`group parameters: field 'test_keys' must carry cwt and bfd maps of hex keys`);
  const table = (m: Record<string, string>) => (k: string) => (Object.hasOwn(m, k) ? hexToBytes(m[k]!) : undefined);
  const cwt = table(tk.cwt),
    bfd = table(tk.bfd);
  const keys: KeyTable = { cwt: (v, e) => cwt(`${v}|${e}`), bfd: (s, e) => bfd(`${s}|${e}`) };
  return {
    oem: { epochMs: p.epoch_ms!, overlapMs: p.overlap_ms!, bindings: p.bindings },
    keys,
    sessions: p.sessions.map((s) => ({ vantage: s.vantage, vantageDisc: s.vantage_disc, brokerDisc: s.broker_disc })),
    reading: { bfdSeqKey: p.bfd_seq_key, snapshotSeq: p.snapshot_seq, seqMemory: p.seq_memory },
    start: 0,
    snapshotSchema: snapshotProblems,
  };
}

const REASONS: readonly string[] = [...DRAFT_REASONS, ...EXTRA_REASONS];
/** A decision as the vectors write it. */
export const decisionText = (d: Decision): string => (d.accepted ? 'accept' : `reject:${d.reason}`);

function stepsOf(test: TestVector): Step[] {
  const { steps, ...rest } = test.input as { steps?: unknown };
  if (Object.keys(rest).length > 0) throw new InputError(`input: unknown field '${Object.keys(rest)[0]}'`);
  if (!Array.isArray(steps) || steps.length === 0)
    throw new InputError(`input: field 'steps' must be a non-empty list`);
  steps.forEach((s: unknown, i) => {
    if (
      !isObj(s) ||
      !Number.isInteger(s.at_ms) ||
      (s.path !== 'A' && s.path !== 'B') ||
      typeof s.packet_hex !== 'string' ||
      !HEX.test(s.packet_hex)
    )
      throw new InputError(`input: steps/${i} must be {at_ms: integer, path: "A" | "B", packet_hex: hex}`);
    if (i > 0 && (s.at_ms as number) < (steps[i - 1] as Step).at_ms)
      throw new InputError(`input: steps/${i} goes back in time`);
  });
  return steps as Step[];
}

/** Runs STEPS through a broker built by FACTORY; the decision of each, as text. */
export function decide(
  config: BrokerConfig,
  steps: readonly Step[],
  factory: BrokerFactory = faithfulBroker,
): string[] {
  const broker = factory(config);
  return steps.map((s) =>
    decisionText(
      s.path === 'A'
        ? broker.receiveSnapshot(hexToBytes(s.packet_hex), s.at_ms)
        : broker.receivePush(hexToBytes(s.packet_hex), s.at_ms),
    ),
  );
}

/** A BrokerSequenceTest verifier running FACTORY (the faithful broker by default). */
export function brokerSequenceVerifier(factory: BrokerFactory = faithfulBroker): VectorVerifier {
  return {
    type: BROKER_SEQUENCE_TYPE,
    verify(test, group) {
      const steps = stepsOf(test);
      const want = (test.expected as { decisions?: unknown }).decisions;
      if (
        !Array.isArray(want) ||
        want.length !== steps.length ||
        !want.every(
          (w) =>
            w === 'accept' ||
            (typeof w === 'string' && REASONS.includes(w.replace(/^reject:/, '')) && w.startsWith('reject:')),
        )
      ) {
        throw new InputError(
          `expected: field 'decisions' must give "accept" or "reject:<reason>" for each of the ${steps.length} steps`,
        );
      }
      const got = decide(configOf(group), steps, factory);
      const bad = got.findIndex((g, i) => g !== want[i]);
      return {
        ok: bad < 0,
        detail:
          bad < 0 ? `${steps.length} decisions match` : `step ${bad}: expected ${String(want[bad])}, got ${got[bad]}`,
      };
    },
  };
}

/** The three readings of draft §5 the file has a group for. */
const READINGS = {
  session: {
    reading: { bfdSeqKey: 'session', snapshotSeq: 'none', seqMemory: 'kept' },
    source:
      'draft §5, the reading the reference model uses: each predicate on the packet that carries its field, ' +
      'last_bfd_seq per BFD session',
  },
  vantage: {
    reading: { bfdSeqKey: 'vantage', snapshotSeq: 'none', seqMemory: 'kept' },
    source: 'draft §5 predicate (a) as printed: last_bfd_seq[vantage] (refuted reading, CX-T-RC-1-004)',
  },
  carried: {
    reading: { bfdSeqKey: 'session', snapshotSeq: 'carried', seqMemory: 'kept' },
    source:
      "draft §5 with snapshots carrying a never-reset bfd_seq checked by (a) against the vantage's last " +
      'snapshot seq (refuted reading, CX-T-RC-1-007)',
  },
  rfc5880: {
    reading: { bfdSeqKey: 'session', snapshotSeq: 'none', seqMemory: 'rfc5880' },
    source:
      'draft §5 with the RFC 5880 §6.8.1 receive rule: last_bfd_seq forgotten after twice the Detection Time ' +
      'without packets (refuted reading, CX-T-RC-1-008)',
  },
} as const satisfies Record<string, { reading: BrokerReading; source: string }>;

/** Builds the T-RC-1 vectors file: each case scripted, its decisions computed by the faithful broker. */
export function buildBrokerVectors(): VectorsFile {
  let tcId = 0;
  const testGroups = (Object.keys(READINGS) as Array<keyof typeof READINGS>).map((key): TestGroup => {
    const parameters = paramsOf(READINGS[key].reading);
    const group = { type: BROKER_SEQUENCE_TYPE, parameters, tests: [] as TestVector[] };
    const config = configOf(group as unknown as TestGroup);
    const tests = RC_CASES.filter((c) => c.reading === key).map((c): TestVector => {
      const script = new Script(config, LIFETIME_MS);
      c.build(script);
      const decisions = decide(config, script.steps);
      if (decisions.at(-1) !== c.last)
        throw new Error(`T-RC-1 vector '${c.comment}': the model decides ${decisions.at(-1)}, the case says ${c.last}`);
      return {
        tcId: ++tcId,
        comment: c.comment,
        flags: c.flags,
        input: { steps: script.steps },
        expected: { decisions },
        result: c.last === 'accept' ? 'valid' : 'invalid',
      };
    });
    return {
      type: BROKER_SEQUENCE_TYPE,
      source: READINGS[key].source,
      parameters,
      tests,
    };
  });
  return vectorsFile({
    algorithm: 'T-RC-1',
    header: [
      'T-RC-1 broker acceptance (draft §5): each test is a sequence of packets reaching one broker; ' +
        'expected.decisions gives "accept" or "reject:<reason>" for every step; result is about the last step.',
      'Path A packets are CWT snapshots as UTF-8 JSON {vantage_id, epoch_id, counter, expires_at, payload, ' +
        'tag}; tag = hex HMAC-SHA256 under K_v_epoch of the JSON of the other fields with sorted keys and no ' +
        'whitespace (a private choice: the draft gives no canonical form).',
      'Path B packets are RFC 5880 Control packets (24-byte mandatory section, A bit set) with a 40-byte ' +
        'authentication section: Auth Type 253 (a PRIVATE value: no RFC assigns one to HMAC-SHA256), Auth Len ' +
        '40, Auth Key ID = epoch_id mod 256, Reserved, Sequence Number, 32-byte HMAC-SHA256 of the packet with ' +
        'the digest zeroed.',
      'The broker checks, in order: decoding (malformed), BFD session by discriminators (unknown-session), OEM ' +
        'binding of (vantage, epoch_id) inside the epoch or its overlap window (epoch-mismatch), the HMAC ' +
        '(auth-failure), then draft §5 (a) on pushes, (b) and (c) on snapshots; reasons for failed predicates: ' +
        'double-replay, bfd-replay, cwt-replay, stale, in that order.',
      'auth-failure, malformed and unknown-session are not in the draft §5 REJECT_REASONS; double-replay needs ' +
        'a packet that carries both a BFD seq and a CWT counter: only the "carried" group (snapshot_seq ' +
        '"carried": every snapshot carries bfd_seq, checked by (a) against the last accepted snapshot of its ' +
        'vantage) has it.',
      'seq_memory "kept": last_bfd_seq is never forgotten (draft §5); "rfc5880": forgotten when no packet has ' +
        'been accepted on the session for 2 * Detect Mult * max(Desired Min TX, Required Min RX) (twice the ' +
        'Detection Time, bfd.AuthSeqKnown of RFC 5880 §6.8.1), after which any seq passes (a).',
      'Epoch e runs from e * epoch_ms and is accepted until (e + 1) * epoch_ms + overlap_ms. At each boundary ' +
        'the broker sets last_cwt_counter[v, e+1] = -1 and keeps last_bfd_seq (draft §5 EPOCH BOUNDARY). ' +
        'Counters and seqs start above -1 (any first value >= 0 passes).',
      `Keys are TEST KEYS (${TEST_KEY_LABEL}) given in the group parameters; draft §6 derivation is not used here.`,
    ],
    notes: RC_NOTES,
    testGroups,
  });
}

/** The registered verifier: the faithful draft §5 broker. */
export const BROKER_SEQUENCE_VERIFIER = brokerSequenceVerifier();
/** The exporter of spec/vectors/t-rc-1.json. */
export const brokerVectorsExporter: VectorExporter = { file: 't-rc-1.json', build: buildBrokerVectors };

registerVerifier(BROKER_SEQUENCE_VERIFIER);
registerExporter(brokerVectorsExporter);
