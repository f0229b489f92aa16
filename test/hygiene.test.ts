/**
 * Hygiene: no key material where it does not belong. Receipts, the errata and error messages carry
 * no keys; every vectors file whose tests carry keys says they are test keys.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import { ADVERSARY_KEY, testKey } from '../src/lib/test-keys.js';
import { projectPath } from '../src/lib/paths.js';
import { perfsec } from './cli-harness.js';

const vectorsDir = projectPath('spec', 'vectors');
const KEYISH = /"(k_op|kop|key|secret|seed|witness_seed|[a-z_]*_key)"\s*:\s*"[0-9a-fA-F]{32,}"/;
const SECRET = '5f'.repeat(32);

describe('hygiene', () => {
  test('every vectors file that carries keys marks them as test keys', () => {
    for (const f of readdirSync(vectorsDir).filter((x) => x.endsWith('.json'))) {
      const text = readFileSync(`${vectorsDir}/${f}`, 'utf8');
      if (!KEYISH.test(text)) continue;
      const doc = JSON.parse(text) as { header: string[]; notes: unknown };
      expect(`${doc.header.join(' ')} ${JSON.stringify(doc.notes)}`, f).toMatch(/test key/i);
    }
  });

  test('receipts and the errata carry no test key', () => {
    const keys = [testKey('fuzz'), ADVERSARY_KEY, testKey('codec-test')].map(bytesToHex);
    const docs = [
      ...readdirSync(projectPath('receipts')).map((f) => projectPath('receipts', f)),
      projectPath('docs', 'ERRATA.md'),
    ];
    for (const d of docs) for (const k of keys) expect(readFileSync(d, 'utf8').includes(k), d).toBe(false);
  });

  test('a bad --kop is refused without echoing any of it', async () => {
    const r = await perfsec(
      'derive-bfd-key',
      '--operator',
      'op',
      '--kop',
      `${SECRET}z`,
      '--disc',
      '1',
      '--disc',
      '2',
      '--epoch',
      '1',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain(SECRET.slice(0, 8));
  });
});
