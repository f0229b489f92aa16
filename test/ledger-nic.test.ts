/**
 * The per-packet accounting and the I1 filter, case by case (mutation testing found these
 * unchecked): which sources pass the NIC, how many packets are offered and admitted, what an
 * attack costs once I1 no longer holds.
 */
import { describe, expect, test } from 'vitest';
import { account, packetsOf } from '../model/ledger.js';
import { invariantI1, noFilter, type Packet } from '../model/nic.js';
import { DRAFT_CONSTANTS } from '../src/lib/constants.js';

const at = (source: Packet['source']): Packet => ({ kind: 'push', source, atUs: 0 });
const d = { n: 3, tickMs: 10, q: 2, bundlePeriodTicks: 2, cellsK: 1 };
const t = { bundlePeriods: 1, vantagePhasesUs: [0, 0, 0], cellPhasesUs: [0], attackPps: 1000 };

describe('invariant I1 at the NIC (draft §3.2)', () => {
  test.each([
    ['an admitted vantage', at({ kind: 'vantage', id: 0 }), true],
    ['the last admitted vantage', at({ kind: 'vantage', id: 2 }), true],
    ['a vantage beyond N', at({ kind: 'vantage', id: 3 }), false],
    ['a negative vantage id', at({ kind: 'vantage', id: -1 }), false],
    ['the collector', at({ kind: 'collector', cell: 0 }), true],
    ['an external source', at({ kind: 'external' }), false],
  ])('%s: passes = %s', (_what, p, passes) => {
    expect(invariantI1(p, 3)).toBe(passes);
    expect(noFilter(p, 3)).toBe(true);
  });
});

describe('per-packet accounting', () => {
  test('offered counts every packet, admitted only what passes the NIC', () => {
    // 3 vantages x 2 ticks x 2 paths + 1 bundle = 13 telemetry packets; 1000 pps for 20 ms = 20 attack packets.
    const l = account(d, t, DRAFT_CONSTANTS);
    expect([l.offered, l.admitted]).toEqual([33, 13]);
    expect(l.opCounts).toEqual({ c_json: 6, c_bfd_parse: 6, c_hmac: 12, c_ed25519: 2, c_xdp: 0 });
  });

  test('without I1 the attack packets are charged, half as snapshots (path A), half as pushes (path B)', () => {
    const open = account(d, t, DRAFT_CONSTANTS, noFilter);
    const closed = account(d, t, DRAFT_CONSTANTS);
    expect(open.admitted).toBe(33);
    expect(open.usByPath.A - closed.usByPath.A).toBeCloseTo(10 * (4.2 + 2.1), 9);
    expect(open.usByPath.B - closed.usByPath.B).toBeCloseTo(10 * (0.3 + 2.1), 9);
    const attacks = [...packetsOf(d, t)].filter((p) => p.source.kind === 'external');
    expect(attacks.map((p) => p.atUs)).toEqual(Array.from({ length: 20 }, (_, i) => i * 1000));
  });

  test('each emitter starts at its phase (a missing phase is 0) and repeats every tick or bundle period', () => {
    // vantages 1, 2: no phase given
    const phased = { ...t, vantagePhasesUs: [2500], cellPhasesUs: [7000], attackPps: 0 };
    const times = (kind: string, id: number) =>
      [...packetsOf(d, phased)]
        .filter(
          (p) =>
            p.kind === kind &&
            (p.source.kind === 'vantage' ? p.source.id : p.source.kind === 'collector' ? p.source.cell : -1) === id,
        )
        .map((p) => p.atUs);
    expect(times('push', 0)).toEqual([2500, 12500]);
    expect(times('snapshot', 0)).toEqual([2500, 12500]);
    expect(times('push', 2)).toEqual([0, 10000]);
    expect(times('bundle', 0)).toEqual([7000]);
    expect(
      [...packetsOf(d, { ...phased, cellPhasesUs: [] })].filter((p) => p.kind === 'bundle').map((p) => p.atUs),
    ).toEqual([0]);
  });

  test(
    'attack packets alternate snapshot, push, ... starting with a snapshot ' + '(an odd count gives path A one more)',
    () => {
      const odd = { ...t, attackPps: 150 }; // 150 pps for 20 ms = 3 packets
      const kinds = [...packetsOf(d, odd)].filter((p) => p.source.kind === 'external').map((p) => p.kind);
      expect(kinds).toEqual(['snapshot', 'push', 'snapshot']);
    },
  );
});
