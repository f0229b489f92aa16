/**
 * Deliberately broken T-VDOS-1 models, each a plausible slip in a rate limiter or its accounting;
 * test/t-vdos-1-mutants.test.ts shows the properties catch every one.
 */
import { simulateAggregated } from '../../model/vdos-aggregate.js';
import { floodCost } from '../../model/vdos-cost.js';
import { simulateExact, tokenBucket, type Limiter } from '../../model/vdos-exact.js';
import { DEFAULT_POLICY, type BucketParams } from '../../model/token-bucket.js';
import type { FloodSubject } from '../../properties/t-vdos-1.prop.js';
import type { Mutant } from './caught.js';

const faithful: FloodSubject = {
  exact: simulateExact,
  aggregated: simulateAggregated,
  limiter: tokenBucket,
  cost: floodCost,
};

/** A bucket that refills past its capacity while idle. */
const uncapped = (b: BucketParams): Limiter => {
  let units = b.capacityUnits;
  let last = 0;
  return {
    offer: (t) => {
      units += (t - last) * b.refillPerUs;
      last = t;
      if (units < b.unitsPerToken) return false;
      units -= b.unitsPerToken;
      return true;
    },
  };
};

/** A bucket that starts empty instead of full. */
const startsEmpty = (b: BucketParams): Limiter => {
  const inner = tokenBucket({ ...b, capacityUnits: b.capacityUnits });
  let primed = false;
  return {
    offer: (t) => {
      if (!primed) {
        primed = true;
        for (let i = 0; i * b.unitsPerToken < b.capacityUnits; i++) inner.offer(0);
      }
      return inner.offer(t);
    },
  };
};

/** The mutants. */
export const FLOOD_MUTANTS: readonly Mutant<FloodSubject>[] = [
  {
    name: 'uncapped-bucket: tokens pile up past the burst budget while a vantage is idle',
    subject: { ...faithful, limiter: uncapped, exact: (s, p) => simulateExact(s, p, uncapped) },
    caughtBy: ['T-VDOS-1.sims-agree', 'T-VDOS-1.legit-corrected'],
  },
  {
    name: 'empty-start: the bucket starts with no tokens',
    subject: { ...faithful, limiter: startsEmpty, exact: (s, p) => simulateExact(s, p, startsEmpty) },
    caughtBy: [
      'T-VDOS-1.sims-agree',
      'T-VDOS-1.claim-a-corrected',
      'T-VDOS-1.legit-corrected',
      'T-VDOS-1.steady-honest-corrected',
    ],
  },
  {
    name: 'limit-after-verify: every packet is verified, the lookup is still paid',
    subject: { ...faithful, limiter: () => ({ offer: () => true }), exact: (s) => simulateExact(s, null) },
    caughtBy: [
      'T-VDOS-1.sims-agree',
      'T-VDOS-1.bound-corrected',
      'T-VDOS-1.legit-corrected',
      'T-VDOS-1.steady-honest-corrected',
    ],
  },
  {
    name: 'aggregate-without-budget: the closed form forgets the burst budget',
    subject: {
      ...faithful,
      aggregated: (s, p) => {
        const r = simulateAggregated(s, p ? { ...p, burstFactor: 2, capacity: 'ticks' } : p);
        return r;
      },
    },
    caughtBy: ['T-VDOS-1.sims-agree'],
  },
  {
    name: 'xdp-per-pair: the lookup charged once per (snapshot, push) pair, as the §4.3 proof counts it',
    subject: { ...faithful, cost: (s, n, c, rl) => floodCost(s, n, { ...c, c_xdp: c.c_xdp / 2 }, rl) },
    caughtBy: ['T-VDOS-1.claim-b-corrected'],
  },
  {
    name: 'limit-without-policy: "no rate limit" still applies the default bucket',
    subject: { ...faithful, exact: (s, p) => simulateExact(s, p ?? DEFAULT_POLICY) },
    caughtBy: ['T-VDOS-1.no-rl-linear', 'T-VDOS-1.sims-agree'],
  },
];
