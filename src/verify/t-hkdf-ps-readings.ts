/**
 * Every reading of draft §6's byte strings against every T-HKDF-PS claim (issue 19, Deliver 1): for each target and
 * each reading of model/hkdf.ts READINGS, whether the claim holds on every boundary input of the scope, or the first
 * input (in box order) where it fails. The code's reading, 'hex-lower', must hold everywhere; a reading that loses a
 * claim is a way for two implementations of §6 to part (docs/ERRATA.md).
 */
import { READINGS, type HkdfReading } from '../../model/hkdf.js';
import { explore } from './explore.js';
import { defaultScope, type Scope } from './target.js';
import { tHkdfPsTargets } from './t-hkdf-ps.js';

/** One claim under one reading. */
export interface ReadingRow {
  readonly claim: string;
  readonly reading: string;
  /** No counterexample on any boundary input of the scope. */
  readonly holds: boolean;
  /** The first failing input and the violation, when it does not hold. */
  readonly violation?: string;
  readonly input?: string;
  readonly states: number;
  readonly ms: number;
}

/** Every claim under every reading; SCOPE overrides each target's default scope (unknown names are ignored). */
export function readingsTable(scope: Scope = {}, readings: readonly HkdfReading[] = READINGS): ReadingRow[] {
  return tHkdfPsTargets(readings).flatMap((t) =>
    readings.map((r, i) => {
      const own = Object.fromEntries(Object.entries(scope).filter(([k]) => k in t.scope));
      const r0 = explore(t.model({ ...defaultScope(t), ...own, reading: i }), { maxDepth: 0, maxStates: 5_000_000 });
      const cx = r0.counterexample;
      return {
        claim: t.claim,
        reading: r.name,
        holds: cx === undefined && r0.complete,
        ...(cx ? { violation: cx.violation, input: cx.trace[0]!.state } : {}),
        states: r0.distinctStates,
        ms: r0.ms,
      };
    }),
  );
}
