/**
 * T-HKDF-PS (draft §6): the claims catch broken derivations, and the readings of §6's byte strings
 * are reported: which derive which key, and which reading loses per-session separation.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, inject, test } from 'vitest';
import { CANONICAL_READING, deriveBfdAuthKey, infoOf, READINGS } from '../model/hkdf.js';
import tHkdf, { READING_PROBE, subjectOf } from '../properties/t-hkdf-ps.prop.js';
import { search } from '../src/engine/search.js';
import { eachMutantCaught } from './mutants/caught.js';
import { HKDF_MUTANTS } from './mutants/t-hkdf-ps.js';

const seed = inject('perfsecSeed');

describe('T-HKDF-PS properties catch broken derivations', () => {
  eachMutantCaught(tHkdf, HKDF_MUTANTS, { seed, numRuns: 300 });
  test('the faithful derivation passes every claim', () => {
    for (const c of tHkdf.claims(tHkdf.model)) expect(search(c, { seed, numRuns: 40 }).failed, c.id).toBe(false);
  });
});

describe('§6 readings of the byte strings', () => {
  test("the code's info string, byte for byte, at the probe input", () => {
    expect(new TextDecoder().decode(infoOf(READING_PROBE))).toBe(
      'coherence-bfd-auth-v1|session:000000120000abcd|epoch:20',
    );
  });

  test('each reading derives its own key at the probe input (8 readings, 8 keys)', () => {
    const keys = READINGS.map((r) => bytesToHex(deriveBfdAuthKey(READING_PROBE, r)));
    expect(new Set(keys).size).toBe(READINGS.length);
  });

  test(
    'hex-upper and hex-lower agree when no discriminator has ' +
      'a hex letter (the case question only bites sometimes)',
    () => {
      const upper = READINGS.find((r) => r.name === 'hex-upper')!;
      const digitsOnly = { ...READING_PROBE, discriminators: [0x12, 0x345] as const };
      expect(bytesToHex(deriveBfdAuthKey(digitsOnly, upper))).toBe(
        bytesToHex(deriveBfdAuthKey(digitsOnly, CANONICAL_READING)),
      );
    },
  );

  test('the hex-unpadded-lex reading loses per-session separation: (0x1, 0x23) and (0x12, 0x3) share a key', () => {
    const lex = READINGS.find((r) => r.name === 'hex-unpadded-lex')!;
    const k = (a: number, b: number) => bytesToHex(deriveBfdAuthKey({ ...READING_PROBE, discriminators: [a, b] }, lex));
    expect(k(0x1, 0x23)).toBe(k(0x12, 0x3));
    const sep = tHkdf.claims(subjectOf(lex)).find((c) => c.id === 'T-HKDF-PS.session-separation')!;
    expect(sep.predicate({ operatorId: 'op', kOp: '00'.repeat(32), a: 0x1, b: 0x23, epoch: 1 }, 0x12, 0x3)).toBe(false);
  });

  test(
    'an operator_id that ends in a digit and the epoch never ' +
      'run together (salt and info are separate HKDF inputs)',
    () => {
      const a = deriveBfdAuthKey({ ...READING_PROBE, operatorId: 'op1', epochId: 23 });
      const b = deriveBfdAuthKey({ ...READING_PROBE, operatorId: 'op12', epochId: 3 });
      expect(bytesToHex(a)).not.toBe(bytesToHex(b));
    },
  );
});
