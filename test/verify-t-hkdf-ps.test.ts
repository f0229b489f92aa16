/**
 * T-HKDF-PS explored exhaustively (src/verify/t-hkdf-ps*.ts, issue 19): every claim holds on the boundary inputs
 * under the code's reading of draft §6; across every reading only 'hex-unpadded-lex' loses a claim, per-session
 * separation, at the pair the README names; the found input replays to the same violation; deliberately broken
 * readings are caught, and the deterministic claim is never served from the derivation cache.
 */
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import { CANONICAL_READING, deriveBfdAuthKey, READINGS, type HkdfReading } from '../model/hkdf.js';
import { asExpected, verifyTarget } from '../src/verify/run.js';
import { defaultScope, type Scope, type VerifyTarget } from '../src/verify/target.js';
import { T_HKDF_PS_TARGETS, tHkdfPsTargets } from '../src/verify/t-hkdf-ps.js';
import { K_OPS } from '../src/verify/t-hkdf-ps-box.js';
import { readingsTable } from '../src/verify/t-hkdf-ps-readings.js';

/** A small box: 7 discriminators (0, 1, 2^31, 2^32-1, 0x3, 0x12, 0x23), the first epoch, operator, K_op, vantage. */
const SMALL = { discs: 7, epochs: 1, operators: 1, keys: 1, vantages: 1 };
const small = (t: VerifyTarget, over: Scope = {}): Scope => {
  const s: Record<string, number> = { ...defaultScope(t) };
  for (const [k, v] of Object.entries({ ...SMALL, ...over })) if (k in t.scope) s[k] = v;
  return s;
};
const target = (id: string, ts: readonly VerifyTarget[] = T_HKDF_PS_TARGETS) => ts.find((t) => t.claim === id)!;
const LEX = READINGS.findIndex((r) => r.name === 'hex-unpadded-lex');

describe('T-HKDF-PS: the code reading, on boundary inputs', () => {
  test('one target per claim of the property file, none pinned as refuted', () => {
    expect(T_HKDF_PS_TARGETS.map((t) => t.claim)).toEqual([
      'T-HKDF-PS.length',
      'T-HKDF-PS.deterministic',
      'T-HKDF-PS.pair-order',
      'T-HKDF-PS.session-separation',
      'T-HKDF-PS.epoch-separation',
      'T-HKDF-PS.kop-rotation',
      'T-HKDF-PS.independent-of-kv-epoch',
    ]);
    expect(T_HKDF_PS_TARGETS.every((t) => t.refutedWithin === undefined && t.scope['reading']!.default === 0)).toBe(
      true,
    );
  });

  test.each(T_HKDF_PS_TARGETS.map((t) => [t.claim, t] as const))('%s holds (hex-lower)', (_, t) => {
    const scope = small(t, { epochs: 2, keys: 2 });
    const out = verifyTarget(t, scope, 1_000_000);
    expect(out.status).toBe('verified');
    expect(out.result.depth).toBe(0);
  });
});

describe('T-HKDF-PS: every reading of §6', () => {
  test("only 'hex-unpadded-lex' loses a claim: per-session separation, at (0x1, 0x23) and (0x12, 0x3)", () => {
    const rows = readingsTable(SMALL);
    expect(rows).toHaveLength(7 * READINGS.length);
    const lost = rows.filter((r) => !r.holds);
    expect(lost.map((r) => [r.claim, r.reading])).toEqual([['T-HKDF-PS.session-separation', 'hex-unpadded-lex']]);
    expect(lost[0]!.input).toMatch(/\(0x1, 0x23\) epoch=0 vs \((0x3, 0x12|0x12, 0x3)\)/);
  });

  test('the box over every reading finds it, and the input replays to the same violation', () => {
    const t = target('T-HKDF-PS.session-separation');
    const scope = small(t, { reading: READINGS.length });
    const out = verifyTarget(t, scope, 1_000_000);
    expect(out.status).toBe('unexpected-counterexample');
    const cx = out.result.counterexample!;
    expect(cx.trace).toHaveLength(1); // a box: the input itself, no step
    const model = t.model(scope);
    const state = [...model.initial()].find((s) => model.showState(s) === cx.trace[0]!.state)!;
    expect(model.check(state)).toBe(cx.violation);
    // the same two sessions, derived directly with the model: one key under the lex reading, two under hex-lower
    const kOp = hexToBytes(K_OPS[0]![1]);
    const key = (r: HkdfReading, a: number, b: number) =>
      bytesToHex(deriveBfdAuthKey({ operatorId: 'operator.example', kOp, discriminators: [a, b], epochId: 0 }, r));
    expect(key(READINGS[LEX]!, 0x1, 0x23)).toBe(key(READINGS[LEX]!, 0x12, 0x3));
    expect(key(CANONICAL_READING, 0x1, 0x23)).not.toBe(key(CANONICAL_READING, 0x12, 0x3));
  });

  test('without the width-boundary discriminators (0, 1, 2^31, 2^32-1 only) the lex reading keeps separation', () => {
    const t = target('T-HKDF-PS.session-separation');
    expect(verifyTarget(t, small(t, { reading: LEX, discs: 4 }), 1_000_000).status).toBe('verified');
  });
});

describe('T-HKDF-PS: deliberately broken readings are caught', () => {
  let n = 0;
  const broken: Array<[string, HkdfReading]> = [
    ['T-HKDF-PS.epoch-separation', { ...CANONICAL_READING, name: 'no-epoch', epoch: () => new Uint8Array() }],
    [
      'T-HKDF-PS.pair-order',
      { ...CANONICAL_READING, name: 'unordered', sessionId: (a, b) => utf8ToBytes(`${a.toString(16)}-${b}`) },
    ],
    [
      'T-HKDF-PS.session-separation',
      { ...CANONICAL_READING, name: 'smaller-only', sessionId: (a, b) => utf8ToBytes(String(Math.min(a, b))) },
    ],
    // a derivation that changes between calls: caught only because deterministic is never served from a cache
    ['T-HKDF-PS.deterministic', { ...CANONICAL_READING, name: 'counter', epoch: () => utf8ToBytes(String(n++)) }],
  ];
  test.each(broken.map(([id, r]) => [id, r.name, r] as const))('%s catches reading %s', (id, _, r) => {
    const t = target(id, tHkdfPsTargets([CANONICAL_READING, r]));
    expect(asExpected(verifyTarget(t, small(t, { reading: 0, epochs: 2 }), 1_000_000).status)).toBe(true);
    const out = verifyTarget(t, small(t, { reading: 1, epochs: 2 }), 1_000_000);
    expect(out.status).toBe('unexpected-counterexample');
    expect(out.result.counterexample!.trace[0]!.state).toMatch(new RegExp(`^${r.name} `));
  });
});
