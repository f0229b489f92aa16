/**
 * The mutation groups of stryker.config.mjs cover model/ exactly once, so group runs added up
 * (`npm run mutation:score`) measure the same mutants as one full `npm run mutation`.
 */
import { describe, expect, test } from 'vitest';
import { minimatch } from 'minimatch';
import { projectPath } from '../src/lib/paths.js';
import { groupOf, modelFiles, MUTATION_GROUPS } from '../src/mutation/reports.js';

describe('mutation groups', () => {
  const files = modelFiles(projectPath('.'));

  test.each(files)('%s belongs to exactly one group', (file) => {
    const owners = Object.keys(MUTATION_GROUPS).filter((g) => MUTATION_GROUPS[g]!.some((p) => minimatch(file, p)));
    expect(owners).toHaveLength(1);
    expect(groupOf(file)).toBe(owners[0]);
  });

  test('every pattern of every group matches some model file (no stale entry)', () => {
    const stale = Object.values(MUTATION_GROUPS)
      .flat()
      .filter((p) => !files.some((f) => minimatch(f, p)));
    expect(stale).toEqual([]);
  });
});
