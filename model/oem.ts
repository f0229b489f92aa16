/**
 * The Operator Epoch Manifest as the broker uses it (draft §5 reason `epoch-mismatch`, CWT §7.3
 * overlap): which epochs each vantage is bound to, when each epoch starts, and how long after the
 * next epoch starts an old-epoch packet is still accepted. Epoch e runs from e * epochMs; it is
 * accepted until (e + 1) * epochMs + overlapMs.
 */

/** An epoch schedule and the (vantage, epoch_id) bindings. */
export interface Oem {
  /** Epoch length on the broker clock, ms. */
  readonly epochMs: number;
  /** CWT §7.3 overlap window after a boundary, ms (draft §5: both epochs accepted meanwhile). */
  readonly overlapMs: number;
  /** vantage_id -> the epoch_ids the manifest binds it to. */
  readonly bindings: Readonly<Record<string, readonly number[]>>;
}

/** The current epoch at broker time NOW (ms). */
export function epochAt(oem: Oem, now: number): number {
  return Math.floor(now / oem.epochMs);
}

/** Whether the manifest binds (vantage, epoch) at all. */
export function binds(oem: Oem, vantage: string, epoch: number): boolean {
  return Object.hasOwn(oem.bindings, vantage) && oem.bindings[vantage]!.includes(epoch);
}

/** Whether EPOCH is current at NOW, or the previous one inside the overlap window. */
export function epochOpen(oem: Oem, epoch: number, now: number): boolean {
  return epoch * oem.epochMs <= now && now < (epoch + 1) * oem.epochMs + oem.overlapMs;
}

/** draft §5 `epoch-mismatch` fails unless this holds: the OEM binds (vantage, epoch) and the epoch is open. */
export function bindsNow(oem: Oem, vantage: string, epoch: number, now: number): boolean {
  return binds(oem, vantage, epoch) && epochOpen(oem, epoch, now);
}
