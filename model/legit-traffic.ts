/**
 * Legitimate bursts above the natural tick rate that draft §4.2 names as the reason for the
 * default factors: clock jitter (1.2-1.5x, transient), BGP update batches (2-3x for one to a few
 * seconds) and recalibration (up to 1.3x over 600 ticks). Overlapping episodes compound, as the
 * draft's worst case 1.5 * 3 * 1.3 does.
 */

/** One episode of legitimate extra traffic. */
export interface BurstEpisode {
  readonly kind: 'jitter' | 'bgp' | 'recalibration';
  /** Start, in ticks from the beginning of the stream. */
  readonly startTick: number;
  /** Length in ticks. */
  readonly durationTicks: number;
  /** Rate multiplier while the episode lasts. */
  readonly multiplier: number;
}

/** An honest vantage's traffic on one path: natural rate shaped by burst episodes. */
export interface LegitStream {
  readonly tickMs: number;
  readonly phaseUs: number;
  readonly episodes: readonly BurstEpisode[];
  /** Length of the stream in ticks. */
  readonly durationTicks: number;
}

/** The rate multiplier at time tUs: the product of the active episodes' multipliers. */
export function multiplierAt(s: LegitStream, tUs: number): number {
  const tick = tUs / (s.tickMs * 1000);
  return s.episodes.reduce(
    (m, e) => (tick >= e.startTick && tick < e.startTick + e.durationTicks ? m * e.multiplier : m),
    1,
  );
}

/** Arrival times in whole µs: each gap is one tick divided by the multiplier in force. */
export function legitArrivals(s: LegitStream): number[] {
  const tickUs = Math.round(s.tickMs * 1000);
  const end = tickUs * s.durationTicks;
  const out: number[] = [];
  for (let t = s.phaseUs; t < end; t += Math.max(1, Math.floor(tickUs / multiplierAt(s, t)))) out.push(t);
  return out;
}
