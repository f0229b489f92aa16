/**
 * Multi-reading byte strings and formulas (src/audit/encodings.ts, encodings-c2sp.ts): each computed under every
 * reading the model enumerates, on public test inputs, with the test key only; anchored where the draft prints it;
 * `underspecified` exactly when two readings give different outputs, and `holds` when the readings agree (the
 * mutants restrict the search to inputs where they do).
 */
import { hkdfSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import { formatDualMode } from '../model/checkpoint.js';
import { dualModeLines, FLOAT_RENDERINGS } from '../model/dual-mode-readings.js';
import { CANONICAL_READING, deriveBfdAuthKey } from '../model/hkdf.js';
import { anchorProblem, draftLines } from '../src/audit/anchor.js';
import { draftTextFile } from '../src/audit/draft-text.js';
import { encodingEntry } from '../src/audit/encoding-case.js';
import { burstBudgetCase, encodingEntries, epochIdCase, sessionIdCase } from '../src/audit/encodings.js';
import { testKey } from '../src/lib/test-keys.js';

const entries = encodingEntries();
const byId = new Map(entries.map((e) => [e.id, e]));

describe('the encoding audit', () => {
  test('every multi-reading byte string and formula is underspecified: its readings give different outputs', () => {
    expect(Object.fromEntries(entries.map((e) => [e.id, e.verdict]))).toEqual({
      'ENC-6-session-id': 'underspecified',
      'ENC-6-epoch-id': 'underspecified',
      'ENC-7-float': 'underspecified',
      'ENC-7-line-break': 'underspecified',
      'ENC-7-carried-value': 'underspecified',
      'ENC-7-9-detection': 'underspecified',
      'ENC-4.1-bucket-key': 'underspecified',
      'ENC-4.2-burst-budget': 'underspecified',
    });
  });

  test.each(entries.map((e) => [e.id, e] as const))('%s: the code reading first, one outcome per reading', (_, e) => {
    expect(e.kind).toBe('encoding');
    expect(e.origin).toBe('draft');
    expect(e.section).toBe(e.anchor.section);
    const s = e.choices!;
    expect(s.points).toBe(s.outcomes.length);
    expect(s.outcomes[0]!.holds).toBe(true);
    expect(s.outcomes.some((o) => !o.holds)).toBe(true);
    expect(JSON.stringify(e)).not.toMatch(/\\u00[01]/); // no control character reaches a report
  });

  const draft = draftTextFile();
  test.runIf(draft !== undefined)('every anchor stands in the draft text (../shared/spec)', () => {
    const lines = draftLines(readFileSync(draft!, 'utf8'));
    for (const e of entries) expect(anchorProblem(e.anchor, lines), e.id).toBeUndefined();
  });
  test.skipIf(draft !== undefined)('anchors NOT checked: the draft text was not found (set PERFSEC_DRAFT)', () => {});
});

describe('§6 K_BFD_auth under each reading (test K_op only)', () => {
  test('the code reading is HKDF-SHA256 as node:crypto computes it, with the test K_op', () => {
    const kOp = testKey('audit ENC-6 K_op');
    const input = { operatorId: 'op-1', kOp, discriminators: [0x0a, 0xff] as const, epochId: 7 };
    const expected = Buffer.from(
      hkdfSync(
        'sha256',
        kOp,
        'MVPS-PerfSec-v1|operator:op-1',
        'coherence-bfd-auth-v1|session:0000000a000000ff|epoch:7',
        32,
      ),
    ).toString('hex');
    expect(bytesToHex(deriveBfdAuthKey(input, CANONICAL_READING))).toBe(expected);
    const e = byId.get('ENC-6-session-id')!;
    expect(e.choices!.outcomes[0]!.value).toContain(`K_BFD_auth ${expected.slice(0, 16)}...`);
  });

  test('five session_id readings, five keys; swapping the discriminators changes none of them', () => {
    const c = sessionIdCase();
    expect(new Set(c.readings.map((r) => r.outputs[0])).size).toBe(5);
    for (const r of c.readings) expect(r.outputs[1]).toBe(r.outputs[0]);
  });

  test('mutant: two readings that give the same octets (decimal and hex at epoch 7) give holds', () => {
    expect(encodingEntry(epochIdCase([7], ['hex-lower', 'epoch-hex'])).verdict).toBe('holds');
    expect(encodingEntry(epochIdCase([10], ['hex-lower', 'epoch-hex'])).verdict).toBe('underspecified');
  });

  test('mutant: one reading alone always holds', () => {
    expect(encodingEntry(epochIdCase([10], ['hex-lower'])).verdict).toBe('holds');
  });
});

describe('§7 extra field and §9 formula', () => {
  test("the code's rendering is the checkpoint model's formatDualMode; the others differ in bytes only", () => {
    const d = { bundleId: '6f1c2a9e-3b7d-4c55-9a10-2e8f4b6d7c01', bundleSeq: 3n, dMinimax: 2, dMax: 2.7 };
    expect(dualModeLines(d)).toEqual([formatDualMode(d)]);
    expect(FLOAT_RENDERINGS.map((r) => [r.render(2), r.render(2.7)])).toEqual([
      ['2', '2.7'],
      ['2.0', '2.7'],
      ['2.000000', '2.700000'],
      ['2', '2.7000000000000002'],
    ]);
    for (const r of FLOAT_RENDERINGS) expect(Number(r.render(2.7))).toBe(2.7);
  });

  test('the two-line reading is rejected by the one-line parser and witness', () => {
    const e = byId.get('ENC-7-line-break')!;
    expect(e.choices!.outcomes[1]!.value).toMatch(/parser: .*witness 400$/);
    expect(e.choices!.outcomes[0]!.value).toMatch(/parsed \(2, 2\.7\), witness 200$/);
  });

  test('the §7 and §9 detection probabilities at w = 4, q = 2: 0.75 and 0.4375', () => {
    const e = byId.get('ENC-7-9-detection')!;
    expect(e.choices!.outcomes.map((o) => o.value.split(';')[0])).toEqual(['w 4, q 2: 0.75', 'w 4, q 2: 0.4375']);
  });
});

describe('§4.1-§4.2 rate-limit readings', () => {
  test('mutant: at T_tick = 1 s both budget readings hold 8 tokens, so the formula holds there alone', () => {
    expect(encodingEntry(burstBudgetCase([1000])).verdict).toBe('holds');
    expect(encodingEntry(burstBudgetCase([50])).verdict).toBe('underspecified');
  });
});

describe('the %.17g rendering of <float> (model/dual-mode-readings.ts)', () => {
  const g17 = FLOAT_RENDERINGS.find((r) => r.name === 'g17')!;
  test.each([
    [2.5, '2.5'], // trailing zeros after a digit go
    [2, '2'], // then a trailing point
    [0.1, '0.10000000000000001'], // 17 significant digits keep the binary64 value
    [1e20, '1.0000000000000000e+20'], // exponent form is left as C prints it
  ])('%s is written %s', (x, text) => {
    expect(g17.render(x)).toBe(text);
  });
});
