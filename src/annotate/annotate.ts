/**
 * `perfsec annotate` as a function (issue 21): reads the draft text (a regular file, bounded: src/lib/read-file.ts),
 * refuses a text that is not the draft (the anchors' words at their lines), runs the audit, and writes DIR/index.html
 * atomically. The links to repository files are relative to DIR.
 */
import path from 'node:path';
import { draftLines } from '../audit/anchor.js';
import { auditJson } from '../audit/audit-json.js';
import { runAudit, type Audit } from '../audit/audit.js';
import { lineCount, loadAnchors } from '../audit/anchors.js';
import { currentCoverage } from '../audit/current-coverage.js';
import { errataProblems } from '../audit/errata-checks.js';
import { loadErrataData } from '../audit/errata-data.js';
import { FileInputError } from '../lib/errors.js';
import { writeTextAtomic } from '../lib/json-file.js';
import { checkOutputFilesIn } from '../lib/output-path.js';
import { projectPath } from '../lib/paths.js';
import { readInputText } from '../lib/read-file.js';
import { notTheDraft } from './draft-check.js';
import { pageHtml } from './page-html.js';
import { pageModel } from './page-model.js';

/** The page's file name in the output folder. */
export const PAGE_FILE = 'index.html';

/** What was written. */
export interface Annotated {
  readonly file: string;
  readonly claims: number;
  readonly counterexamples: number;
}

/**
 * The draft's lines from FILE, or FileInputError: not as many lines as the draft, or naming the first anchor whose
 * words are not at their lines.
 */
export function readDraft(file: string): readonly string[] {
  const lines = draftLines(readInputText(file));
  const anchors = loadAnchors();
  // the anchors' line numbers are those of a text of anchors.draft.lines lines (spec/anchors.json)
  if (lineCount(lines) !== anchors.draft.lines)
    throw new FileInputError(file, `not the draft: ${lineCount(lines)} lines, the draft has ${anchors.draft.lines}`);
  const wrong = notTheDraft(lines, anchors.anchors);
  if (wrong) throw new FileInputError(file, wrong);
  return lines;
}

/**
 * Writes the annotated draft of FILE into folder DIR; AUDIT is the audit to show (run at SEED with RUNS runs per
 * statement when not given). The folder and the draft are checked before the audit runs (ONAUDIT is called then).
 */
export async function annotate(
  file: string,
  dir: string,
  options: { readonly seed: number; readonly runs: number; readonly audit?: Audit; readonly onAudit?: () => void },
): Promise<Annotated> {
  checkOutputFilesIn(dir, [PAGE_FILE]);
  const lines = readDraft(file);
  options.onAudit?.(); // the inputs are good: the audit starts
  const audit = options.audit ?? runAudit(options.seed, options.runs);
  const entryAnchors = audit.entries.flatMap((e) => (e.anchor ? [{ id: e.id, anchor: e.anchor }] : []));
  const wrong = notTheDraft(lines, entryAnchors); // the classes that anchor their own claims
  if (wrong) throw new FileInputError(file, wrong);
  const data = loadErrataData();
  const doc = auditJson(audit, currentCoverage(), data, errataProblems(audit.entries, data, lines), '');
  const model = pageModel(doc, lines, path.basename(file).replace(/\.txt$/, ''));
  const out = path.resolve(dir);
  const linkTo = (rel: string, line?: number) =>
    `${path.relative(out, projectPath(rel)).split(path.sep).join('/')}${line ? `#L${line}` : ''}`;
  const target = path.join(dir, PAGE_FILE);
  await writeTextAtomic(target, pageHtml(model, linkTo));
  const cxs = new Set(model.claims.flatMap((c) => (c.cx ? [c.cx.id] : [])));
  return { file: target, claims: model.claims.length, counterexamples: cxs.size };
}
