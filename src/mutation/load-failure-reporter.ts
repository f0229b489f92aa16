/**
 * A vitest reporter for mutation runs only (vitest.mutation.config.ts): a test file that fails to
 * load gets one failed test carrying the load error.
 *
 * StrykerJS's vitest runner scores a mutant from the tests it collected. A static mutant that makes
 * a model module throw on import (`new TextDecoder('')`, say) leaves every importing test file with
 * no tests at all, so the runner saw "no test failed" and scored it Survived, with 0 tests run
 * (stryker-js issue 6150, open at @stryker-mutator/vitest-runner 9.6.1). A file that cannot load is
 * a failing file; this reporter says so in the form the runner reads.
 */
import type { RunnerTestCase, RunnerTestFile } from 'vitest';
import type { Reporter, Vitest } from 'vitest/node';

/** The name of the test added to a file that failed to load. */
export const LOAD_FAILURE_TEST = 'the test file loads';

/** Adds a failed test to each file that failed and holds no task (it never loaded); other files are left alone. */
export function markUnloadedFiles(files: readonly RunnerTestFile[]): RunnerTestFile[] {
  const marked: RunnerTestFile[] = [];
  for (const file of files) {
    if (file.result?.state !== 'fail' || file.tasks.length > 0) continue;
    const test: Omit<RunnerTestCase, 'context'> = {
      type: 'test',
      id: `${file.id}_load`,
      name: LOAD_FAILURE_TEST,
      mode: 'run',
      meta: {},
      file,
      suite: file,
      fullName: `${file.name} > ${LOAD_FAILURE_TEST}`,
      fullTestName: LOAD_FAILURE_TEST,
      timeout: 0,
      annotations: [],
      artifacts: [],
      result: { state: 'fail', errors: file.result.errors ?? [] },
    };
    file.tasks.push(test as RunnerTestCase); // the context only vitest can build; nothing reads it after the run
    marked.push(file);
  }
  return marked;
}

/** The reporter: marks unloaded files when a run ends, before the runner reads vitest's state. */
export class LoadFailureAsFailedTest implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(): void {
    markUnloadedFiles(this.vitest?.state.getFiles() ?? []); // the files the Stryker runner reads
  }
}
