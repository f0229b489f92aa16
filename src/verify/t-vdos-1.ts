/**
 * T-VDOS-1 (draft §4) for `perfsec verify` (issue 19, Deliver 1 and 2): one target per claim of the property file
 * (properties/t-vdos-1.prop.ts), on the same models and with the same predicates. The draft's statements pinned as
 * refuted (bound, claim-a, claim-b, legit, steady-honest) must show a counterexample in their box, no longer than
 * the stored one; the corrected and holding ones must show none. Boxes of flood experiments and factor pairs are
 * depth 0 (every scenario an initial state); honest streams are stepped one tick at a time.
 */
import type { FloodSubject } from '../../properties/t-vdos-1.prop.js';
import { floodTargets } from './t-vdos-1-flood.js';
import { honestTargets } from './t-vdos-1-honest.js';
import { FAITHFUL } from './t-vdos-1-scope.js';
import { slopeTargets } from './t-vdos-1-slopes.js';
import type { VerifyTarget } from './target.js';

/** Every T-VDOS-1 claim as a target against SUBJECT (a test hands in a deliberately broken model). */
export function tVdos1Targets(subject: FloodSubject = FAITHFUL): VerifyTarget[] {
  return [...floodTargets(subject), ...slopeTargets(subject), ...honestTargets(subject)];
}

/** The T-VDOS-1 targets of `perfsec verify`, on the faithful model. */
export const T_VDOS_1_TARGETS: readonly VerifyTarget[] = tVdos1Targets();
