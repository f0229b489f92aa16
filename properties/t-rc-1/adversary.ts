/**
 * What the keyless adversary of T-RC-1's search (draft §2, §5) does to a packet: change fields and
 * keep the digest or tag, or sign with its own key. Also what a packet claims about its epoch.
 */
import { signBfd } from '../../model/bfd/auth.js';
import { decodeBfd, encodeBfd } from '../../model/bfd/packet.js';
import type { BrokerConfig, BrokerPacketKind } from '../../model/broker.js';
import { bindsNow, epochAt } from '../../model/oem.js';
import { encodeSnapshot, signSnapshot } from '../../model/snapshot.js';
import { decodeSnapshot } from '../../src/lib/snapshot-decode.js';
import { ADVERSARY_KEY } from '../../src/lib/test-keys.js';
import type { Emitted } from './emitted.js';

/** How far the adversary pushes an expiry: ten epochs of the search's world. */
const EXTEND_MS = 10_000;

/** What the keyless adversary changes in a packet it forges. */
export type ForgeMode = 'bump' | 'next-epoch' | 'extend' | 'adversary-key';
/** Every forge mode. */
export const FORGE_MODES: readonly ForgeMode[] = ['bump', 'next-epoch', 'extend', 'adversary-key'];

/**
 * Whether the (vantage, epoch) the bytes claim is bound and open at NOW (Key ID = epoch mod 256, current or previous
 * epoch).
 */
export function claimedBinding(config: BrokerConfig, kind: BrokerPacketKind, bytes: Uint8Array, now: number): boolean {
  if (kind === 'snapshot') {
    const d = decodeSnapshot(bytes);
    return d.ok && bindsNow(config.oem, d.snapshot.vantage_id, d.snapshot.epoch_id, now);
  }
  const d = decodeBfd(bytes);
  const session = d.ok ? config.sessions.find((s) => s.vantageDisc === d.packet.myDiscriminator) : undefined;
  if (!d.ok || !session) return false;
  const current = epochAt(config.oem, now);
  return [current, current - 1].some(
    (e) => e >= 0 && (e & 0xff) === d.packet.authKeyId && bindsNow(config.oem, session.vantage, e, now),
  );
}

/** The bytes a keyless adversary makes from SRC: fields changed, digest or tag kept (or its own key). */
export function forged(src: Emitted, mode: ForgeMode): Uint8Array {
  if (src.kind === 'push') {
    const d = decodeBfd(src.bytes);
    if (!d.ok) return src.bytes;
    const p = d.packet;
    if (mode === 'bump') return encodeBfd({ ...p, seq: (p.seq + 1000) >>> 0 });
    if (mode === 'next-epoch')
      return encodeBfd({ ...p, authKeyId: (p.authKeyId + 1) & 0xff, seq: (p.seq + 1000) >>> 0 });
    if (mode === 'extend') return encodeBfd({ ...p, poll: !p.poll });
    return signBfd({ ...p, authKeyId: (p.authKeyId + 1) & 0xff, seq: (p.seq + 1000) >>> 0 }, ADVERSARY_KEY);
  }
  const d = decodeSnapshot(src.bytes);
  if (!d.ok) return src.bytes;
  const s = d.snapshot;
  if (mode === 'bump') return encodeSnapshot({ ...s, counter: s.counter + 1000 });
  if (mode === 'next-epoch') return encodeSnapshot({ ...s, epoch_id: s.epoch_id + 1 });
  if (mode === 'extend') return encodeSnapshot({ ...s, expires_at: s.expires_at + EXTEND_MS });
  const { tag: _tag, ...body } = s;
  return signSnapshot({ ...body, epoch_id: s.epoch_id + 1, counter: s.counter + 1000 }, ADVERSARY_KEY);
}
