/**
 * The claims files the audit reads, each with the quantities that compute it. Each theorem issue
 * adds its file here.
 */
import { closedForm } from '../../model/joint-cost.js';
import { jointCostQuantities, loadClaims, type ClaimsFile, type Quantities } from '../lib/claims.js';
import { COMPOSITION_QUANTITIES } from '../lib/composition-quantities.js';
import { VDOS_QUANTITIES } from '../lib/vdos-quantities.js';

/** One claims file of spec/claims/ and its quantities. */
export interface ClaimsSource {
  readonly name: string;
  readonly quantities: () => Quantities;
}

/** Every claims file, in the draft's order. */
export const CLAIMS_SOURCES: readonly ClaimsSource[] = [
  { name: 't-jcost-1', quantities: () => jointCostQuantities(closedForm) },
  { name: 't-vdos-1', quantities: () => VDOS_QUANTITIES },
  { name: 'composition', quantities: () => COMPOSITION_QUANTITIES },
];

/** Every claims file, loaded. */
export function loadAllClaims(): Array<{ source: ClaimsSource; file: ClaimsFile }> {
  return CLAIMS_SOURCES.map((source) => ({ source, file: loadClaims(source.name) }));
}
