/**
 * A stored counterexample as people read it (issue 21, Deliver 2): the view that fits its theorem (a T-RC-1
 * command sequence as a step table, a T-COMP-SPLIT attack as witnesses x views, a T-VDOS-1 flood per tick), else
 * its value as stored; each with its file, its replay command and the error its claim raised.
 */
import type { Attack } from '../../model/collector.js';
import type { FloodScenario } from '../../model/flood.js';
import type { LegitStream } from '../../model/legit-traffic.js';
import { DEFAULT_POLICY, type RateLimitPolicy } from '../../model/token-bucket.js';
import { commandsOf } from '../../properties/t-rc-1/commands.js';
import type { WorldParams } from '../../properties/t-rc-1/world.js';
import { loadCounterexample, type CounterexampleRecord } from '../engine/counterexamples.js';
import { projectPath, relativeToRoot } from '../lib/paths.js';
import { allClaims } from '../registry/theorems.js';
import { floodTable, streamTable, type FloodTable } from './cx-flood.js';
import { rcTable, type RcTable } from './cx-rc.js';
import { splitTable, type SplitTable } from './cx-split.js';

/** The readable part of a counterexample view. */
export type CxBody =
  | { readonly kind: 'rc'; readonly table: RcTable }
  | { readonly kind: 'split'; readonly table: SplitTable }
  | { readonly kind: 'flood'; readonly table: FloodTable }
  | { readonly kind: 'value'; readonly why: string };

/** One counterexample, ready to render. */
export interface CxView {
  readonly id: string;
  /** Repository-relative path of the stored file. */
  readonly file: string;
  readonly claim: string;
  readonly replay: string;
  readonly valueText: string;
  readonly error: string | null;
  /** How it was found: "exhaustive search: ..." or "fast-check seed S path P". */
  readonly foundBy: string;
  readonly body: CxBody;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** The readable body of CX; any failure to build it leaves the stored value, with the reason. */
function bodyOf(cx: CounterexampleRecord): CxBody {
  const [v0, v1] = cx.value;
  try {
    if (cx.theorem === 'T-RC-1' && isObject(v0) && isObject(v1)) {
      const claim = allClaims().find(({ claim: c }) => c.id === cx.property)?.claim;
      if (!claim) return { kind: 'value', why: `no property declares ${cx.property}` };
      const commands = commandsOf(v1).commands.map((c) => c.json);
      return { kind: 'rc', table: rcTable(claim, v0 as unknown as WorldParams, commands) };
    }
    if (cx.theorem === 'T-COMP-SPLIT' && isObject(v0) && Array.isArray(v0.moves))
      return { kind: 'split', table: splitTable(v0 as unknown as Attack, cx.property) };
    if (cx.theorem === 'T-VDOS-1' && isObject(v0) && 'floodFactor' in v0 && isObject(v1) && 'rateLimitFactor' in v1)
      return {
        kind: 'flood',
        table: floodTable(v0 as unknown as FloodScenario, v1 as unknown as RateLimitPolicy),
      };
    // T-VDOS-1.legit checks a stream against the draft's default factors; T-VDOS-1.steady-honest a steady stream
    if (cx.theorem === 'T-VDOS-1' && isObject(v0) && Array.isArray(v0.episodes))
      return { kind: 'flood', table: streamTable(v0 as unknown as LegitStream, DEFAULT_POLICY) };
    const [tickMs, policy, ticks] = cx.value;
    if (cx.theorem === 'T-VDOS-1' && typeof tickMs === 'number' && isObject(policy) && typeof ticks === 'number') {
      const steady = { tickMs, phaseUs: 0, episodes: [], durationTicks: ticks };
      return { kind: 'flood', table: streamTable(steady, policy as unknown as RateLimitPolicy) };
    }
    return { kind: 'value', why: 'no table for this shape of value: shown as stored' };
  } catch (e) {
    return { kind: 'value', why: `its table could not be built (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** The view of counterexample ID (spec/counterexamples/ID.json). */
export function cxView(id: string): CxView {
  const cx = loadCounterexample(id);
  const file = relativeToRoot(projectPath('spec', 'counterexamples', `${cx.id}.json`));
  const foundBy =
    cx.origin === 'exhaustive'
      ? `exhaustive search (${cx.exhaustive.scope_text}; ${cx.exhaustive.states} states): ${cx.exhaustive.command}`
      : `fast-check, seed ${cx.seed}, path ${cx.path}`;
  return {
    id: cx.id,
    file,
    claim: cx.claim,
    replay: cx.replay,
    valueText: cx.valueText,
    error: cx.error,
    foundBy,
    body: bodyOf(cx),
  };
}
