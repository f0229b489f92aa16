/**
 * Every claim's generator domain (issue 16, "Replay is exact"): each claim has a domain check (its
 * generators' own, or one they carry: src/engine/generator-domain.ts), the check accepts what the generators
 * draw (it is not stricter than them), and it refuses tampered values, one hostile class a row.
 */
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { asStored, domainReason, uncheckedArguments } from '../src/engine/outcome.js';
import { listCounterexamples, loadCounterexample } from '../src/engine/counterexamples.js';
import { allClaims } from '../src/registry/theorems.js';

const seed = inject('perfsecSeed');
const claims = allClaims().map(({ claim }) => claim);
const byId = new Map(claims.map((c) => [c.id, c]));

const nested = (depth: number): unknown => Array.from({ length: depth }).reduce<unknown>((inner) => [inner], 0);

/** Whole-argument replacements no generator of the project draws: one row per hostile class. */
const HOSTILE_ARGUMENTS: Array<[string, unknown]> = [
  ['a NaN-like string', 'NaN'],
  ['an Infinity-like string', 'Infinity'],
  ['an empty object', {}], // (null is not a row: fc.option draws it)
  ['an empty array', []],
  ['a number beyond every range', 1e300],
  ['a negative number', -1],
  ['a boolean', true],
  ['a deeply nested array', nested(10_000)],
];

/** Leaf replacements inside a stored value: every leaf of every stored counterexample, in turn. */
const HOSTILE_LEAVES: Array<[string, unknown]> = [
  ['the string "NaN"', 'NaN'],
  ['null', null],
  ['1e300', 1e300],
  ['an array', [1]],
];

type Path = Array<string | number>;
function leaves(v: unknown, at: Path = []): Path[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...at, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, [...at, k]));
  return [at];
}
function replaced(v: unknown, at: Path, by: unknown): unknown {
  if (at.length === 0) return by;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
  copy[at[0]!] = replaced(copy[at[0]!], at.slice(1), by);
  return copy;
}

describe('claim domains', () => {
  test.each(claims.map((c) => [c.id, c]))('%s has a domain check for every argument', (_id, c) => {
    expect(
      uncheckedArguments(c),
      'arguments whose generator cannot recognise its own values: wrap it with checked() or give its .map an unmapper',
    ).toEqual([]);
  });

  test.each(claims.map((c) => [c.id, c]))(
    '%s: 200 generated values (as stored, through JSON) lie in its domain',
    (_id, c) => {
      const arbs = c.arbitraries as unknown as fc.Arbitrary<unknown>[];
      for (const v of fc.sample(fc.tuple(...arbs), { seed, numRuns: 200 })) {
        const stored = v.map(asStored);
        expect(domainReason(c, stored), fc.stringify(stored)).toBeNull();
      }
    },
  );

  test.each(claims.map((c) => [c.id, c]))('%s: values of the wrong shape are outside its domain', (_id, c) => {
    const good = fc
      .sample(fc.tuple(...(c.arbitraries as unknown as fc.Arbitrary<unknown>[])), { seed, numRuns: 1 })[0]!
      .map(asStored);
    expect(domainReason(c, [])).toMatch(/value must hold \d item/);
    expect(domainReason(c, ['x', null, 3, 4])).not.toBeNull();
    expect(domainReason(c, [...good, 0])).toMatch(/value must hold/);
    for (let i = 0; i < good.length; i++) {
      for (const [name, bad] of HOSTILE_ARGUMENTS)
        expect(
          domainReason(
            c,
            good.map((x, j) => (j === i ? bad : x)),
          ),
          `argument ${i}: ${name}`,
        ).toMatch(new RegExp(`^value\\[${i}\\]`));
    }
  });

  test.each(listCounterexamples().map((f) => [path.basename(f), f]))(
    '%s: every leaf of its value, replaced by a hostile one, is outside the domain',
    (_name, file) => {
      const cx = loadCounterexample(file);
      const c = byId.get(cx.property)!;
      expect(domainReason(c, cx.value)).toBeNull();
      for (const at of leaves(cx.value)) {
        for (const [name, bad] of HOSTILE_LEAVES)
          expect(
            domainReason(c, replaced(cx.value, at, bad) as unknown[]),
            `${at.join('.')} := ${name}`,
          ).not.toBeNull();
      }
    },
  );

  test.each<[string, string, (v: unknown[]) => unknown[], RegExp]>([
    [
      'a flood of 10^6 ticks',
      'CX-T-VDOS-1-001',
      (v) => [{ ...(v[0] as object), durationTicks: 1e6 }, ...v.slice(1)],
      /value\[0\]\.durationTicks must be an integer in \[1, 60\], got 1000000/,
    ],
    [
      'a coalition larger than N',
      'CX-T-VDOS-1-001',
      (v) => [{ ...(v[0] as object), coalition: 2 }, ...v.slice(1)],
      /value\[0\]\.coalition must be an integer in \[0, 1\]/,
    ],
    [
      'phases for more vantages than N',
      'CX-T-VDOS-1-001',
      (v) => [
        {
          ...(v[0] as object),
          phasesUs: [
            [0, 0],
            [0, 0],
          ],
        },
        ...v.slice(1),
      ],
      /value\[0\]\.phasesUs must hold 1 items, got 2/,
    ],
    [
      'a phase beyond the tick',
      'CX-T-VDOS-1-001',
      (v) => [{ ...(v[0] as object), phasesUs: [[5000, 0]] }, ...v.slice(1)],
      /phasesUs\[0\]\[0\] must be an integer in \[0, 4999\]/,
    ],
    [
      'a field the generator never draws',
      'CX-T-VDOS-1-004',
      (v) => [{ ...(v[0] as object), extra: 1 }],
      /unexpected field "extra"/,
    ],
    [
      'a repeated burst episode',
      'CX-T-VDOS-1-004',
      (v) => [
        {
          ...(v[0] as object),
          episodes: [(v[0] as { episodes: unknown[] }).episodes[0], (v[0] as { episodes: unknown[] }).episodes[0]],
        },
      ],
      /each kind at most once/,
    ],
    [
      '10^5 commands',
      'CX-T-RC-1-001',
      (v) => [
        v[0],
        { commands: Array.from({ length: 100_000 }, () => ({ cmd: { op: 'advance', ms: 50 }, hasRan: true })) },
      ],
      /value\[1\]\.commands must hold 0 to 30 items, got 100000/,
    ],
    [
      'a command index beyond the network',
      'CX-T-RC-1-004',
      (v) => [v[0], { commands: [{ cmd: { op: 'deliver', i: 16 }, hasRan: true }] }],
      /value\[1\]\.commands\[0\]\.cmd\.i must be one of/,
    ],
    [
      'an unknown command',
      'CX-T-RC-1-004',
      (v) => [v[0], { commands: [{ cmd: { op: 'reboot' }, hasRan: true }] }],
      /cmd\.op must be one of emit/,
    ],
    [
      'a quorum above w',
      'CX-T-COMP-SPLIT-001',
      (v) => [{ ...(v[0] as object), q: 3 }],
      /value\[0\]\.q must be an integer in \[1, 2\]/,
    ],
    [
      'a move to a witness that does not exist',
      'CX-T-COMP-SPLIT-001',
      (v) => [{ ...(v[0] as object), moves: [{ witness: 2, view: 'A', ahead: 0 }] }],
      /moves\[0\]\.witness must be an integer in \[0, 1\]/,
    ],
    [
      'identical views',
      'CX-T-COMP-SPLIT-001',
      (v) => [{ ...(v[0] as object), values: { A: [0, 0], B: [0, 0] } }],
      /\.B must differ/,
    ],
    [
      "constants other than the draft's",
      'CX-T-VDOS-1-003',
      (v) => [v[0], { ...(v[1] as object), c_xdp: 0.06 }],
      /value\[1\]\.c_xdp must be one of 0\.05, got 0\.06/,
    ],
    ['a flood factor off the 0.01 grid', 'CX-T-VDOS-1-003', (v) => [[5, 5.001], v[1]], /value\[0\] is not/],
  ])('dependent constraint: %s is outside the domain', (_name, id, tamper, reason) => {
    const cx = loadCounterexample(id);
    expect(domainReason(byId.get(cx.property)!, tamper([...cx.value]))).toMatch(reason);
  });
});
