/**
 * Growth checks of the words about low floods and legitimate bursts: §4.3 (a) "saturates at rate_limit_factor" and
 * "does not depend on flood_factor" at flood_factor <= rate_limit_factor, and §4.2 "absolute jitter shrinks relative
 * to the natural period".
 */
import type { CostConstants } from '../../model/constants.js';
import { arrivals } from '../../model/flood.js';
import { floodRatio, settingText } from '../../model/flood-ratio.js';
import { spread } from '../../model/growth.js';
import { fmt, num, nums, point, span, type CheckResult, type Params } from './growth-check.js';
import { OPEN, settings, settingsMethod } from './growth-flood.js';

/** §4.3 (a): over [1, rate_limit_factor] the ratio saturates at rate_limit_factor and does not depend on the flood. */
export function lowFloodSaturates(p: Params, c: CostConstants): CheckResult {
  const tol = num(p, 'tolerance');
  const step = num(p, 'step');
  const rows = settings(p).map((s) => {
    const low: number[] = [];
    for (let f = 1; f <= s.rateLimitFactor + 1e-9; f += step) low.push(Math.round(f * 100) / 100);
    const ratios = low.map((f) => floodRatio(s, f, c, true));
    const high = [1, 2, 4].map((k) => floodRatio(s, k * s.rateLimitFactor, c, true));
    const flat = spread(ratios) <= 1 + tol;
    const atRlf = ratios.every((r) => Math.abs(r / s.rateLimitFactor - 1) <= tol);
    return { s, ratios, high, holds: flat && atRlf };
  });
  const long = rows.filter((r) => r.s.durationS >= 60);
  const short = rows.filter((r) => r.s.durationS < 60);
  const outcomes = rows.map(({ s, ratios, high, holds }) => ({
    choice: settingText(s),
    value: `ratio ${fmt(ratios[0]!)} at flood 1 .. ${fmt(ratios[ratios.length - 1]!)} at flood ${s.rateLimitFactor}`,
    holds,
    note: `at flood ${[1, 2, 4].map((k) => k * s.rateLimitFactor).join(', ')}: ${high.map((r) => fmt(r)).join(', ')}`,
  }));
  return {
    open: [OPEN.rlf, OPEN.budget, OPEN.accounting, OPEN.duration],
    method: settingsMethod(p, `flood factors 1 to rate_limit_factor in steps of ${step}`),
    points: rows.map((r) => point(r.holds)),
    outcomes,
    note:
      `Below rate_limit_factor every packet is admitted, so the ratio is about the flood factor ` +
      `(max/min ${span(rows.map((r) => spread(r.ratios)))} over [1, rate_limit_factor]). It levels off near ` +
      `rate_limit_factor only above it: at 4 x rate_limit_factor the ratio over rate_limit_factor is ` +
      `${span(long.map((r) => r.high[2]! / r.s.rateLimitFactor))} for floods of 60 s or more` +
      (short.length
        ? `, ${span(short.map((r) => r.high[2]! / r.s.rateLimitFactor))} for shorter ones (the burst budget).`
        : '.'),
  };
}

/** §4.2: a fixed absolute jitter makes smaller bursts, relative to the natural rate, as T_tick grows. */
export function jitterShrinks(p: Params): CheckResult {
  const ticks = nums(p, 'tick_ms');
  const atUs = num(p, 'at_tick_ms') * 1000;
  const outcomes = nums(p, 'peaks').map((peak) => {
    const jitterUs = Math.round(atUs * (1 - 1 / peak)); // a packet delayed by J, the next on time: T / (T - J)
    const bursts = ticks.map((tickMs) => {
      const s = { n: 1, tickMs, coalition: 0, floodFactor: 1, durationTicks: num(p, 'ticks'), jitterUs, jitterSeed: 1 };
      const t = arrivals(s, 0, 'A');
      const gap = Math.min(...t.slice(1).map((x, i) => x - t[i]!));
      return (tickMs * 1000) / gap;
    });
    const holds = bursts.every((b, i) => i === 0 || b < bursts[i - 1]!);
    const value = ticks.map((t, i) => `${t} ms: ${fmt(bursts[i]!, 4)}x`).join(', ');
    return { choice: `jitter ${fmt(jitterUs / 1000)} ms (${peak}x at ${atUs / 1000} ms)`, value, holds };
  });
  return {
    open: [
      {
        name: 'absolute jitter',
        admissible: 'the values giving the §4.2 1.2-1.5x bursts',
        lines: '§4.2 lines 500-505',
      },
    ],
    method: `exhaustive over the jitter values; ${num(p, 'ticks')} ticks of one honest jittered stream per T_tick`,
    points: outcomes.map((o) => point(o.holds)),
    outcomes,
    note: 'The largest burst is T / (T - J) for jitter J: it tends to 1 as T_tick grows.',
  };
}
