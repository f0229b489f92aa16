/**
 * Validator checks that run a theorem's property searches briefly and replay every stored
 * counterexample.
 */
import path from 'node:path';
import { listCounterexamples, loadCounterexample } from '../engine/counterexamples.js';
import { replay } from '../engine/replay.js';
import { search } from '../engine/search.js';
import { allClaims, selectClaims, THEOREMS } from '../registry/theorems.js';
import type { Check } from './registry.js';

/** Searches each claim of THEOREM with the run seed and a short budget; refuted claims must replay. */
export function searchCheck(theorem: string): Check {
  return {
    id: `${theorem}.search`,
    title: `property search over every ${theorem} claim (short budget; deep runs: perfsec search)`,
    section: THEOREMS.find((t) => t.id === theorem)?.section ?? '—',
    run: ({ seed, runs }) => {
      const bad: string[] = [];
      let searched = 0;
      for (const { claim } of selectClaims(theorem)) {
        if (claim.refutedBy) {
          const r = replay(claim, loadCounterexample(claim.refutedBy));
          if (!r.reproduced) bad.push(r.summary);
          continue;
        }
        searched++;
        const o = search(claim, { seed, numRuns: Math.min(runs, claim.numRuns ?? runs) });
        if (o.failed) bad.push(`${claim.id} refuted at seed ${o.seed} path ${o.path}`);
      }
      return bad.length > 0
        ? { pass: false, detail: bad.join('; ') }
        : { pass: true, detail: `${searched} claims hold over ${runs} runs each at seed ${seed}` };
    },
  };
}

/** Every file in spec/counterexamples replays against the claim it names. */
export const replayAllCheck: Check = {
  id: 'CX.replay',
  title: 'every stored counterexample replays (value, seed and path)',
  section: '—',
  run: () => {
    const files = listCounterexamples();
    const byId = new Map(allClaims().map(({ claim }) => [claim.id, claim]));
    const bad: string[] = [];
    for (const f of files) {
      const cx = loadCounterexample(f);
      const claim = byId.get(cx.property);
      if (!claim) bad.push(`${path.basename(f)}: no claim ${cx.property}`);
      else {
        const r = replay(claim, cx);
        if (!r.reproduced) bad.push(r.summary);
      }
    }
    return bad.length > 0
      ? { pass: false, detail: bad.join('; ') }
      : { pass: true, detail: `${files.length} stored counterexample(s) reproduce` };
  },
};
