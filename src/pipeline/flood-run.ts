/**
 * One insider flood (draft §2.2) through the admission pipeline: every frame of a FloodScenario,
 * in time order, with the packets forwarded to verification counted per path. The validator and
 * the tests compare these counts with the T-VDOS-1 per-packet simulator.
 */
import type { FloodScenario } from '../../model/flood.js';
import type { RateLimitPolicy } from '../../model/token-bucket.js';
import { AdmissionPipeline } from './admission.js';
import { framesOf, pipelineSetupOf } from './traffic.js';
import { DECISION, type AdmissionDecision } from './admission-decision.js';

/** What a flood run produced: accepted packets per path, and every decision seen. */
export interface FloodRun {
  readonly forwarded: { A: number; B: number };
  readonly decisions: ReadonlySet<AdmissionDecision>;
}

/** Runs the flood S through a fresh pipeline with POLICY (draft §4.1 rate limit before verification). */
export function runFlood(s: FloodScenario, policy: RateLimitPolicy): FloodRun {
  const w = pipelineSetupOf(s.n);
  const p = new AdmissionPipeline({ ...w, policy, tickMs: s.tickMs });
  const forwarded = { A: 0, B: 0 };
  const decisions = new Set<AdmissionDecision>();
  for (const f of framesOf(w, s)) {
    const v = f.path === 0 ? p.admitSnapshot(f.vantage, f.bytes, f.tUs) : p.admitPush(f.bytes, f.tUs);
    decisions.add(v);
    if (v === DECISION.accepted) forwarded[f.path === 0 ? 'A' : 'B']++;
  }
  return { forwarded, decisions };
}
