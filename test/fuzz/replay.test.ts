/**
 * Fuzzing `perfsec replay` with mutated counterexample records (issue 16, "Replay is exact"):
 * values, paths, seeds and error messages edited at random. Whatever the record, replay never
 * crashes (no exit 3), answers 0, 1 or 2 (bad input: one line on stderr), and says "reproduced"
 * only when the record is unchanged where it matters, or its mutated value still fails the claim
 * with the very error the record names.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/engine/outcome.js';
import { projectPath } from '../../src/lib/paths.js';
import { allClaims } from '../../src/registry/theorems.js';
import { perfsec } from '../cli-harness.js';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, mutatedJson, textNear } from './fuzz-kit.js';

type Record = { property: string; value: unknown[]; path: string; seed: number; error: string | null };
const tmp = mkdtempSync(path.join(tmpdir(), 'perfsec-fuzz-replay-'));
const file = path.join(tmp, 'cx.json');
const claims = new Map(allClaims().map(({ claim }) => [claim.id, claim]));
/**
 * One record per theorem with stored counterexamples found by fast-check: plain data, predicate returning false, and
 * commands with a thrown violation (records an exhaustive search found have no seed or path: see below).
 */
const RECORDS = ['CX-T-VDOS-1-003', 'CX-T-COMP-SPLIT-001', 'CX-T-RC-1-004'].map(
  (id) => JSON.parse(readFileSync(projectPath('spec', 'counterexamples', `${id}.json`), 'utf8')) as Record,
);

/** The fields a replay depends on, each mutated or left as it is. */
function mutated(r: Record): fc.Arbitrary<Record> {
  const segments = r.path.split(':').map(Number);
  return fc
    .record({
      value: fc.option(mutatedJson(r.value), { nil: undefined }),
      path: fc.option(
        fc.oneof(
          textNear(r.path),
          fc
            .tuple(fc.nat(segments.length), fc.oneof(fc.nat(20), fc.constantFrom(99_999, 100_001, 2 ** 53)))
            .map(([i, n]) => segments.map((s, j) => (j === i ? n : s)).join(':')),
          fc.nat(segments.length).map((n) => segments.slice(0, n + 1).join(':')),
          fc.array(fc.nat(30), { minLength: 1, maxLength: 40 }).map((s) => s.join(':')),
        ),
        { nil: undefined },
      ),
      seed: fc.option(fc.oneof(fc.integer(), fc.constantFrom(r.seed + 1, 2 ** 32, -(2 ** 31) - 1, 0.5)), {
        nil: undefined,
      }),
      error: fc.option(fc.oneof(fc.constant(null), fc.string({ maxLength: 40 }), textNear(r.error ?? '')), {
        nil: undefined,
      }),
    })
    .map((m) => ({ ...r, ...Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) }) as Record);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/**
 * A replay that reaches the model costs more than a document load: about 6 ms a case, so 10 ms a case when that is more
 * than the kit's budget.
 */
const TIMEOUT_MS = Math.max(FUZZ_TIMEOUT_MS, FUZZ_RUNS * 10);

/** Replays FILE and checks what any replay answers: exit 0, 1 or 2 (never 3), one error line or its verdict line. */
async function replayShaped() {
  const r = await perfsec('replay', file);
  expect([0, 1, 2], r.stderr).toContain(r.code);
  if (r.code === 2) expect(r.stderr).toMatch(/^perfsec: error: [^\n]*\n$/);
  else expect(r.stdout.split('\n')[0]).toMatch(r.code === 0 ? /^reproduced: / : /^NOT reproduced: /);
  return r;
}

describe('fuzz: replay of mutated counterexample records', { timeout: TIMEOUT_MS }, () => {
  test(
    `${FUZZ_RUNS} mutated records: never exit 3; ` +
      '"reproduced" only for an unchanged record or a value that still fails as named',
    async () => {
      const cases = fc
        .integer({ min: 0, max: RECORDS.length - 1 })
        .chain((i) => mutated(RECORDS[i]!).map((m) => [RECORDS[i]!, m] as const));
      await fc.assert(
        fc.asyncProperty(cases, async ([original, m]) => {
          writeFileSync(file, JSON.stringify(m));
          const r = await replayShaped();
          if (r.code === 0) {
            const unchanged =
              same(m.value, original.value) &&
              m.path === original.path &&
              m.seed === original.seed &&
              m.error === original.error;
            const stillFails = evaluate(claims.get(m.property)!, m.value).outcome;
            expect(
              unchanged || (stillFails.kind === 'fails' && stillFails.error === m.error),
              `reproduced a mutated record: ${JSON.stringify(m).slice(0, 300)}`,
            ).toBe(true);
          }
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
  );
});

/** Records an exhaustive search found (issue 19): small searches, each fuzz case re-runs one in milliseconds. */
type Exhaustive = Omit<Record, 'value'> & {
  value: unknown; // mutated: not always an array
  exhaustive: { target: string; depth: number; scope: { [k: string]: number } };
};
const EXHAUSTIVE = ['CX-T-RC-1-001', 'CX-T-VDOS-1-001', 'CX-T-VDOS-1-005'].map(
  (id) => JSON.parse(readFileSync(projectPath('spec', 'counterexamples', `${id}.json`), 'utf8')) as Exhaustive,
);

/** The fields an exhaustive replay depends on, each mutated or left as it is: value, error, scope, depth, target. */
function mutatedExhaustive(r: Exhaustive): fc.Arbitrary<Exhaustive> {
  const names = Object.keys(r.exhaustive.scope);
  return fc
    .record({
      value: fc.option(mutatedJson(r.value), { nil: undefined }),
      error: fc.option(fc.oneof(fc.constant(null), textNear(r.error ?? '')), { nil: undefined }),
      scope: fc.option(
        fc.tuple(fc.constantFrom(...names, 'extra'), fc.oneof(fc.integer({ min: -1, max: 20 }), fc.constant(2 ** 40))),
        { nil: undefined },
      ),
      depth: fc.option(fc.oneof(fc.nat(6), fc.constant(1e9)), { nil: undefined }),
      target: fc.option(fc.constantFrom('T-RC-1.A.iff', 'T-VDOS-1.claim-a', 'T-NONE.x'), { nil: undefined }),
    })
    .map(({ value, error, scope, depth, target }) => ({
      ...r,
      ...(value === undefined ? {} : { value }),
      ...(error === undefined ? {} : { error }),
      exhaustive: {
        ...r.exhaustive,
        ...(scope === undefined ? {} : { scope: { ...r.exhaustive.scope, [scope[0]]: scope[1] } }),
        ...(depth === undefined ? {} : { depth }),
        ...(target === undefined ? {} : { target }),
      },
    }));
}

describe('fuzz: replay of mutated exhaustive records', { timeout: TIMEOUT_MS }, () => {
  const runs = Math.max(30, Math.round(FUZZ_RUNS / 3));
  const title = `${runs} mutated records: never exit 3; "reproduced" only when the search still finds the stored value`;
  test(title, async () => {
    const cases = fc
      .integer({ min: 0, max: EXHAUSTIVE.length - 1 })
      .chain((i) => mutatedExhaustive(EXHAUSTIVE[i]!).map((m) => [EXHAUSTIVE[i]!, m] as const));
    await fc.assert(
      fc.asyncProperty(cases, async ([original, m]) => {
        writeFileSync(file, JSON.stringify(m));
        const r = await replayShaped();
        if (r.code === 0) {
          // the value, its error, the target and the depth it is found at are what the search regenerates
          expect(same(m.value, original.value), 'value').toBe(true);
          expect(m.error).toBe(original.error);
          expect(m.exhaustive.target).toBe(original.exhaustive.target);
          expect(m.exhaustive.depth).toBe(original.exhaustive.depth);
        }
      }),
      { numRuns: runs },
    );
  });
});
