/**
 * The README's "Deep baseline" table, made from spec/deep-baseline.json (issue 19, Deliver 4): one row per claim the
 * baseline lists, its random search (cases and wall seconds, or "not yet") and its exhaustive exploration (depth,
 * states found, distinct states, seconds, status). `npm run deep -- --table` prints it; test/deep-table.test.ts
 * checks that the README shows exactly this table, so the figures there are the recorded ones.
 */

/** The parts of one deep baseline (schemas/deep-baseline-v1.schema.json) the table shows. */
export interface DeepTableInput {
  readonly random: ReadonlyArray<{ readonly claim: string; readonly cases: number; readonly seconds: number }>;
  readonly exhaustive: ReadonlyArray<{
    readonly claim: string;
    readonly depth: number;
    readonly states: number;
    readonly distinct: number;
    readonly seconds: number;
    readonly status: string;
  }>;
}

/** 1234567 as "1 234 567" (the README's figures). */
const spaced = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 0 }).replace(/,/g, ' ');

/** Columns: title and whether figures are right-aligned. */
const COLUMNS = [
  ['corrected claim', false],
  ['random cases (wall)', true],
  ['depth', true],
  ['states', true],
  ['distinct', true],
  ['exploration', true],
  ['status', false],
] as const;

/** The markdown table of BASELINE, claims in code-point order, padded as prettier pads a markdown table. */
export function deepBaselineTable(baseline: DeepTableInput): string {
  const claims = [...new Set([...baseline.random, ...baseline.exhaustive].map((x) => x.claim))].sort();
  const rows = claims.map((claim) => {
    const r = baseline.random.find((x) => x.claim === claim);
    const e = baseline.exhaustive.find((x) => x.claim === claim);
    const none = ['', '', '', '', 'not run'];
    return [
      claim,
      r ? `${spaced(r.cases)} (${spaced(Math.round(r.seconds))} s)` : 'not yet',
      ...(e
        ? [String(e.depth), spaced(e.states), spaced(e.distinct), `${spaced(Math.round(e.seconds))} s`, e.status]
        : none),
    ];
  });
  const widths = COLUMNS.map(([title], i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (COLUMNS[i]![1] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (COLUMNS[i]![1] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(COLUMNS.map(([title]) => title)), rule, ...rows.map(line)].join('\n');
}
