/**
 * The deep search across machines (issue 19, Deliver 3): the GitHub Actions workflow (a matrix of shards and a merge
 * job) and the Kubernetes Indexed Job (the completion index mapped to --shard), parsed and checked for structure,
 * and their shell scripts run here with `npx` and `npm` stubbed: each shard runs `perfsec search ... --shard i/n
 * --json` into its own file, a shard that finds a counterexample (exit 1) still hands its report on, a shard that
 * fails (exit 2, 3) hands on nothing.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { projectPath } from '../src/lib/paths.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'perfsec-deploy-'));

/**
 * A folder holding `npx` and `npm` stubs: each call appends its arguments (one line) to $STUB_LOG; `npx` prints a
 * report and exits $STUB_RC (as perfsec search would: 1 for a counterexample, 2 for bad input).
 */
const stubs = path.join(tmp, 'bin');
mkdirSync(stubs);
for (const name of ['npx', 'npm']) {
  const stub = path.join(stubs, name);
  const report = name === 'npx' ? `echo '{"stub":"report"}'\nexit "\${STUB_RC:-0}"\n` : '';
  writeFileSync(stub, `#!/bin/sh\necho "${name} $*" >> "$STUB_LOG"\n${report}`);
  chmodSync(stub, 0o755);
}

/** Runs SCRIPT with bash (ARGS first: GitHub's default shell is `bash -e`) in a fresh folder with the stubs. */
function run(script: string, env: Record<string, string>, args: string[] = []) {
  const cwd = mkdtempSync(path.join(tmp, 'run-'));
  const log = path.join(cwd, 'stub.log');
  const r = spawnSync('bash', [...args, '-c', script], {
    cwd,
    encoding: 'utf8',
    // the whole environment (a bash started without SHLVL took seconds here), the stubs first on PATH
    env: { ...process.env, STUB_RC: '0', PATH: `${stubs}:${process.env.PATH}`, STUB_LOG: log, ...env },
  });
  const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  return { code: r.status, stderr: r.stderr, stdout: r.stdout, cwd, calls };
}

interface Step {
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  steps: Step[];
  strategy?: { 'fail-fast'?: boolean; matrix: Record<string, unknown> };
  outputs?: Record<string, string>;
}
const workflow = parse(readFileSync(projectPath('.github', 'workflows', 'deep-search.yml'), 'utf8')) as {
  on: { workflow_dispatch: { inputs: Record<string, unknown> }; schedule: { cron: string }[] };
  jobs: Record<string, Job>;
};
const jobs = workflow.jobs;
const step = (job: string, find: (s: Step) => boolean): Step => {
  const s = jobs[job]!.steps.find(find);
  if (!s) throw new Error(`no such step in job ${job}`);
  return s;
};
const uses = (job: string, action: string) => step(job, (s) => s.uses?.startsWith(`${action}@`) ?? false);
const runs = (job: string, text: string) => step(job, (s) => s.run?.includes(text) ?? false);
const needs = (job: string) => [jobs[job]!.needs ?? []].flat();

describe('.github/workflows/deep-search.yml', () => {
  test('started by hand with runs, shards, seed and selector, and weekly', () => {
    expect(Object.keys(workflow.on.workflow_dispatch.inputs).sort()).toEqual(['runs', 'seed', 'selector', 'shards']);
    expect(workflow.on.schedule[0]!.cron).toMatch(/^\S+ \S+ \* \* [0-6]$/);
  });

  test('a matrix of shards from the plan, each on Node 20 from the lockfile, each report uploaded', () => {
    expect(needs('search')).toEqual(['plan']);
    expect(jobs.search!.strategy).toEqual({
      'fail-fast': false,
      matrix: { shard: '${{ fromJSON(needs.plan.outputs.matrix) }}' },
    });
    for (const job of ['search', 'merge']) {
      expect(uses(job, 'actions/setup-node').with).toMatchObject({ 'node-version': 20 });
      expect(runs(job, 'npm ci').run).toMatch(/^npm ci\b/);
    }
    const search = runs('search', 'npx perfsec search');
    expect(search.env).toMatchObject({ SHARD: '${{ matrix.shard }}', SHARDS: '${{ needs.plan.outputs.shards }}' });
    expect(uses('search', 'actions/upload-artifact').with).toMatchObject({
      name: 'shard-${{ matrix.shard }}',
      path: 'shard-${{ matrix.shard }}.json',
    });
  });

  test('the merge job waits for every shard, merges them, uploads the report and fails on a new counterexample', () => {
    expect(needs('merge')).toContain('search');
    expect(uses('merge', 'actions/download-artifact').with).toMatchObject({ pattern: 'shard-*', path: 'shards' });
    expect(runs('merge', 'perfsec search merge').run?.trim()).toBe(
      'npx perfsec search merge shards/shard-*.json --out merged.json',
    );
    expect(uses('merge', 'actions/upload-artifact')).toMatchObject({
      if: '${{ !cancelled() }}',
      with: { path: 'merged.json' },
    });
  });

  test('no expression is pasted into a script: inputs reach them through env', () => {
    for (const job of Object.values(jobs)) for (const s of job.steps) expect(s.run ?? '').not.toContain('${{');
  });

  test('the plan checks the inputs and lists shards 1..n', () => {
    const plan = step('plan', (s) => s.run?.includes('GITHUB_OUTPUT') ?? false).run!;
    const planned = (env: Record<string, string>) => {
      const r = run(plan, { RUNS: '90', SHARDS: '3', SEED: '5', SELECTOR: 'T-HKDF-PS', GITHUB_OUTPUT: 'out', ...env }, [
        '-e',
      ]);
      const out = existsSync(path.join(r.cwd, 'out')) ? readFileSync(path.join(r.cwd, 'out'), 'utf8') : '';
      return {
        code: r.code,
        out: Object.fromEntries(
          out
            .trim()
            .split('\n')
            .map((l) => l.split(/=(.*)/).slice(0, 2)),
        ),
      };
    };
    expect(planned({})).toEqual({
      code: 0,
      out: { runs: '90', shards: '3', seed: '5', selector: 'T-HKDF-PS', matrix: '[1,2,3]' },
    });
    expect(planned({ SEED: '', SHARDS: '1' }).out).toMatchObject({
      seed: expect.stringMatching(/^\d+$/),
      matrix: '[1]',
    });
    const bads: Record<string, string>[] = [
      { SHARDS: '0' },
      { SHARDS: '257' },
      { RUNS: '1e6' },
      { SEED: '08' },
      { SEED: '4294967296' },
      { SELECTOR: 'x;id' },
    ];
    for (const bad of bads) expect(planned(bad).code).toBe(2);
  });

  test('a shard writes shard-i.json; exit 1 (a counterexample) still hands it on, exit 2 fails the step', () => {
    const search = runs('search', 'npx perfsec search');
    const env = { SHARD: '2', SHARDS: '3', RUNS: '90', SEED: '5', SELECTOR: '' };
    const ok = run(search.run!, env, ['-e']);
    expect(ok.code).toBe(0);
    expect(ok.calls).toEqual(['npx perfsec search --runs 90 --seed 5 --shard 2/3 --no-save --json']);
    expect(readFileSync(path.join(ok.cwd, 'shard-2.json'), 'utf8')).toContain('report');
    expect(run(search.run!, { ...env, SELECTOR: 'T-RC-1' }, ['-e']).calls[0]).toMatch(/^npx perfsec search T-RC-1 /);
    expect(run(search.run!, { ...env, STUB_RC: '1' }, ['-e']).code).toBe(0);
    expect(run(search.run!, { ...env, STUB_RC: '2' }, ['-e']).code).toBe(2);
  });
});

describe('deploy/k8s/deep-search-job.yaml', () => {
  const docs = parseAllDocuments(readFileSync(projectPath('deploy', 'k8s', 'deep-search-job.yaml'), 'utf8')).map(
    (d) => d.toJS() as { kind: string; metadata: { name: string }; spec: Record<string, unknown> },
  );
  const claim = docs.find((d) => d.kind === 'PersistentVolumeClaim')!;
  const job = docs.find((d) => d.kind === 'Job')! as unknown as {
    spec: {
      completionMode: string;
      completions: number;
      parallelism: number;
      template: {
        spec: {
          restartPolicy: string;
          containers: {
            command: string[];
            env: { name: string; value: string }[];
            volumeMounts: { name: string; mountPath: string }[];
          }[];
          volumes: { name: string; persistentVolumeClaim?: { claimName: string } }[];
        };
      };
    };
  };
  const pod = job.spec.template.spec;
  const container = pod.containers[0]!;
  const env = Object.fromEntries(container.env.map((e) => [e.name, e.value]));
  const script = container.command[2]!;

  test('an Indexed Job of n pods, n = completions = parallelism = SHARDS, writing to a shared claim', () => {
    expect(claim.spec).toMatchObject({ accessModes: ['ReadWriteMany'] });
    expect(job.spec.completionMode).toBe('Indexed');
    expect(job.spec.parallelism).toBe(job.spec.completions);
    expect(Number(env.SHARDS)).toBe(job.spec.completions);
    expect(pod.restartPolicy).toBe('Never');
    const results = pod.volumes.find((v) => v.persistentVolumeClaim)!;
    expect(results.persistentVolumeClaim!.claimName).toBe(claim.metadata.name);
    expect(container.volumeMounts).toContainEqual({ name: results.name, mountPath: env.RESULTS_DIR });
    expect(container.command.slice(0, 2)).toEqual(['bash', '-c']);
    expect(env.SEED).toMatch(/^\d+$/);
  });

  test('pod k runs shard k+1 of n and leaves seed-S/shard-(k+1).json, whole or not at all', () => {
    const results = path.join(tmp, 'results');
    const pod = (index: number, extra: Record<string, string> = {}) =>
      run(script, { ...env, RESULTS_DIR: results, JOB_COMPLETION_INDEX: String(index), ...extra });
    const n = job.spec.completions;
    for (const k of [0, n - 1]) {
      const r = pod(k);
      expect(r.code).toBe(0);
      expect(r.calls).toEqual([
        'npm ci --no-audit --no-fund',
        `npx perfsec search --runs ${env.RUNS} --seed ${env.SEED} --shard ${k + 1}/${n} --no-save --json`,
      ]);
    }
    const folder = path.join(results, `seed-${env.SEED}`);
    expect(readdirSync(folder).sort()).toEqual(['shard-1.json', `shard-${n}.json`].sort());
    expect(pod(1, { STUB_RC: '1' }).code).toBe(0); // a counterexample: the report is kept
    expect(pod(2, { STUB_RC: '2' }).code).toBe(2); // bad input: nothing is left, not even the temp file
    expect(readdirSync(folder).sort()).toEqual(['shard-1.json', 'shard-2.json', `shard-${n}.json`].sort());
    const unseeded = pod(3, { SEED: '' });
    expect([unseeded.code === 0, unseeded.calls]).toEqual([false, []]);
  });
});
