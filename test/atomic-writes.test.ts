/**
 * Nothing half-written: a `perfsec receipts` run killed at any moment leaves each receipt either as
 * it was or complete, never truncated.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectPath } from '../src/lib/paths.js';

const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));

/** Starts `perfsec receipts --out DIR` and kills it with SIGKILL after DELAY ms. */
function killedRun(dir: string, delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [projectPath('bin', 'perfsec.js'), 'receipts', '--out', dir], {
      env,
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('atomic writes', () => {
  test('a run killed midway leaves the previous receipt or the new one, whole', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'perfsec-kill-'));
    const file = path.join(dir, 'perfsec_joint_cost_receipt.json');
    const previous = '{"previous": true}\n';
    for (const delay of [150, 400, 700, 900, 1100, 1400, 2000]) {
      writeFileSync(file, previous);
      await killedRun(dir, delay);
      const text = readFileSync(file, 'utf8');
      if (text !== previous) expect(() => JSON.parse(text), `truncated after ${delay} ms`).not.toThrow();
      // write-file-atomic's temp files may stay behind a SIGKILL; the receipt itself is never partial.
      expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toContain('perfsec_joint_cost_receipt.json');
    }
  }, 60_000);
});
