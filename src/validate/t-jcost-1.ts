/**
 * Validator checks for T-JCOST-1 (draft §3): the three paths at Regime C against a per-packet
 * accounting, independence of the attack rate under I1, the printed numbers, a short property
 * search, the B.1 receipt and the conformance vectors.
 */
import { closedForm, joint, PATHS, type PathName } from '../../model/joint-cost.js';
import { account, type Traffic } from '../../model/ledger.js';
import { deploymentOf, jointCostQuantities, loadClaims } from '../lib/claims.js';
import { loadConstants } from '../lib/constants.js';
import { near } from '../lib/tolerance.js';
import { receiptCheck, vectorsCheck } from './artifact-checks.js';
import { claimsCheck } from './claims-checks.js';
import { searchCheck } from './search-checks.js';
import type { Check } from './registry.js';

const PATH_TITLES: Record<PathName, string> = {
  A: 'Path A (CWT snapshot: JSON decode + HMAC) equals a per-packet accounting at Regime C',
  B: 'Path B (BFD push: binary parse + HMAC) equals a per-packet accounting at Regime C',
  C: 'Path C (q Ed25519 cosignatures per bundle) equals a per-bundle accounting at Regime C',
};

function regimeC() {
  const s = loadClaims('t-jcost-1').scenarios['regime-c'];
  if (!s) throw new Error('spec/claims/t-jcost-1.json has no regime-c scenario');
  return deploymentOf(s);
}

/** One bundle period of Regime C traffic, every emitter at phase 0, plus an external attack. */
function interval(n: number, cells: number, attackPps: number): Traffic {
  return {
    bundlePeriods: 1,
    vantagePhasesUs: Array<number>(n).fill(0),
    cellPhasesUs: Array<number>(cells).fill(0),
    attackPps,
  };
}

function pathCheck(p: PathName): Check {
  return {
    id: `check:t-jcost-1/path-${p.toLowerCase()}`,
    title: PATH_TITLES[p],
    section: '§3.1',
    run: () => {
      const d = regimeC();
      const c = loadConstants().constants_us;
      const closed = joint(d, c).paths[p].usPerSecond;
      const ledger = account(d, interval(d.n, d.cellsK, 0), c);
      const counted = ledger.usByPath[p] / (ledger.intervalUs / 1e6);
      const pass = near(closed, counted);
      return {
        pass,
        detail:
          `closed form ${closed.toFixed(1)} µs/s (${(closed / 1e4).toFixed(3)} % of one core), ` +
          `per-packet ${counted.toFixed(1)} µs/s`,
      };
    },
  };
}

const q = () => jointCostQuantities(closedForm);

/** The T-JCOST-1 checks. */
export const T_JCOST_1_CHECKS: readonly Check[] = [
  ...PATHS.map(pathCheck),
  {
    id: 'check:t-jcost-1/i1',
    title: 'JOINT at Regime C is unchanged by a 10 Mpps external attack when the NIC enforces I1',
    section: '§3.2',
    run: () => {
      const d = regimeC();
      const c = loadConstants().constants_us;
      const quiet = account(d, interval(d.n, d.cellsK, 0), c);
      const attacked = account(d, interval(d.n, d.cellsK, 10_000_000), c);
      return {
        pass: near(quiet.usPerSecond, attacked.usPerSecond) && attacked.offered > quiet.offered,
        detail:
          `${attacked.offered - quiet.offered} attack packets offered, ` +
          `${attacked.admitted - quiet.admitted} reached the CPU; ` +
          `JOINT ${attacked.usPerSecond.toFixed(1)} µs/s both ways`,
      };
    },
  },
  claimsCheck(
    'check:t-jcost-1/table',
    'the §3.3 table (PPS_t, JOINT, cores) computed by the model',
    '§3.3',
    't-jcost-1',
    ['JCOST-3.3-'],
    q,
  ),
  claimsCheck(
    'check:t-jcost-1/headline',
    'the headline figures and ratios of §1.1-§1.3 and §3.3 (a), (b)',
    '§1.1',
    't-jcost-1',
    ['JCOST-1-', 'JCOST-1.1-', 'JCOST-1.2-', 'JCOST-1.3-', 'JCOST-3.3a', 'JCOST-3.3b'],
    q,
  ),
  claimsCheck(
    'check:t-jcost-1/appendix-a',
    'the Appendix A worked example (Regime C), line by line',
    'App. A',
    't-jcost-1',
    ['JCOST-A-'],
    q,
  ),
  searchCheck('T-JCOST-1'),
  receiptCheck('T-JCOST-1', 'App. B.1'),
  vectorsCheck('T-JCOST-1', '§3.2', 't-jcost-1.json'),
];
