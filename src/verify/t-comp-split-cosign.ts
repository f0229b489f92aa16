/**
 * T-COMP-SPLIT.no-cross-verify for `perfsec verify` (issue 19, Deliver 1): a cosignature/v1 over one view's checkpoint
 * body verifies over it and never over the other view's. No behaviour over time: a box of the claim's arguments
 * (every attack with w <= 2 its generator admits, boundary witness seeds and timestamps), each an initial state,
 * checked by the property's own predicate with real Ed25519 (model/cosignature.ts).
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { MAX_TIMESTAMP } from '../../model/cosignature.js';
import type { Attack } from '../../model/collector.js';
import type { SplitSubject } from '../../properties/t-comp-split.prop.js';
import { testKey } from '../lib/test-keys.js';
import type { Explorable } from './explore.js';
import type { VerifyTarget } from './target.js';
import { boxModel } from './box.js';
import { BOX_DEPTH, param, setText } from './scope.js';
import { openingAttacks } from './t-comp-split-model.js';
import { splitClaim } from './t-comp-split-claims.js';

/** Witness seeds: all-zero, all-ones, and a test key (src/lib/test-keys.ts), 32 octets each as hex. */
export const WITNESS_SEEDS: ReadonlyArray<readonly [string, string]> = [
  ['zero', '00'.repeat(32)],
  ['ones', 'ff'.repeat(32)],
  ['test', bytesToHex(testKey('T-COMP-SPLIT witness seed'))],
];

/** Cosignature timestamps: 0, 1 and the largest a cosignature may carry (2^63 - 1). */
export const TIMESTAMPS: readonly bigint[] = [0n, 1n, MAX_TIMESTAMP];

const ID = 'T-COMP-SPLIT.no-cross-verify';

/** The no-cross-verify target against SUBJECT. */
export function noCrossVerifyTarget(subject: SplitSubject): VerifyTarget {
  return {
    claim: ID,
    scope: {
      w: param(2, 1, 2, 'witnesses: every w from 1 (the claim draws attacks with w <= 2)'),
      values: param(1, 1, 3, 'dual-mode value pairs of views A and B (t-comp-split-model.ts VALUE_PAIRS)'),
      seeds: param(3, 1, WITNESS_SEEDS.length, `witness seeds, the first of ${setText(WITNESS_SEEDS.map(([n]) => n))}`),
      timestamps: param(3, 1, TIMESTAMPS.length, `timestamps, the first of ${setText(TIMESTAMPS)}`),
      depth: BOX_DEPTH,
    },
    describe: (s) =>
      `every attack with w 1-${s['w']} (all q, c, policies, placements), ${s['values']} value pair(s), ` +
      `witness seeds ${setText(WITNESS_SEEDS.slice(0, s['seeds']).map(([n]) => n))}, ` +
      `timestamps ${setText(TIMESTAMPS.slice(0, s['timestamps']))}`,
    model: (s) => {
      const claim = splitClaim(subject, ID);
      const seeds = WITNESS_SEEDS.slice(0, s['seeds']);
      const stamps = TIMESTAMPS.slice(0, s['timestamps']);
      const show = ([a, seed, ts]: readonly unknown[]): string => {
        const x = a as Attack;
        const name = WITNESS_SEEDS.find(([, h]) => h === seed)?.[0] ?? 'other';
        const vals = `A=(${x.values.A.join(',')}) B=(${x.values.B.join(',')})`;
        return `w=${x.w} q=${x.q} c=${x.c} ${x.policy}/${x.placement} ${vals} seed=${name} ts=${String(ts)}`;
      };
      return boxModel(claim, {
        box: function* () {
          for (const a of openingAttacks(claim, { maxW: s['w']!, values: s['values']! }))
            for (const [, seed] of seeds) for (const ts of stamps) yield [a, seed, ts];
        },
        key: show,
        show,
      }) as Explorable<unknown, unknown>;
    },
  };
}
