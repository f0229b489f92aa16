import { defineConfig } from 'vitest/config';

/** What every test file shares: fast-check's configuration from the run's seed, the timeout. */
export const sharedTest = { setupFiles: ['./vitest.setup.ts'], testTimeout: 60_000 };

export default defineConfig({
  test: {
    // Once per run, at the root only: a project that extended it would draw a seed of its own.
    globalSetup: ['./vitest.global-setup.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    projects: [
      // A theorem file registers its tests only while vitest collects it (properties/vitest-bridge.ts),
      // and test files import theorem files: each theorem file needs a fresh module graph.
      { test: { ...sharedTest, name: 'properties', include: ['properties/**/*.prop.ts'], isolate: true } },
      // The rest shares one module graph per worker: the import of the model and the CLI, not the
      // tests, was most of the run's time (no test here stubs a module or leaves global state behind).
      { test: { ...sharedTest, name: 'tests', include: ['test/**/*.test.ts'], isolate: false } },
    ],
    coverage: {
      provider: 'v8',
      include: ['model/**', 'src/**', 'properties/**'],
      reporter: ['text-summary', 'text'],
      // Enforced in CI (npm run coverage): the models are what reviewers rely on.
      thresholds: { 'model/**': { lines: 90 } },
    },
  },
});
