import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['properties/**/*.prop.ts', 'test/**/*.test.ts'],
    globalSetup: ['./vitest.global-setup.ts'],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 60_000,
    benchmark: { include: ['bench/**/*.bench.ts'] },
    coverage: {
      provider: 'v8',
      include: ['model/**', 'src/**', 'properties/**'],
      reporter: ['text-summary', 'text'],
      // Enforced in CI (npm run coverage): the models are what reviewers rely on.
      thresholds: { 'model/**': { lines: 90 } },
    },
  },
});
