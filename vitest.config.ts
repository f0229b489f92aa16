import { defineConfig } from 'vitest/config';

/** What every test file shares: fast-check's configuration from the run's seed, the timeout. */
export const sharedTest = { setupFiles: ['./vitest.setup.ts'], testTimeout: 60_000 };

/** The system tests (project 'system'): a browser, the kernel, or whole runs of the command line. */
const SYSTEM = [
  'test/browser/**/*.test.ts',
  'test/wire-netns.test.ts',
  'test/wire-xdp.test.ts',
  'test/deep-baseline.test.ts',
  'test/validate-cli.test.ts',
];

export default defineConfig({
  test: {
    // Once per run, at the root only: a project that extended it would draw a seed of its own.
    globalSetup: ['./vitest.global-setup.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    // One worker per core (vitest's default leaves one core out: half the machine on two cores).
    maxWorkers: '100%',
    projects: [
      // Files share one module graph per worker (isolate: false): loading the model and the CLI, not
      // the tests, was most of the run's time; no test stubs a module or leaves global state behind.
      // Theorem files are a project of their own: one registers its tests only while vitest collects
      // it (src/engine/vitest-bridge.ts), so a test file that imported it first in the same worker
      // would leave it with no tests.
      { test: { ...sharedTest, name: 'properties', include: ['properties/**/*.prop.ts'], isolate: false } },
      { test: { ...sharedTest, name: 'tests', include: ['test/**/*.test.ts'], exclude: SYSTEM, isolate: false } },
      // System tests drive what lies outside the process (Chromium, network namespaces and XDP, child processes of
      // the whole command line): `npm run test:system`, run by CI after `npm test`.
      { test: { ...sharedTest, name: 'system', include: SYSTEM, isolate: false } },
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
