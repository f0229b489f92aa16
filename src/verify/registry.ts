/**
 * Every claim `perfsec verify` explores exhaustively, by theorem (issue 19): T-RC-1 over command sequences,
 * T-COMP-SPLIT over collector strategies, T-VDOS-1 over a box of integer scenarios, T-HKDF-PS over every reading and
 * a set of boundary inputs.
 */
import { InputError } from '../lib/errors.js';
import { T_COMP_SPLIT_TARGETS } from './t-comp-split.js';
import { T_HKDF_PS_TARGETS } from './t-hkdf-ps.js';
import { T_RC_1_TARGETS } from './t-rc-1.js';
import { T_VDOS_1_TARGETS } from './t-vdos-1.js';
import type { VerifyTarget } from './target.js';

/** Every target, in the draft's order. */
export const VERIFY_TARGETS: readonly VerifyTarget[] = [
  ...T_VDOS_1_TARGETS,
  ...T_RC_1_TARGETS,
  ...T_HKDF_PS_TARGETS,
  ...T_COMP_SPLIT_TARGETS,
];

/** The targets of a theorem (T-RC-1) or one claim (T-RC-1.A.seq-kept); all when SELECTOR is omitted. */
export function selectTargets(selector?: string): VerifyTarget[] {
  if (!selector) return [...VERIFY_TARGETS];
  const picked = VERIFY_TARGETS.filter((t) => t.claim === selector || t.claim.startsWith(`${selector}.`));
  if (picked.length === 0)
    throw new InputError(`verify: no claim or theorem '${selector}' (perfsec verify --list shows the claims)`);
  return picked;
}
