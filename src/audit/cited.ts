/**
 * The cited-documents class of the audit (issue 18, Deliver 4): for each document the draft cites (spec/cited/*.json,
 * schemas/cited-v1.schema.json), the rules of it the draft's statements rely on, recorded with the document's section
 * and the few words of the rule, and each statement of the draft about it, decided by a check
 * (src/audit/cited-checks.ts) under every admissible choice (a reading of the statement, a version of the document).
 * The verdict follows the verdict rule: holds (the document supports it), refuted (it says otherwise: the entry names
 * the section), underspecified (the readings disagree on an interoperability or security property). A statement
 * about a document whose text was not obtained gets no verdict of its own: the entry says so.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ruleVerdict } from '../lib/claim-verdict.js';
import { readValidated } from '../lib/json-file.js';
import { projectPath } from '../lib/paths.js';
import type { Anchor } from './anchor.js';
import type { CitedCheck } from './cited-check.js';
import { CHECKS } from './cited-checks.js';
import type { AuditEntry } from './entry.js';

/** One version of a document: where its text came from. */
export interface DocumentVersion {
  readonly name: string;
  readonly file: string;
  readonly source: string;
  readonly date?: string;
  readonly sha256?: string;
}

/** A rule of a cited document. */
export interface CitedRule {
  readonly id: string;
  readonly section: string;
  readonly words: readonly string[];
  readonly rule: string;
  readonly keyword?: string;
  readonly versions?: readonly string[];
  readonly absent?: readonly string[];
}

/** A statement of the draft about a cited document. */
export interface CitedStatement {
  readonly id: string;
  readonly anchor: Anchor;
  readonly paraphrase: string;
  readonly draft: string;
  readonly rules: readonly string[];
  readonly check: string;
  readonly interop: boolean;
  readonly corrected?: string;
  readonly note?: string;
}

/** One spec/cited/*.json file. */
export interface CitedFile {
  readonly schema: 'perfsec-cited-v1';
  readonly document: {
    readonly id: string;
    readonly title: string;
    readonly cited_as: string;
    readonly obtained: boolean;
    readonly versions: readonly DocumentVersion[];
    readonly note?: string;
  };
  readonly rules: readonly CitedRule[];
  readonly statements: readonly CitedStatement[];
}

/** Where the documents are. */
export const CITED_DIR = projectPath('spec', 'cited');

/** Every spec/cited/*.json (or those of DIR), schema-checked, in file-name order. */
export function loadCited(dir: string = CITED_DIR): CitedFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readValidated<CitedFile>(path.join(dir, f), 'cited-v1'));
}

/** What is wrong with the documents' cross-references: duplicate ids, unknown rules or checks. */
export function citedProblems(
  files: readonly CitedFile[],
  checks: Readonly<Record<string, CitedCheck>> = CHECKS,
): string[] {
  const problems: string[] = [];
  const rules = new Set<string>();
  const ids = new Set<string>();
  for (const f of files)
    for (const r of f.rules) {
      if (rules.has(r.id)) problems.push(`rule ${r.id} is defined twice`);
      rules.add(r.id);
      const names = f.document.versions.map((v) => v.name);
      for (const v of r.versions ?? [])
        if (!names.includes(v)) problems.push(`rule ${r.id} names unknown version ${v}`);
    }
  for (const f of files)
    for (const s of f.statements) {
      if (ids.has(s.id)) problems.push(`statement ${s.id} is defined twice`);
      ids.add(s.id);
      for (const r of s.rules) if (!rules.has(r)) problems.push(`${s.id} relies on unknown rule ${r}`);
      if (!checks[s.check]) problems.push(`${s.id} names unknown check ${s.check}`);
    }
  return problems;
}

/** The rules of every file, by id. */
function rulesById(files: readonly CitedFile[]): ReadonlyMap<string, { rule: CitedRule; file: CitedFile }> {
  return new Map(files.flatMap((file) => file.rules.map((rule) => [rule.id, { rule, file }] as const)));
}

/** "RFC 5880 §6.8.1", "C2SP tlog-witness (add-checkpoint)": how an entry names a rule's place. */
function placeOf(r: CitedRule, f: CitedFile): string {
  const name = f.document.id.startsWith('rfc')
    ? `RFC ${f.document.id.slice(3)}`
    : f.document.id.replace(/^c2sp-/, 'C2SP ');
  const versions = r.versions ? ` [${r.versions.join(', ')}]` : '';
  return r.section.startsWith('§') ? `${name} ${r.section}${versions}` : `${name} (${r.section})${versions}`;
}

/** One statement audited: its check run, the verdict rule applied, the evidence written out. */
export function citedEntry(
  s: CitedStatement,
  file: CitedFile,
  files: readonly CitedFile[],
  checks: Readonly<Record<string, CitedCheck>> = CHECKS,
): AuditEntry & { readonly anchor: Anchor } {
  const byId = rulesById(files);
  const relied = s.rules.map((id) => byId.get(id)!);
  const missing = relied.filter((r) => !r.file.document.obtained).map((r) => r.file.document.title);
  const base = {
    id: s.id,
    section: s.anchor.section,
    kind: 'cited' as const,
    paraphrase: s.paraphrase,
    draft: s.draft,
    origin: 'draft' as const,
    anchor: s.anchor,
  };
  if (missing.length > 0)
    return {
      ...base,
      verdict: 'underspecified',
      note: `Not decided: the text of ${[...new Set(missing)].join(', ')} was not obtained.`,
    };
  const r = checks[s.check]!();
  const verdict = ruleVerdict(
    r.outcomes.map((o) => (o.holds ? 'holds' : 'refuted')),
    { interop: s.interop },
  );
  const rules = relied.map(({ rule, file: f }) => `${placeOf(rule, f)}: ${rule.rule}`).join('; ');
  return {
    ...base,
    verdict,
    comparison: `against ${file.document.title}`,
    choices: { open: r.open, method: r.method, points: r.outcomes.length, outcomes: r.outcomes },
    ...(verdict !== 'holds' && s.corrected ? { corrected: s.corrected } : {}),
    note: [r.note, `Rules relied on: ${rules}.`, s.note].filter(Boolean).join(' '),
  };
}

/** Every statement of the draft about a cited document, as audit entries. */
export function citedEntries(
  files: readonly CitedFile[] = loadCited(),
): Array<AuditEntry & { readonly anchor: Anchor }> {
  const problems = citedProblems(files);
  if (problems.length > 0) throw new Error(`spec/cited: ${problems.join('; ')}`);
  return files.flatMap((f) => f.statements.map((s) => citedEntry(s, f, files)));
}
