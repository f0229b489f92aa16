/**
 * The reproducibility contract: every failure names its seed and path, the seed and path replay
 * it, a saved counterexample replays from its file, one seed gives one search, and shards split a
 * search deterministically.
 */
import fc from 'fast-check';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { propertyOf } from '../src/engine/claim.js';
import tJcost1 from '../properties/t-jcost-1.prop.js';
import { loadCounterexample, nextId, recordOf, saveCounterexample } from '../src/engine/counterexamples.js';
import { InputError } from '../src/lib/errors.js';
import { parseShard, search, shardOf } from '../src/engine/search.js';
import { replay } from '../src/engine/replay.js';
import { runSettings } from '../src/lib/seed.js';
import { MUTANTS } from './mutants/t-jcost-1.js';

const seed = inject('perfsecSeed');
const hmacOnce = MUTANTS[0]!;
const brokenLedger = tJcost1.claims(hmacOnce.subject).find((c) => c.id === 'T-JCOST-1.ledger')!;
const faithfulLedger = tJcost1.claims(tJcost1.model).find((c) => c.id === 'T-JCOST-1.ledger')!;

describe('reproducibility contract', () => {
  test('a failing property prints its seed and path (what vitest shows on failure)', () => {
    expect(() => fc.assert(propertyOf(brokenLedger), { seed, numRuns: 200 })).toThrow(
      new RegExp(`seed: ${seed}, path: "\\d+(:\\d+)*"`),
    );
  });

  test('one seed gives one search: same counterexample, same path', () => {
    const a = search(brokenLedger, { seed, numRuns: 200 });
    const b = search(brokenLedger, { seed, numRuns: 200 });
    expect(a.failed).toBe(true);
    expect(b).toEqual(a);
  });

  test('a saved counterexample validates, and replays from its file against the model it refutes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'perfsec-cx-'));
    const found = search(brokenLedger, { seed, numRuns: 200 });
    const id = nextId('T-JCOST-1', dir);
    expect(id).toBe('CX-T-JCOST-1-001');
    const file = await saveCounterexample(
      recordOf(found, { id, theorem: 'T-JCOST-1', claim: brokenLedger.title, model: 'mutant:hmac-once', file: 'x' }),
      dir,
    );
    expect(readdirSync(dir)).toEqual([`${id}.json`]);
    expect(nextId('T-JCOST-1', dir)).toBe('CX-T-JCOST-1-002');
    const cx = loadCounterexample(file);
    expect(cx.seed).toBe(found.seed);
    expect(replay(brokenLedger, cx)).toMatchObject({
      reproduced: true,
      value: { kind: 'fails' },
      seed: { kind: 'fails' },
    });
    // The faithful model is not refuted by the mutant's counterexample: the claim holds at its value.
    expect(replay(faithfulLedger, cx)).toMatchObject({ reproduced: false, value: { kind: 'holds' }, seed: null });
    expect(replay(faithfulLedger, cx).summary).toMatch(/^NOT reproduced: .*: the claim holds at the stored value$/);
  });

  test('recording a search that found nothing is refused', () => {
    const clean = search(faithfulLedger, { seed, numRuns: 5 });
    expect(() =>
      recordOf(clean, { id: 'CX-T-JCOST-1-001', theorem: 'T-JCOST-1', claim: 'c', model: 'faithful', file: 'x' }),
    ).toThrow(InputError);
  });

  test('shards: 1/1 is the unsharded search; n shards search n distinct seeds covering the budget', () => {
    expect(shardOf(seed, 100, { index: 1, count: 1 })).toEqual({ seed, numRuns: 100 });
    const shards = [1, 2, 3].map((index) => shardOf(seed, 100, { index, count: 3 }));
    expect(new Set(shards.map((s) => s.seed)).size).toBe(3);
    expect(shards.reduce((n, s) => n + s.numRuns, 0)).toBeGreaterThanOrEqual(100);
    expect(shardOf(seed, 100, { index: 2, count: 3 })).toEqual(shards[1]);
  });

  test.each(['0/2', '3/2', 'a/b', '1', '1/0'])('--shard %s is rejected with a one-line error', (text) => {
    expect(() => parseShard(text)).toThrow(/--shard must be i\/n/);
  });

  test('PERFSEC_SEED and PERFSEC_RUNS set the run; malformed values are named', () => {
    expect(runSettings({ PERFSEC_SEED: '42', PERFSEC_RUNS: '7' })).toEqual({
      seed: 42,
      seedSource: 'PERFSEC_SEED',
      numRuns: 7,
    });
    expect(runSettings({}).seedSource).toBe('random');
    expect(() => runSettings({ PERFSEC_SEED: 'abc' })).toThrow(/PERFSEC_SEED must be an integer/);
    expect(() => runSettings({ PERFSEC_RUNS: '0' })).toThrow(/PERFSEC_RUNS must be a positive integer/);
    expect(() => runSettings({ PERFSEC_SEED: '99999999999' })).toThrow(/PERFSEC_SEED must fit in 32 bits/);
  });
});
