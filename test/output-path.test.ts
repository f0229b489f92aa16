/**
 * Where the command line writes (src/lib/output-path.ts): folders checked before the work starts,
 * made one level at a time, every failure one line that names the path; nothing written on failure.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../src/lib/errors.js';
import { writeTextAtomic } from '../src/lib/json-file.js';
import { checkOutputFile, checkOutputFolder, ensureFolder } from '../src/lib/output-path.js';
import { perfsec } from './cli-harness.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'perfsec-out-'));
const aFile = path.join(tmp, 'a-file');
writeFileSync(aFile, 'x');
const dangling = path.join(tmp, 'dangling');
symlinkSync(path.join(tmp, 'no-such-target'), dangling);
/** procfs answers ENOENT to mkdir under a folder that exists: Node's recursive mkdir spins on it. */
const PROCFS = existsSync('/proc/self/status');

describe('output folders and files', () => {
  test('a missing nested folder is made, level by level, and an existing one is left alone', () => {
    const nested = path.join(tmp, 'n1', 'n2', 'n3');
    expect(checkOutputFolder(nested)).toBe(nested);
    expect(existsSync(path.join(tmp, 'n1'))).toBe(false); // the check writes nothing
    ensureFolder(nested);
    ensureFolder(nested);
    expect(readdirSync(path.join(tmp, 'n1', 'n2'))).toEqual(['n3']);
  });

  test.each([
    ['a folder under a file', () => checkOutputFolder(path.join(aFile, 'sub')), /a-file\/sub: .*(not a folder)/],
    ['a file given as a folder', () => checkOutputFolder(aFile), /a-file: not a folder/],
    ['a folder given as a file', () => checkOutputFile(tmp), /is a folder, not a file/],
    ['an empty folder name', () => checkOutputFolder(''), /the output folder is empty/],
    ['an empty file name', () => checkOutputFile(' '), /the output file is empty/],
    [
      'a folder through a dangling link',
      () => ensureFolder(path.join(dangling, 'sub')),
      /dangling\/sub: cannot create .*dangling/,
    ],
  ])('%s: InputError naming the path', (_what, run, message) => {
    expect(run).toThrow(InputError);
    expect(run).toThrow(message);
  });

  test.runIf(PROCFS)('a folder procfs refuses: one error, no endless retry', () => {
    expect(() => ensureFolder('/proc/perfsec-x/y')).toThrow(/\/proc\/perfsec-x\/y: cannot create \/proc\/perfsec-x/);
  });

  test('a write that cannot land is an InputError, and the folder keeps no temp file', async () => {
    const target = path.join(tmp, 'target-is-a-folder');
    mkdirSync(path.join(target, 'inside'), { recursive: true });
    await expect(writeTextAtomic(target, 'text')).rejects.toThrow(/target-is-a-folder: is a folder, not a file/);
    expect(readdirSync(tmp).filter((f) => f.startsWith('target-is-a-folder.'))).toEqual([]);
  });
});

describe('the commands that write, given a place they cannot write', () => {
  test.each([
    [
      'receipts --out under a file',
      ['receipts', '--out', path.join(aFile, 'r')],
      /option '--out <dir>'.*a parent is not a folder/,
    ],
    ['vectors export --out a file', ['vectors', 'export', '--out', aFile], /option '--out <dir>'.*not a folder/],
    [
      'report --out under a file',
      ['report', '--out', path.join(aFile, 'r')],
      /option '--out <dir>'.*a parent is not a folder/,
    ],
    ['calibrate --out a folder', ['calibrate', '--out', tmp], /option '--out <file>'.*is a folder, not a file/],
    [
      'audit --markdown under a file',
      ['audit', '--markdown', path.join(aFile, 'E.md')],
      /option '--markdown \[file\]'.*a parent is not a folder/,
    ],
    ['search --save-dir a file', ['search', '--save-dir', aFile], /option '--save-dir <dir>'.*not a folder/],
    ...(PROCFS
      ? [
          [
            'report --out a folder procfs refuses',
            ['report', '--out', '/proc/perfsec-x'],
            /cannot create \/proc\/perfsec-x/,
          ] as [string, string[], RegExp],
        ]
      : []),
  ])('%s: one line on stderr, exit 2, before any work', async (_what, args, message) => {
    const r = await perfsec(...args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
