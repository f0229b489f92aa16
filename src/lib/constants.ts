/**
 * Loading a constants file (`--constants FILE`); the draft's §1.3 values are the default.
 */
import type { ConstantsFile, CostConstants } from '../../model/constants.js';
import { readValidated } from './json-file.js';
import { projectPath, relativeToRoot } from './paths.js';

/** The draft's §1.3 constants file. */
export const DRAFT_CONSTANTS_FILE = projectPath('spec', 'constants', 'draft-1.3.json');

/** Loads and validates a constants file (the draft's when FILE is omitted). */
export function loadConstants(file: string = DRAFT_CONSTANTS_FILE): ConstantsFile & { readonly file: string } {
  return { ...readValidated<ConstantsFile>(file, 'constants-v1'), file: relativeToRoot(file) };
}

/** The draft's §1.3 constants, read once from DRAFT_CONSTANTS_FILE: the file is their one source. */
export const DRAFT_CONSTANTS: CostConstants = loadConstants().constants_us;
