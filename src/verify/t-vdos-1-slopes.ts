/**
 * T-VDOS-1's §4.3 (b) slope claims as verify targets (issue 19, Deliver 1): every pair of flood factors f1 < f2 to
 * 0.01 in a box (f1 from 5, f2 - f1 up to a gap), checked by the property's own predicate over the hour of flood it
 * uses (properties/t-vdos-1.prop.ts), aggregated simulator, default policy.
 */
import type { FloodSubject } from '../../properties/t-vdos-1.prop.js';
import { DRAFT_CONSTANTS } from '../lib/constants.js';
import { boxModel } from './box.js';
import { CONSTANT_SETS, pairBox } from './t-vdos-1-scenarios.js';
import { BOX_DEPTH, get, param, setText } from './scope.js';
import { claimOf } from './t-vdos-1-scope.js';
import type { Explorable } from './explore.js';
import type { Scope, VerifyTarget } from './target.js';

/** What distinguishes one slope target. */
interface SlopeClaim {
  readonly id: string;
  readonly f1Count: number;
  readonly gap: number;
  /** draftConstants only (else the first `constants` sets of CONSTANT_SETS). */
  readonly draftOnly?: boolean;
  readonly refutedWithin?: number;
}

/** The slope target of claim S against SUBJECT. */
export function slopeTarget(subject: FloodSubject, s: SlopeClaim): VerifyTarget {
  const bounds = (scope: Scope) => ({
    f1Count: get(scope, 'f1'),
    stride: get(scope, 'stride'),
    gap: get(scope, 'gap'),
    constants: s.draftOnly ? [DRAFT_CONSTANTS] : CONSTANT_SETS.slice(0, scope['constants'] ?? 1).map(([, c]) => c),
  });
  return {
    claim: s.id,
    scope: {
      f1: param(s.f1Count, 1, 5901, 'values of f1: 5.00, then every stride / 100 up to 64 (factorPair)'),
      stride: param(1, 1, 5900, 'step between values of f1, in hundredths'),
      gap: param(s.gap, 1, 6400, 'f2 - f1: every value from 0.01 to gap / 100'),
      ...(s.draftOnly
        ? {}
        : { constants: param(4, 1, CONSTANT_SETS.length, 'cost-constant sets: draft, then extremes') }),
      depth: BOX_DEPTH,
    },
    describe: (scope) => {
      const b = bounds(scope);
      const last = Math.min(6400, 500 + (b.f1Count - 1) * b.stride) / 100;
      return (
        `f1 from 5 to ${last} every ${b.stride / 100}, f2 - f1 from 0.01 to ${b.gap / 100} every 0.01, ` +
        `constants ${s.draftOnly ? 'draft' : setText(CONSTANT_SETS.slice(0, b.constants.length).map(([n]) => n))}` +
        '; one hour of flood at T_tick 50 ms, both vantages flooding, default policy; order: f1, f2, constants'
      );
    },
    model: (scope) => boxModel(claimOf(subject, s.id), pairBox(bounds(scope))) as Explorable<unknown, unknown>,
    ...(s.refutedWithin === undefined ? {} : { refutedWithin: s.refutedWithin }),
  };
}

/** The slope claims of T-VDOS-1 as targets against SUBJECT. */
export function slopeTargets(subject: FloodSubject): VerifyTarget[] {
  return [
    slopeTarget(subject, { id: 'T-VDOS-1.claim-b', f1Count: 5901, gap: 100, draftOnly: true, refutedWithin: 0 }),
    slopeTarget(subject, { id: 'T-VDOS-1.claim-b-per-pair', f1Count: 5901, gap: 600, draftOnly: true }),
    slopeTarget(subject, { id: 'T-VDOS-1.claim-b-corrected', f1Count: 5901, gap: 150 }),
  ];
}
