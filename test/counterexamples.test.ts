/**
 * Every stored counterexample (spec/counterexamples/) replays exactly (its value fails with the
 * error it names, its seed and path regenerate that value), and every claim the project marks
 * refuted points at one: a refutation cannot silently stop reproducing or lose its evidence.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isExhaustive, listCounterexamples, loadCounterexample } from '../src/engine/counterexamples.js';
import { replay } from '../src/engine/replay.js';
import { allClaims } from '../src/registry/theorems.js';

const files = listCounterexamples();
const claims = new Map(allClaims().map(({ claim }) => [claim.id, claim]));

describe('stored counterexamples', () => {
  test('every claim marked refuted has its counterexample file, and every file pins a refuted claim', () => {
    const pinned = [...claims.values()].flatMap((c) => (c.refutedBy ? [c.refutedBy] : [])).sort();
    expect(files.map((f) => path.basename(f, '.json')).sort()).toEqual(pinned);
  });

  test.each(files.map((f) => [path.basename(f), f]))(
    '%s replays from its value, and from its seed and path where it has them',
    (_name, file) => {
      const cx = loadCounterexample(file);
      const claim = claims.get(cx.property);
      expect(claim, `no claim ${cx.property}`).toBeDefined();
      const r = replay(claim!, cx);
      expect(r.reproduced, r.summary).toBe(true);
      expect(r.summary).toMatch(/^reproduced/);
      // exact: the value fails with the very error the record names, and seed and path regenerate it; a record an
      // exhaustive search found has none (perfsec replay re-runs its search: test/verify-stored-minimal.test.ts)
      expect(r.value).toEqual({ kind: 'fails', error: cx.error });
      if (isExhaustive(cx)) expect(r.seed).toMatchObject({ kind: 'skipped' });
      else expect(r.seed).toEqual({ kind: 'fails', error: cx.error });
    },
  );
});
