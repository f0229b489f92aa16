/**
 * Mutation runs count a test file that fails to load as a failed test
 * (src/mutation/load-failure-reporter.ts): StrykerJS's vitest runner reads only collected tests,
 * so without this a static mutant that breaks a module's import scored Survived with 0 tests run.
 */
import { describe, expect, test } from 'vitest';
import { createVitest, type Reporter } from 'vitest/node';
import type { RunnerTestFile } from 'vitest';
import {
  LOAD_FAILURE_TEST,
  LoadFailureAsFailedTest,
  markUnloadedFiles,
} from '../src/mutation/load-failure-reporter.js';
import { projectPath } from '../src/lib/paths.js';

const file = (state: 'pass' | 'fail', tasks: unknown[]): RunnerTestFile =>
  ({
    id: `f-${state}-${tasks.length}`,
    name: 'x.test.ts',
    tasks,
    result: { state, errors: [{ message: 'boom' }] },
  }) as unknown as RunnerTestFile;

describe('markUnloadedFiles', () => {
  test('a failed file with no task gets one failed test carrying the load error', () => {
    const f = file('fail', []);
    expect(markUnloadedFiles([f])).toEqual([f]);
    expect(f.tasks).toHaveLength(1);
    expect(f.tasks[0]).toMatchObject({
      type: 'test',
      name: LOAD_FAILURE_TEST,
      mode: 'run',
      file: f,
      suite: f,
      result: { state: 'fail', errors: [{ message: 'boom' }] },
    });
  });

  test.each([
    ['a failed file whose tests ran', file('fail', [{ type: 'test' }])],
    ['a passing file', file('pass', [{ type: 'test' }])],
    ['a passing file with no test', file('pass', [])],
  ])('%s is left as it is', (_n, f) => {
    const before = [...f.tasks];
    expect(markUnloadedFiles([f])).toEqual([]);
    expect(f.tasks).toEqual(before);
  });
});

/** Runs the two fixture files through vitest and returns, per file, the tests the Stryker runner would read. */
async function collected(reporter: Reporter = {}): Promise<Record<string, unknown>> {
  // {}: a silent reporter
  const vitest = await createVitest('test', {
    config: false,
    root: projectPath('test/fixtures/load-failure'),
    include: ['*.check.ts'],
    watch: false,
    reporters: [reporter],
    globalSetup: [],
    setupFiles: [],
  });
  try {
    await vitest.start();
    return Object.fromEntries(
      vitest.state.getFiles().map((f) => [f.name, f.tasks.map((t) => [t.name, t.result?.state])]),
    );
  } finally {
    await vitest.close();
  }
}

describe('the reporter in a real vitest run', () => {
  test('without it, the file that throws on import holds no test (what made such mutants survive)', async () => {
    expect(await collected()).toEqual({ 'throws-on-import.check.ts': [], 'loads.check.ts': [['loads', 'pass']] });
  });

  test('with it, that file ends with one failed test; the file that loads keeps its own', async () => {
    expect(await collected(new LoadFailureAsFailedTest())).toEqual({
      'throws-on-import.check.ts': [[LOAD_FAILURE_TEST, 'fail']],
      'loads.check.ts': [['loads', 'pass']],
    });
  });
});
