/**
 * The canonical key of a T-RC-1 state (issue 19, Deliver 1) and its readable form. Two command sequences that
 * leave the same world fold into one state: packets are named by their bytes (interned), not by the order they
 * were emitted in, and the packets in flight are a set, so emissions and deliveries on different streams commute;
 * a rejected forgery or replay that changes nothing leaves the parent's key. The key holds everything a future
 * decision or observation depends on (see stateKey).
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { sessionId } from '../../model/broker.js';
import { epochAt } from '../../model/oem.js';
import type { Emitted } from '../../properties/t-rc-1/emitted.js';
import { observerGroup, type Live } from './t-rc-1-world.js';

/** Small numbers for packet bytes, stable within one exploration. */
export class Interner {
  private readonly codes = new Map<string, number>();
  /** The code of HEX (a new one the first time). */
  code(hex: string): number {
    let c = this.codes.get(hex);
    if (c === undefined) this.codes.set(hex, (c = this.codes.size));
    return c;
  }
}

/** The broker's fields as text, Maps and Sets in sorted order; configuration (shared, constant) left out. */
export function brokerFields(broker: object): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(broker)) if (k !== 'config') out.set(k, valueText(v));
  return out;
}

function valueText(v: unknown): string {
  if (v instanceof Map)
    return `{${[...v]
      .map(([k, x]) => `${String(k)}:${valueText(x)}`)
      .sort()
      .join(',')}}`;
  if (v instanceof Set) return `{${[...v].map(valueText).sort().join(',')}}`;
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

/**
 * The key of L: world parameters; the clock (absolute: the epoch number is observable through v2's bindings, the
 * Key ID and the per-epoch keys, and the scope bounds the clock); each packet emitted (by its bytes, which fix its
 * stream, index, epoch and expiry) with whether it is in flight, was delivered (the world's `delivered`) and was
 * accepted by the reference model (whose last index per stream follows); the broker's fields that differ from a
 * fresh broker's (FRESH); the accepted deliveries per observer group, in order (the observers' state); the
 * violation. The world's counters (next seq, counter, stream lengths) are counts over the packets emitted.
 */
export function stateKey(l: Live, intern: Interner, fresh: ReadonlyMap<string, string>): string {
  const w = l.world;
  const inflight = new Set(w.inflight);
  const packets = w.log
    .map((e) => {
      const flags = `${inflight.has(e.id) ? 'f' : ''}${l.delivered.has(e.id) ? 'd' : ''}`;
      return `${intern.code(e.hex)}${flags}${w.reference.accepted.has(e.id) ? 'a' : ''}`;
    })
    .sort();
  const groups = new Map<string, number[]>();
  for (const [d] of l.accepted) {
    const g = observerGroup(d);
    const hex = d.authentic ? d.source.hex : bytesToHex(d.bytes);
    groups.set(g, [...(groups.get(g) ?? []), intern.code(hex)]);
  }
  const accepted = [...groups].map(([g, xs]) => `${g}:${xs.join('.')}`).sort();
  const broker = [...brokerFields(w.broker)].filter(([k, t]) => fresh.get(k) !== t).map(([k, t]) => `${k}=${t}`);
  const p = l.params;
  const head = `${p.overlapMs}/${p.lifetimeMs}/${p.v1Sessions} t${w.now}`;
  return JSON.stringify([head, packets.join(','), accepted, broker, w.violation?.message ?? '']);
}

/** A packet as a trace shows it: "#0 snapshot v1 e0 c0 exp 300", "#1 push v1 s0 seq 1 e0". */
export function packetText(l: Live, e: Emitted): string {
  if (e.kind === 'snapshot') return `#${e.id} snapshot ${e.vantage} e${e.epoch} c${e.index} exp ${e.expiresAt}`;
  const s = l.world.sessionsOf(e.vantage).findIndex((x) => e.stream === `push|${sessionId(x)}`);
  return `#${e.id} push ${e.vantage} s${s >= 0 ? s : '?'} seq ${e.index + 1} e${e.epoch}`;
}

/** L in one line: clock and epoch, packets sent (in flight marked *), what the broker accepted. */
export function stateText(l: Live): string {
  const w = l.world;
  const inflight = new Set(w.inflight);
  const sent = w.log.map((e) => `${inflight.has(e.id) ? '*' : ''}${packetText(l, e)}`);
  const ok = l.accepted.map(([d]) => (d.authentic ? `#${d.source.id}` : `forged from #${d.source.id}`));
  return (
    `t=${w.now} ms (epoch ${epochAt(w.config.oem, w.now)}); sent [${sent.join(', ')}]; ` +
    `broker accepted [${ok.join(', ')}]`
  );
}
