/**
 * Fuzzing the wire decoders: BFD Control packets, CWT snapshots, signed notes, verifier keys,
 * checkpoints and their dual-mode line, and deployment descriptions. Arbitrary bytes and mutations
 * of valid encodings; a decoder returns a value or a typed failure with a reason, and never throws.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { signBfd } from '../../model/bfd/auth.js';
import { decodeBfd } from '../../model/bfd/packet.js';
import { conformance, type DeploymentDescription } from '../../model/capabilities.js';
import { formatCheckpoint, parseCheckpoint, parseDualMode } from '../../model/checkpoint.js';
import {
  formatNote,
  openNote,
  parseNote,
  parseVerifierKey,
  signText,
  verifierOf,
  formatVerifierKey,
} from '../../model/note.js';
import { encodeSnapshot, signSnapshot } from '../../model/snapshot.js';
import { decodeSnapshot } from '../../src/lib/snapshot-decode.js';
import { testKey } from '../../src/lib/test-keys.js';
import { DomainError } from '../../model/domain-error.js';
import { CODEC_PACKET } from '../fixtures/bfd-codec-packet.js';
import { InputError } from '../../src/lib/errors.js';
import { parseValidated } from '../../src/lib/json-file.js';
import { projectPath } from '../../src/lib/paths.js';
import { DRAFT_CONSTANTS } from '../../src/lib/constants.js';
import { bytesNear, documentText, FUZZ_RUNS, FUZZ_TIMEOUT_MS, rejectsCleanly, textNear } from './fuzz-kit.js';

const key = testKey('fuzz');
const bfd = signBfd({ ...CODEC_PACKET, authKeyId: 1, seq: 42 }, key);
const body = { vantage_id: 'v1', epoch_id: 3, counter: 5, expires_at: 1000, payload: 'x' };
const snapshot = encodeSnapshot({ ...body, tag: signSnapshot(body, key) } as never);
const signer = { name: 'fuzz.example/witness', seed: testKey('fuzz-note') };
const checkpointText = formatCheckpoint({
  origin: 'fuzz.example/log',
  size: 12n,
  rootHash: new Uint8Array(32).fill(7),
  extensions: ['bundle_id=1;bundle_seq=2;d_minimax=0.5;d_max=0.75'],
});
const note = formatNote({ text: checkpointText, signatures: [signText(checkpointText, signer)] } as never);
const noteVerifier = verifierOf(signer);
const vkey = formatVerifierKey(noteVerifier);
const deployment = JSON.parse(
  readFileSync(projectPath('spec', 'deployments', 'regime-c-conformant.json'), 'utf8'),
) as unknown;

/** A decoder's result: a value, or a typed failure that says why. */
function typed(r: { ok: boolean; reason?: string; error?: string; detail?: string }): boolean {
  if (r.ok) return true;
  const why = r.reason ?? r.detail ?? r.error;
  expect(typeof why === 'string' && why.length > 0, JSON.stringify(r)).toBe(true);
  return true;
}

const utf8 = (b: Uint8Array) => new TextDecoder().decode(b);

describe('fuzz: decoders never throw, and every failure has a reason', { timeout: FUZZ_TIMEOUT_MS }, () => {
  test(`BFD Control packets: ${FUZZ_RUNS} byte strings near a valid one`, () => {
    fc.assert(
      fc.property(bytesNear(bfd), (b) => typed(decodeBfd(b))),
      { numRuns: FUZZ_RUNS },
    );
  });
  test(`CWT snapshots: ${FUZZ_RUNS} byte strings and mutated documents`, () => {
    const inputs = fc.oneof(
      bytesNear(snapshot),
      documentText(JSON.parse(utf8(snapshot))).map((t) => new TextEncoder().encode(t)),
    );
    fc.assert(
      fc.property(inputs, (b) => typed(decodeSnapshot(b))),
      { numRuns: FUZZ_RUNS },
    );
  });
  test(`signed notes (parse, then open against the signer): ${FUZZ_RUNS} texts near a valid one`, () => {
    fc.assert(
      fc.property(textNear(note), (t) => typed(parseNote(t)) && typed(openNote(t, [noteVerifier]))),
      { numRuns: FUZZ_RUNS },
    );
  });
  test(`verifier keys: ${FUZZ_RUNS} texts near a valid one`, () => {
    fc.assert(
      fc.property(textNear(vkey), (t) => typed(parseVerifierKey(t))),
      { numRuns: FUZZ_RUNS },
    );
  });
  test(`checkpoints and their dual-mode line: ${FUZZ_RUNS} texts near a valid one`, () => {
    fc.assert(
      fc.property(
        textNear(checkpointText),
        (t) => typed(parseCheckpoint(t)) && typed(parseDualMode(t.split('\n')[3] ?? t)),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
  test(`deployment descriptions (schema, then the conformance checker): ${FUZZ_RUNS} documents`, () => {
    fc.assert(
      fc.property(documentText(deployment), (t) =>
        rejectsCleanly(
          () =>
            conformance(
              parseValidated<DeploymentDescription>(t, 'perfsec-deployment-v1', 'deployment'),
              DRAFT_CONSTANTS,
            ),
          [InputError, DomainError],
        ),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});
