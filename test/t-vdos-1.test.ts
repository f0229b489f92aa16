/**
 * T-VDOS-1 artifacts and edges: receipt B.2 is what the model computes and its schema rejects
 * broken copies; the vectors file is what the exporter builds; the bucket refuses factors below 2;
 * the aggregated simulator refuses what it does not model.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FloodError } from '../model/flood.js';
import { bucketParams, checkPolicy, DEFAULT_POLICY, RateLimitError, TokenBucket } from '../model/token-bucket.js';
import { simulateAggregated } from '../model/vdos-aggregate.js';
import { loadConstants } from '../src/lib/constants.js';
import { jsonText } from '../src/lib/json-file.js';
import { projectPath } from '../src/lib/paths.js';
import { assertValid } from '../src/lib/schemas.js';
import {
  buildVerificationDosReceipt,
  VERIFICATION_DOS_RECEIPT_SCHEMA,
  type VerificationDosReceipt,
} from '../src/receipts/verification-dos.js';
import { buildVdosVectors } from '../src/vectors/t-vdos-1.js';
import { verifyVectors } from '../src/vectors/index.js';
import { at } from './json-edit.js';

const committedText = readFileSync(projectPath('receipts', 'perfsec_verification_dos_receipt.json'), 'utf8');
const committed = JSON.parse(committedText) as VerificationDosReceipt;

describe('receipt B.2 (perfsec-verification-dos-receipt-v1)', () => {
  test('regenerating with the draft constants gives the committed file, issued_at aside', () => {
    expect(jsonText(buildVerificationDosReceipt(loadConstants(), new Date(committed.issued_at)))).toBe(committedText);
  });

  test('bound_violations lists every rate-limited row above the stated bound, and the verdict follows', () => {
    const above = committed.with_rate_limit.filter((r) => r.ratio > r.bound_predicted).map((r) => r.flood_factor);
    expect(committed.bound_violations.map((v) => v.flood_factor)).toEqual(above);
    expect(committed.verdict).toBe(above.length === 0 ? 'PASS' : 'FAIL');
    expect(committed.with_rate_limit.map((r) => r.flood_factor)).toEqual([1, 4, 16, 64, 256, 1024]);
  });

  test.each([
    ['a missing field', (d: unknown) => delete at(d).analytical_slope, /missing field 'analytical_slope'/],
    ['a wrong type', (d: unknown) => (at(d).scenario_n = '1000'), /scenario_n/],
    ['an unknown field', (d: unknown) => (at(d).duration_s = 60), /unknown field 'duration_s'/],
    [
      'an unknown field in a row',
      (d: unknown) => (at(d, 'with_rate_limit', 0).colour = 1),
      /unknown field 'with_rate_limit\/0\/colour'/,
    ],
    ['a bad date', (d: unknown) => (at(d).issued_at = 'yesterday'), /issued_at/],
    ['a bad verdict', (d: unknown) => (at(d).verdict = 'MAYBE'), /verdict/],
    ['PASS with violations listed', (d: unknown) => (at(d).verdict = 'PASS'), /bound_violations/],
    ['a factor below the REQUIRED minimum', (d: unknown) => (at(d).rate_limit_factor = 1), /rate_limit_factor/],
  ])('the schema rejects %s, naming the field', (_what, breakIt, message) => {
    const d = structuredClone(committed) as unknown;
    breakIt(d);
    expect(() => assertValid(VERIFICATION_DOS_RECEIPT_SCHEMA, d, 'receipt')).toThrow(message);
  });
});

describe('T-VDOS-1 vectors and edges', () => {
  test('spec/vectors/t-vdos-1.json is what the exporter builds, and every vector verifies', () => {
    expect(readFileSync(projectPath('spec', 'vectors', 't-vdos-1.json'), 'utf8')).toBe(jsonText(buildVdosVectors()));
    const r = verifyVectors(projectPath('spec', 'vectors', 't-vdos-1.json'));
    expect(r.failed).toBe(0);
  });

  test.each([
    [1.99, 8, /rate_limit_factor must be >= 2/],
    [4, 1, /burst_factor must be >= 2/],
    [4.001, 8, /multiple of 0.01/],
    [Number.NaN, 8, /rate_limit_factor/],
  ])('factors (%f, %f) are refused with a message naming the factor', (rlf, bf, message) => {
    expect(() => checkPolicy({ ...DEFAULT_POLICY, rateLimitFactor: rlf, burstFactor: bf })).toThrow(RateLimitError);
    expect(() => checkPolicy({ ...DEFAULT_POLICY, rateLimitFactor: rlf, burstFactor: bf })).toThrow(message);
  });

  test('a bucket starts full, spends one token per packet, refills at the sustained rate', () => {
    // T = 1 s, factors 2/2: budget 2 tokens, 2 tokens per second.
    const b = new TokenBucket(bucketParams(1_000_000, { ...DEFAULT_POLICY, rateLimitFactor: 2, burstFactor: 2 }));
    expect([0, 0, 0].map((t) => b.offer(t))).toEqual([true, true, false]);
    expect(b.offer(499_999)).toBe(false);
    expect(b.offer(500_000)).toBe(true);
    expect(b.offer(10_000_000)).toBe(true);
    expect(b.offer(10_000_000)).toBe(true);
    expect(b.offer(10_000_000)).toBe(false); // capped at the budget while idle
  });

  test('the aggregated simulator refuses jitter and the per-vantage bucket, which it does not model', () => {
    const s = { n: 1, tickMs: 50, coalition: 1, floodFactor: 8, durationTicks: 10 };
    expect(() => simulateAggregated({ ...s, jitterUs: 5 }, DEFAULT_POLICY)).toThrow(FloodError);
    expect(() => simulateAggregated({ ...s, jitterUs: 5 }, DEFAULT_POLICY)).toThrow(
      /models no jitter; use simulateExact/,
    );
    expect(() => simulateAggregated(s, { ...DEFAULT_POLICY, scope: 'per-vantage' })).toThrow(/one bucket per path/);
  });
});
