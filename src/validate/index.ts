/**
 * Every check `perfsec validate` runs, in the draft's order; each theorem issue adds its own.
 */
import { specFilesCheck } from './artifact-checks.js';
import type { Check } from './registry.js';
import { replayAllCheck } from './search-checks.js';
import { T_JCOST_1_CHECKS } from './t-jcost-1.js';

/** The validator's checks. */
export const CHECKS: readonly Check[] = [specFilesCheck, ...T_JCOST_1_CHECKS, replayAllCheck];
