/**
 * T-RC-1 conformance vectors (draft §5): the committed file is what the model builds, it
 * verifies against the faithful broker, broken brokers fail the vectors that target their slip,
 * and malformed tests are one-line InputErrors.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../src/lib/errors.js';
import { jsonText } from '../src/lib/json-file.js';
import { DEFAULT_VECTORS_DIR, loadVectors, verifyVectors, type VectorsFile } from '../src/vectors/index.js';
import { brokerSequenceVerifier, buildBrokerVectors } from '../src/vectors/t-rc-1.js';
import { RC_MUTANTS } from './mutants/t-rc-1.js';

const FILE = path.join(DEFAULT_VECTORS_DIR, 't-rc-1.json');

describe('T-RC-1 vectors (draft §5)', () => {
  test('the committed file is exactly what the model builds, and every vector verifies', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(jsonText(buildBrokerVectors()));
    const r = verifyVectors(FILE);
    expect(r.failed, r.results.find((x) => !x.ok)?.detail).toBe(0);
    expect(r.passed).toBeGreaterThanOrEqual(20);
  });

  test.each([
    ['drop-a', /\(a\) a push replayed in the same epoch/],
    ['reset-seq', /cross-epoch replay of a push inside the overlap/],
    ['drop-b', /\(b\) a snapshot replayed in the same epoch/],
    ['drop-c', /expires_at/],
    ['no-auth', /forge/],
    ['counter-not-reset', /the CWT counter restarts/],
  ])('a %s broker fails the vectors aimed at it', (name, comment) => {
    const m = RC_MUTANTS.find((x) => x.name.startsWith(`${name}:`))!;
    const r = verifyVectors(FILE, [brokerSequenceVerifier(m.subject)]);
    const failed = r.results.filter((x) => !x.ok).map((x) => x.comment);
    expect(
      failed.some((c) => comment.test(c)),
      `failed: ${failed.join(' | ')}`,
    ).toBe(true);
  });

  type Doc = {
    testGroups: Array<{
      parameters: Record<string, unknown>;
      tests: Array<{ input: { steps: Array<Record<string, unknown>> }; expected: { decisions: unknown[] } }>;
    }>;
  };
  const tamper = (f: (d: Doc) => void): VectorsFile => {
    const doc = JSON.parse(readFileSync(FILE, 'utf8'));
    f(doc);
    return doc as VectorsFile;
  };
  test.each([
    [
      'a step without packet_hex',
      (d: Doc) => void delete d.testGroups[0]!.tests[0]!.input.steps[0]!.packet_hex,
      /steps\/0 must be/,
    ],
    [
      'an unknown reason',
      (d: Doc) => void (d.testGroups[0]!.tests[1]!.expected.decisions[1] = 'reject:bad-mac'),
      /decisions/,
    ],
    ['a missing bfd_seq_key', (d: Doc) => void delete d.testGroups[0]!.parameters.bfd_seq_key, /bfd_seq_key/],
  ])('%s is a one-line InputError', (_what, f, message) => {
    let err: unknown;
    try {
      verifyVectors(tamper(f));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });

  test('the committed file loads against the vectors schema', () => {
    expect(loadVectors(FILE).algorithm).toBe('T-RC-1');
  });
});
