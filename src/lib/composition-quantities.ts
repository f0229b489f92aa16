/**
 * Quantities for the draft's numbers outside the cost theorems (spec/claims/composition.json):
 * the Byzantine frontier of §2.3, the split-view detection probability of §7 and §9, and the
 * bundle cadence against witness liveness in §9.
 */
import { detectionProbability } from '../../model/detection.js';
import { param, type Quantities, type ClaimsScenario } from './claims.js';
import { checkInDomain, type DomainName } from './domains.js';

/** A scenario parameter within its documented domain (src/lib/domains.ts): no zero cells or periods to divide by. */
const inDomain = (s: ClaimsScenario, name: DomainName): number =>
  checkInDomain(name, param(s, name), `scenario '${s.label}'`);

/** Milliseconds between two bundles: per cell coordinator, or at the broker across all cells (§3.2). */
function intervalMs(s: ClaimsScenario): number {
  const perCell = inDomain(s, 'bundle_period_ticks') * inDomain(s, 't_tick_ms');
  return s.per === 'broker' ? perCell / inDomain(s, 'cells_k') : perCell;
}

/** The quantities composition claims may name. */
export const COMPOSITION_QUANTITIES: Quantities = {
  byzantine_frontier: (s) => Math.floor((inDomain(s, 'cells_k') - 1) / 2), // draft §2.3: floor((k - 1) / 2)
  bundle_interval_ms: (s) => intervalMs(s),
  // draft §7 / §9: an auditor's q queries among w witnesses, m of them honest and holding the other view
  detection_probability: (s) => detectionProbability(param(s, 'w'), param(s, 'm'), param(s, 'q')),
  // draft §9: bundles within one liveness budget
  unsigned_bundles: (s) => Math.floor((param(s, 'liveness_s') * 1000) / intervalMs(s)),
};
