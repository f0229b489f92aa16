// Mutation testing of model/ (npm run mutation). The seed is pinned (PERFSEC_SEED in the script):
// @fast-check/vitest puts the seed in each test's name, and Stryker maps tests by name.
//
// PERFSEC_MUTATION_GROUP=<name> narrows the run to one group of model files (table below) and keeps
// that group's report and incremental state apart, so a group can be re-run after new properties
// without redoing the others; `npm run mutation:score` adds the group reports up.
// PERFSEC_MUTATION_STATIC=1 also runs the static mutants (module-level constants; slow, see below).

/** Groups of model files, one per theorem family; together they cover model/ exactly once. */
export const MUTATION_GROUPS = {
  cost: [
    'model/joint-cost.ts',
    'model/deployment.ts',
    'model/ledger.ts',
    'model/nic.ts',
    'model/constants.ts',
    'model/domain-error.ts',
  ],
  vdos: [
    'model/token-bucket.ts',
    'model/flood.ts',
    'model/vdos-*.ts',
    'model/legit-traffic.ts',
    'model/whole-units.ts',
    'model/flood-ratio.ts',
    'model/growth.ts',
  ],
  rc: [
    'model/bfd/**/*.ts',
    'model/snapshot.ts',
    'model/hmac-sha256.ts',
    'model/broker.ts',
    'model/oem.ts',
    'model/reject-reasons.ts',
    'model/key-table.ts',
  ],
  split: [
    'model/hkdf.ts',
    'model/session-id.ts',
    'model/note.ts',
    'model/checkpoint.ts',
    'model/cosignature.ts',
    'model/merkle.ts',
    'model/witness.ts',
    'model/collector.ts',
    'model/consumer.ts',
    'model/detection.ts',
    'model/capabilities.ts',
    'model/dual-mode-readings.ts',
  ],
};

const group = process.env.PERFSEC_MUTATION_GROUP;
if (group !== undefined && !(group in MUTATION_GROUPS)) {
  throw new Error(
    `PERFSEC_MUTATION_GROUP: unknown group "${group}" (one of ${Object.keys(MUTATION_GROUPS).join(', ')})`,
  );
}
const name = group ?? 'all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: group === undefined ? ['model/**/*.ts'] : MUTATION_GROUPS[group],
  coverageAnalysis: 'perTest',
  // Module-level constants (static mutants) need every test per mutant, so they are left out (counted
  // as ignored) unless PERFSEC_MUTATION_STATIC=1: the §6 byte strings and C2SP formats live there.
  ignoreStatic: process.env.PERFSEC_MUTATION_STATIC !== '1',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  thresholds: { high: 90, low: 80, break: null },
  concurrency: 2,
  // Added to 1.5x the covering tests' dry-run time; a mutant that loops forever times out (counted as detected).
  timeoutMS: 10_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
