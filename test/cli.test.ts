/**
 * The command line as a user meets it: exit codes, one-line errors, --json output.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { perfsec } from './cli-harness.js';
import { projectPath } from '../src/lib/paths.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'perfsec-cli-'));

describe('perfsec command line', () => {
  test('dimension: JOINT per path and the cores needed at Regime C', async () => {
    const r = await perfsec('dimension', '--n', '10000', '--tick-ms', '50');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/JOINT\s+1,742,521\.6\s+174\.252/);
    expect(r.stdout).toContain('cores needed: 2');
  });

  test('dimension --flood: attacked cores with and without the rate limit, beside both bounds', async () => {
    const doc = JSON.parse(
      (await perfsec('dimension', '--n', '1000', '--tick-ms', '50', '--flood', '64', '--duration-s', '60', '--json'))
        .stdout,
    ) as {
      flood: {
        without_rate_limit: { ratio: number };
        with_rate_limit: { ratio: number; cores_needed: number };
        draft_bound: number;
        token_bucket_bound: number;
      };
    };
    expect(doc.flood.without_rate_limit.ratio).toBeCloseTo(64, 9);
    expect(doc.flood.with_rate_limit.ratio).toBeLessThanOrEqual(doc.flood.token_bucket_bound + 1e-9);
    expect(doc.flood.with_rate_limit.ratio).toBeGreaterThan(doc.flood.draft_bound);
  });

  test('dimension --json with other constants', async () => {
    const file = path.join(tmp, 'measured.json');
    writeFileSync(
      file,
      JSON.stringify({
        schema: 'perfsec-constants-v1',
        source: 'test',
        constants_us: { c_json: 1, c_bfd_parse: 1, c_hmac: 1, c_ed25519: 1, c_xdp: 1 },
      }),
    );
    const doc = JSON.parse(
      (
        await perfsec(
          'dimension',
          '--n',
          '1000',
          '--tick-ms',
          '1000',
          '--q',
          '1',
          '--cells',
          '1',
          '--bundle-period',
          '1',
          '--constants',
          file,
          '--json',
        )
      ).stdout,
    ) as { joint_us_per_s: number };
    expect(doc.joint_us_per_s).toBeCloseTo(1000 * 2 + 1000 * 2 + 1, 9);
  });

  test('search: a short search holds and names its seed; --list lists the claims', async () => {
    const r = await perfsec('search', 'T-JCOST-1', '--runs', '5', '--seed', '11', '--shard', '2/3');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('seed 11 (flag), shard 2/3');
    expect(r.stdout).toMatch(/claim\(s\): \d+ hold, 0 refuted as pinned, 0 new/);
    expect((await perfsec('search', '--list')).stdout).toContain('T-JCOST-1.ledger');
  });

  test('receipts --out: writes the B.1 receipt', async () => {
    const out = path.join(tmp, 'receipts');
    const r = await perfsec('receipts', '--out', out);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toContain('perfsec_joint_cost_receipt.json');
  });

  test('vectors verify: every T-JCOST-1 vector passes', async () => {
    const r = await perfsec('vectors', 'verify', projectPath('spec', 'vectors', 't-jcost-1.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/T-JCOST-1: (\d+)\/\1 vectors pass/);
  });

  const bad = path.join(tmp, 'bad.json');
  writeFileSync(bad, '{ not json');
  const badConstants = path.join(tmp, 'bad-constants.json');
  writeFileSync(
    badConstants,
    JSON.stringify({
      schema: 'perfsec-constants-v1',
      source: 'test',
      constants_us: { c_json: 1, c_bfd_parse: 1, c_hmac: 1, c_ed25519: 1 },
    }),
  );
  test.each([
    ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['an unknown flag', ['validate', '--colour'], /unknown option '--colour'/],
    ['a missing required flag', ['dimension', '--n', '10'], /required option '--tick-ms <ms>' not specified/],
    [
      'a non-numeric N',
      ['dimension', '--n', 'ten', '--tick-ms', '50'],
      /--n <N>.*must be a positive integer, got 'ten'/,
    ],
    ['a zero tick', ['dimension', '--n', '10', '--tick-ms', '0'], /--tick-ms <ms>.*must be a positive number/],
    [
      'a missing constants file',
      ['dimension', '--n', '10', '--tick-ms', '50', '--constants', 'nope.json'],
      /nope\.json: no such file/,
    ],
    ['a malformed counterexample file', ['replay', bad], /bad\.json: not valid JSON/],
    ['a missing vectors file', ['vectors', 'verify', 'missing.json'], /missing\.json: no such file/],
    ['an unknown theorem', ['search', 'T-NOPE'], /no theorem or claim named 'T-NOPE'/],
    ['a bad seed', ['search', '--seed', 'x'], /seed must be an integer/],
    ['a bad shard', ['search', '--shard', '5/2', '--runs', '1'], /--shard must be i\/n/],
    [
      'a rate-limit factor below 2',
      ['dimension', '--n', '10', '--tick-ms', '50', '--flood', '4', '--rate-limit-factor', '1.5'],
      /rate_limit_factor must be >= 2/,
    ],
    [
      'a coalition larger than N',
      ['dimension', '--n', '10', '--tick-ms', '50', '--flood', '4', '--coalition', '11'],
      /--coalition must be <= --n/,
    ],
    [
      'a directory given as a constants file',
      ['dimension', '--n', '10', '--tick-ms', '50', '--constants', tmp],
      /is a directory/,
    ],
    [
      'a constants file that breaks its schema',
      ['receipts', '--out', tmp, '--constants', badConstants],
      /missing field 'constants_us\/c_xdp'/,
    ],
    ['a malformed constants file', ['receipts', '--out', tmp, '--constants', bad], /bad\.json: not valid JSON/],
    ['zero runs for validate', ['validate', '--runs', '0'], /runs must be a positive integer/],
    [
      'more runs than the cap',
      ['search', 'T-VDOS-1', '--runs', '99999999999999999999'],
      /runs must be at most 1000000000/,
    ],
    ['a replay of a folder', ['replay', tmp], /is neither a counterexample id nor a \.json file/],
    [
      'a replay of an unknown id',
      ['replay', 'CX-NOPE-001'],
      /no counterexample 'CX-NOPE-001' in spec\/counterexamples/,
    ],
    ['a bad seed for the audit', ['audit', '--seed', '1.5'], /seed must be an integer/],
    [
      'a missing draft text for the audit',
      ['audit', '--extract', 'no-such-draft.txt'],
      /no-such-draft\.txt: cannot read the draft text/,
    ],
    [
      'a vectors file that is not a vectors file',
      ['vectors', 'verify', badConstants],
      /missing field 'algorithm'|field '\(document\)'|unknown field/,
    ],
    ['a replay of a file that is not a counterexample', ['replay', badConstants], /missing field/],
  ])('%s: one line on stderr, exit 2', async (_what, args, message) => {
    const r = await perfsec(...args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});

describe('bin/perfsec.js, spawned as the shell runs it', () => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  const spawn = (...args: string[]) =>
    spawnSync(process.execPath, [projectPath('bin', 'perfsec.js'), ...args], { encoding: 'utf8', env });

  test('a command that holds exits 0 and prints its result', () => {
    const r = spawn('dimension', '--n', '1000', '--tick-ms', '50');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('cores needed: 1');
  });

  test('bad input exits 2 with one line on stderr', () => {
    const r = spawn('dimension', '--n', 'ten', '--tick-ms', '50');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
