/**
 * The coverage of the committed draft extraction (spec/audit/draft-numbers.json) by the claims
 * registry, with the numbers left out on purpose (spec/audit/left-out.json): what `perfsec audit`
 * prints and the validator's check:spec/coverage check judges.
 */
import { loadConstants } from '../lib/constants.js';
import { readValidated } from '../lib/json-file.js';
import { projectPath } from '../lib/paths.js';
import { coverage, type LeftOut } from './coverage.js';
import { committedExtraction } from './draft-text.js';
import { loadAllClaims } from './registry.js';

/** The coverage of the committed extraction by the claims registry. */
export function currentCoverage() {
  const leftOut = readValidated<{ left_out: LeftOut[] }>(
    projectPath('spec', 'audit', 'left-out.json'),
    'audit-left-out-v1',
  ).left_out;
  return coverage(
    committedExtraction().numbers,
    loadAllClaims().map((x) => x.file),
    loadConstants().constants_us,
    leftOut,
  );
}
