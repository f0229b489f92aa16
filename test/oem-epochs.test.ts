/**
 * Operator Epoch Manifest (draft §5 reason `epoch-mismatch`, CWT §7.3 overlap): epoch e is open
 * from e * epochMs inclusive until (e + 1) * epochMs + overlapMs exclusive; bindsNow needs both a
 * manifest binding and an open epoch.
 */
import { describe, expect, test } from 'vitest';
import { binds, bindsNow, epochAt, epochOpen, type Oem } from '../model/oem.js';

const oem: Oem = { epochMs: 1000, overlapMs: 100, bindings: { v1: [2, 3] } };

describe('epoch window boundaries (draft §5, CWT §7.3 overlap)', () => {
  test.each([
    [1999, false],
    [2000, true],
    [2999, true],
    [3000, true],
    [3099, true],
    [3100, false],
    [3101, false],
  ] as const)('epoch 2 at now=%i is open: %s', (now, open) => {
    expect(epochOpen(oem, 2, now)).toBe(open);
  });

  test('with no overlap, the epoch closes exactly when the next starts', () => {
    const tight: Oem = { ...oem, overlapMs: 0 };
    expect([epochOpen(tight, 2, 2999), epochOpen(tight, 2, 3000), epochOpen(tight, 3, 3000)]).toEqual([
      true,
      false,
      true,
    ]);
  });

  test.each([
    [0, 0],
    [999, 0],
    [1000, 1],
    [3050, 3],
  ] as const)('epochAt(%i) is %i', (now, epoch) => {
    expect(epochAt(oem, now)).toBe(epoch);
  });
});

describe('bindsNow: binding and open epoch (draft §5 epoch-mismatch)', () => {
  test.each([
    ['v1', 2, 3099, true],
    ['v1', 2, 3100, false],
    ['v1', 3, 3050, true],
    ['v1', 4, 4050, false],
    ['v2', 2, 2500, false],
    ['toString', 2, 2500, false],
  ] as const)('(%s, epoch %i) at now=%i: %s', (vantage, epoch, now, expected) => {
    expect(bindsNow(oem, vantage, epoch, now)).toBe(expected);
    if (expected) expect(binds(oem, vantage, epoch)).toBe(true);
  });
});
