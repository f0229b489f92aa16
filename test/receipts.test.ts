/**
 * Receipt B.1 (draft Appendix B.1): the committed file is what the model computes, it validates,
 * broken receipts are rejected naming the field, and nothing is written unless every receipt is valid.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadConstants } from '../src/lib/constants.js';
import { InputError } from '../src/lib/errors.js';
import { jsonText } from '../src/lib/json-file.js';
import { assertValid } from '../src/lib/schemas.js';
import {
  DEFAULT_RECEIPTS_DIR,
  RECEIPTS,
  defaultIssuedAt,
  writeReceipts,
  writeValidated,
  type ReceiptEntry,
} from '../src/receipts/index.js';
import { rfc3339Z } from '../src/receipts/common.js';
import { buildJointCostReceipt, type JointCostReceipt } from '../src/receipts/joint-cost.js';

const SCHEMA = 'perfsec-joint-cost-receipt-v1';
const COMMITTED = path.join(DEFAULT_RECEIPTS_DIR, 'perfsec_joint_cost_receipt.json');
const committedText = (): string => readFileSync(COMMITTED, 'utf8');
const committed = (): JointCostReceipt => JSON.parse(committedText()) as JointCostReceipt;

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'perfsec-receipts-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('receipt B.1 (perfsec-joint-cost-receipt-v1)', () => {
  test('regenerating with the draft constants gives the committed file, byte for byte, except issued_at', () => {
    const rebuilt = buildJointCostReceipt(loadConstants(), new Date(committed().issued_at));
    expect(jsonText(rebuilt)).toBe(committedText());
  });

  test('the committed receipt validates against its schema', () => {
    expect(() => assertValid(SCHEMA, committed(), COMMITTED)).not.toThrow();
  });

  test('it reproduces the five §3.3 rows and leads with the §3.3 (a) metric', () => {
    const r = committed();
    expect(r.verdict).toBe('PASS');
    expect(r.constants_source).toBe('spec/constants/draft-1.3.json');
    expect(r.scale_points.map((p) => [p.scenario, p.draft_joint_pct_one_core, p.reproduced])).toEqual([
      ['CWT abstract ref', 0.88, true],
      ['Coh-BFD V3 minimal', 17.65, true],
      ['DDoS Regime C', 174.25, true],
      ['DDoS Regime D', 1740.25, true],
      ['HFT/orbital', 1742.52, true],
    ]);
    expect(r.headline_regime_c_pct_one_core).toBeCloseTo(174.25216, 9);
    // draft §3.3 (a): JOINT_RegimeC / JOINT_CWT_ref, unrounded (the draft's 198x divides rounded values).
    expect(r.speedup_underprovisioning_vs_cwt_abstract).toBeCloseTo(174.25216 / 0.882608, 9);
  });

  test('issued_at is RFC 3339 with Z and whole seconds; SOURCE_DATE_EPOCH sets it', () => {
    expect(rfc3339Z(new Date('2026-11-28T00:00:00.789Z'))).toBe('2026-11-28T00:00:00Z');
    expect(rfc3339Z(defaultIssuedAt({ SOURCE_DATE_EPOCH: '1795824000' }))).toBe('2026-11-28T00:00:00Z');
    expect(() => defaultIssuedAt({ SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(InputError);
    expect(() => rfc3339Z(new Date(Number.NaN))).toThrow(RangeError);
  });

  type Broken = [name: string, field: string, change: (r: Record<string, unknown>) => void];
  const point = (r: Record<string, unknown>): Record<string, unknown> =>
    (r['scale_points'] as Array<Record<string, unknown>>)[0]!;
  const broken: Broken[] = [
    [
      'missing verdict',
      'verdict',
      (r) => {
        delete r['verdict'];
      },
    ],
    [
      'headline as a string',
      'headline_regime_c_pct_one_core',
      (r) => {
        r['headline_regime_c_pct_one_core'] = '174';
      },
    ],
    [
      'unknown top-level field',
      'extra',
      (r) => {
        r['extra'] = 1;
      },
    ],
    [
      'unknown field in a scale point',
      'scale_points/0/extra',
      (r) => {
        point(r)['extra'] = 1;
      },
    ],
    [
      'issued_at not a date-time',
      'issued_at',
      (r) => {
        r['issued_at'] = '28 Nov 2026';
      },
    ],
    [
      'issued_at without Z',
      'issued_at',
      (r) => {
        r['issued_at'] = '2026-11-28T00:00:00+01:00';
      },
    ],
    [
      'verdict MAYBE',
      'verdict',
      (r) => {
        r['verdict'] = 'MAYBE';
      },
    ],
    [
      'wrong schema',
      'schema',
      (r) => {
        r['schema'] = 'perfsec-verification-dos-receipt-v1';
      },
    ],
    [
      'wrong draft',
      'draft',
      (r) => {
        r['draft'] = 'draft-melegassi-mvps-perfsec-coupling-01';
      },
    ],
    [
      'PASS with a row not reproduced',
      'scale_points/0/reproduced',
      (r) => {
        point(r)['reproduced'] = false;
      },
    ],
    [
      'FAIL with every row reproduced',
      'scale_points',
      (r) => {
        r['verdict'] = 'FAIL';
      },
    ],
  ];
  test.each(broken)('rejects a receipt with %s, naming %s', (_name, field, change) => {
    const r = structuredClone(committed()) as unknown as Record<string, unknown>;
    change(r);
    let error: unknown;
    try {
      assertValid(SCHEMA, r, 'receipt');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(`'${field}'`);
  });
});

describe('writeReceipts', () => {
  test('writes every receipt, valid, into the folder', async () => {
    const dir = tempDir();
    const written = await writeReceipts(dir, { issuedAt: new Date('2026-11-28T00:00:00Z') });
    // Each verdict is the receipt's own finding: B.1 reproduces the §3.3 table, B.2 lists bound violations.
    expect(written.map((w) => w.file)).toEqual(RECEIPTS.map((e) => path.join(dir, e.file)));
    expect(written[0]!.verdict).toBe('PASS');
    expect(readdirSync(dir).sort()).toEqual(RECEIPTS.map((e) => e.file).sort());
    const text = readFileSync(path.join(dir, 'perfsec_joint_cost_receipt.json'), 'utf8');
    const r = assertValid<JointCostReceipt>(SCHEMA, JSON.parse(text), 'written receipt');
    expect(r.issued_at).toBe('2026-11-28T00:00:00Z');
    expect(text).toBe(jsonText(buildJointCostReceipt(loadConstants(), new Date('2026-11-28T00:00:00Z'))));
  });

  const valid = RECEIPTS[0]!;
  const invalid: ReceiptEntry = {
    file: 'bad_receipt.json',
    schema: valid.schema,
    theorem: 'T-TEST',
    build: (c, at) => ({ ...(valid.build(c, at) as object), verdict: 'MAYBE' }),
  };

  test('writes nothing, not even the valid receipts, when one receipt is invalid', async () => {
    const dir = tempDir();
    await expect(writeValidated([valid, invalid], dir, loadConstants(), new Date())).rejects.toThrow(
      /bad_receipt\.json: field 'verdict'/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  test('leaves existing receipts byte-identical when one receipt is invalid', async () => {
    const dir = tempDir();
    const before = { [valid.file]: 'old valid receipt\n', [invalid.file]: '{"old": true}\n' };
    for (const [file, text] of Object.entries(before)) writeFileSync(path.join(dir, file), text);
    await expect(writeValidated([valid, invalid], dir, loadConstants(), new Date())).rejects.toThrow(InputError);
    expect(readdirSync(dir).sort()).toEqual(Object.keys(before).sort());
    for (const [file, text] of Object.entries(before)) expect(readFileSync(path.join(dir, file), 'utf8')).toBe(text);
  });
});
