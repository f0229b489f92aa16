/**
 * The claim engine's one check (src/engine/check-claim.ts), once per status, on small fake claims
 * over 0..100: a claim that holds is searched and holds; one that fails from 50 up is a new
 * counterexample (shrunk to 50, with seed and path); pinned with its stored counterexample it is
 * refuted as pinned; the pin is lost when the file is missing, unreadable, or no longer refutes.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { claim, type Claim } from '../src/engine/claim.js';
import { checkClaim } from '../src/engine/check-claim.js';
import { recordOf, saveCounterexample } from '../src/engine/counterexamples.js';
import { search } from '../src/engine/search.js';

const dir = mkdtempSync(path.join(tmpdir(), 'perfsec-check-claim-'));
const AT = { seed: 42, numRuns: 200, counterexampleDir: dir };
const PINNED = 'CX-FAKE-001';

/** A one-argument claim over 0..100; pinned as refuted by REFUTEDBY when given. */
const fake = (id: string, predicate: (n: number) => boolean, refutedBy?: string): Claim => {
  const pinned = refutedBy ? { refutedBy } : {};
  return claim<[number]>(id, `fake claim ${id}`, [fc.integer({ min: 0, max: 100 })], predicate, pinned);
};
const belowFifty = (n: number) => n < 50;

/** Stores the counterexample the search finds for belowFifty as PINNED. */
async function storePin(): Promise<void> {
  const found = search(fake('FAKE.below-50', belowFifty), AT);
  const meta = { id: PINNED, theorem: 'FAKE', claim: 'fake claim', model: 'faithful', file: `${PINNED}.json` };
  await saveCounterexample(recordOf(found, meta), dir);
}

describe('checkClaim: one typed status per claim', () => {
  test('holds: searched at the seed and budget, no counterexample', () => {
    const c = checkClaim(
      fake('FAKE.non-negative', (n) => n >= 0),
      AT,
    );
    expect(c.status).toBe('holds');
    expect(c.search).toMatchObject({ seed: 42, numRuns: 200, runsExecuted: 200, failed: false });
    expect(c.detail).toBe('FAKE.non-negative holds over 200 runs at seed 42');
  });

  test('new-counterexample: a holding claim refuted, with seed, path and shrunk value', () => {
    const c = checkClaim(fake('FAKE.below-50', belowFifty), AT);
    expect(c.status).toBe('new-counterexample');
    if (c.status !== 'new-counterexample') return;
    expect(c.value).toEqual([50]);
    expect(c.seed).toBe(42);
    expect(c.path).toMatch(/^\d+(:\d+)*$/);
    expect(c.detail).toBe(`FAKE.below-50 refuted at seed 42 path ${c.path}`);
  });

  test('refuted-as-pinned: the stored counterexample reproduces; nothing is searched', async () => {
    await storePin();
    const c = checkClaim(fake('FAKE.below-50', belowFifty, PINNED), AT);
    expect(c.status, c.detail).toBe('refuted-as-pinned');
    if (c.status !== 'refuted-as-pinned') return;
    expect(c.search).toBeNull();
    expect(c.pin.record?.value).toEqual([50]);
    expect(c.pin.replay.reproduced).toBe(true);
    expect(c.detail).toMatch(/^reproduced: CX-FAKE-001 refutes FAKE\.below-50/);
    const searchedToo = checkClaim(fake('FAKE.below-50', belowFifty, PINNED), { ...AT, searchPinned: true });
    expect(searchedToo.search?.failed).toBe(true);
  });

  test('pin-lost: the pinned counterexample is not stored', () => {
    const c = checkClaim(fake('FAKE.below-50', belowFifty, 'CX-FAKE-404'), AT);
    expect(c.status).toBe('pin-lost');
    if (c.status !== 'pin-lost') return;
    expect(c.pin.stored).toBe(false);
    expect(c.reason).toBe('counterexample CX-FAKE-404 is not stored');
  });

  test('pin-lost: the stored counterexample no longer refutes (the claim holds there)', async () => {
    await storePin();
    const c = checkClaim(
      fake('FAKE.below-50', (n) => n >= 0, PINNED),
      AT,
    );
    expect(c.status).toBe('pin-lost');
    if (c.status !== 'pin-lost') return;
    expect(c.pin.replay?.reproduced).toBe(false);
    expect(c.reason).toMatch(/^NOT reproduced: CX-FAKE-001 on FAKE\.below-50: the claim holds at the stored value/);
  });

  test('pin-lost: the stored file cannot be read', () => {
    writeFileSync(path.join(dir, 'CX-FAKE-002.json'), '{ not json');
    const c = checkClaim(fake('FAKE.below-50', belowFifty, 'CX-FAKE-002'), AT);
    expect(c.status).toBe('pin-lost');
    if (c.status !== 'pin-lost') return;
    expect(c.pin).toMatchObject({ stored: true, record: null, replay: null });
    expect(c.reason).toMatch(/^counterexample CX-FAKE-002: /);
  });
});
