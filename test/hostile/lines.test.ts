/**
 * One safe line (issue 16): every message is one line, whatever the user put in a path, a name or
 * a value (newlines, ANSI escapes, C1 controls, line separators: escaped, never forging a `PASS`
 * line); key material is never echoed, not even through a misspelt flag or a huge key; no command
 * is exit 2 with the usage line; a reader that goes away (EPIPE) ends the command quietly, exit 0.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectPath } from '../../src/lib/paths.js';
import { commanderMessage } from '../../src/lib/redact.js';
import { perfsec } from '../cli-harness.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'perfsec-hostile-lines-'));
const FORGE = '\nPASS  I-PS-1    forged\x1b[2J\u009b31m\u2028\u202e';
const ESCAPED = '\\nPASS  I-PS-1    forged\\x1b[2J\\x9b31m\\u2028\\u202e';
const deployment = JSON.parse(readFileSync(projectPath('spec', 'deployments', 'regime-c-conformant.json'), 'utf8')) as {
  name: string;
  keys: { sample: { k_op_hex: string } };
};
const forgedName = path.join(tmp, 'forged-name.json');
writeFileSync(forgedName, JSON.stringify({ ...deployment, name: `Tier-1${FORGE}` }));
const honestLines = async () =>
  (await perfsec('conformance', projectPath('spec', 'deployments', 'regime-c-conformant.json'))).stdout.split('\n')
    .length;

/** Nothing on the terminal that a terminal would act on or break a line at. */
// eslint-disable-next-line no-control-regex -- matches C0/C1 controls and DEL on purpose: output must never hold them
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/;

describe('one safe line: control characters in what the user typed are escaped, in errors and in results', () => {
  test.each([
    ['a path holding a newline and ANSI escapes', ['conformance', path.join(tmp, `x${FORGE}.json`)], /no such file/],
    ['a flag value holding them', ['dimension', '--n', `1${FORGE}`, '--tick-ms', '50'], /must be a positive integer/],
    ['a selector holding them', ['search', `T-NOPE${FORGE}`], /no theorem or claim named/],
    ['a command name holding them', [`frob${FORGE}`], /unknown command/],
    ['a replay file holding them', ['replay', path.join(tmp, `cx${FORGE}.json`)], /no such file/],
    [
      'a --reading holding them',
      [
        'derive-bfd-key',
        '--operator',
        'op',
        '--kop',
        '00',
        '--disc',
        '1',
        '--disc',
        '2',
        '--epoch',
        '1',
        '--reading',
        `r${FORGE}`,
      ],
      /--reading must be one of/,
    ],
  ])('%s: exit 2, one line on stderr, escaped', async (_what, args, message) => {
    const r = await perfsec(...args);
    expect(r.code).toBe(2);
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.slice(0, -1)).not.toMatch(/[\n\r]/);
    expect(r.stderr.slice(0, -1)).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(ESCAPED);
  });

  test(
    'a deployment name holding a newline and escapes prints as many lines as an honest one, ' + 'the name escaped',
    async () => {
      const r = await perfsec('conformance', forgedName);
      expect(r.stdout.split('\n')).toHaveLength(await honestLines());
      expect(r.stdout).toContain(`Tier-1${ESCAPED}`);
      expect(r.stdout).not.toMatch(RAW_CONTROL);
      expect(r.stdout.split('\n').filter((l) => l.startsWith('PASS'))).toEqual([]);
    },
  );

  test('with --json the name stays inside its JSON string, C1 and separators escaped too', async () => {
    const r = await perfsec('conformance', forgedName, '--json');
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect((JSON.parse(r.stdout) as { deployment: string }).deployment).toBe(`Tier-1${FORGE}`);
  });
});

const SECRET = '5f'.repeat(32);
const ok = ['--operator', 'op', '--disc', '1', '--disc', '2', '--epoch', '1'];
const deploymentWithHugeKey = path.join(tmp, 'huge-key-deployment.json');
writeFileSync(
  deploymentWithHugeKey,
  JSON.stringify({
    ...deployment,
    keys: { ...deployment.keys, sample: { ...deployment.keys.sample, k_op_hex: SECRET.repeat(160_000) } },
  }),
);
const capabilities = JSON.parse(readFileSync(projectPath('spec', 'vectors', 'capabilities.json'), 'utf8')) as {
  testGroups: Array<{ tests: Array<{ input: { deployment?: { keys: { sample?: { k_op_hex: string } } } } }> }>;
};
capabilities.testGroups
  .flatMap((g) => g.tests)
  .find((t) => t.input.deployment?.keys.sample)!.input.deployment!.keys.sample!.k_op_hex = SECRET.repeat(160_000);
const vectorsWithHugeKey = path.join(tmp, 'huge-key-vectors.json');
writeFileSync(vectorsWithHugeKey, JSON.stringify(capabilities));

describe('key material is never echoed', () => {
  test.each([
    [
      'a misspelt key flag with =',
      ['derive-bfd-key', ...ok, '--kop', '00', `--kopp=${SECRET}`],
      /unknown option '--kopp=…'/,
    ],
    [
      'a key flag on a command that has none',
      ['dimension', '--n', '1', '--tick-ms', '50', `--kop=${SECRET}`],
      /unknown option '--kop=…'/,
    ],
    ['a key flag before any command', [`--kop=${SECRET}`], /unknown option '--kop=…'/],
    [
      'an unknown short flag glued to the key',
      ['derive-bfd-key', ...ok, '--kop', '00', `-k${SECRET}`],
      /unknown option '-k…'/,
    ],
    [
      'a --kop that is not hex',
      ['derive-bfd-key', ...ok, '--kop', `${SECRET}zz`],
      /--kop must be an even-length hex string \(got 66 characters/,
    ],
    [
      'a --kop of odd length',
      ['derive-bfd-key', ...ok, '--kop', `${SECRET}5`],
      /--kop must be an even-length hex string/,
    ],
    [
      'a --kop of ten million characters',
      ['derive-bfd-key', ...ok, '--kop', SECRET.repeat(156_250)],
      /--kop must be at most 4096 octets/,
    ],
    [
      'a deployment whose k_op_hex has ten million characters',
      ['conformance', deploymentWithHugeKey],
      /huge-key-deployment\.json: .*(a value is too long or too deeply nested to check|must NOT have more than)/,
    ],
    [
      'a vectors file whose k_op_hex has ten million characters',
      ['vectors', 'verify', vectorsWithHugeKey],
      /huge-key-vectors\.json: .*(a value is too long or too deeply nested to check|must NOT have more than)/,
    ],
  ])('%s: exit 2, one short line without any of the key', async (_what, args, message) => {
    const r = await perfsec(...args);
    expect(r.code, r.stderr.slice(0, 300)).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.length).toBeLessThan(400);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain(SECRET.slice(0, 8));
    expect(r.stdout).not.toContain(SECRET.slice(0, 8));
  });
});

describe("commander's own error text keeps flag names and drops values (src/lib/redact.ts)", () => {
  test.each([
    [
      'an unknown flag with a value and a suggestion',
      `error: unknown option '--kopp=${SECRET}'\n(Did you mean --kop?)\n`,
      "unknown option '--kopp=…' (Did you mean --kop?)",
    ],
    ['an unknown short flag glued to a value', `error: unknown option '-k${SECRET}'\n`, "unknown option '-k…'"],
    ['an unknown flag alone', "error: unknown option '--colour'\n", "unknown option '--colour'"],
    [
      "a key flag's value refused by a parser",
      `error: option '--kop <hex>' argument '${SECRET}' is invalid. must be hex, got '${SECRET}'\n`,
      "option '--kop <hex>' argument is invalid (key material is never echoed).",
    ],
    [
      "another flag's value refused (not key material: quoted, escaped later)",
      "error: option '--n <N>' argument 'x\ny' is invalid. must be a positive integer\n",
      "option '--n <N>' argument 'x\ny' is invalid. must be a positive integer",
    ],
  ])('%s', (_what, text, phrase) => {
    expect(commanderMessage(text)).toBe(phrase);
  });
});

describe('no command given is bad input', () => {
  test.each([
    [
      'perfsec alone',
      [],
      /^perfsec: error: no command given \(usage: perfsec \[options\] <command>; perfsec --help lists them\)\n$/,
    ],
    [
      'a command group alone',
      ['vectors'],
      new RegExp(
        String.raw`^perfsec: error: no command given to 'vectors' \(usage: perfsec vectors \[options\] <command>; ` +
          String.raw`perfsec vectors --help lists them\)\n$`,
      ),
    ],
  ])('%s: exit 2 with the usage line', async (_what, args, line) => {
    const r = await perfsec(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(line);
    expect(r.stdout).toBe('');
  });
});

describe('a reader that goes away (EPIPE) ends the command quietly', () => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  /** Spawns `perfsec search --list`, closes its stdout as WHEN says, and resolves its exit code and stderr. */
  const run = (when: 'before the first line' | 'after the first chunk') =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [projectPath('bin', 'perfsec.js'), 'search', '--list'], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      if (when === 'before the first line') child.stdout.destroy();
      else child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (code) => resolve({ code, stderr }));
    });

  test.each([['before the first line'], ['after the first chunk']] as const)(
    'stdout closed %s: exit 0, nothing on stderr',
    async (when) => {
      expect(await run(when)).toEqual({ code: 0, stderr: '' });
    },
    30_000,
  );
});
