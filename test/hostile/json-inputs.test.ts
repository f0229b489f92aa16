/**
 * Hostile JSON inputs (issue 16): a duplicate key in any JSON input is refused with one line naming
 * the key and where it is (JSON.parse would keep the last one in silence); readers take only
 * regular files of at most 16 MiB, so /dev/zero, a FIFO and an oversized file are refused at once;
 * nesting too deep and syntax errors are one line that quotes no part of the text.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/lib/errors.js';
import { readJson } from '../../src/lib/json-file.js';
import { listCounterexamples } from '../../src/engine/counterexamples.js';
import { projectPath } from '../../src/lib/paths.js';
import { MAX_INPUT_BYTES } from '../../src/lib/read-file.js';
import { perfsec } from '../cli-harness.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'perfsec-hostile-json-'));
const pretty = (file: string) => `${JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 2)}\n`;

/** TEXT with "KEY": 0 put before the first "KEY": so that the real value comes last (and would win). */
function withDuplicate(text: string, key: string): string {
  const at = text.indexOf(`"${key}":`);
  if (at < 0) throw new Error(`no key ${key} in the document`);
  return `${text.slice(0, at)}"${key}": 0, ${text.slice(at)}`;
}

/** A file in the temp folder holding TEXT. */
function file(name: string, text: string): string {
  const f = path.join(tmp, name);
  writeFileSync(f, text);
  return f;
}

const INPUTS = {
  constants: projectPath('spec', 'constants', 'draft-1.3.json'),
  vectors: projectPath('spec', 'vectors', 't-jcost-1.json'),
  deployment: projectPath('spec', 'deployments', 'regime-c-conformant.json'),
  counterexample: listCounterexamples()[0]!,
  receipt: projectPath('receipts', 'perfsec_joint_cost_receipt.json'),
};

// One row per JSON input kind: the command that reads it (a receipt is read by `validate` through readJson).
const READERS: Array<[string, string, (f: string) => string[] | null]> = [
  ['constants', INPUTS.constants, (f) => ['dimension', '--n', '10', '--tick-ms', '50', '--constants', f]],
  ['vectors', INPUTS.vectors, (f) => ['vectors', 'verify', f]],
  ['deployment', INPUTS.deployment, (f) => ['conformance', f]],
  ['counterexample', INPUTS.counterexample, (f) => ['replay', f]],
  ['receipt', INPUTS.receipt, () => null],
];

/** Runs the reader of KIND on file F: exit code and stderr (a receipt through readJson, as validate reads it). */
async function read(command: (f: string) => string[] | null, f: string): Promise<{ code: number; stderr: string }> {
  const args = command(f);
  if (args) return perfsec(...args);
  try {
    readJson(f);
    return { code: 0, stderr: '' };
  } catch (e) {
    return { code: e instanceof InputError ? 2 : 3, stderr: `perfsec: error: ${(e as Error).message}\n` };
  }
}

const expectOneLine = (r: { code: number; stderr: string }, message: RegExp) => {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
};

describe('duplicate keys in any JSON input are refused, naming the key and where', () => {
  const DUPLICATES: Array<[string, string, (f: string) => string[] | null, string, RegExp]> = READERS.flatMap(
    ([kind, source, command]) => [
      [
        `${kind}: "schema" twice at the top`,
        source,
        command,
        'schema',
        /duplicate key 'schema' in the object at \/ \(line \d+, column \d+\)/,
      ] as [string, string, (f: string) => string[] | null, string, RegExp],
    ],
  );
  DUPLICATES.push(
    [
      'constants: a constant twice',
      INPUTS.constants,
      READERS[0]![2],
      'c_hmac',
      /duplicate key 'c_hmac' in the object at \/constants_us \(line \d+, column \d+\)/,
    ],
    [
      "vectors: a test's input field twice",
      INPUTS.vectors,
      READERS[1]![2],
      'tcId',
      /duplicate key 'tcId' in the object at \/testGroups\/0\/tests\/0 /,
    ],
    [
      'deployment: the sample key twice',
      INPUTS.deployment,
      READERS[2]![2],
      'k_op_hex',
      /duplicate key 'k_op_hex' in the object at \/keys\/sample /,
    ],
  );
  test.each(DUPLICATES)('%s: exit 2, one line', async (name, source, command, key, message) => {
    const f = file(`${name.replace(/\W+/g, '-')}.json`, withDuplicate(pretty(source), key));
    expectOneLine(await read(command, f), message);
  });

  test.each(READERS)(
    '%s: the same document without the duplicate is read (the check is not a blanket refusal)',
    async (_kind, source, command) => {
      const f = file(`clean-${path.basename(source)}`, pretty(source));
      expect((await read(command, f)).stderr).not.toMatch(/duplicate key|not valid JSON/);
    },
  );
});

// Each special source under a .json name (replay takes only .json files): links are followed.
const fifo = path.join(tmp, 'a-fifo.json');
execFileSync('mkfifo', [fifo]);
const link = (name: string, target: string) => {
  const f = path.join(tmp, name);
  symlinkSync(target, f);
  return f;
};
const folder = path.join(tmp, 'a-folder.json');
mkdirSync(folder);
const oversized = path.join(tmp, 'oversized.json');
writeFileSync(oversized, '{}');
truncateSync(oversized, MAX_INPUT_BYTES + 1); // sparse: no 16 MiB written to disk

describe('readers take regular files of at most 16 MiB, refused before any byte is read', () => {
  const SOURCES: Array<[string, string, RegExp]> = [
    [
      '/dev/zero',
      link('zero.json', '/dev/zero'),
      /zero\.json: is a character device, not a regular file \(perfsec reads only regular files\)/,
    ],
    ['/dev/null', link('null.json', '/dev/null'), /null\.json: is a character device/],
    ['a FIFO (would block the open)', fifo, /a-fifo\.json: is a FIFO, not a regular file/],
    [
      'a file one byte over 16 MiB',
      oversized,
      /oversized\.json: 16777217 bytes, over the input limit of 16777216 bytes \(16 MiB\)/,
    ],
    ['a folder', folder, /a-folder\.json: is a directory/],
  ];
  const CASES = READERS.flatMap(([kind, , command]) =>
    SOURCES.map(([what, f, message]) => [`${kind} from ${what}`, command, f, message] as const),
  );
  test.each(CASES)('%s: exit 2, one line naming it', async (_name, command, f, message) => {
    expectOneLine(await read(command, f), message);
  });
});

describe('malformed JSON is one line that quotes none of the text', () => {
  const SECRET = '5f'.repeat(32);
  test.each([
    [
      'a syntax error after a key',
      `{"k_op_hex": "${SECRET}" x}`,
      /not valid JSON \(InvalidSymbol at line 1, column \d+\)/,
    ],
    ['a comment (JSON has none)', `{"schema": "x" /* ${SECRET} */}`, /not valid JSON \(InvalidCommentToken at line 1/],
    ['a trailing comma', `{"k": "${SECRET}",}`, /not valid JSON/],
    ['an empty file', '', /not valid JSON \(ValueExpected at line 1, column 1\)/],
    [
      'nesting 100 000 deep',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      /nested deeper than 64 levels at line 1, column 65/,
    ],
    ['two documents', '{} {}', /not valid JSON \(EndOfFileExpected/],
  ])('%s: exit 2, one line, no part of the text', async (name, text, message) => {
    const f = file(`malformed-${name.replace(/\W+/g, '-')}.json`, text);
    const r = await perfsec('conformance', f);
    expectOneLine(r, message);
    expect(r.stderr).not.toContain(SECRET.slice(0, 8));
  });
});
