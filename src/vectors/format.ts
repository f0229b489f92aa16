/**
 * Conformance vectors in a Wycheproof-style format (schemas/vectors-v1.schema.json): one file per
 * theorem or mechanism, test groups that share parameters, one verifier per group `type`.
 * Implementers run the files against their own code; here a registry of verifiers runs them
 * against the project's models, and a registry of exporters regenerates them from the models.
 */
import type { CostConstants } from '../../model/constants.js';
import path from 'node:path';
import { InputError } from '../lib/errors.js';
import { readJson, writeJsonAtomic } from '../lib/json-file.js';
import { checkOutputFilesIn } from '../lib/output-path.js';
import { projectPath, relativeToRoot } from '../lib/paths.js';
import { assertValid } from '../lib/schemas.js';
import { closeTo } from '../lib/tolerance.js';
import { DomainError } from '../../model/domain-error.js';
import { checkFloodBudget, type FloodWork } from '../lib/work-budget.js';

/** The schema every vectors file is validated against. */
export const VECTORS_SCHEMA = 'vectors-v1';
/** Where the committed vectors files live. */
export const DEFAULT_VECTORS_DIR = projectPath('spec', 'vectors');
/** The draft, name and revision, every vectors file implements. */
export const DRAFT = 'draft-melegassi-mvps-perfsec-coupling-00';
/** The generator named in every file: this package's name and version. */
export const GENERATOR_VERSION = ((p) => `${p.name} ${p.version}`)(
  readJson(projectPath('package.json')) as { name: string; version: string },
);

/** Wycheproof's three outcomes: the input must be accepted, must be rejected, or either is conformant. */
export type VectorResult = 'valid' | 'invalid' | 'acceptable';

/** One test: an input, what a conformant implementation outputs for it, and the outcome. */
export interface TestVector {
  /** Unique across the file. */
  readonly tcId: number;
  readonly comment: string;
  /** Names of entries in the file's `notes`. */
  readonly flags: readonly string[];
  readonly input: Readonly<Record<string, unknown>>;
  readonly expected: Readonly<Record<string, unknown>>;
  readonly result: VectorResult;
}

/** Tests that share a verifier and its parameters. */
export interface TestGroup {
  /** Names the verifier (registerVerifier) that checks the group. */
  readonly type: string;
  /** Where the group's parameters come from. */
  readonly source?: string;
  readonly parameters?: Readonly<Record<string, unknown>>;
  readonly tests: readonly TestVector[];
}

/** What a flag means and which kind of bug the flagged tests catch. */
export interface FlagNote {
  readonly bugType: string;
  readonly description: string;
}

/** A vectors file (schemas/vectors-v1.schema.json). */
export interface VectorsFile {
  readonly schema: 'perfsec-vectors-v1';
  /** The theorem or mechanism under test, e.g. T-JCOST-1. */
  readonly algorithm: string;
  readonly draft: string;
  readonly generatorVersion: string;
  readonly numberOfTests: number;
  /** What the file tests, with draft sections. */
  readonly header: readonly string[];
  readonly notes: Readonly<Record<string, FlagNote>>;
  readonly testGroups: readonly TestGroup[];
}

/** The header line of every vectors file that carries keys. */
export const TEST_KEYS_LINE =
  'Every key in this file is a TEST KEY: public, made for these vectors, never for deployment.';

/** What each vectors file says for itself; vectorsFile adds the envelope every file shares. */
export type VectorsFileBody = Pick<VectorsFile, 'algorithm' | 'header' | 'notes' | 'testGroups'>;

/**
 * The vectors file of BODY inside the envelope every file shares: the schema, the draft, the
 * generator, and numberOfTests counted from the groups (the fields in the files' order).
 */
export function vectorsFile(body: VectorsFileBody): VectorsFile {
  const numberOfTests = body.testGroups.reduce((n, g) => n + g.tests.length, 0);
  const { algorithm, header, notes, testGroups } = body;
  return {
    schema: 'perfsec-vectors-v1',
    algorithm,
    draft: DRAFT,
    generatorVersion: GENERATOR_VERSION,
    numberOfTests,
    header,
    notes,
    testGroups,
  };
}

/**
 * Validates DATA against the schema, then what the schema cannot say: tcIds unique across the
 * file, numberOfTests equal to the count, every flag described in notes. InputError names WHAT.
 */
export function checkVectors(data: unknown, what: string): VectorsFile {
  const file = assertValid<VectorsFile>(VECTORS_SCHEMA, data, what);
  const seen = new Set<number>();
  let count = 0;
  for (const group of file.testGroups) {
    for (const test of group.tests) {
      count++;
      if (seen.has(test.tcId))
        throw new InputError(`${what}: tcId ${test.tcId} is used more than once (tcIds are unique across the file)`);
      seen.add(test.tcId);
      const undescribed = test.flags.find((f) => !Object.hasOwn(file.notes, f));
      if (undescribed !== undefined)
        throw new InputError(`${what}: flag '${undescribed}' of tcId ${test.tcId} has no entry in notes`);
    }
  }
  if (file.numberOfTests !== count)
    throw new InputError(`${what}: numberOfTests is ${file.numberOfTests} but the file has ${count} tests`);
  return file;
}

/** Reads and checks a vectors file (checkVectors); InputError names the file and the problem. */
export function loadVectors(file: string): VectorsFile {
  return checkVectors(readJson(file), relativeToRoot(file));
}

/** The verdict of one test. */
export interface Verification {
  readonly ok: boolean;
  readonly detail: string;
}

/**
 * Checks the tests of one group type against a model. `verify` returns ok=false when the model
 * disagrees with the expected outcome, and throws InputError when the test is malformed (its
 * input, expected or the group's parameters do not have the type's shape).
 */
export interface VectorVerifier {
  readonly type: string;
  verify(test: TestVector, group: TestGroup): Verification;
  /**
   * The simulation work `verify` will run for the test (src/lib/work-budget.ts), computed without
   * running it; absent for verifiers whose tests take constant time. Throws like `verify` for a
   * malformed test, or the model's DomainError for an input the model rejects (no work then).
   */
  work?(test: TestVector, group: TestGroup): readonly FloodWork[];
}

const verifiers = new Map<string, VectorVerifier>();

/** Registers the verifier of a group type; registering a second verifier for a type is a bug. */
export function registerVerifier(v: VectorVerifier): void {
  const known = verifiers.get(v.type);
  if (known && known !== v) throw new Error(`a verifier for group type '${v.type}' is already registered`);
  verifiers.set(v.type, v);
}

/** One test's outcome in a verification run. */
export interface VectorOutcome {
  readonly tcId: number;
  readonly comment: string;
  readonly result: VectorResult;
  readonly ok: boolean;
  /** Starts with `tcId N:`; names the differing field when ok is false. */
  readonly detail: string;
}

/** The outcome of verifying a whole file. */
export interface VerifyReport {
  readonly algorithm: string;
  readonly results: readonly VectorOutcome[];
  readonly passed: number;
  readonly failed: number;
}

/**
 * Verifies every test of FILE (a path, or a file already in memory) with the verifier of its
 * group's type; OVERRIDES replace registered verifiers of the same type (e.g. to run a mutant
 * model). InputError for a malformed file, an unknown group type or a malformed test.
 */
export function verifyVectors(file: string | VectorsFile, overrides: readonly VectorVerifier[] = []): VerifyReport {
  const what = typeof file === 'string' ? relativeToRoot(file) : `vectors ${file.algorithm}`;
  const doc = typeof file === 'string' ? loadVectors(file) : checkVectors(file, what);
  const table = new Map([...verifiers, ...overrides.map((v) => [v.type, v] as const)]);
  const plan = doc.testGroups.map((group, i) => {
    const v = table.get(group.type);
    if (!v)
      throw new InputError(
        `${what}: testGroups/${i} has unknown type '${group.type}' ` +
          `(known: ${[...table.keys()].sort().join(', ') || 'none'})`,
      );
    return [group, v] as const;
  });
  // issue 16 Deliver 3: the whole file's simulation work is known, and refused over budget, before any test runs.
  const work: FloodWork[] = [];
  for (const [group, v] of plan) {
    for (const test of group.tests) {
      try {
        work.push(...(v.work?.(test, group) ?? []));
      } catch (e) {
        if (e instanceof DomainError) continue; // the model rejects the input: verify reports it, and simulates nothing
        if (e instanceof InputError) throw new InputError(`${what}: tcId ${test.tcId}: ${e.message}`);
        throw e;
      }
    }
  }
  checkFloodBudget(work, what, 'split the file or shorten its tests');
  const results: VectorOutcome[] = [];
  for (const [group, v] of plan) {
    for (const test of group.tests) {
      let r: Verification;
      try {
        r = v.verify(test, group);
      } catch (e) {
        if (e instanceof InputError) throw new InputError(`${what}: tcId ${test.tcId}: ${e.message}`);
        throw e;
      }
      results.push({
        tcId: test.tcId,
        comment: test.comment,
        result: test.result,
        ok: r.ok,
        detail: `tcId ${test.tcId}: ${r.detail}`,
      });
    }
  }
  const passed = results.filter((r) => r.ok).length;
  return { algorithm: doc.algorithm, results, passed, failed: results.length - passed };
}

/** Builds one vectors file from the models. */
export interface VectorExporter {
  /** The file name inside the output folder, e.g. 't-jcost-1.json'. */
  readonly file: string;
  build(): VectorsFile;
}

const exporters = new Map<string, VectorExporter>();

/** Registers the exporter of a vectors file; a second exporter for the same file name is a bug. */
export function registerExporter(e: VectorExporter): void {
  if (path.basename(e.file) !== e.file || !e.file.endsWith('.json'))
    throw new Error(`exporter file '${e.file}' must be a plain *.json file name`);
  const known = exporters.get(e.file);
  if (known && known !== e) throw new Error(`an exporter for '${e.file}' is already registered`);
  exporters.set(e.file, e);
}

/** Every registered exporter, by file name. */
export function registeredExporters(): VectorExporter[] {
  return [...exporters.values()].sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * Builds every vectors file, checks each (schema, structure, and that the project's own verifiers
 * pass every test), then writes them atomically into OUT_DIR; returns the paths written. Nothing
 * is written when any file fails: a generated file that does not check is a bug, a plain Error.
 */
export async function exportVectors(
  outDir: string = DEFAULT_VECTORS_DIR,
  from: readonly VectorExporter[] = registeredExporters(),
): Promise<string[]> {
  checkOutputFilesIn(
    outDir,
    from.map((e) => e.file),
  ); // issue 16: special files refused before any file is built
  const built = from.map((e) => {
    try {
      const doc = checkVectors(e.build(), `generated ${e.file}`);
      const bad = verifyVectors(doc).results.find((r) => !r.ok);
      if (bad) throw new InputError(`generated ${e.file}: the project's model fails its own vector: ${bad.detail}`);
      return [path.join(outDir, e.file), doc] as const;
    } catch (err) {
      if (err instanceof InputError) throw new Error(`not exporting vectors: ${err.message}`, { cause: err });
      throw err;
    }
  });
  for (const [file, doc] of built) await writeJsonAtomic(file, doc);
  return built.map(([file]) => file);
}

/** The JSON types a verifier can require of an input or expected field. */
export type FieldKind = 'number' | 'integer' | 'string' | 'boolean';

/**
 * Throws InputError unless OBJ has exactly the fields of SHAPE, each of its kind (numbers finite); WHERE prefixes the
 * message.
 */
export function expectShape(
  obj: Readonly<Record<string, unknown>>,
  shape: Readonly<Record<string, FieldKind>>,
  where: string,
): void {
  for (const [name, kind] of Object.entries(shape)) {
    if (!Object.hasOwn(obj, name)) throw new InputError(`${where}: missing field '${name}'`);
    const v = obj[name];
    // issue 16: a number read from a file is finite (JSON's 1e999 parses to Infinity); Number.isInteger is false for it
    // too.
    if (typeof v === 'number' && !Number.isFinite(v) && (kind === 'number' || kind === 'integer'))
      throw new InputError(`${where}: field '${name}' must be a finite number, got ${v}`);
    const fits = kind === 'integer' ? Number.isInteger(v) : typeof v === kind;
    if (!fits)
      throw new InputError(
        `${where}: field '${name}' must be ${kind === 'integer' ? 'an integer' : `a ${kind}`}, ` +
          `got ${JSON.stringify(v)}`,
      );
  }
  const extra = Object.keys(obj).find((k) => !Object.hasOwn(shape, k));
  if (extra !== undefined) throw new InputError(`${where}: unknown field '${extra}'`);
}

/** The fields of EXPECTED that ACTUAL does not reproduce within RELTOL, as "field: expected X, got Y". */
export function numberMismatches(
  expected: Readonly<Record<string, number>>,
  actual: Readonly<Record<string, number>>,
  relTol: number,
): string[] {
  return Object.entries(expected)
    .filter(([k, want]) => !closeTo(actual[k] ?? Number.NaN, want, relTol))
    .map(([k, want]) => `${k}: expected ${want}, got ${actual[k]}`);
}

/** The cost constants a group carries in parameters.constants_us (schema constants-v1), and nothing else. */
export function groupConstants(group: TestGroup): CostConstants {
  const { constants_us, ...rest } = group.parameters ?? {};
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) throw new InputError(`group parameters: unknown field '${extra}'`);
  if (constants_us === undefined) throw new InputError(`group parameters: missing field 'constants_us'`);
  const wrapped = { schema: 'perfsec-constants-v1', source: 'vectors', constants_us };
  return assertValid<{ constants_us: CostConstants }>('constants-v1', wrapped, 'group parameters').constants_us;
}
