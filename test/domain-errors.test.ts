/**
 * Every model domain check rejects with its own typed error, a DomainError the command line reports
 * as bad input, whose one-line message names the parameter (table of reject reasons).
 */
import { describe, expect, test } from 'vitest';
import { checkDeployment, DeploymentError } from '../model/deployment.js';
import { DomainError } from '../model/domain-error.js';
import { checkScenario, FloodError } from '../model/flood.js';
import { checkPolicy, DEFAULT_POLICY, RateLimitError } from '../model/token-bucket.js';

const deployment = { n: 10, tickMs: 50, q: 2, bundlePeriodTicks: 10, cellsK: 8 };
const scenario = { n: 4, tickMs: 10, coalition: 1, floodFactor: 2, durationTicks: 5 };

const REJECTS: ReadonlyArray<[string, () => unknown, new (m: string) => DomainError, string, RegExp]> = [
  [
    'a deployment without vantages',
    () => checkDeployment({ ...deployment, n: 0 }),
    DeploymentError,
    'DeploymentError',
    /^n must be a positive integer, got 0$/,
  ],
  ['a zero tick', () => checkDeployment({ ...deployment, tickMs: 0 }), DeploymentError, 'DeploymentError', /^tickMs /],
  ['a negative quorum', () => checkDeployment({ ...deployment, q: -1 }), DeploymentError, 'DeploymentError', /^q /],
  [
    'a coalition larger than N',
    () => checkScenario({ ...scenario, coalition: 5 }),
    FloodError,
    'FloodError',
    /^coalition must be <= n \(4\), got 5$/,
  ],
  [
    'a flood factor below 1',
    () => checkScenario({ ...scenario, floodFactor: 0.5 }),
    FloodError,
    'FloodError',
    /^floodFactor /,
  ],
  [
    'a rate-limit factor below 2',
    () => checkPolicy({ ...DEFAULT_POLICY, rateLimitFactor: 1.5 }),
    RateLimitError,
    'RateLimitError',
    /^rate_limit_factor must be >= 2/,
  ],
  [
    'a burst factor finer than 0.01',
    () => checkPolicy({ ...DEFAULT_POLICY, burstFactor: 2.001 }),
    RateLimitError,
    'RateLimitError',
    /^burst_factor must be a multiple of 0\.01/,
  ],
];

describe('model domain errors', () => {
  test.each(REJECTS)(
    '%s is rejected as a typed domain error naming the parameter',
    (_what, run, cls, name, message) => {
      let caught: unknown;
      try {
        run();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(cls);
      expect(caught).toBeInstanceOf(DomainError);
      expect((caught as Error).name).toBe(name);
      expect((caught as Error).message).toMatch(message);
      expect((caught as Error).message).not.toContain('\n');
    },
  );

  test('a bare DomainError says what it is', () => {
    expect(new DomainError('x').name).toBe('DomainError');
  });
});
