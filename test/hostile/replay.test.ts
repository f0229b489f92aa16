/**
 * Replay is exact (issue 16): a tampered counterexample record never replays as "reproduced". One
 * row per hostile class: a malformed record or one beyond the replay budget is bad input (exit 2,
 * one line on stderr naming the limit); a well-formed record that does not refute is exit 1 with a
 * "NOT reproduced: ..." line giving the reason. Every stored counterexample still reproduces, and
 * what `replay` prints is the value it evaluated.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { COUNTEREXAMPLE_DIR, listCounterexamples, loadCounterexample } from '../../src/engine/counterexamples.js';
import { projectPath } from '../../src/lib/paths.js';
import { MAX_RUNS } from '../../src/lib/seed.js';
import { allClaims } from '../../src/registry/theorems.js';
import { perfsec } from '../cli-harness.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'perfsec-hostile-replay-'));
type Doc = Record<string, unknown> & { value: unknown[]; path: string };
const stored = (id: string): Doc =>
  JSON.parse(readFileSync(projectPath('spec', 'counterexamples', `${id}.json`), 'utf8')) as Doc;
/**
 * A record fast-check found, as CX-T-VDOS-1-001 was before the exhaustive search found a smaller one (its history):
 * the rows on seeds and paths need one.
 */
function fastCheckOf(cx: Doc): Doc {
  const { origin: _o, exhaustive: _e, shrunk_by_fast_check: history, ...rest } = cx;
  return { ...rest, ...(history as object) } as Doc;
}
/** A record an exhaustive search found (issue 19): no seed or path, its scope and depth instead. */
const EXHAUSTIVE = stored('CX-T-RC-1-001');
const exhaustive = EXHAUSTIVE['exhaustive'] as Record<string, unknown> & { scope: Record<string, number> };
const VDOS = fastCheckOf(stored('CX-T-VDOS-1-001'));
const RC = stored('CX-T-RC-1-004');
const scenario = VDOS.value[0] as Record<string, unknown>;
const nested = (depth: number): unknown => Array.from({ length: depth }).reduce<unknown>((inner) => [inner], 0);

/** Writes a tampered record and replays it. */
async function replayOf(name: string, doc: unknown) {
  const file = path.join(tmp, `${name.replace(/[^a-z0-9]+/gi, '-')}.json`);
  writeFileSync(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return perfsec('replay', file);
}

/** Tamperings that leave a well-formed record which does not refute: exit 1, "NOT reproduced: <reason>". */
const NOT_REPRODUCED: Array<[string, Doc, RegExp]> = [
  [
    'an empty value',
    { ...VDOS, value: [] },
    /outside the claim's domain: value must hold 3 item\(s\), one per generator, got 0/,
  ],
  [
    'a value of the wrong kinds',
    { ...VDOS, value: ['x', null, 3] },
    /outside the claim's domain: value\[0\] must be an object, got "x"/,
  ],
  [
    'a deeply nested value',
    { ...VDOS, value: [nested(50), VDOS.value[1], VDOS.value[2]] },
    /outside the claim's domain: value\[0\] must be an object, got an array of 1/,
  ],
  [
    'wrong types in a field',
    { ...VDOS, value: [{ ...scenario, n: '1' }, ...VDOS.value.slice(1)] },
    /value\[0\]\.n must be an integer in \[1, 4\], got "1"/,
  ],
  [
    'a NaN-like string',
    { ...VDOS, value: [{ ...scenario, floodFactor: 'NaN' }, ...VDOS.value.slice(1)] },
    /value\[0\]\.floodFactor is not one of 1, 4, 16, 64 or a factor to 0\.01 in \[1, 64\], got "NaN"/,
  ],
  [
    'an Infinity-like string',
    { ...VDOS, value: [{ ...scenario, durationTicks: 'Infinity' }, ...VDOS.value.slice(1)] },
    /value\[0\]\.durationTicks must be an integer in \[1, 60\], got "Infinity"/,
  ],
  [
    'a schema-valid flood of 10^6 ticks',
    { ...VDOS, value: [{ ...scenario, durationTicks: 1e6 }, ...VDOS.value.slice(1)] },
    /value\[0\]\.durationTicks must be an integer in \[1, 60\], got 1000000/,
  ],
  [
    '10^5 commands',
    {
      ...RC,
      value: [
        RC.value[0],
        { commands: Array.from({ length: 100_000 }, () => ({ cmd: { op: 'advance', ms: 50 }, hasRan: true })) },
      ],
    },
    /value\[1\]\.commands must hold 0 to 30 items, got 100000/,
  ],
  [
    'a value changed so that the claim holds',
    { ...VDOS, value: [{ ...scenario, coalition: 0 }, ...VDOS.value.slice(1)] },
    /the claim holds at the stored value/,
  ],
  [
    'a different error message',
    { ...VDOS, error: 'Cannot read properties of undefined' },
    /fails with another error \("Property failed by returning false"\) than the record names/,
  ],
  ['no error named', { ...VDOS, error: null }, /the record names no error/],
  ['another seed', { ...VDOS, seed: 2 }, /the stored value fails as recorded, but the claim holds at seed 2 path/],
  ['a path cut short', { ...VDOS, path: '4' }, /but seed 1 path 4 leads to another value than the stored one/],
  [
    'a path that names a shrink that does not exist',
    { ...VDOS, path: `${VDOS.path}:99999` },
    /fast-check cannot replay seed 1 path .*: the path leads to no value/,
  ],
  [
    'a value of another counterexample',
    { ...RC, value: stored('CX-T-RC-1-002').value },
    /the claim holds at the stored value/,
  ],
  // issue 19: a record an exhaustive search found is regenerated by re-running that search within its scope
  [
    "an exhaustive record with fast-check's longer value in its place",
    { ...EXHAUSTIVE, value: (EXHAUSTIVE['shrunk_by_fast_check'] as Doc).value },
    /but exhaustive search of T-RC-1\.A\.iff-printed to depth 2 .* leads to another value than the stored one/,
  ],
  [
    'an exhaustive record whose scope has no forgeries',
    { ...EXHAUSTIVE, exhaustive: { ...exhaustive, scope: { ...exhaustive.scope, forges: 0 } } },
    /but the claim holds at exhaustive search of T-RC-1\.A\.iff-printed/,
  ],
  [
    'an exhaustive record with a depth it is not found at',
    { ...EXHAUSTIVE, exhaustive: { ...exhaustive, depth: 1 } },
    /cannot replay exhaustive search .*: it finds a counterexample of 2 step\(s\), the record says 1/,
  ],
  [
    'an exhaustive record naming another target',
    { ...EXHAUSTIVE, exhaustive: { ...exhaustive, target: 'T-RC-1.A.iff' } },
    /the search names target T-RC-1\.A\.iff, the record claim T-RC-1\.A\.iff-printed/,
  ],
  [
    'an exhaustive record with a scope parameter out of range',
    { ...EXHAUSTIVE, exhaustive: { ...exhaustive, scope: { ...exhaustive.scope, packets: 99 } } },
    /scope packets=99 is outside 1\.\.15/,
  ],
  [
    'an exhaustive record with another value that fails the same way',
    { ...EXHAUSTIVE, value: [{ ...(EXHAUSTIVE.value[0] as object), lifetimeMs: 2500 }, EXHAUSTIVE.value[1]] },
    /leads to another value than the stored one|fails with another error/,
  ],
];

/** Records that are malformed or beyond the replay budget: exit 2, one line naming the limit. */
const BAD_INPUT: Array<[string, unknown, RegExp]> = [
  [
    'a path of 23 digits',
    { ...VDOS, path: '1'.repeat(23) },
    /path's run index is a 23-digit number; a replay skips at most 1000000 runs/,
  ],
  [
    'a 100 000-step path',
    { ...VDOS, path: `4${':0'.repeat(100_000)}` },
    /path has 100000 shrink steps; a replay walks at most 1000/,
  ],
  [
    'a shrink index of 10^7',
    { ...VDOS, path: '4:10000000' },
    /shrink step 1 of the path is 10000000; a replay takes at most shrink 100000/,
  ],
  ['a run index at numRuns', { ...VDOS, path: '100:0' }, /path's run index is 100, not below the record's numRuns 100/],
  ['numRuns 1e12', { ...VDOS, numRuns: 1e12 }, /field 'numRuns' must be <= 1000000000/],
  [
    'numRuns one above the CLI cap',
    { ...VDOS, numRuns: MAX_RUNS + 1 },
    new RegExp(`field 'numRuns' must be <= ${MAX_RUNS}`),
  ],
  ['a value that is not an array', { ...VDOS, value: { n: 1 } }, /value/],
  ['a path with letters', { ...VDOS, path: '4:a' }, /path/],
  ['a record that is not JSON', '{"schema": "perfsec-counterexample-v1", ', /not valid JSON/],
  [
    'an exhaustive search of 10^7 distinct states',
    { ...EXHAUSTIVE, exhaustive: { ...exhaustive, distinct: 1e7 } },
    /the exhaustive search saw 10000000 distinct states; a replay re-runs at most 50000/,
  ],
  ['an exhaustive record with a seed and path too', { ...EXHAUSTIVE, seed: 1, path: '0' }, /seed|path|oneOf|match/],
  [
    'an exhaustive record without its search',
    { ...EXHAUSTIVE, exhaustive: undefined },
    /exhaustive|oneOf|match|required/,
  ],
  [
    'an exhaustive record with a fractional scope',
    { ...EXHAUSTIVE, exhaustive: { ...exhaustive, scope: { ...exhaustive.scope, depth: 2.5 } } },
    /scope/,
  ],
];

describe('replay of a tampered counterexample never says "reproduced"', () => {
  test.each(NOT_REPRODUCED)('%s: exit 1, NOT reproduced with the reason', async (name, doc, reason) => {
    const r = await replayOf(name, doc);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toBe('');
    const [first, ...rest] = r.stdout.trimEnd().split('\n');
    expect(first).toMatch(/^NOT reproduced: CX-[A-Z0-9-]+ on T-[A-Z0-9-]+\.[A-Za-z0-9.-]+: /);
    expect(first).toMatch(reason);
    expect(first!.length).toBeLessThan(400);
    expect(rest.some((l) => /reproduced/.test(l))).toBe(false);
  });

  test.each(BAD_INPUT)('%s: exit 2, one line on stderr', async (name, doc, message) => {
    const r = await replayOf(name, doc);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^perfsec: error: .*\n$/);
    expect(r.stderr.trimEnd()).not.toMatch(/\n/);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.length).toBeLessThan(400);
  });

  test(
    'a value nested 10 000 deep: ' + 'exit 1 (outside the domain) or 2 (the reader refuses the depth), never a crash',
    async () => {
      const text = JSON.stringify({ ...VDOS, value: 'DEEP' }).replace(
        '"DEEP"',
        `[${'['.repeat(10_000)}0${']'.repeat(10_000)}]`,
      );
      const r = await replayOf('deep', text);
      expect([1, 2]).toContain(r.code);
      expect(`${r.stdout}${r.stderr}`.split('\n')[0]).toMatch(
        /^(NOT reproduced: .*outside the claim's domain|perfsec: error: .*(deep|nest))/,
      );
    },
  );

  test('--json says the same: not reproduced, the outcome, nothing evaluated outside the domain', async () => {
    const r = await replayOf('json', { ...VDOS, value: [{ ...scenario, durationTicks: 1e6 }, ...VDOS.value.slice(1)] });
    const j = JSON.parse((await perfsec('replay', path.join(tmp, 'json.json'), '--json')).stdout) as Record<
      string,
      unknown
    >;
    expect(r.code).toBe(1);
    expect(j).toMatchObject({ reproduced: false, evaluated: null, outcome: { kind: 'outside-domain' }, rerun: null });
  });
});

describe('every stored counterexample still reproduces, and replay prints the value it evaluated', () => {
  const claims = new Map(allClaims().map(({ claim }) => [claim.id, claim]));
  const evaluatedOf = (file: string) => {
    const cx = loadCounterexample(file);
    const c = claims.get(cx.property)!;
    return { cx, evaluated: fc.stringify(c.revive ? c.revive(cx.value) : cx.value) };
  };
  // every record through --json (an exhaustive record re-runs its search: once per record is enough) ...
  test.each(listCounterexamples().map((f) => [path.basename(f), f]))('%s', async (_name, file) => {
    const { cx, evaluated } = evaluatedOf(file);
    const j = JSON.parse((await perfsec('replay', file, '--json')).stdout) as {
      reproduced: boolean;
      evaluated: string;
      rerun: { kind: string };
    };
    expect(j).toMatchObject({ reproduced: true, evaluated, rerun: { kind: 'fails', error: cx.error } });
  });
  // ... and the text a user reads for one record of each kind (fast-check's, the exhaustive search's)
  test.each(['CX-T-RC-1-003.json', 'CX-T-RC-1-001.json'])('%s in text: reproduced, with the value', async (name) => {
    const file = path.join(COUNTEREXAMPLE_DIR, name);
    const { evaluated } = evaluatedOf(file);
    const r = await perfsec('replay', file);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^reproduced: /);
    expect(r.stdout).toContain(`  value: ${evaluated}\n`);
  });
});
