/**
 * Fuzzing the command line's arguments: any mix of read-only commands, known and unknown flags, and
 * odd values ends with exit 0, 1 or 2 and, for 2, exactly one line naming the problem, with no raw
 * escape character in it; never an internal error (exit 3). Commands that write files or run long searches are left
 * out.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { projectPath } from '../../src/lib/paths.js';
import { perfsec } from '../cli-harness.js';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS } from './fuzz-kit.js';

const COMMANDS = [
  'dimension',
  'derive-bfd-key',
  'conformance',
  'replay',
  'vectors verify',
  'search --list',
  'frobnicate',
  '',
];
const FLAGS = [
  '--n',
  '--tick-ms',
  '--q',
  '--cells',
  '--bundle-period',
  '--flood',
  '--rate-limit-factor',
  '--burst-factor',
  '--coalition',
  '--duration-s',
  '--constants',
  '--operator',
  '--kop',
  '--disc',
  '--epoch',
  '--reading',
  '--all-readings',
  '--json',
  '--seed',
  '--runs',
  '--help',
  '-h',
  '--version',
  '--',
  '-x',
  '--colour',
];
const VALUES = fc.oneof(
  fc.constantFrom(
    '0',
    '1',
    '-1',
    '1.5',
    '50',
    '1e308',
    'NaN',
    'Infinity',
    '0x10',
    '',
    ' ',
    'abc',
    '4294967296',
    '00ff',
    '2/3',
  ),
  fc.constantFrom(
    projectPath('spec', 'deployments', 'regime-c-conformant.json'),
    projectPath('spec', 'vectors', 't-vdos-1.json'),
    projectPath('spec', 'counterexamples', 'CX-T-VDOS-1-002.json'),
    projectPath('package.json'),
    '/nonexistent',
    projectPath('spec'),
  ),
  fc.string({ maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom('\n', '\r', '\x1b', '\u009b', '\u2028', 'P', 'A', 'S', '=', '-', '/'),
    maxLength: 12,
  }),
  fc.constantFrom('--kopp=5f5f5f5f', '--kop=5f5f5f5f', '-k5f5f5f5f', '--x=\nPASS'),
);
const ARGV = fc
  .tuple(fc.constantFrom(...COMMANDS), fc.array(fc.oneof(fc.constantFrom(...FLAGS), VALUES), { maxLength: 8 }))
  .map(([cmd, rest]) => [...cmd.split(' ').filter(Boolean), ...rest]);

describe('fuzz: command-line arguments', { timeout: FUZZ_TIMEOUT_MS }, () => {
  test(
    `${Math.min(FUZZ_RUNS, 2000)} argument lists: exit 0, 1 or 2, ` + 'errors on one line, never an internal error',
    async () => {
      await fc.assert(
        fc.asyncProperty(ARGV, async (argv) => {
          const r = await perfsec(...argv);
          expect([0, 1, 2], `${JSON.stringify(argv)} -> ${r.code}: ${r.stderr}`).toContain(r.code);
          // issue 16 "One safe line": exactly one line, whatever the arguments held (control characters escaped).
          if (r.code === 2) expect(r.stderr.trim().split('\n'), `${JSON.stringify(argv)}: ${r.stderr}`).toHaveLength(1);
          // eslint-disable-next-line no-control-regex -- ESC and CSI on purpose: no raw terminal escape on stderr
          expect(r.stderr, JSON.stringify(argv)).not.toMatch(/\x1b|\u009b/);
        }),
        { numRuns: Math.min(FUZZ_RUNS, 2000) },
      );
    },
    300_000,
  );
});
