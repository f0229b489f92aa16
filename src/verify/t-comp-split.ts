/**
 * T-COMP-SPLIT (draft §7) for `perfsec verify` (issue 19, Deliver 1 and 2): one target per claim of the property
 * file (properties/t-comp-split.prop.ts), on the same model (model/collector.ts, model/witness.ts) with the same
 * predicates. The scenario is explored move by move (src/verify/t-comp-split-model.ts): every collector strategy of
 * the generator's shape for w witnesses, every q and c the claim's generator admits, both policies and placements
 * where it admits them. The draft's statements pinned as refuted (c2sp-one-body, fcw-relabel, no-split,
 * any-honest-detects) must show a counterexample no longer than the stored one; the others must show none.
 */
import { detectors, play, type Attack } from '../../model/collector.js';
import type { SplitSubject } from '../../properties/t-comp-split.prop.js';
import type { Explorable } from './explore.js';
import type { VerifyTarget } from './target.js';
import { param } from './scope.js';
import { FAITHFUL_SPLIT, splitClaim } from './t-comp-split-claims.js';
import { noCrossVerifyTarget } from './t-comp-split-cosign.js';
import { showAttack, splitModel, VALUE_PAIRS, type SplitPlay } from './t-comp-split-model.js';

/** What distinguishes one move-by-move target. */
interface SplitClaim {
  readonly id: string;
  /** The predicate plays the attack relabelled (view B under a fresh bundle_id). */
  readonly relabel?: boolean;
  /** The predicate ignores the moves (its strategy is fixed): a box of attacks, depth 0. */
  readonly box?: boolean;
  /** Steps of the stored counterexample (CX-T-COMP-SPLIT-00x: two moves each). */
  readonly refutedWithin?: number;
  /** The auditor's view matters: show whom an auditor holding view A catches. */
  readonly audited?: boolean;
}

/** Witnesses and depth of the default scope: w <= 5, and 2w moves (each witness asked once per view). */
const W = 5;

/** The move-by-move target of claim F against SUBJECT. */
function splitTarget(subject: SplitSubject, f: SplitClaim): VerifyTarget {
  const how: SplitPlay = { honest: subject.honest, relabel: f.relabel ?? false };
  const depth = f.box
    ? param(0, 0, 0, 'moves (none: the claim plays a fixed strategy, sameWitnessSplit)')
    : param(2 * W, 0, 14, 'collector moves (the generator draws up to 14)');
  return {
    claim: f.id,
    scope: {
      w: param(W, 1, 7, 'witnesses: every w from 1 (the generator draws up to 7)'),
      values: param(1, 1, VALUE_PAIRS.length, 'dual-mode value pairs of views A and B, the first of VALUE_PAIRS'),
      ...(f.box ? {} : { fold: param(1, 0, 1, '1: fold witnesses by class and order; 0: key on the move sequence') }),
      depth,
    },
    describe: (s) =>
      `w 1-${s['w']} witnesses, every q and c the claim's generator admits, its policies and placements, ` +
      `${s['values']} value pair(s)${f.relabel ? ', view B relabelled' : ''}, ` +
      (f.box
        ? 'its fixed strategy'
        : `every move sequence up to ${s['depth']} moves (ask an honest witness for A or B at S..S+2)` +
          `${s['fold'] === 0 ? ', unfolded' : ', witnesses folded by class'}`),
    model: (s) => {
      const claim = splitClaim(subject, f.id);
      const explain = f.audited
        ? (a: Attack) => `${showAttack(a, how)}; an auditor with A catches {${auditedBy(subject, a).join(',')}}`
        : undefined;
      const bounds = { maxW: s['w']!, values: s['values']!, fold: s['fold'] ?? 1, box: f.box ?? false };
      return splitModel(claim, bounds, how, explain) as Explorable<unknown, unknown>;
    },
    ...(f.refutedWithin === undefined ? {} : { refutedWithin: f.refutedWithin }),
  };
}

/** The honest witnesses an auditor holding view A catches (model/collector.ts detectors). */
function auditedBy(subject: SplitSubject, a: Attack): string[] {
  return detectors(play(a, subject.honest[a.policy]), a, 'A').map((i) => `w${i}`);
}

/** Every T-COMP-SPLIT claim as a target against SUBJECT (a test hands in deliberately broken witnesses). */
export function tCompSplitTargets(subject: SplitSubject = FAITHFUL_SPLIT): VerifyTarget[] {
  const t = (f: SplitClaim) => splitTarget(subject, f);
  return [
    t({ id: 'T-COMP-SPLIT.fcw-one-body' }),
    t({ id: 'T-COMP-SPLIT.c2sp-one-body', refutedWithin: 2 }), // CX-T-COMP-SPLIT-001: B then A to witness 1
    t({ id: 'T-COMP-SPLIT.c2sp-in-leaf-one-body' }),
    t({ id: 'T-COMP-SPLIT.c2sp-extension-split', box: true }),
    t({ id: 'T-COMP-SPLIT.fcw-relabel', relabel: true, refutedWithin: 2 }), // CX-T-COMP-SPLIT-004
    t({ id: 'T-COMP-SPLIT.c2sp-relabel', relabel: true }),
    t({ id: 'T-COMP-SPLIT.no-split', refutedWithin: 2 }), // CX-T-COMP-SPLIT-002: B to w0, A to w1
    t({ id: 'T-COMP-SPLIT.split-bound' }),
    t({ id: 'T-COMP-SPLIT.fcw-extension-bound' }),
    t({ id: 'T-COMP-SPLIT.any-honest-detects', refutedWithin: 2, audited: true }), // CX-T-COMP-SPLIT-003
    t({ id: 'T-COMP-SPLIT.detectors', audited: true }),
    noCrossVerifyTarget(subject),
  ];
}

/** The T-COMP-SPLIT targets of `perfsec verify`, on the faithful model. */
export const T_COMP_SPLIT_TARGETS: readonly VerifyTarget[] = tCompSplitTargets();
