/**
 * Where the draft's text is: PERFSEC_DRAFT, else the shared copy beside the repository. The
 * project does not carry the draft's prose; it keeps the numbers extracted from it
 * (spec/audit/draft-numbers.json) and the digest of the text they came from.
 */
import { existsSync } from 'node:fs';
import { FileInputError, InputError } from '../lib/errors.js';
import { readValidated } from '../lib/json-file.js';
import { projectPath, sharedPath } from '../lib/paths.js';
import { readInputText } from '../lib/read-file.js';
import { extractNumbers, type Extraction } from './extract.js';

/** The committed extraction. */
export const DRAFT_NUMBERS_FILE = projectPath('spec', 'audit', 'draft-numbers.json');

/** The draft's text file, if it can be found. */
export function draftTextFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.PERFSEC_DRAFT, sharedPath('spec', 'draft-melegassi-mvps-perfsec-coupling-00.txt')];
  return candidates.find((f): f is string => !!f && existsSync(f));
}

/** Extracts the numbers of the draft text in FILE. */
export function extractFrom(file: string): Extraction {
  let text: string;
  try {
    text = readInputText(file); // a regular file of at most 16 MiB (issue 16: readers cap input size)
  } catch (e) {
    throw e instanceof FileInputError ? new InputError(`${file}: cannot read the draft text (${e.reason})`) : e;
  }
  return extractNumbers(text);
}

/** The committed extraction (spec/audit/draft-numbers.json). */
export function committedExtraction(): Extraction {
  return readValidated<Extraction>(DRAFT_NUMBERS_FILE, 'draft-numbers-v1');
}
