/**
 * Validator checks of the admission pipeline (src/pipeline): it is the models running on bytes,
 * so it must decide as they do. Its speed is measured by `npm run bench`, never checked here.
 */
import { DEFAULT_POLICY } from '../../model/token-bucket.js';
import { simulateExact } from '../../model/vdos-exact.js';
import tRc1 from '../../properties/t-rc-1.prop.js';
import { checkClaim } from '../engine/check-claim.js';
import { PIPELINE_RC_CLAIMS, pipelineBroker } from '../pipeline/broker-adapter.js';
import { runFlood } from '../pipeline/flood-run.js';
import type { Check } from './registry.js';

/** The pipeline's acceptance satisfies the T-RC-1 claims the model satisfies (draft §5). */
const acceptance: Check = {
  id: 'check:pipeline/rc',
  title: 'admission pipeline acceptance: the T-RC-1 claims of the default reading hold against it (short search)',
  section: '§5',
  run: ({ seed, runs }) => {
    const claims = tRc1.claims(pipelineBroker);
    const bad = PIPELINE_RC_CLAIMS.flatMap((id) => {
      const c = claims.find((x) => x.id === id);
      if (!c) return [`${id}: no such claim`];
      const r = checkClaim(c, { seed, numRuns: Math.min(runs, 50) }); // holding claims: searched against the pipeline
      return r.status === 'holds' ? [] : [r.detail];
    });
    return bad.length
      ? { pass: false, detail: bad.join('; ') }
      : { pass: true, detail: `${PIPELINE_RC_CLAIMS.length} claims hold at seed ${seed}` };
  },
};

/**
 * Under a flood, the pipeline's rate limit forwards exactly what the T-VDOS-1 per-packet simulator admits (draft
 * §4.1).
 */
const rateLimit: Check = {
  id: 'check:pipeline/rate-limit',
  title:
    'admission pipeline rate limit: forwards exactly the packets the T-VDOS-1 per-packet simulator admits ' +
    '(N = 3, 2 flooding at 16x, 2 s)',
  section: '§4.1',
  run: () => {
    const s = { n: 3, tickMs: 50, coalition: 2, floodFactor: 16, durationTicks: 40 };
    const got = runFlood(s, DEFAULT_POLICY).forwarded;
    const want = simulateExact(s, DEFAULT_POLICY).admitted;
    const pass = got.A === want.A && got.B === want.B;
    return { pass, detail: `forwarded A ${got.A} / B ${got.B}, simulator admits A ${want.A} / B ${want.B}` };
  },
};

/** The pipeline's checks. */
export const PIPELINE_CHECKS: readonly Check[] = [acceptance, rateLimit];
