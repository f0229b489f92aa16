/**
 * The admission-path candidates `npm run bench` reports (issue 20 Deliver 4): every HMAC primitive is
 * checked before it is timed, each appears alone and in path B end to end, both parsers appear, and the
 * row marked as the pipeline's is FASTEST_HMAC. Only the document's shape is checked here, with a tiny
 * budget; which candidate is fastest is measured in the bench, never asserted in a test.
 */
import { describe, expect, test } from 'vitest';
import { measureAdmissionCandidates } from '../src/calibrate/admission-candidates.js';
import { FASTEST_HMAC, HMAC_PRIMITIVES } from '../src/pipeline/hmac.js';

describe('admission-path candidates (npm run bench)', () => {
  test('every HMAC candidate alone and end to end, both parsers, checked, the chosen one named', () => {
    const a = measureAdmissionCandidates({ timeMs: 3, warmupMs: 1, minSamples: 1 }, 1);
    const n = HMAC_PRIMITIVES.length;
    expect(a.rows.map((r) => r.kind)).toEqual([
      ...Array<string>(n).fill('hmac'),
      'parse',
      'parse',
      ...Array<string>(n).fill('path B end to end'),
    ]);
    for (const r of a.rows.filter((x) => x.kind === 'hmac')) expect(r.checked).toEqual({ rfc4231: 3, random: 200 });
    for (const r of a.rows) {
      expect(r.ns_per_op, r.name).toBeGreaterThan(0);
      expect(Number.isFinite(r.wall_ns_per_op), r.name).toBe(true);
    }
    expect(a.chosen.hmac).toBe(`HMAC-SHA256 verify, BFD packet: ${FASTEST_HMAC.name}`);
    expect(a.rows.filter((r) => r.kind === 'path B end to end').map((r) => r.name)).toContain(
      `path B end to end with ${FASTEST_HMAC.name}`,
    );
    for (const k of [
      'hmac_speedup_vs_create_hmac',
      'path_b_speedup_vs_create_hmac',
      'parse_speedup_vs_decode',
    ] as const)
      expect(a[k]).toBeGreaterThan(0);
  });
});
