/**
 * Deliberately broken T-COMP-SPLIT models: plausible witness and cosigner slips the property
 * suite must catch (test/t-comp-split-mutants.test.ts). The first is the planted flaw the brief
 * names: a first-cosign-wins witness that keys its memory by bundle_id alone.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { parseCheckpoint } from '../../model/checkpoint.js';
import { ORIGIN } from '../../model/collector.js';
import { cosign, cosignedMessage } from '../../model/cosignature.js';
import { c2spWitness, firstCosignWins, type Witness } from '../../model/witness.js';
import { FAITHFUL, type SplitSubject } from '../../properties/t-comp-split.prop.js';
import type { Mutant } from './caught.js';

/** A broken subject, named after its slip, with the claims that must catch it. */
export type SplitMutant = Mutant<SplitSubject>;

/** A C2SP-like witness that records the latest size per origin but never compares roots at equal size. */
function c2spNoRootCompare(): Witness {
  const latest = new Map<string, bigint>();
  return {
    policy: 'c2sp-no-root-compare',
    compromised: false,
    add(req) {
      const c = parseCheckpoint(req.body);
      if (!c.ok || c.value.origin !== ORIGIN) return { status: 400, reason: 'bad' };
      if (req.oldSize !== (latest.get(ORIGIN) ?? 0n)) return { status: 409, reason: 'old size' };
      latest.set(ORIGIN, c.value.size); // slip: no root comparison, no consistency proof check
      return { status: 200, reason: 'cosigned' };
    },
    cosignedFor: () => undefined,
  };
}

/** A C2SP witness that also keeps the body it cosigned at its latest size and refuses another one. */
function c2spStrict(): Witness {
  const inner = c2spWitness([ORIGIN]);
  const last = new Map<bigint, string>();
  return {
    ...inner,
    add(req) {
      const c = parseCheckpoint(req.body);
      const prior = c.ok ? last.get(c.value.size) : undefined;
      if (prior !== undefined && prior !== req.body) return { status: 409, reason: 'different body at the same size' };
      const a = inner.add(req);
      if (a.status === 200 && c.ok) last.set(c.value.size, req.body);
      return a;
    },
  };
}

const firstThree = (body: string): string => `${body.split('\n').slice(0, 3).join('\n')}\n`;
const withWitness = (policy: 'first-cosign-wins' | 'c2sp', make: () => Witness): SplitSubject => ({
  ...FAITHFUL,
  honest: { ...FAITHFUL.honest, [policy]: make },
});

/** The mutants. */
export const SPLIT_MUTANTS: readonly SplitMutant[] = [
  {
    name: 'bundle-id-only: first-cosign-wins memory keyed by bundle_id alone (a later bundle_seq overwrites it)',
    subject: withWitness('first-cosign-wins', () => firstCosignWins((id) => id, 'bundle-id-only')),
    caughtBy: ['T-COMP-SPLIT.fcw-one-body', 'T-COMP-SPLIT.fcw-extension-bound', 'T-COMP-SPLIT.split-bound'],
  },
  {
    name: 'forgetful: first-cosign-wins witness that keeps no memory and cosigns every request',
    subject: withWitness('first-cosign-wins', () => ({
      ...firstCosignWins(),
      add: () => ({ status: 200, reason: 'cosigned' }),
    })),
    caughtBy: ['T-COMP-SPLIT.fcw-one-body', 'T-COMP-SPLIT.split-bound'],
  },
  {
    name: 'c2sp-no-root-compare: C2SP witness that skips the equal-size root comparison and the proof',
    subject: withWitness('c2sp', c2spNoRootCompare),
    caughtBy: ['T-COMP-SPLIT.c2sp-in-leaf-one-body', 'T-COMP-SPLIT.split-bound'],
  },
  {
    name:
      'c2sp-compares-extensions: a C2SP witness that also refuses a different body at its latest size ' +
      '(stricter than the spec)',
    subject: withWitness('c2sp', c2spStrict),
    caughtBy: ['T-COMP-SPLIT.c2sp-extension-split'],
  },
  {
    name: 'mute-witness: a first-cosign-wins witness that answers auditors with nothing',
    subject: withWitness('first-cosign-wins', () => ({ ...firstCosignWins(), cosignedFor: () => undefined })),
    caughtBy: ['T-COMP-SPLIT.detectors'],
  },
  {
    name: 'cosign-first-three-lines: the cosigned message omits the extension lines',
    subject: {
      ...FAITHFUL,
      cosign: (body, s, ts) => cosign(firstThree(body), s, ts),
      verify: (v, sig, body) => {
        const ts = new DataView(sig.sig.buffer, sig.sig.byteOffset).getBigUint64(0);
        return ed25519.verify(sig.sig.slice(8), cosignedMessage(ts, firstThree(body)), v.publicKey);
      },
    },
    caughtBy: ['T-COMP-SPLIT.no-cross-verify'],
  },
];
