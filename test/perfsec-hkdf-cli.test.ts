/**
 * `perfsec derive-bfd-key` and `perfsec conformance` as a user meets them: output, exit codes,
 * one-line errors.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import { perfsec } from './cli-harness.js';
import { deriveBfdAuthKey } from '../model/hkdf.js';
import { projectPath } from '../src/lib/paths.js';

const KOP = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const tmp = mkdtempSync(path.join(tmpdir(), 'perfsec-hkdf-'));

describe('perfsec derive-bfd-key (draft §6)', () => {
  test("prints the model's K_BFD_auth, the same for either discriminator order", async () => {
    const want = bytesToHex(
      deriveBfdAuthKey({ operatorId: 'op.example', kOp: hexToBytes(KOP), discriminators: [0xabcd, 0x12], epochId: 20 }),
    );
    const a = await perfsec(
      'derive-bfd-key',
      '--operator',
      'op.example',
      '--kop',
      KOP,
      '--disc',
      '0xabcd',
      '--disc',
      '18',
      '--epoch',
      '20',
    );
    const b = await perfsec(
      'derive-bfd-key',
      '--operator',
      'op.example',
      '--kop',
      KOP,
      '--disc',
      '18',
      '--disc',
      '43981',
      '--epoch',
      '20',
    );
    expect(a.code).toBe(0);
    expect(a.stdout.trim()).toBe(want);
    expect(b.stdout.trim()).toBe(want);
  });

  test('--json gives salt, info and key; --all-readings lists every reading', async () => {
    const j = JSON.parse(
      (
        await perfsec(
          'derive-bfd-key',
          '--operator',
          'op',
          '--kop',
          KOP,
          '--disc',
          '1',
          '--disc',
          '2',
          '--epoch',
          '3',
          '--json',
        )
      ).stdout,
    ) as { info_hex: string; k_bfd_auth: string; length: number };
    expect(Buffer.from(j.info_hex, 'hex').toString()).toBe('coherence-bfd-auth-v1|session:0000000100000002|epoch:3');
    expect(j.k_bfd_auth).toMatch(/^[0-9a-f]{64}$/);
    const all = await perfsec(
      'derive-bfd-key',
      '--operator',
      'op',
      '--kop',
      KOP,
      '--disc',
      '1',
      '--disc',
      '2',
      '--epoch',
      '3',
      '--all-readings',
    );
    expect(all.stdout.trim().split('\n')).toHaveLength(8);
  });

  test.each([
    [['--kop', 'xyz', '--disc', '1', '--disc', '2'], /--kop/],
    [['--kop', KOP, '--disc', '1'], /exactly twice/],
    [['--kop', KOP, '--disc', '1', '--disc', '4294967296'], /32-bit/],
    [['--kop', KOP, '--disc', '1', '--disc', '2', '--reading', 'nope'], /--reading/],
  ])('bad input %j: one-line error, exit 2', async (args, msg) => {
    const r = await perfsec('derive-bfd-key', '--operator', 'op', '--epoch', '1', ...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg as RegExp);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('perfsec conformance (draft §8)', () => {
  test('the conformant example exits 0, the non-conformant one exits 1 naming each failed requirement', async () => {
    const good = await perfsec('conformance', projectPath('spec', 'deployments', 'regime-c-conformant.json'));
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('CONFORMANT');
    const bad = await perfsec(
      'conformance',
      projectPath('spec', 'deployments', 'regime-c-nonconformant.json'),
      '--json',
    );
    expect(bad.code).toBe(1);
    const doc = JSON.parse(bad.stdout) as { conformant: boolean; findings: Array<{ id: string; pass: boolean }> };
    expect(doc.conformant).toBe(false);
    expect(doc.findings.filter((f) => !f.pass).map((f) => f.id)).toEqual([
      'CAP-FLAGS',
      'I-PS-1',
      'I-PS-2',
      'I-PS-3',
      'I-PS-4',
      'I-PS-5',
    ]);
  });

  test('a malformed description: one-line error naming the field, exit 2', async () => {
    const f = path.join(tmp, 'bad.json');
    writeFileSync(f, JSON.stringify({ schema: 'perfsec-deployment-v1', name: 'x' }));
    const r = await perfsec('conformance', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/capability_flags/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
