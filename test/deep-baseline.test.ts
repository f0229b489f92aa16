/**
 * `npm run deep` (bench/deep-baseline.ts, issue 19 Deliver 4) on a tiny budget: it writes a schema-valid baseline
 * with the random search and the exhaustive exploration of a corrected claim, the audit reads it back, and a rerun
 * reuses the finished searches kept in the work folder instead of searching again.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { checkedLine, checkedOf, loadDeepBaseline } from '../src/audit/checked.js';
import { projectPath } from '../src/lib/paths.js';
import { problems } from '../src/lib/schemas.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'perfsec-deep-'));
const CLAIM = 'T-VDOS-1.steady-honest-corrected'; // a cheap corrected claim with a verify target
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));

/** `npm run deep -- ARGS`, as the user runs it. */
async function deep(...args: string[]): Promise<string> {
  const tsx = projectPath('node_modules', 'tsx', 'dist', 'cli.mjs');
  const run = promisify(execFile)(process.execPath, [tsx, projectPath('bench', 'deep-baseline.ts'), ...args], { env });
  return (await run).stderr;
}

test('a tiny deep baseline is schema-valid, names its claim and commit, and the audit shows it', async () => {
  const out = path.join(tmp, 'baseline.json');
  const args = ['--claims', CLAIM, '--runs', '20', '--shards', '1', '--quick', '--work', tmp, '--out', out];
  await deep(...args);
  const doc = JSON.parse(readFileSync(out, 'utf8')) as {
    random: Array<{ claim: string; cases: number; status: string }>;
    exhaustive: Array<{ claim: string; status: string; distinct: number }>;
  };
  expect(problems('deep-baseline-v1', doc)).toEqual([]);
  expect(doc.random).toMatchObject([{ claim: CLAIM, cases: 20, status: 'holds' }]);
  expect(doc.exhaustive).toMatchObject([{ claim: CLAIM, status: 'verified' }]);
  expect(doc.exhaustive[0]!.distinct).toBeGreaterThan(0);
  const line = checkedLine(checkedOf(CLAIM, 100, loadDeepBaseline(out)));
  expect(line).toMatch(/^verified for every trace up to depth \d+ in scope .*searched 20 random cases \(deep baseline/);

  // a rerun reuses the kept searches: the merged search is not written again, nor searched
  const merged = path.join(tmp, `${CLAIM}.merged.json`);
  const before = statSync(merged).mtimeMs;
  await deep(...args.map((a) => (a === '--quick' ? '--only=random' : a)));
  expect(statSync(merged).mtimeMs).toBe(before);
  expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ random: doc.random, exhaustive: [] });
});

test('bad arguments: one line on stderr, exit 2', async () => {
  await expect(deep('--claims', 'T-NONE.x', '--work', tmp, '--out', path.join(tmp, 'x.json'))).rejects.toMatchObject({
    code: 2,
    stderr: 'deep: unknown claim "T-NONE.x"\n',
  });
});

test('a search that fails is told, the others still run, and no baseline is written (exit 1)', async () => {
  const work = mkdtempSync(path.join(tmpdir(), 'perfsec-deep-fail-'));
  const other = 'T-VDOS-1.claim-a-corrected';
  mkdirSync(path.join(work, `${CLAIM}.shard-1.json`)); // a directory where the shard's output goes: its write fails
  const out = path.join(work, 'baseline.json');
  const args = ['--claims', `${CLAIM},${other}`, '--runs', '10', '--shards', '1', '--only', 'random'];
  const r = await deep(...args, '--work', work, '--out', out).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => e,
  );
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(new RegExp(`FAILED ${CLAIM} \\(random\\)`));
  expect(r.stderr).toMatch(/1 search\(es\) failed, .* not written/);
  expect(existsSync(path.join(work, `${other}.merged.json`))).toBe(true); // the next claim still ran
  expect(existsSync(out)).toBe(false);
});

test.each([
  ['a missing file', 'none.json', /^deep: .*none\.json: no such file\n$/],
  ['a file that is not a deep baseline', 'bad.json', /^deep: .*bad\.json.*\n$/],
])('--table on %s: one line on stderr, exit 2', async (_, name, message) => {
  writeFileSync(path.join(tmp, 'bad.json'), '{"schema": 1}');
  const r = await deep('--table', '--out', path.join(tmp, name)).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => e,
  );
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(message);
});
