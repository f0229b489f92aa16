/**
 * Where a claim is checked in the repository (issue 21, Deliver 3): the property file and line that declares it
 * (properties/*.prop.ts, by its id as a quoted string), else the data file that states it (spec/claims, growth,
 * normative, cited) or the code that checks its class (src/audit); for a sentence with several readings, the
 * properties of its readings. Paths are repository-relative, lines 1-based, as a reader opens them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '../lib/paths.js';
import { STATEMENT_READINGS } from '../audit/statement-readings.js';

/** A place in the repository: repository-relative path and 1-based line. */
export interface SourceRef {
  readonly path: string;
  readonly line: number;
}

/** The folders and files searched, in order: properties first, then the data, then the audit's checkers. */
const SEARCHED = ['properties', 'spec/claims', 'spec/cited', 'spec/growth.json', 'spec/normative.json', 'src/audit'];

function filesUnder(rel: string): string[] {
  const abs = projectPath(rel);
  if (/\.(ts|json)$/.test(rel)) return [rel];
  return readdirSync(abs, { withFileTypes: true })
    .flatMap((d) =>
      d.isDirectory() ? filesUnder(`${rel}/${d.name}`) : /\.(ts|json)$/.test(d.name) ? [`${rel}/${d.name}`] : [],
    )
    .sort();
}

let texts: ReadonlyArray<readonly [string, string]> | undefined;

/** Every searched file's text (read once). */
function allTexts(): ReadonlyArray<readonly [string, string]> {
  return (texts ??= SEARCHED.flatMap(filesUnder).map((f) => [f, readFileSync(projectPath(f), 'utf8')] as const));
}

/** The first place ID stands as a quoted string ('ID' or "ID"), or undefined. */
function quoted(id: string): SourceRef | undefined {
  for (const [file, text] of allTexts()) {
    const at = [`'${id}'`, `"${id}"`].map((q) => text.indexOf(q)).find((i) => i >= 0);
    if (at !== undefined) return { path: file.split(path.sep).join('/'), line: text.slice(0, at).split('\n').length };
  }
  return undefined;
}

/**
 * Where claim ID is checked: its own id; for a sentence with readings, each reading's claim; for a cross-check of
 * two normative statements ("NORM-4.2-x/9-y"), the first statement.
 */
export function sourcesOf(id: string): SourceRef[] {
  const readings = STATEMENT_READINGS.find((s) => s.id === id);
  const ids = readings ? readings.readings.map((r) => r.claim) : [id, `${id.split('/')[0]}`];
  const found: SourceRef[] = [];
  for (const x of ids) {
    const ref = quoted(x);
    if (ref && !found.some((f) => f.path === ref.path && f.line === ref.line)) found.push(ref);
    if (!readings && ref) break;
  }
  return found;
}

/** "properties/t-rc-1.prop.ts#L42": the link text and target of a source. */
export const sourceLink = (s: SourceRef): string => `${s.path}#L${s.line}`;
