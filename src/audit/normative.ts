/**
 * The normative class of the audit (issue 18, Deliver 4): every normative statement of the draft (spec/normative.json,
 * schemas/normative-v1.schema.json) joined with its predicate (src/audit/normative-rules.ts), each statement searched
 * alone and every pair searched exhaustively (src/audit/normative-search.ts). A requirement no configuration meets,
 * or a pair that cannot both be obeyed, is an entry: refuted when it holds under every reading of the words,
 * underspecified when the readings disagree (the text leaves open which statement wins, and two implementations
 * following it would differ). Consistent pairs give no entry; the search reports how many it examined.
 */
import { ruleVerdict, type ClaimVerdict } from '../lib/claim-verdict.js';
import { readValidated } from '../lib/json-file.js';
import { projectPath } from '../lib/paths.js';
import { citation, type Anchor } from './anchor.js';
import type { AuditEntry, ChoiceSearch } from './entry.js';
import { RULES, type RuleCode } from './normative-rules.js';
import {
  fieldsOf,
  searchOne,
  searchPair,
  type Admissible,
  type Point,
  type SearchRule,
  type Searched,
} from './normative-search.js';
import { describe as describeConfig, spaceSize, type Field } from './normative-space.js';

/** One reading a statement's words admit. */
export interface NormativeReading {
  readonly name: string;
  readonly why: string;
  readonly lines: readonly [number, number];
}

/** One normative statement of the draft (spec/normative.json). */
export interface NormativeStatement {
  readonly id: string;
  readonly anchor: Anchor;
  readonly keyword: string;
  readonly bcp14: boolean;
  readonly strength: 'must' | 'should' | 'may';
  readonly binds: string;
  readonly quoted_from?: string;
  readonly paraphrase: string;
  readonly readings?: readonly NormativeReading[];
}

/** spec/normative.json. */
export interface NormativeFile {
  readonly schema: 'perfsec-normative-v1';
  readonly about: string;
  readonly statements: readonly NormativeStatement[];
}

/** Where the statements are. */
export const NORMATIVE_FILE = projectPath('spec', 'normative.json');

/** Loads spec/normative.json (or FILE), schema-checked. */
export function loadNormative(file: string = NORMATIVE_FILE): NormativeFile {
  return readValidated<NormativeFile>(file, 'normative-v1');
}

/** A statement with its predicate. */
export interface Joined extends SearchRule {
  readonly statement: NormativeStatement;
}

/** Joins each statement with its predicate; throws on a statement without one, or readings that differ. */
export function join(file: NormativeFile, rules: Readonly<Record<string, RuleCode>> = RULES): Joined[] {
  return file.statements.map((s) => {
    const code = rules[s.id];
    if (!code) throw new Error(`normative: ${s.id} has no predicate in src/audit/normative-rules.ts`);
    if (code.kind !== s.strength)
      throw new Error(`normative: ${s.id} is '${s.strength}' in data, '${code.kind}' in code`);
    const data = (s.readings ?? []).map((r) => r.name).join(' | ');
    if (data !== (code.readings ?? []).join(' | '))
      throw new Error(`normative: ${s.id} readings differ between data (${data}) and code`);
    return { id: s.id, code, statement: s };
  });
}

/** A search's finding: the statements, the verdict over their readings, and the points. */
export interface Finding {
  readonly searched: Searched;
  readonly verdict: ClaimVerdict;
  readonly statements: readonly Joined[];
}

/** The whole search: counts, and the findings that become entries. */
export interface NormativeSearch {
  readonly statements: number;
  /** Pairs of distinct statements, n (n - 1) / 2. */
  readonly pairs: number;
  readonly pairsChecked: number;
  /** Configurations examined, over every single and pair search. */
  readonly states: number;
  /** Configurations in the whole space (the product of every field's admissible set). */
  readonly space: number;
  readonly findings: readonly Finding[];
  /** Pairs that conflict only because one of them is unsatisfiable alone (reported once, as that statement). */
  readonly explainedByOne: number;
}

/**
 * A configuration the text allows on FIELDS: it meets, under some reading, every requirement read on FIELDS alone,
 * leaving out the requirements no configuration meets (reported on their own).
 */
function admissibleFor(all: readonly Joined[], unsatisfiable: ReadonlySet<string>): Admissible {
  const cache = new Map<string, Joined[]>();
  return (c, fields) => {
    const key = fields.join();
    let musts = cache.get(key);
    if (!musts) {
      musts = all.filter(
        (r) => r.code.kind === 'must' && !unsatisfiable.has(r.id) && fieldsOf(r).every((f) => fields.includes(f)),
      );
      cache.set(key, musts);
    }
    return musts.every(({ code }) => (code.readings ?? ['']).some((r) => !code.applies(c, r) || code.ok!(c, r)));
  };
}

/** Runs the search over every statement and every pair. */
export function searchNormative(file: NormativeFile = loadNormative(), rules = RULES): NormativeSearch {
  const all = join(file, rules);
  const findings: Finding[] = [];
  const unsatisfiable = new Set<string>();
  let states = 0;
  let pairsChecked = 0;
  let explainedByOne = 0;
  for (const s of all) {
    const one = searchOne(s);
    states += one.states;
    if (one.points.some((p) => p.verdict === 'refuted')) unsatisfiable.add(s.id);
    const verdict = ruleVerdict(
      one.points.map((p) => p.verdict),
      { interop: true },
    );
    if (verdict === 'refuted') findings.push({ searched: one, verdict, statements: [s] });
  }
  const admissible = admissibleFor(all, unsatisfiable);
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++) {
      const pair = searchPair(all[i]!, all[j]!, admissible);
      pairsChecked++;
      states += pair.states;
      const verdict = ruleVerdict(
        pair.points.map((p) => p.verdict),
        { interop: true },
      );
      if (verdict === 'holds') continue;
      if (pair.points.every((p) => p.verdict === 'holds' || p.alone)) {
        explainedByOne++;
        continue;
      }
      findings.push({ searched: pair, verdict, statements: [all[i]!, all[j]!] });
    }
  const n = all.length;
  return {
    statements: n,
    pairs: (n * (n - 1)) / 2,
    pairsChecked,
    states,
    space: spaceSize(),
    findings,
    explainedByOne,
  };
}

const HOW: Readonly<Record<NonNullable<Point['how']>, string>> = {
  unsatisfiable: 'no configuration meets the requirement in this situation',
  requirements: 'no choice of the remaining fields meets both requirements',
  permission: 'the permitted act cannot be performed while meeting the requirement',
  presupposition: 'a permission allows a configuration in which the other permission’s premise is false',
};

const quote = (s: NormativeStatement): string => `${s.keyword} "${s.anchor.words.join(' … ')}" (${citation(s.anchor)})`;

/** The statement an entry stands on: the permission of a permission/requirement pair, else the first in the text. */
function lead(f: Finding): Joined {
  const [a, b] = f.statements;
  if (!b) return a!;
  return b.code.kind === 'may' && a!.code.kind !== 'may' ? b : a!;
}

/** What the search found under one reading combination, in words. */
function outcomeOf(p: Point): ChoiceSearch['outcomes'][number] {
  const where = p.witness && p.fields ? describeConfig(p.witness, p.fields as Field[]) : '';
  return {
    choice: p.reading,
    value: p.verdict === 'holds' ? 'consistent' : `conflict at ${where}`,
    holds: p.verdict === 'holds',
    ...(p.how ? { note: HOW[p.how] + (p.alone ? ' (one statement alone is unsatisfiable here)' : '') } : {}),
  };
}

/** The reading each statement of F was read under at point P (the search joins them with " | "). */
function readingsAt(f: Finding, p: Point): string[] {
  const parts = p.reading.split(' | ');
  let next = 0;
  return f.statements.map((s) => (s.code.readings ? (parts[next++] ?? '') : ''));
}

/** Why the requirements of F are not met at point P's witness, as their `explain` says. */
function explained(f: Finding, p: Point): string {
  if (!p.witness) return '';
  const readings = readingsAt(f, p);
  const why = f.statements.flatMap((s, i) =>
    s.code.explain && s.code.applies(p.witness!, readings[i]!) && !s.code.ok!(p.witness!, readings[i]!)
      ? [s.code.explain(p.witness!, readings[i]!)]
      : [],
  );
  const text = why.join('; ');
  return text ? ` ${text.charAt(0).toUpperCase()}${text.slice(1)}.` : '';
}

/** One finding as an audit entry. */
export function entryOf(f: Finding): AuditEntry & { readonly anchor: Anchor } {
  const main = lead(f);
  const other = f.statements.find((s) => s !== main);
  const id = other ? `${main.id}/${other.id.replace(/^NORM-/, '')}` : main.id;
  const first = f.searched.points.find((p) => p.verdict !== 'holds' && !p.alone) ?? f.searched.points[0]!;
  const where = first.witness && first.fields ? describeConfig(first.witness, first.fields as Field[]) : '';
  const open = f.statements
    .filter((s) => (s.statement.readings ?? []).length > 0)
    .map((s) => ({
      name: `reading of ${s.id}`,
      admissible: s.statement.readings!.map((r) => r.name).join(' | '),
      lines: s.statement.readings!.map((r) => `${r.name}: lines ${r.lines[0]}-${r.lines[1]}`).join('; '),
    }));
  const paraphrase = other
    ? `${main.statement.paraphrase}; and ${other.statement.paraphrase}: both can be obeyed`
    : `${main.statement.paraphrase}: some configuration meets it`;
  return {
    id,
    section: main.statement.anchor.section,
    kind: 'normative',
    paraphrase,
    draft: f.statements.map((s) => quote(s.statement)).join('; '),
    verdict: f.verdict,
    origin: 'draft',
    choices: {
      open,
      method: `exhaustive: every configuration of the statements' fields under each reading combination`,
      points: f.searched.points.length,
      outcomes: f.searched.points.map(outcomeOf),
    },
    note:
      `Examined ${f.searched.states} configurations; smallest conflicting configuration: ${where}` +
      ` (reading ${first.reading}): ${HOW[first.how ?? 'requirements']}.${explained(f, first)}` +
      (other ? ` Other statement: ${other.id}, ${citation(other.statement.anchor)}.` : ''),
    anchor: main.statement.anchor,
  };
}

/** The search in one line, as a model checker reports it: what was examined and what was found. */
export function normativeSummary(s: NormativeSearch): string {
  const refuted = s.findings.filter((f) => f.verdict === 'refuted').length;
  return (
    `normative: ${s.statements} statements, ${s.pairsChecked}/${s.pairs} pairs checked, ${s.states} configurations ` +
    `examined (space ${s.space.toExponential(2)}); ${s.findings.length} findings (${refuted} refuted, ` +
    `${s.findings.length - refuted} underspecified); ${s.explainedByOne} pairs conflict only through one statement ` +
    'unsatisfiable alone'
  );
}

/** Every normative conflict of the draft, as audit entries. */
export function normativeEntries(): Array<AuditEntry & { readonly anchor: Anchor }> {
  return searchNormative().findings.map(entryOf);
}
