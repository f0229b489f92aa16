/**
 * Hostile outputs (issue 16, "Outputs are regular files"): every command that writes, handed a
 * FIFO, a character device (/dev/null), a socket or a link to one where it writes, refuses with one
 * line and exit 2, and the special file is still what it was. `audit --extract` of a text that is
 * not the draft leaves spec/audit/draft-numbers.json as it was.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, type Stats } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractionProblem } from '../../src/audit/coverage.js';
import { committedExtraction, DRAFT_NUMBERS_FILE } from '../../src/audit/draft-text.js';
import { perfsec } from '../cli-harness.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'perfsec-hostile-out-'));
const fifo = path.join(tmp, 'a-fifo');
execFileSync('mkfifo', [fifo]);
const socket = path.join(tmp, 'a-socket');
const linkToNull = path.join(tmp, 'link-to-dev-null');
symlinkSync('/dev/null', linkToNull);
let server: Server | undefined;

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server!.listen(socket, resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** What a special file is, to compare before and after: its type, device and inode. */
const identity = (file: string) => {
  const st: Stats = lstatSync(file);
  return {
    fifo: st.isFIFO(),
    char: st.isCharacterDevice(),
    socket: st.isSocket(),
    link: st.isSymbolicLink(),
    dev: st.dev,
    ino: st.ino,
    rdev: st.rdev,
  };
};

/** A folder holding one special file under the name a command writes. */
function folderWithFifoAt(name: string): string {
  const dir = mkdtempSync(path.join(tmp, 'dir-'));
  execFileSync('mkfifo', [path.join(dir, name)]);
  return dir;
}

const SPECIALS: Array<[string, () => string, RegExp]> = [
  ['a FIFO', () => fifo, /is a FIFO/],
  ['/dev/null', () => '/dev/null', /is a character device/],
  ['a socket', () => socket, /is a socket/],
  ['a symbolic link to /dev/null', () => linkToNull, /is a character device/],
];

// Every command that writes, with the flag that names where: a file (-> "not a regular file") or a folder (-> "not a
// folder").
const WRITERS: Array<[string, (target: string) => string[], RegExp]> = [
  [
    'calibrate --out',
    (t) => ['calibrate', '--out', t],
    /option '--out <file>'.*not a regular file \(perfsec writes only regular files\)/,
  ],
  ['audit --markdown', (t) => ['audit', '--markdown', t], /option '--markdown \[file\]'.*not a regular file/],
  ['receipts --out', (t) => ['receipts', '--out', t], /option '--out <dir>'.*not a folder/],
  ['report --out', (t) => ['report', '--out', t], /option '--out <dir>'.*not a folder/],
  ['vectors export --out', (t) => ['vectors', 'export', '--out', t], /option '--out <dir>'.*not a folder/],
  [
    'search --save-dir',
    (t) => ['search', 'T-VDOS-1', '--runs', '1', '--save-dir', t],
    /option '--save-dir <dir>'.*not a folder/,
  ],
];

const CASES = WRITERS.flatMap(([cmd, args, message]) =>
  SPECIALS.map(([kind, target, what]) => [`${cmd} ${kind}`, args, target, message, what] as const),
);

describe('outputs are regular files: a special file where a command writes is refused before any work', () => {
  test.each(CASES)('%s: exit 2, one line, the special file untouched', async (_name, args, target, message, what) => {
    const before = identity(target());
    const r = await perfsec(...args(target()));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    if (/regular file/.test(message.source)) expect(r.stderr).toMatch(what);
    expect(r.stdout).toBe('');
    expect(identity(target())).toEqual(before);
  });
});

describe(
  'outputs are regular files: a special file under the name ' +
    'a command writes in its folder is refused at write time',
  () => {
    test.each([
      [
        'receipts --out DIR holding a FIFO receipt',
        'perfsec_joint_cost_receipt.json',
        (dir: string) => ['receipts', '--out', dir],
      ],
      [
        'vectors export --out DIR holding a FIFO vectors file',
        't-jcost-1.json',
        (dir: string) => ['vectors', 'export', '--out', dir],
      ],
      ['report --out DIR holding a FIFO report.json', 'report.json', (dir: string) => ['report', '--out', dir]],
    ])('%s: exit 2, one line naming it, the FIFO untouched', async (_name, file, args) => {
      const dir = folderWithFifoAt(file);
      const r = await perfsec(...args(dir));
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`${path.join(dir, file)}: is a FIFO, not a regular file`);
      expect(lstatSync(path.join(dir, file)).isFIFO()).toBe(true);
    });
  },
);

describe('audit --extract never leaves the repository in a state that still validates', () => {
  const committed = readFileSync(DRAFT_NUMBERS_FILE, 'utf8');
  const empty = path.join(tmp, 'empty.txt');
  writeFileSync(empty, '');
  const prose = path.join(tmp, 'prose.txt');
  writeFileSync(prose, '1. Introduction\n\n   Some text with 3 numbers: 12 and 7.\n\n      x = 4 * 5\n');
  const folder = path.join(tmp, 'a-folder');
  mkdirSync(folder);
  test.each([
    [
      'an empty file',
      () => empty,
      /empty\.txt: does not look like the draft \(0 table or computation numbers, the draft has at least 100\)/,
    ],
    [
      'a text with a section and a few numbers',
      () => prose,
      /prose\.txt: does not look like the draft \(\d table or computation numbers/,
    ],
    ['a FIFO', () => fifo, /a-fifo: cannot read the draft text \(is a FIFO, not a regular file/],
    ['/dev/zero', () => '/dev/zero', /\/dev\/zero: cannot read the draft text \(is a character device/],
    ['a folder', () => folder, /a-folder: cannot read the draft text \(is a directory\)/],
  ])('%s: exit 2, one line, spec/audit/draft-numbers.json unchanged', async (_what, file, message) => {
    const r = await perfsec('audit', '--extract', file());
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(readFileSync(DRAFT_NUMBERS_FILE, 'utf8')).toBe(committed);
  });

  const valid = committedExtraction();
  test.each([
    [
      'no numbers (what `audit --extract EMPTY` used to write)',
      { ...valid, numbers: [] },
      /0 table or computation numbers/,
    ],
    [
      'far fewer numbers than the draft has',
      { ...valid, numbers: valid.numbers.slice(0, 20) },
      /20 table or computation numbers/,
    ],
    [
      'numbers from one section only',
      { ...valid, numbers: valid.numbers.map((n) => ({ ...n, section: '§1' })) },
      /numbers in 1 sections/,
    ],
    [
      "the numbers of another text (digest not the pinned draft's)",
      { ...valid, draft_sha256: '0'.repeat(64) },
      /not the pinned draft/,
    ],
  ])('check:spec/coverage fails on an extraction with %s', (_what, extraction, message) => {
    expect(extractionProblem(valid)).toBeUndefined();
    expect(extractionProblem(extraction)).toMatch(message);
  });
});
