/**
 * docs/ERRATA.md (issue 18, Deliver 3): the draft's errata, one per root cause, in the RFC errata form (section
 * and lines, type, original text, corrected text, notes), ordered by severity, each with the audited claims that
 * show it as its symptoms; then the consequences to consider (derived statements refuted), the claims that hold
 * under a reading and are judged no erratum, any finding not yet assigned, and the numbers left out on purpose.
 * The errata are data (spec/errata.json, src/audit/errata-data.ts); the arrangement is src/audit/errata-checks.ts.
 */
import type { Audit } from './audit.js';
import type { Coverage } from './coverage.js';
import type { AuditEntry, AuditKind, ChoiceSearch } from './entry.js';
import { CLAIM_VERDICTS, type ClaimVerdict } from '../lib/claim-verdict.js';
import { citation, type Anchor } from './anchor.js';
import { checkedLine } from './checked.js';
import { errataView, type ErratumView } from './errata-checks.js';
import { loadErrataData, type ErrataData, type Erratum, type Severity } from './errata-data.js';

/** What each severity means (issue 18, Deliver 3). */
export const SEVERITY_MEANING: Readonly<Record<Severity, string>> = {
  1: 'a theorem or normative requirement',
  2: 'a derived figure',
  3: 'an example or rounding slip',
};
const SEVERITY_HEADING: Readonly<Record<Severity, string>> = {
  1: 'theorems and normative requirements',
  2: 'derived figures',
  3: 'examples and rounding slips',
};
/** How the summary names each class of audited claim. */
export const KIND_LABEL: Readonly<Record<AuditKind, string>> = {
  number: 'printed numbers',
  statement: 'statements searched by properties',
  growth: 'growth and magnitude words',
  normative: 'normative statements',
  cited: 'statements about cited documents',
  encoding: 'multi-reading byte strings and formulas',
};

/** Counts of items by key, in the order of KEYS, zero counts dropped: "27 refuted, 8 holds under". */
function tally<K extends string | number>(keys: readonly K[], of: readonly K[], label: (k: K) => string): string {
  return keys
    .map((k) => [k, of.filter((x) => x === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${label(k)}`)
    .join(', ');
}

const more = (xs: readonly string[], max: number) =>
  xs.length <= max ? xs.join('; ') : `${xs.slice(0, max).join('; ')}; and ${xs.length - max} more`;

/** The search over the open choices, in one phrase: what was searched, the choices that reproduce, the closest. */
function choicesPhrase(c: ChoiceSearch): string {
  const head =
    c.open.length === 0
      ? 'no choice left open' // one point: the text read as it stands
      : `searched ${c.points} ${c.points === 1 ? 'point' : 'points'} of ${c.open.map((o) => o.name).join(', ')}`;
  const shown = (o: ChoiceSearch['outcomes'][number]) =>
    o.choice === 'every admissible choice' ? `every admissible choice gives ${o.value}` : `${o.choice} (${o.value})`;
  const yes = c.outcomes.filter((o) => o.holds).map(shown);
  const no = c.outcomes.filter((o) => !o.holds);
  if (yes.length === 0) {
    const closest = no.find((o) => o.note?.includes('closest')) ?? no[0];
    if (c.open.length === 0) return `${head}: ${closest ? shown(closest) : 'does not hold'}`;
    return `${head}: none reproduces${closest ? `; closest: ${shown(closest)}` : ''}`;
  }
  return `${head}: reproduced under ${more(yes, 1)}${no.length ? `; not under ${more(no.map(shown), 1)}` : ''}`;
}

/** The evidence of one audited claim, in one line: model value, choices searched, counterexample to replay. */
export function evidenceLine(e: AuditEntry): string {
  const parts: string[] = [];
  if (e.model !== undefined) parts.push(`draft "${e.draft}", model ${e.model}`);
  if (e.choices) parts.push(choicesPhrase(e.choices));
  else if (e.readings?.length)
    parts.push(
      `readings: ${e.readings
        .map((r) => `"${r.name}" gives ${r.model} (${r.holds ? 'holds' : 'does not hold'})`)
        .join('; ')}`,
    );
  if (e.counterexample) parts.push(`counterexample ${e.counterexample.id}: \`${e.counterexample.replay}\``);
  if (parts.length === 0 && e.note) parts.push(e.note); // never `comparison`: it names the run's seed
  return parts.join('; ');
}

const claimLine = (e: AuditEntry) => `\`${e.id}\` (${e.section}, ${e.verdict}): ${evidenceLine(e)}`;
const words = (a: Anchor) => a.words.map((w) => `"${w}"`).join(', ');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function erratumBlock({ erratum: er, symptoms }: ErratumView): string {
  const where = [er.anchor, ...(er.also ?? [])].map(citation).join('; also ');
  return [
    `### ${er.id}: ${er.title}`,
    '',
    `- **Section:** ${where}`,
    `- **Type:** ${capital(er.type)}; severity ${er.severity} (${SEVERITY_MEANING[er.severity]})`,
    `- **Original text:** ${er.says}`,
    `- **Corrected text:** ${er.shouldSay}`,
    `- **Notes:** ${er.notes}`,
    `- **Symptoms (${symptoms.length}):**`,
    ...symptoms.flatMap((s) => [
      `  - ${s.entry ? claimLine(s.entry) : `\`${s.id}\`: not reported by the audit`}`,
      // issue 19: the scope the corrected claim is verified in, beside it
      ...(s.entry?.checked ? [`    - corrected \`${s.entry.checked.claim}\`: ${checkedLine(s.entry.checked)}`] : []),
    ]),
  ].join('\n');
}

/** The summary lines: errata by type and severity, symptoms by verdict, every audited claim by class and verdict. */
function summary(a: Audit, cov: Coverage, errata: readonly ErratumView[], derived: readonly AuditEntry[]): string[] {
  const ers: readonly Erratum[] = errata.map((v) => v.erratum);
  const symptoms = errata.flatMap((v) => v.symptoms.flatMap((s) => (s.entry ? [s.entry.verdict] : [])));
  const kinds = Object.keys(KIND_LABEL) as AuditKind[];
  const verdicts = (of: readonly ClaimVerdict[]) =>
    tally(CLAIM_VERDICTS, of, (v) => v.replace(/^holds/, 'hold')) || 'none';
  return [
    `- **Errata:** ${ers.length} (${tally(
      ['technical', 'editorial'],
      ers.map((e) => e.type),
      (t) => t,
    )}; ` +
      `${tally(
        [1, 2, 3] as Severity[],
        ers.map((e) => e.severity),
        (s) => `of severity ${s}`,
      )}).`,
    `- **Symptoms:** ${symptoms.length} audited claims show them (${verdicts(symptoms)}).`,
    `- **Consequences to consider:** ${derived.length} statements the project derives, stronger than the text ` +
      `(${verdicts(derived.map((e) => e.verdict))}); not errata of the draft.`,
    `- **Audited:** ${a.entries.length} claims (${tally(
      kinds,
      a.entries.map((e) => e.kind),
      (k) => KIND_LABEL[k],
    )}): ` + `${verdicts(a.entries.map((e) => e.verdict))}.`,
    `- **Numbers in the draft's tables and computation blocks:** ` +
      `${cov.covered.length + cov.leftOut.length + cov.missing.length}: ${cov.covered.length} covered by the claims ` +
      `registry, ${cov.leftOut.length} left out on purpose (listed at the end)` +
      `${cov.missing.length ? `, ${cov.missing.length} not covered yet` : ''}.`,
  ];
}

/** The errata document, from an audit, the coverage of the draft's numbers and the errata data. */
export function errataMarkdown(a: Audit, cov: Coverage, data: ErrataData = loadErrataData()): string {
  const view = errataView(a.entries, data);
  const out = [
    '# Errata: draft-melegassi-mvps-perfsec-coupling-00',
    '',
    'Generated by `npx perfsec audit --markdown` from spec/errata.json and the models of this repository; ' +
      'regenerate, do not edit.',
    'One erratum per root cause, in the form of an RFC errata report; the audited claims that show it are its ' +
      "symptoms. Sections and lines are those of the draft's text; quotations are limited to the few words an " +
      'erratum turns on. Severity: 1 a theorem or normative requirement, 2 a derived figure, 3 an example or ' +
      'rounding slip.',
    '',
    '## Summary',
    '',
    ...summary(
      a,
      cov,
      view.errata,
      view.consequences.map((c) => c.entry),
    ),
    '',
  ];
  for (const s of [1, 2, 3] as Severity[]) {
    const these = view.errata.filter((v) => v.erratum.severity === s);
    if (these.length === 0) continue;
    out.push(`## Severity ${s}: ${SEVERITY_HEADING[s]} (${these.length})`, '');
    for (const v of these) out.push(erratumBlock(v), '');
  }
  if (view.consequences.length) {
    out.push(`## Consequences to consider (${view.consequences.length})`, '');
    out.push(
      'Statements the project derives from the text, stronger than what the anchored lines say. Their refutation ' +
        'is no error of the draft; a deployment that relies on the stronger statement should know it fails.',
      '',
    );
    for (const { entry: e, note } of view.consequences) {
      out.push(`### \`${e.id}\` (${e.section}, ${e.verdict})`, '');
      if (note) out.push(`- **Derived from:** ${citation(note.derivedFrom)} (${words(note.derivedFrom)})`);
      out.push(`- **The project tests:** ${e.paraphrase}`);
      if (note) out.push(`- **Note:** ${note.note}`);
      out.push(`- **Evidence:** ${evidenceLine(e) || e.verdict}`);
      if (e.corrected) out.push(`- **What holds instead:** ${e.corrected}`);
      if (e.checked) out.push(`- **Checked:** ${checkedLine(e.checked)}`);
      out.push('');
    }
  }
  if (view.readings.length) {
    out.push(`## Holds under a reading (${view.readings.length})`, '');
    for (const { entry: e, note } of view.readings) out.push(`- ${claimLine(e)}. ${note.note}`);
    out.push('');
  }
  if (view.unassigned.length) {
    out.push(`## Findings not yet assigned to an erratum (${view.unassigned.length})`, '');
    out.push(
      'Each belongs to the erratum of its root cause in spec/errata.json (test/errata.test.ts fails until then).',
    );
    out.push('', ...view.unassigned.map((e) => `- ${claimLine(e)}; ${e.paraphrase}`), '');
  }
  out.push('## Numbers left out on purpose', '', '| section | line | number | reason |', '|---|---|---|---|');
  out.push(...cov.leftOut.map((l) => `| ${l.section} | ${l.line} | ${l.printed} | ${l.reason} |`), '');
  return out.join('\n');
}
