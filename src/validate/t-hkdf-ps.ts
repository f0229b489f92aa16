/**
 * Validator checks for T-HKDF-PS (draft §6): the RFC 5869 vectors through the project's HKDF
 * wrapper, the readings of §6's byte strings, a short property search, the vectors file.
 */
import path from 'node:path';
import tHkdf from '../../properties/t-hkdf-ps.prop.js';
import { DEFAULT_VECTORS_DIR, loadVectors, verifyVectors } from '../vectors/index.js';
import { vectorsCheck } from './artifact-checks.js';
import type { Check } from './registry.js';
import { searchCheck } from './search-checks.js';

/** Runs the public vectors of the given group types; passes when every one does. */
export function publicVectorsCheck(id: string, title: string, section: string, types: readonly string[]): Check {
  return {
    id,
    title,
    section,
    run: () => {
      const file = loadVectors(path.join(DEFAULT_VECTORS_DIR, 'c2sp-public.json'));
      const picked = { ...file, testGroups: file.testGroups.filter((g) => types.includes(g.type)) };
      const r = verifyVectors({ ...picked, numberOfTests: picked.testGroups.reduce((n, g) => n + g.tests.length, 0) });
      const bad = r.results.find((x) => !x.ok);
      const negatives = r.results.filter((x) => x.result === 'invalid').length;
      return {
        pass: r.failed === 0 && r.passed > 0,
        detail: bad
          ? `${r.failed} fail, first ${bad.detail}`
          : `${r.passed}/${r.passed} public vectors pass (${negatives} negative ones rejected)`,
      };
    },
  };
}

/** Runs a theorem's examples (fixed computations) as one check. */
export function examplesCheck(
  id: string,
  title: string,
  section: string,
  run: () => ReadonlyArray<{ id: string; check: () => { ok: boolean; detail: string } }>,
): Check {
  return {
    id,
    title,
    section,
    run: () => {
      const out = run().map((e) => ({ id: e.id, ...e.check() }));
      const bad = out.filter((o) => !o.ok);
      return {
        pass: bad.length === 0,
        detail:
          bad.length > 0 ? bad.map((b) => `${b.id}: ${b.detail}`).join('; ') : out.map((o) => o.detail).join(' | '),
      };
    },
  };
}

/** The T-HKDF-PS checks. */
export const T_HKDF_PS_CHECKS: readonly Check[] = [
  publicVectorsCheck(
    'check:t-hkdf-ps/rfc5869',
    "RFC 5869 (HKDF-SHA256) and RFC 4231 (HMAC-SHA256) vectors pass through the project's wrapper",
    '§6',
    ['Rfc5869Hkdf', 'Rfc4231Hmac'],
  ),
  examplesCheck(
    'check:t-hkdf-ps/readings',
    "every reading of §6's salt / info / session_id / epoch encoding is listed, each deriving a different key",
    '§6',
    () => tHkdf.examples!(tHkdf.model),
  ),
  searchCheck('T-HKDF-PS'),
  vectorsCheck('T-HKDF-PS', '§6', 't-hkdf-ps.json'),
];
