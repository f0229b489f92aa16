/**
 * The registry of receipts (draft Appendix B): each is built from the model, validated against its
 * schema, and only then written, atomically. T-VDOS-1's receipt (B.2) joins RECEIPTS when it exists.
 */
import path from 'node:path';
import type { ConstantsFile } from '../../model/constants.js';
import { DRAFT_CONSTANTS_FILE, loadConstants } from '../lib/constants.js';
import { assertFinite } from '../lib/finite.js';
import { InputError } from '../lib/errors.js';
import { writeJsonAtomic } from '../lib/json-file.js';
import { checkOutputFilesIn } from '../lib/output-path.js';
import { projectPath, relativeToRoot } from '../lib/paths.js';
import { assertValid } from '../lib/schemas.js';
import { buildJointCostReceipt, JOINT_COST_RECEIPT_SCHEMA } from './joint-cost.js';
import { buildVerificationDosReceipt, VERIFICATION_DOS_RECEIPT_SCHEMA } from './verification-dos.js';

/** Where `writeReceipts` writes by default: receipts/ at the project root. */
export const DEFAULT_RECEIPTS_DIR = projectPath('receipts');

/** Constants as loadConstants returns them: the values plus the file they came from. */
export type LoadedConstants = ConstantsFile & { readonly file: string };

/** One receipt: its file name, its schema (schemas/NAME.schema.json), its theorem and its builder. */
export interface ReceiptEntry {
  /** File name inside the receipts folder. */
  readonly file: string;
  /** Schema name, as loaded from schemas/ (file name without `.schema.json`). */
  readonly schema: string;
  readonly theorem: string;
  /** Builds the receipt document; it must carry a string `verdict` (draft Appendix B). */
  build(constants: LoadedConstants, issuedAt: Date): unknown;
}

/** Every receipt the project produces, in draft Appendix B order. */
export const RECEIPTS: readonly ReceiptEntry[] = [
  {
    file: 'perfsec_joint_cost_receipt.json',
    schema: JOINT_COST_RECEIPT_SCHEMA,
    theorem: 'T-JCOST-1',
    build: buildJointCostReceipt,
  }, // B.1
  {
    file: 'perfsec_verification_dos_receipt.json',
    schema: VERIFICATION_DOS_RECEIPT_SCHEMA,
    theorem: 'T-VDOS-1',
    build: buildVerificationDosReceipt,
  }, // B.2
];

/** What was written: the receipt's path (OUTDIR joined with its file name) and its verdict. */
export interface WrittenReceipt {
  readonly file: string;
  readonly verdict: string;
}

/** The issue time: SOURCE_DATE_EPOCH (whole seconds since the epoch) when set, else now. */
export function defaultIssuedAt(env: NodeJS.ProcessEnv = process.env): Date {
  const raw = env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || raw === '') return new Date();
  if (!/^[0-9]+$/.test(raw)) throw new InputError(`SOURCE_DATE_EPOCH must be a whole number of seconds, got '${raw}'`);
  const date = new Date(Number(raw) * 1000);
  if (Number.isNaN(date.getTime())) throw new InputError(`SOURCE_DATE_EPOCH is out of range: '${raw}'`);
  return date;
}

/**
 * Builds every entry and validates each against its schema; writes them to OUTDIR only if all are
 * valid, so an invalid receipt leaves the folder untouched. Throws InputError naming the field.
 */
export async function writeValidated(
  entries: readonly ReceiptEntry[],
  outDir: string,
  constants: LoadedConstants,
  issuedAt: Date,
): Promise<WrittenReceipt[]> {
  // issue 16: a receipt carries finite numbers only (JSON would write Infinity as null); the draft's constants going
  // in make a miss a bug.
  const blame = constants.file === relativeToRoot(DRAFT_CONSTANTS_FILE) ? 'internal' : 'input';
  checkOutputFilesIn(
    outDir,
    entries.map((e) => e.file),
  ); // issue 16: a special file at a receipt's name is refused before any work
  const built = entries.map((entry) => {
    const doc = assertFinite(entry.build(constants, issuedAt), `receipt ${entry.file}`, blame);
    const receipt = assertValid<{ verdict: unknown }>(entry.schema, doc, `receipt ${entry.file}`);
    if (typeof receipt.verdict !== 'string')
      throw new Error(`receipt ${entry.file}: schema ${entry.schema} lets verdict be a non-string`);
    return { entry, receipt, verdict: receipt.verdict };
  });
  const written: WrittenReceipt[] = [];
  for (const { entry, receipt, verdict } of built) {
    const file = path.join(outDir, entry.file);
    await writeJsonAtomic(file, receipt);
    written.push({ file, verdict });
  }
  return written;
}

/**
 * Builds, validates and writes every receipt in RECEIPTS to OUTDIR, with the constants of
 * OPTIONS.constantsFile (the draft's §1.3 values by default), issued at OPTIONS.issuedAt
 * (default: SOURCE_DATE_EPOCH, else now).
 */
export async function writeReceipts(
  outDir: string,
  options: { constantsFile?: string; issuedAt?: Date } = {},
): Promise<WrittenReceipt[]> {
  const constants = loadConstants(options.constantsFile);
  return writeValidated(RECEIPTS, outDir, constants, options.issuedAt ?? defaultIssuedAt());
}
