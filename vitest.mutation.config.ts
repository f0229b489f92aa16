// The suite Stryker runs per mutant: the in-process tests that exercise model/. Tests that spawn the
// CLI (their model code runs in another process), fuzzing and the atomic-write kill test are left out.
// A test file that fails to load counts as a failed test (src/mutation/load-failure-reporter.ts).
// One project, every file isolated: the split of vitest.config.ts into projects is for npm test's speed.
import { defineConfig } from 'vitest/config';
import { LoadFailureAsFailedTest } from './src/mutation/load-failure-reporter.js';
import { sharedTest } from './vitest.config.js';

export default defineConfig({
  test: {
    ...sharedTest,
    globalSetup: ['./vitest.global-setup.ts'],
    include: ['properties/**/*.prop.ts', 'test/**/*.test.ts'],
    exclude: [
      'test/cli.test.ts',
      'test/atomic-writes.test.ts',
      'test/fuzz/**',
      'test/*cli*.test.ts',
      'node_modules/**',
    ],
    reporters: ['default', new LoadFailureAsFailedTest()],
  },
});
