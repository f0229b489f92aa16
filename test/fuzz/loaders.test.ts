/**
 * Fuzzing the project's document loaders: constants files, claims files, counterexample files,
 * receipts, vectors files and the audit's data (anchors, errata, growth, normative and cited rules).
 * Whatever the text, a loader returns a document or rejects it with an
 * InputError whose message is one line; it never throws anything else. And any key of a valid
 * document given twice is refused as a duplicate (issue 16), never taken last-wins.
 */
import fc from 'fast-check';
import { visit } from 'jsonc-parser';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { computeClaims, jointCostQuantities, type ClaimsFile } from '../../src/lib/claims.js';
import { closedForm } from '../../model/joint-cost.js';
import { InputError } from '../../src/lib/errors.js';
import { parseJson, parseValidated } from '../../src/lib/json-file.js';
import { projectPath } from '../../src/lib/paths.js';
import { assertValid } from '../../src/lib/schemas.js';
import { listCounterexamples } from '../../src/engine/counterexamples.js';
import { checkVectors } from '../../src/vectors/index.js';
import { DRAFT_CONSTANTS } from '../../src/lib/constants.js';
import { documentText, FUZZ_RUNS, FUZZ_TIMEOUT_MS, rejectsCleanly } from './fuzz-kit.js';

const json = (...p: string[]) => JSON.parse(readFileSync(projectPath(...p), 'utf8')) as unknown;

const TARGETS: Array<[string, unknown, (text: string) => unknown]> = [
  [
    'constants file',
    json('spec', 'constants', 'draft-1.3.json'),
    (t) => parseValidated(t, 'constants-v1', 'constants'),
  ],
  [
    'claims file (schema, then every claim computed)',
    json('spec', 'claims', 't-jcost-1.json'),
    (t) =>
      computeClaims(
        parseValidated<ClaimsFile>(t, 'claims-v1', 'claims'),
        jointCostQuantities(closedForm),
        DRAFT_CONSTANTS,
      ),
  ],
  [
    'counterexample file',
    JSON.parse(readFileSync(listCounterexamples()[0]!, 'utf8')),
    (t) => parseValidated(t, 'counterexample-v1', 'counterexample'),
  ],
  [
    'receipt B.1',
    json('receipts', 'perfsec_joint_cost_receipt.json'),
    (t) => assertValid('perfsec-joint-cost-receipt-v1', parseJson(t, 'receipt'), 'receipt'),
  ],
  [
    'receipt B.2',
    json('receipts', 'perfsec_verification_dos_receipt.json'),
    (t) => assertValid('perfsec-verification-dos-receipt-v1', parseJson(t, 'receipt'), 'receipt'),
  ],
  ['vectors file', json('spec', 'vectors', 't-vdos-1.json'), (t) => checkVectors(parseJson(t, 'vectors'), 'vectors')],
  ['left-out list', json('spec', 'audit', 'left-out.json'), (t) => parseValidated(t, 'audit-left-out-v1', 'left-out')],
  // issue 18: the audit's data
  ['anchors', json('spec', 'anchors.json'), (t) => parseValidated(t, 'anchors-v1', 'anchors')],
  ['errata', json('spec', 'errata.json'), (t) => parseValidated(t, 'errata-v1', 'errata')],
  ['growth claims', json('spec', 'growth.json'), (t) => parseValidated(t, 'growth-v1', 'growth')],
  ['normative statements', json('spec', 'normative.json'), (t) => parseValidated(t, 'normative-v1', 'normative')],
  ['cited rules', json('spec', 'cited', 'rfc5880.json'), (t) => parseValidated(t, 'cited-v1', 'cited')],
];

describe('fuzz: document loaders reject bad input with one clear line', { timeout: FUZZ_TIMEOUT_MS }, () => {
  for (const [name, valid, load] of TARGETS) {
    test(`${name}: ${FUZZ_RUNS} arbitrary and mutated documents`, () => {
      fc.assert(
        fc.property(documentText(valid), (text) => rejectsCleanly(() => load(text), [InputError])),
        { numRuns: FUZZ_RUNS },
      );
    });
  }
});

/** Where each property of TEXT starts (offset of its key) and its name, found by jsonc-parser. */
function properties(text: string): Array<{ offset: number; name: string }> {
  const found: Array<{ offset: number; name: string }> = [];
  visit(text, { onObjectProperty: (name, offset) => void found.push({ offset, name }) });
  return found;
}

describe(
  'fuzz: a key given twice in any document is refused, not taken last-wins',
  { timeout: FUZZ_TIMEOUT_MS },
  () => {
    for (const [name, valid, load] of TARGETS) {
      const text = JSON.stringify(valid);
      const props = properties(text);
      test(`${name}: each of ${props.length} keys repeated with a decoy value before the real one`, () => {
        fc.assert(
          fc.property(fc.nat(props.length - 1), fc.jsonValue({ maxDepth: 1 }), (i, decoy) => {
            const { offset, name: key } = props[i]!;
            const twice =
              `${text.slice(0, offset)}${JSON.stringify(key)}:` + `${JSON.stringify(decoy)},${text.slice(offset)}`;
            expect(() => load(twice)).toThrow(InputError);
            expect(() => load(twice)).toThrow(/duplicate key/);
          }),
          { numRuns: Math.min(FUZZ_RUNS, props.length * 3) },
        );
      });
    }
  },
);
