/**
 * Every check `perfsec validate` runs, in the draft's order; each theorem issue adds its own.
 */
import { specFilesCheck } from './artifact-checks.js';
import { AUDIT_CHECKS } from './audit-checks.js';
import type { Check } from './registry.js';
import { replayAllCheck } from './search-checks.js';
import { T_JCOST_1_CHECKS } from './t-jcost-1.js';
import { T_VDOS_1_CHECKS } from './t-vdos-1.js';
import { T_RC_1_CHECKS } from './t-rc-1.js';
import { T_HKDF_PS_CHECKS } from './t-hkdf-ps.js';
import { CAP_CHECKS, T_COMP_SPLIT_CHECKS } from './t-comp-split.js';
import { PIPELINE_CHECKS } from './pipeline.js';

/** The validator's checks. */
export const CHECKS: readonly Check[] = [
  specFilesCheck,
  ...T_JCOST_1_CHECKS,
  ...T_VDOS_1_CHECKS,
  ...T_RC_1_CHECKS,
  ...T_HKDF_PS_CHECKS,
  ...T_COMP_SPLIT_CHECKS,
  ...CAP_CHECKS,
  ...PIPELINE_CHECKS,
  replayAllCheck,
  ...AUDIT_CHECKS,
];
