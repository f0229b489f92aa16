/**
 * Conformance vectors: the committed files are exactly what the exporters build, every vector
 * verifies against the project's model, and tampered or malformed files are caught.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { combine, joint, type CostModel } from '../model/joint-cost.js';
import { DRAFT_CONSTANTS } from '../src/lib/constants.js';
import { InputError } from '../src/lib/errors.js';
import { jsonText } from '../src/lib/json-file.js';
import {
  DEFAULT_VECTORS_DIR,
  exportVectors,
  jointCostExporter,
  jointCostVerifier,
  loadVectors,
  registerExporter,
  registerVerifier,
  registeredExporters,
  verifyVectors,
  type VectorsFile,
} from '../src/vectors/index.js';
import type { JsonObject } from './json-edit.js';

const COMMITTED = path.join(DEFAULT_VECTORS_DIR, 't-jcost-1.json');
const tmp = mkdtempSync(path.join(tmpdir(), 'perfsec-vectors-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// free-form, to tamper with: fields may be deleted or given values of the wrong type
interface LooseTest {
  tcId: number;
  comment?: string;
  flags: string[];
  result: string;
  input: JsonObject;
  expected: JsonObject;
}
interface Mutable {
  numberOfTests: number;
  notes?: VectorsFile['notes'];
  testGroups: { type: string; parameters?: { constants_us: JsonObject }; tests: LooseTest[] }[];
}
let copies = 0;
/** A copy of the committed file with MUTATE applied, written to the temp folder. */
function tampered(mutate: (doc: Mutable) => void): string {
  const doc = JSON.parse(readFileSync(COMMITTED, 'utf8')) as Mutable;
  mutate(doc);
  const file = path.join(tmp, `tampered-${++copies}.json`);
  writeFileSync(file, jsonText(doc));
  return file;
}
/** The InputError verifying FILE raises; fails the test if none. */
function inputErrorOf(file: string): string {
  try {
    verifyVectors(file);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const msg = (e as Error).message;
    expect(msg).not.toContain('\n');
    expect(msg).toContain(path.basename(file));
    return msg;
  }
  throw new Error(`${file} verified without an InputError`);
}
const tcOf = (doc: Mutable, tcId: number) =>
  doc.testGroups.flatMap((g: { tests: LooseTest[] }) => g.tests).find((t: { tcId: number }) => t.tcId === tcId)!;

describe('committed vectors', () => {
  it('every registered exporter re-exports its committed file byte-identically', () => {
    expect(registeredExporters().map((e) => e.file)).toContain('t-jcost-1.json');
    for (const e of registeredExporters())
      expect(jsonText(e.build())).toBe(readFileSync(path.join(DEFAULT_VECTORS_DIR, e.file), 'utf8'));
  });

  it('every T-JCOST-1 vector verifies against the draft §3.2 closed form', () => {
    const file = loadVectors(COMMITTED);
    const report = verifyVectors(COMMITTED);
    expect(report.algorithm).toBe('T-JCOST-1');
    expect(report.failed, JSON.stringify(report.results.filter((r) => !r.ok))).toBe(0);
    expect(report.passed).toBe(file.numberOfTests);
    expect(new Set(report.results.map((r) => r.result))).toEqual(new Set(['valid', 'invalid']));
  });

  it('covers the five §3.3 table rows, edge cases, invalid parameters and other constants', () => {
    const tests = loadVectors(COMMITTED).testGroups.flatMap((g) => g.tests);
    const flagged = (f: string) => tests.filter((t) => t.flags.includes(f)).length;
    expect(flagged('DraftTableRow')).toBe(5);
    expect(flagged('EdgeCase')).toBeGreaterThanOrEqual(7);
    expect(flagged('InvalidParameter')).toBeGreaterThanOrEqual(6);
    expect(flagged('OtherConstants')).toBeGreaterThanOrEqual(5);
  });
});

describe('tampered vectors', () => {
  it('a changed expected joint_us_per_s fails that test, naming tcId and field', () => {
    const r = verifyVectors(
      tampered((d) => {
        (tcOf(d, 3).expected.joint_us_per_s as number) *= 1 + 1e-6;
      }),
    );
    expect(r.failed).toBe(1);
    const bad = r.results.find((x) => !x.ok)!;
    expect(bad.tcId).toBe(3);
    expect(bad.detail).toMatch(/^tcId 3: joint_us_per_s: expected /);
  });

  it('a changed expected error name fails that test', () => {
    const r = verifyVectors(
      tampered((d) => {
        tcOf(d, 18).expected.error = 'cells_k';
      }),
    );
    expect(r.results.filter((x) => !x.ok).map((x) => x.tcId)).toEqual([18]);
    expect(r.results.find((x) => x.tcId === 18)!.detail).toMatch(
      /^tcId 18: error: expected rejection of 'cells_k', model rejects 'q'/,
    );
  });

  it('an invalid test whose input the model accepts fails', () => {
    const r = verifyVectors(
      tampered((d) => {
        tcOf(d, 18).input.q = 2;
      }),
    );
    expect(r.results.find((x) => x.tcId === 18)).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/model accepts the input/),
    });
  });

  it('structural problems are one-line InputErrors', () => {
    expect(
      inputErrorOf(
        tampered((d) => {
          tcOf(d, 2).tcId = 1;
        }),
      ),
    ).toMatch(/tcId 1 is used more than once/);
    expect(
      inputErrorOf(
        tampered((d) => {
          d.numberOfTests += 1;
        }),
      ),
    ).toMatch(/numberOfTests is \d+ but the file has \d+ tests/);
    expect(
      inputErrorOf(
        tampered((d) => {
          d.testGroups[1]!.type = 'NoSuchTest';
        }),
      ),
    ).toMatch(/testGroups\/1 has unknown type 'NoSuchTest'/);
    expect(
      inputErrorOf(
        tampered((d) => {
          delete d.testGroups[0]!.tests[0]!.comment;
        }),
      ),
    ).toMatch(/missing field 'testGroups\/0\/tests\/0\/comment'/);
    expect(
      inputErrorOf(
        tampered((d) => {
          delete d.notes;
        }),
      ),
    ).toMatch(/missing field 'notes'/);
    expect(
      inputErrorOf(
        tampered((d) => {
          tcOf(d, 1).flags.push('Unexplained');
        }),
      ),
    ).toMatch(/flag 'Unexplained' of tcId 1 has no entry in notes/);
    expect(
      inputErrorOf(
        tampered((d) => {
          tcOf(d, 1).result = 'sometimes';
        }),
      ),
    ).toMatch(/field 'testGroups\/0\/tests\/0\/result' must be one of/);
  });

  it('a malformed test or group of the JointCostTest type is an InputError naming tcId and field', () => {
    expect(
      inputErrorOf(
        tampered((d) => {
          delete tcOf(d, 4).input.n;
        }),
      ),
    ).toMatch(/tcId 4: input: missing field 'n'/);
    expect(
      inputErrorOf(
        tampered((d) => {
          delete tcOf(d, 4).expected.cores_needed;
        }),
      ),
    ).toMatch(/tcId 4: expected: missing field 'cores_needed'/);
    expect(
      inputErrorOf(
        tampered((d) => {
          tcOf(d, 4).input.cells = 3;
        }),
      ),
    ).toMatch(/tcId 4: input: unknown field 'cells'/);
    expect(
      inputErrorOf(
        tampered((d) => {
          tcOf(d, 4).input.q = '2';
        }),
      ),
    ).toMatch(/tcId 4: input: field 'q' must be a number/);
    expect(
      inputErrorOf(
        tampered((d) => {
          tcOf(d, 4).expected = { error: 'q' };
        }),
      ),
    ).toMatch(/tcId 4: expected: missing field 'pps_t'/);
    expect(
      inputErrorOf(
        tampered((d) => {
          tcOf(d, 4).result = 'acceptable';
        }),
      ),
    ).toMatch(/tcId 4: result 'acceptable' is not used/);
    expect(
      inputErrorOf(
        tampered((d) => {
          delete d.testGroups[0]!.parameters;
        }),
      ),
    ).toMatch(/group parameters: missing field 'constants_us'/);
    expect(
      inputErrorOf(
        tampered((d) => {
          delete d.testGroups[0]!.parameters!.constants_us.c_hmac;
        }),
      ),
    ).toMatch(/group parameters: missing field 'constants_us\/c_hmac'/);
  });

  it('a missing file is an InputError', () => {
    expect(() => loadVectors(path.join(tmp, 'absent.json'))).toThrow(/no such file/);
  });
});

describe('the vectors catch faulty implementations', () => {
  const failing = (m: CostModel) => verifyVectors(COMMITTED, [jointCostVerifier(m)]).results.filter((r) => !r.ok);
  const flagsOf = (tcIds: number[]) => {
    const all = loadVectors(COMMITTED).testGroups.flatMap((g) => g.tests);
    return new Set(tcIds.flatMap((id) => all.find((t) => t.tcId === id)!.flags));
  };

  it('hard-coded draft §1.3 constants fail exactly the OtherConstants tests', () => {
    const bad = failing({ joint: (d) => joint(d, DRAFT_CONSTANTS) }); // hard-codes the file's values
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.every((r) => flagsOf([r.tcId]).has('OtherConstants'))).toBe(true);
  });

  it("Appendix A's Path C bundle rate (a tenth of §3.2's) fails the Regime C row on bundles_per_s", () => {
    const appendixA: CostModel = {
      joint: (d, c) => {
        const j = joint(d, c);
        const bps = j.paths.C.opsPerSecond / 10;
        return combine(j.paths.A, j.paths.B, {
          opsPerSecond: bps,
          usPerOp: j.paths.C.usPerOp,
          usPerSecond: bps * j.paths.C.usPerOp,
        });
      },
    };
    const regimeC = failing(appendixA).find((r) => flagsOf([r.tcId]).has('AppendixAErratum'));
    expect(regimeC?.detail).toMatch(/bundles_per_s: expected 16, got 1\.6.*path_c_us_per_s/);
  });

  it('a model without parameter checks fails the InvalidParameter tests', () => {
    const unchecked: CostModel = {
      joint: (d, c) => {
        const pps = (d.n * 1000) / d.tickMs;
        const bps = d.cellsK / (d.bundlePeriodTicks * (d.tickMs / 1000));
        const p = (ops: number, per: number) => ({ opsPerSecond: ops, usPerOp: per, usPerSecond: ops * per });
        return combine(p(pps, c.c_json + c.c_hmac), p(pps, c.c_bfd_parse + c.c_hmac), p(bps, d.q * c.c_ed25519));
      },
    };
    const bad = failing(unchecked);
    const invalid = loadVectors(COMMITTED)
      .testGroups.flatMap((g) => g.tests)
      .filter((t) => t.flags.includes('InvalidParameter'));
    expect(bad.length).toBe(invalid.length);
    expect(flagsOf(bad.map((r) => r.tcId))).toEqual(new Set(['InvalidParameter']));
  });
});

describe('exportVectors', () => {
  it('writes every registered file, valid and identical to the committed one', async () => {
    const out = path.join(tmp, 'export');
    const written = await exportVectors(out);
    expect(written.map((f) => path.basename(f)).sort()).toEqual(
      registeredExporters()
        .map((e) => e.file)
        .sort(),
    );
    for (const f of written) {
      expect(loadVectors(f).algorithm).toBeTruthy();
      expect(readFileSync(f, 'utf8')).toBe(readFileSync(path.join(DEFAULT_VECTORS_DIR, path.basename(f)), 'utf8'));
    }
  });

  it('writes nothing when any built file fails validation or its own verification', async () => {
    const out = path.join(tmp, 'export-bad');
    const build = (): VectorsFile => jointCostExporter.build();
    const miscounted = { file: 'miscounted.json', build: () => ({ ...build(), numberOfTests: 1 }) };
    await expect(exportVectors(out, [jointCostExporter, miscounted])).rejects.toThrow(
      /not exporting vectors: generated miscounted\.json: numberOfTests is 1/,
    );
    const wrong = {
      file: 'wrong.json',
      build: () => {
        const d = build() as unknown as Mutable;
        d.testGroups[0]!.tests[0]!.expected.pps_t = 7;
        return d as unknown as VectorsFile;
      },
    };
    await expect(exportVectors(out, [jointCostExporter, wrong])).rejects.toThrow(
      /model fails its own vector: tcId 1: pps_t/,
    );
    expect(() => readdirSync(out)).toThrow(/ENOENT/);
  });
});

describe('registries', () => {
  it('refuse a second verifier for a type and an exporter file that is not a plain .json name', () => {
    expect(() => registerVerifier(jointCostVerifier())).toThrow(/already registered/);
    expect(() => registerExporter({ file: '../escape.json', build: () => jointCostExporter.build() })).toThrow(
      /plain \*\.json file name/,
    );
  });
});
