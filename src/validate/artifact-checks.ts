/**
 * Validator checks over the project's generated artifacts: each receipt rebuilt from the model is
 * schema-valid and equal to the committed one (issued_at aside), and each vectors file verifies.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadConstants } from '../lib/constants.js';
import { jsonText, readJson } from '../lib/json-file.js';
import { projectPath } from '../lib/paths.js';
import { problems } from '../lib/schemas.js';
import { DEFAULT_RECEIPTS_DIR, RECEIPTS } from '../receipts/index.js';
import { DEFAULT_VECTORS_DIR, verifyVectors } from '../vectors/index.js';
import { checkId, type Check } from './registry.js';

/** The receipt of THEOREM, rebuilt and compared with receipts/. */
export function receiptCheck(theorem: string, section: string): Check {
  return {
    id: checkId(theorem, 'receipt'),
    title: `receipt rebuilt from the model is schema-valid and equals the committed one`,
    section,
    run: () => {
      const entry = RECEIPTS.find((r) => r.theorem === theorem);
      if (!entry) return { pass: false, detail: `no receipt registered for ${theorem}` };
      const committedFile = path.join(DEFAULT_RECEIPTS_DIR, entry.file);
      const committed = readJson(committedFile) as { issued_at: string; verdict: string };
      const rebuilt = entry.build(loadConstants(), new Date(committed.issued_at)) as { verdict: string };
      const found = problems(entry.schema, rebuilt);
      if (found.length > 0) return { pass: false, detail: `rebuilt receipt is invalid: ${found[0]}` };
      if (jsonText(rebuilt) !== jsonText(committed))
        return { pass: false, detail: `receipts/${entry.file} differs from the model; run perfsec receipts` };
      return { pass: true, detail: `receipts/${entry.file} matches the model, verdict ${rebuilt.verdict}` };
    },
  };
}

/** The vectors file spec/vectors/FILE verifies against the model. */
export function vectorsCheck(theorem: string, section: string, file: string): Check {
  return {
    id: checkId(theorem, 'vectors'),
    title: `conformance vectors spec/vectors/${file} verify against the model`,
    section,
    run: () => {
      const r = verifyVectors(path.join(DEFAULT_VECTORS_DIR, file));
      const firstBad = r.results.find((t) => !t.ok);
      return {
        pass: r.failed === 0,
        detail: firstBad ? `${r.failed} fail, first ${firstBad.detail}` : `${r.passed}/${r.passed} vectors pass`,
      };
    },
  };
}

/** Every JSON document under spec/ validates against the schema its folder implies. */
export const specFilesCheck: Check = {
  id: 'check:spec/files',
  title: 'every document under spec/ (constants, claims, vectors, counterexamples, anchors, errata...) is schema-valid',
  section: '—',
  run: () => {
    const folders: Array<[string, string]> = [
      ['constants', 'constants-v1'],
      ['claims', 'claims-v1'],
      ['vectors', 'vectors-v1'],
      ['counterexamples', 'counterexample-v1'],
      ['audit', ''],
      ['cited', ''],
      ['.', ''], // anchors, errata, growth and normative claims (issue 18)
    ];
    const bad: string[] = [];
    let count = 0;
    for (const [folder, schema] of folders) {
      const dir = projectPath('spec', folder);
      const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
      for (const f of files) {
        count++;
        const doc = readJson(path.join(dir, f)) as { schema?: string };
        // spec/audit, spec/cited and spec/ itself hold several kinds; each names its schema (perfsec-<name> -> <name>).
        const found = problems(schema || String(doc.schema ?? '').replace(/^perfsec-/, ''), doc);
        if (found.length > 0) bad.push(`${path.join('spec', folder, f)}: ${found[0]}`);
      }
    }
    return bad.length > 0
      ? { pass: false, detail: bad.join('; ') }
      : { pass: true, detail: `${count} documents valid` };
  },
};
