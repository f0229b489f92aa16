/**
 * FUZZ-001 (found by test/fuzz/loaders.test.ts): a claims file whose scenario is schema-valid but
 * outside the model's domain (cells_k = 0) made the audit throw the model's DeploymentError instead
 * of an InputError naming the file and scenario. Fixed in src/lib/claims.ts evaluate().
 */
import { expect, test } from 'vitest';
import { closedForm } from '../../model/joint-cost.js';
import { computeClaims, jointCostQuantities, loadClaims } from '../../src/lib/claims.js';
import { InputError } from '../../src/lib/errors.js';
import { DRAFT_CONSTANTS } from '../../src/lib/constants.js';

test('FUZZ-001: a scenario outside the model domain is reported as bad input naming the scenario', () => {
  const file = structuredClone(loadClaims('t-jcost-1')) as unknown as {
    scenarios: Record<string, Record<string, unknown>>;
  };
  file.scenarios['regime-c']!.cells_k = 0;
  const run = () => computeClaims(file as never, jointCostQuantities(closedForm), DRAFT_CONSTANTS);
  expect(run).toThrow(InputError);
  expect(run).toThrow(/scenario 'regime-c': cellsK must be a positive integer, got 0/);
});
