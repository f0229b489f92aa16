/**
 * Throughput of the §6 and §7 machinery: one K_BFD_auth derivation, one cosignature/v1 and its
 * verification, one minimal split-view play over 7 witnesses. Speed is measured here, never
 * asserted in tests.
 */
import { bench, describe } from 'vitest';
import { bodyOf, minimalSplit, play, S, type Attack } from '../model/collector.js';
import { cosign, cosignerOf, verifyCosignature } from '../model/cosignature.js';
import { deriveBfdAuthKey } from '../model/hkdf.js';

const input = {
  operatorId: 'operator.example/1',
  kOp: new Uint8Array(32).fill(1),
  discriminators: [0xabcd, 0x12] as const,
  epochId: 20,
};
const a: Attack = {
  w: 7,
  q: 3,
  c: 0,
  policy: 'c2sp',
  placement: 'in-leaf',
  values: { A: [1, 2], B: [1, 3] },
  moves: minimalSplit(7, 3, 0),
};
const signer = { name: 'witness.example/w1', seed: new Uint8Array(32).fill(2) };
const body = bodyOf(a, 'A', S);
const sig = cosign(body, signer, 1n);

describe('T-HKDF-PS and T-COMP-SPLIT models', () => {
  bench('derive K_BFD_auth (HKDF-SHA256, 32 octets)', () => {
    deriveBfdAuthKey(input);
  });
  bench('cosignature/v1: sign one checkpoint body', () => {
    cosign(body, signer, 1n);
  });
  bench('cosignature/v1: verify one cosignature', () => {
    verifyCosignature(cosignerOf(signer), sig, body);
  });
  bench('play a minimal split over 7 C2SP witnesses (values in the leaf)', () => {
    play(a);
  });
});
