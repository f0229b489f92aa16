/**
 * The outcome classifier of a replay (issue 16, "Replay is exact"): only a predicate that returns
 * false, or throws the plain Error by which a claim names a violation, fails; a crash (TypeError,
 * RangeError, DomainError, InputError, a thrown non-Error) refutes nothing; a value outside the
 * domain is never evaluated. The last test is the regression mutant: the old catch-all ("any throw
 * counts as a refutation") disagrees with this table, so the table would catch its return.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FloodError } from '../model/flood.js';
import { DomainError } from '../model/domain-error.js';
import { claim, type Claim } from '../src/engine/claim.js';
import { evaluate, RETURNED_FALSE, type Outcome } from '../src/engine/outcome.js';
import { InputError } from '../src/lib/errors.js';

/** A one-argument claim over 0..10 whose predicate is BODY. */
const claimWith = (body: (x: number) => boolean | void): Claim =>
  claim<[number]>('TEST.claim', 'test claim', [fc.integer({ min: 0, max: 10 })], body);

/** One row per thing a predicate can do, with the outcome it must get. */
const ROWS: Array<[string, (x: number) => boolean | void, Outcome['kind'], RegExp | string | null]> = [
  ['returns false', () => false, 'fails', RETURNED_FALSE],
  [
    'throws a plain Error naming the violation',
    () => {
      throw new Error('accepted twice');
    },
    'fails',
    'accepted twice',
  ],
  ['returns true', () => true, 'holds', null],
  ['returns nothing', () => undefined, 'holds', null],
  [
    'throws a TypeError (malformed data)',
    (x) => {
      void (x as unknown as { y: { z: number } }).y.z;
    },
    'crashed',
    /^TypeError/,
  ],
  [
    'throws a RangeError (a huge allocation)',
    () => {
      new Array(-1);
    },
    'crashed',
    /^RangeError/,
  ],
  [
    'throws a DomainError (a parameter outside the model)',
    () => {
      throw new DomainError('tick must be positive');
    },
    'crashed',
    /^DomainError/,
  ],
  [
    'throws a model subclass of DomainError',
    () => {
      throw new FloodError('coalition above N');
    },
    'crashed',
    /coalition above N/,
  ],
  [
    'throws an InputError',
    () => {
      throw new InputError('bad input');
    },
    'crashed',
    /^InputError/,
  ],
  [
    'throws a string',
    () => {
      throw 'oops';
    },
    'crashed',
    /^string: oops/,
  ],
  [
    'throws an Error subclass of its own',
    () => {
      throw new (class DecodeError extends Error {})('truncated');
    },
    'crashed',
    /truncated/,
  ],
];

/** The pre-issue-16 replay: a throw of any kind counted as a refutation. */
function catchAllRefutes(c: Claim, value: readonly unknown[]): boolean {
  try {
    return (c.predicate as (...a: unknown[]) => unknown)(...value) === false;
  } catch {
    return true;
  }
}

describe('replay outcome: only a returned false or a named violation refutes', () => {
  test.each(ROWS)('a predicate that %s', (_name, body, kind, detail) => {
    const { outcome } = evaluate(claimWith(body), [3]);
    expect(outcome.kind).toBe(kind);
    if (detail !== null) expect('error' in outcome ? outcome.error : '').toMatch(detail);
  });

  test.each<[string, unknown[]]>([
    ['no value', []],
    ['a string', ['3']],
    ['a number outside the generator', [11]],
    ['NaN', [Number.NaN]],
    ['one value too many', [3, 3]],
  ])('%s is outside the domain, and the predicate is never called', (_name, value) => {
    let called = false;
    const { outcome, evaluated } = evaluate(
      claimWith(() => {
        called = true;
        return false;
      }),
      value,
    );
    expect(outcome.kind).toBe('outside-domain');
    expect(evaluated).toBeNull();
    expect(called).toBe(false);
  });

  test('what is evaluated is printed as fast-check prints it', () => {
    expect(
      evaluate(
        claimWith(() => false),
        [7],
      ).evaluated,
    ).toBe('[7]');
  });

  test('regression mutant: the old catch-all would call every crash a refutation, so this table fails it', () => {
    const crashes = ROWS.filter(([, , kind]) => kind === 'crashed');
    expect(crashes.length).toBeGreaterThan(0);
    for (const [name, body] of crashes) {
      const c = claimWith(body);
      expect(catchAllRefutes(c, [3]), name).toBe(true); // the mutant says "refuted" ...
      expect(evaluate(c, [3]).outcome.kind, name).not.toBe('fails'); // ... the classifier does not
    }
    expect(
      catchAllRefutes(
        claimWith((x) => {
          void (x as unknown as { y: { z: number } }).y.z;
        }),
        [],
      ),
    ).toBe(true); // and it took [] as a refutation
  });
});
