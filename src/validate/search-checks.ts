/**
 * Validator checks that run a theorem's property searches briefly and replay every stored
 * counterexample.
 */
import path from 'node:path';
import { checkClaim } from '../engine/check-claim.js';
import { listCounterexamples, loadCounterexample } from '../engine/counterexamples.js';
import { allClaims, selectClaims, THEOREMS } from '../registry/theorems.js';
import { checkId, type Check } from './registry.js';

/** Searches each claim of THEOREM with the run seed and a short budget; refuted claims must replay. */
export function searchCheck(theorem: string): Check {
  return {
    id: checkId(theorem, 'search'),
    title: `property search over every ${theorem} claim (short budget; deep runs: perfsec search)`,
    section: THEOREMS.find((t) => t.id === theorem)?.section ?? '—',
    run: ({ seed, runs }) => {
      const bad: string[] = [];
      let searched = 0;
      for (const { claim } of selectClaims(theorem)) {
        const c = checkClaim(claim, { seed, numRuns: Math.min(runs, claim.numRuns ?? runs) });
        if (c.status === 'holds' || c.status === 'new-counterexample') searched++;
        if (c.status === 'pin-lost' || c.status === 'new-counterexample') bad.push(c.detail);
      }
      return bad.length > 0
        ? { pass: false, detail: bad.join('; ') }
        : { pass: true, detail: `${searched} claims hold over ${runs} runs each at seed ${seed}` };
    },
  };
}

/** Every file in spec/counterexamples replays against the claim it names. */
export const replayAllCheck: Check = {
  id: 'check:cx/replay',
  title: 'every stored counterexample replays (value, seed and path)',
  section: '—',
  run: ({ seed }) => {
    const files = listCounterexamples();
    const byId = new Map(allClaims().map(({ claim }) => [claim.id, claim]));
    const bad: string[] = [];
    for (const f of files) {
      const cx = loadCounterexample(f);
      const claim = byId.get(cx.property);
      if (!claim) bad.push(`${path.basename(f)}: no claim ${cx.property}`);
      else {
        // every stored record pins the claim it names as refuted: checked as that pin (replayed, not searched)
        const c = checkClaim({ ...claim, refutedBy: cx.id }, { seed, numRuns: 0, counterexampleDir: path.dirname(f) });
        if (c.status !== 'refuted-as-pinned') bad.push(c.detail);
      }
    }
    return bad.length > 0
      ? { pass: false, detail: bad.join('; ') }
      : { pass: true, detail: `${files.length} stored counterexample(s) reproduce` };
  },
};
