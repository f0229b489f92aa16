/**
 * The reference model of T-RC-1's search (draft §5): what a correct broker decides, deliberately
 * simple and independent of the broker's state. An honest packet is to be accepted iff it was
 * emitted after every packet of its stream accepted so far (in order, hence never accepted before),
 * its (vantage, epoch) is bound and open, and (snapshots) it has not expired; a forgery never is.
 */
import { bindsNow, type Oem } from '../../model/oem.js';
import type { Emitted } from './emitted.js';

/** The reference model: what a correct broker decides, from emission order alone. */
export class Reference {
  readonly accepted = new Set<number>();
  private readonly maxIndex = new Map<string, number>();

  constructor(private readonly oem: Oem) {}

  /** The decision for a delivery of SOURCE (authentic or not) at NOW; records an acceptance. */
  decide(source: Emitted, authentic: boolean, now: number): boolean {
    const inOrder = source.index > (this.maxIndex.get(source.stream) ?? -1);
    const fresh = source.kind === 'push' || (source.expiresAt ?? 0) > now;
    const ok = authentic && inOrder && bindsNow(this.oem, source.vantage, source.epoch, now) && fresh;
    if (ok) {
      this.accepted.add(source.id);
      this.maxIndex.set(source.stream, source.index);
    }
    return ok;
  }
}
