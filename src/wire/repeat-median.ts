/**
 * Repeated windows of one grid point reduced to one figure: each repetition's ledger (priced from
 * its own admit, receive-only and idle windows, never from another window's total) is compared with
 * its own admit window's measured CPU, and the row keeps the repetition whose ratio is the median (a
 * ledger set beside another window's CPU compared a pause in one with the quiet of the other: one
 * quick run had 2.5 where each window's own ratio was near 1); and the spread of the
 * measured CPU and of the idle baseline over the repeats: where half the range of either exceeds the
 * ±15 % band (the idle one as a share of the measured CPU), the broker's own CPU or one of the
 * ledger's measured terms does not repeat to ±15 % at that rate, and no ledger can be checked to
 * that band there.
 */
import type { Ledger } from './ledger.js';

/** The tolerance the ledger is checked against (issue 20 Deliver 3). */
export const BAND = 0.15;

/** What the repeats say about the point's noise floor (the bench-wire-v1 `noise` field of a grid row). */
export interface PointNoise {
  /** Admit windows measured. */
  readonly windows: number;
  /** Half the range of the measured CPU over the windows, over its median (null: one window). */
  readonly measured_spread: number | null;
  /** Half the range of the idle windows' CPU at this point, µs/s (null: no idle window at this point). */
  readonly idle_spread_us_per_s: number | null;
  /** Whether the measured CPU repeats within ±15 % (null: one window, not known). */
  readonly within_reach: boolean | null;
  /** Why the point cannot be checked to ±15 %, one line (null when it can, or is not known). */
  readonly why: string | null;
}

/** Median of XS (the upper median for an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new RangeError('median of nothing');
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const halfRange = (xs: readonly number[]) => (Math.max(...xs) - Math.min(...xs)) / 2;

/** The median ledger of LEDGERS (one per repeat) and its noise, with IDLES the idle windows' µs/s (may be empty). */
export function medianLedger(
  ledgers: readonly Ledger[],
  idles: readonly number[],
): { ledger: Ledger; noise: PointNoise } {
  if (ledgers.length === 0) throw new RangeError('no windows');
  const measured = median(ledgers.map((l) => l.measured_cpu_us_per_s));
  const mid = median(ledgers.map((l) => l.ledger_over_measured));
  const ledger: Ledger = ledgers.find((l) => l.ledger_over_measured === mid)!;
  const spread =
    ledgers.length > 1 && measured > 0 ? halfRange(ledgers.map((l) => l.measured_cpu_us_per_s)) / measured : null;
  const idleSpread = idles.length > 1 ? halfRange(idles) : null;
  // the idle stage is one of the ledger's terms: where its own windows vary by more than the band, so may the ledger
  const idleShare = idleSpread !== null && measured > 0 ? idleSpread / measured : null;
  const reach = spread === null ? null : spread <= BAND && (idleShare === null || idleShare <= BAND);
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
  const why =
    reach !== false
      ? null
      : spread! > BAND
        ? `the broker's measured CPU over ${ledgers.length} repeated windows varies by ±${pct(spread!)} ` +
          `(noise floor wider than the ±15 % band)`
        : `the idle baseline over ${idles.length} idle windows varies by ±${pct(idleShare!)} of the measured CPU ` +
          `(noise floor wider than the ±15 % band)`;
  return {
    ledger,
    noise: {
      windows: ledgers.length,
      measured_spread: spread,
      idle_spread_us_per_s: idleSpread,
      within_reach: reach,
      why,
    },
  };
}
