// Mutation testing of model/ (npm run mutation). The seed is pinned (PERFSEC_SEED in the script):
// @fast-check/vitest puts the seed in each test's name, and Stryker maps tests by name.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: ['model/**/*.ts'],
  coverageAnalysis: 'perTest',
  // Module-level constants run every test per mutant; they are left out (and counted as ignored).
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  concurrency: 2,
  timeoutMS: 60_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
