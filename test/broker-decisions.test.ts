/**
 * The draft §5 broker, decision by decision: each reject carries its reason and a detail naming the
 * facts behind it (the seq and the last one, the counter and expiry, the discriminators, the Key ID),
 * every accept names what it accepted, session_id orders the discriminators numerically, the
 * 'vantage' reading keeps one seq per vantage, and the RFC 5880 reading forgets a seq exactly two
 * Detection Times after the last packet. The model-based search (properties/t-rc-1.prop.ts) checks
 * accept/reject against a reference; these pin what it does not look at.
 */
import { describe, expect, test } from 'vitest';
import { signBfd } from '../model/bfd/auth.js';
import { honestPush } from '../model/bfd/honest-push.js';
import { Broker, DEFAULT_READING, sessionId, type BrokerReading } from '../model/broker.js';
import { signSnapshot, type SnapshotBody } from '../model/snapshot.js';
import { brokerConfig } from '../properties/t-rc-1/world.js';

const PARAMS = { overlapMs: 100, lifetimeMs: 500, v1Sessions: 2 } as const;
const broker = (reading: BrokerReading = DEFAULT_READING) => {
  const config = brokerConfig(PARAMS, reading);
  return { b: new Broker(config), config };
};
const S1 = { vantage: 'v1', vantageDisc: 0x1101, brokerDisc: 0xb001 };
const S2 = { vantage: 'v1', vantageDisc: 0x1102, brokerDisc: 0xb002 };
const SV2 = { vantage: 'v2', vantageDisc: 0x2201, brokerDisc: 0xb003 };

/** An honest push on SESSION with SEQ in EPOCH (Detection Time = 3 x max(Tx, Rx) = 3 x 50 ms). */
function push(
  config: ReturnType<typeof brokerConfig>,
  session: typeof S1,
  seq: number,
  epoch = 0,
  over: Partial<{ my: number; your: number; keyId: number; desiredMinTxUs: number }> = {},
) {
  return signBfd(
    {
      ...honestPush(session, seq, over.keyId ?? epoch & 0xff),
      ...(over.desiredMinTxUs === undefined ? {} : { desiredMinTxUs: over.desiredMinTxUs }),
      ...(over.my === undefined ? {} : { myDiscriminator: over.my }),
      ...(over.your === undefined ? {} : { yourDiscriminator: over.your }),
    },
    config.keys.bfd(sessionId(session), epoch)!,
  );
}

function snapshot(config: ReturnType<typeof brokerConfig>, body: Partial<SnapshotBody> = {}) {
  const b: SnapshotBody = { vantage_id: 'v1', epoch_id: 0, counter: 0, expires_at: 400, payload: 'p', ...body };
  return signSnapshot(b, config.keys.cwt(b.vantage_id, b.epoch_id)!);
}

describe('the faithful reading of draft §5', () => {
  test(
    'keeps one seq per BFD session, ' + 'carries no seq in snapshots, and never forgets a seq while the key is valid',
    () => {
      // the readings the errata argue for (CX-T-RC-1-004, -007, -008); the alternatives are the mutants' and the
      // audit's
      expect(DEFAULT_READING).toEqual({ bfdSeqKey: 'session', snapshotSeq: 'none', seqMemory: 'kept' });
    },
  );
});

describe('session_id (draft §6)', () => {
  test.each([
    [0x20, 0x10, '0000001000000020'],
    [0x10, 0x20, '0000001000000020'],
    [9, 16, '0000000900000010'], // numeric order, not the string order of "16" < "9"
    [0xffffffff, 1, '00000001ffffffff'],
  ])('discriminators %i and %i give %s, smaller first', (a, b, id) => {
    expect(sessionId({ vantageDisc: a, brokerDisc: b })).toBe(id);
  });
});

describe('push decisions (path B)', () => {
  test('an accept names the vantage, the session and the seq', () => {
    const { b, config } = broker();
    expect(b.receivePush(push(config, S1, 7), 10)).toEqual({
      accepted: true,
      kind: 'push',
      detail: `v1 session ${sessionId(S1)} seq 7`,
    });
  });

  test('a replay is rejected naming the seq and the last accepted one', () => {
    const { b, config } = broker();
    b.receivePush(push(config, S1, 7), 10);
    expect(b.receivePush(push(config, S1, 7), 20)).toEqual({
      accepted: false,
      kind: 'push',
      reason: 'bfd-replay',
      detail: 'seq 7, last 7',
    });
  });

  test.each<[string, Partial<{ my: number; your: number; keyId: number }>, string, string]>([
    ['an unknown My Discriminator', { my: 0x9999 }, 'unknown-session', 'no session for discriminators 39321/45057'],
    [
      'a Your Discriminator of another session',
      { your: 0xb002 },
      'unknown-session',
      'no session for discriminators 4353/45058',
    ],
    [
      'a Key ID naming no bound epoch',
      { keyId: 7 },
      'epoch-mismatch',
      'Auth Key ID 7 names no epoch bound to v1 at 10 ms',
    ],
  ])('%s is rejected as %s', (_what, over, reason, detail) => {
    const { b, config } = broker();
    expect(b.receivePush(push(config, S1, 1, 0, over), 10)).toEqual({ accepted: false, kind: 'push', reason, detail });
  });

  test('a digest that does not verify is an auth failure naming the session and epoch', () => {
    const { b, config } = broker();
    const bytes = push(config, S1, 1);
    bytes[bytes.length - 1]! ^= 1;
    expect(b.receivePush(bytes, 10)).toEqual({
      accepted: false,
      kind: 'push',
      reason: 'auth-failure',
      detail: `digest does not verify under K_BFD_auth of session ${sessionId(S1)}, epoch 0`,
    });
  });

  test("bytes that do not decode are malformed, with the decoder's error and detail", () => {
    const { b } = broker();
    const d = b.receivePush(new Uint8Array(10), 10);
    expect(d).toMatchObject({ accepted: false, kind: 'push', reason: 'malformed' });
    expect(d.detail).toMatch(/^too-short: .+/);
  });

  test('the session reading keeps one seq per session; the vantage reading one per vantage', () => {
    const { b, config } = broker();
    expect(b.receivePush(push(config, S1, 5), 10).accepted).toBe(true);
    expect(b.receivePush(push(config, S2, 5), 20).accepted).toBe(true);
    const byVantage = broker({ ...DEFAULT_READING, bfdSeqKey: 'vantage' });
    expect(byVantage.b.receivePush(push(byVantage.config, S1, 5), 10).accepted).toBe(true);
    expect(byVantage.b.receivePush(push(byVantage.config, S2, 5), 20)).toMatchObject({
      accepted: false,
      reason: 'bfd-replay',
    });
    // another vantage, its own seq
    expect(byVantage.b.receivePush(push(byVantage.config, SV2, 5), 30).accepted).toBe(true);
  });

  test(
    'the RFC 5880 reading forgets the seq exactly 2 x Detection Time after the last packet ' + '(2 x 3 x max(Tx, Rx))',
    () => {
      const rfc = { ...DEFAULT_READING, seqMemory: 'rfc5880' } as const;
      const early = broker(rfc);
      expect(early.b.receivePush(push(early.config, S1, 5, 0, { desiredMinTxUs: 10_000 }), 100).accepted).toBe(true);
      // 2 x 3 x 50 ms = 300 ms: forgotten at 400
      expect(early.b.receivePush(push(early.config, S1, 5), 399).accepted).toBe(false);
      const exact = broker(rfc);
      exact.b.receivePush(push(exact.config, S1, 5, 0, { desiredMinTxUs: 10_000 }), 100);
      expect(exact.b.receivePush(push(exact.config, S1, 5), 400).accepted).toBe(true);
    },
  );
});

describe('snapshot decisions (path A)', () => {
  test('an accept names the vantage, epoch and counter', () => {
    const { b, config } = broker();
    expect(b.receiveSnapshot(snapshot(config, { counter: 3 }), 10)).toEqual({
      accepted: true,
      kind: 'snapshot',
      detail: 'v1 epoch 0 counter 3',
    });
  });

  test('a failed predicate names the counter, the expiry and the clock', () => {
    const { b, config } = broker();
    b.receiveSnapshot(snapshot(config, { counter: 3 }), 10);
    expect(b.receiveSnapshot(snapshot(config, { counter: 3 }), 20)).toEqual({
      accepted: false,
      kind: 'snapshot',
      reason: 'cwt-replay',
      detail: 'counter 3, expires_at 400, now 20',
    });
  });

  test('a snapshot of an epoch the OEM does not bind is an epoch mismatch naming the vantage, epoch and clock', () => {
    const { b, config } = broker();
    expect(b.receiveSnapshot(snapshot(config, { vantage_id: 'v2', epoch_id: 2 }), 10)).toEqual({
      accepted: false,
      kind: 'snapshot',
      reason: 'epoch-mismatch',
      detail: 'OEM does not bind (v2, epoch 2) at 10 ms',
    });
  });

  test('a tag that does not verify is an auth failure naming the vantage and epoch of the key', () => {
    const { b, config } = broker();
    const bytes = snapshot(config, { payload: 'p' });
    const forged = new TextEncoder().encode(new TextDecoder().decode(bytes).replace('"payload":"p"', '"payload":"q"'));
    expect(b.receiveSnapshot(forged, 10)).toEqual({
      accepted: false,
      kind: 'snapshot',
      reason: 'auth-failure',
      detail: 'tag does not verify under K_v_epoch of (v1, 0)',
    });
  });

  test("under the carried reading each vantage's snapshots keep their own bfd_seq", () => {
    const carried = broker({ ...DEFAULT_READING, snapshotSeq: 'carried' });
    expect(carried.b.receiveSnapshot(snapshot(carried.config, { bfd_seq: 4 }), 10).accepted).toBe(true);
    expect(carried.b.receiveSnapshot(snapshot(carried.config, { vantage_id: 'v2', bfd_seq: 4 }), 20)).toMatchObject({
      accepted: true,
      detail: 'v2 epoch 0 counter 0',
    });
  });

  test('under the carried reading the detail names bfd_seq too, and a snapshot without it is malformed', () => {
    const carried = broker({ ...DEFAULT_READING, snapshotSeq: 'carried' });
    expect(carried.b.receiveSnapshot(snapshot(carried.config, { bfd_seq: 4 }), 10).accepted).toBe(true);
    expect(carried.b.receiveSnapshot(snapshot(carried.config, { bfd_seq: 4, counter: 1 }), 20)).toEqual({
      accepted: false,
      kind: 'snapshot',
      reason: 'bfd-replay',
      detail: 'bfd_seq 4, counter 1, expires_at 400, now 20',
    });
    expect(carried.b.receiveSnapshot(snapshot(carried.config, { counter: 2 }), 30)).toEqual({
      accepted: false,
      kind: 'snapshot',
      reason: 'malformed',
      detail: 'the carried reading needs bfd_seq in every snapshot',
    });
  });

  test("bytes that do not decode are malformed, with the decoder's error and detail", () => {
    const { b } = broker();
    const d = b.receiveSnapshot(new TextEncoder().encode('{'), 10);
    expect(d).toMatchObject({ accepted: false, kind: 'snapshot', reason: 'malformed' });
    expect(d.detail).toMatch(/^not-json: .+/);
  });
});
