/**
 * Fast signing for the load generator: the bytes of an honest push or snapshot differ between two
 * packets of one vantage only in the BFD sequence number or the CWT counter, so a template is
 * encoded once with the model's codecs (model/bfd/auth.ts, model/snapshot.ts) and each packet
 * patches that field and signs with node:crypto HMAC-SHA256 (the same RFC 2104 tag; the broker
 * verifies with its own primitive). test/wire-ledger.test.ts checks the output against the
 * model's encoders byte for byte.
 */
import { createHmac } from 'node:crypto';
import { authenticatedBytes } from '../../model/bfd/auth.js';
import { honestPush, type PushSession } from '../../model/bfd/honest-push.js';
import { DIGEST_LEN } from '../../model/bfd/packet.js';

/** Offset of the BFD sequence number (RFC 5880 §4.4: after the 24-byte header and 4 auth bytes). */
const SEQ_AT = 28;
/** Offset of the digest. */
const DIGEST_AT = 32;

/** Signs honest push SEQ of SESSION under KEY (epoch 0 key id). */
export function bfdSigner(session: PushSession, key: Uint8Array): (seq: number) => Uint8Array {
  const template = authenticatedBytes(honestPush(session, 0));
  return (seq) => {
    const b = Buffer.from(template);
    b.writeUInt32BE(seq >>> 0, SEQ_AT);
    const d = createHmac('sha256', key).update(b).digest();
    d.copy(b, DIGEST_AT, 0, DIGEST_LEN);
    return b;
  };
}

/** The fixed fields of a generator snapshot (model/snapshot.ts SnapshotBody without the counter). */
export interface SnapshotFixed {
  readonly vantage_id: string;
  readonly epoch_id: number;
  readonly expires_at: number;
  readonly payload: string;
}

/**
 * Signs the snapshot with counter COUNTER: canonical bytes are the sorted-key JSON (model/snapshot.ts), `counter`
 * sorting first.
 */
export function snapshotSigner(fixed: SnapshotFixed, key: Uint8Array): (counter: number) => Uint8Array {
  const rest =
    `"epoch_id":${JSON.stringify(fixed.epoch_id)},"expires_at":${JSON.stringify(fixed.expires_at)},` +
    `"payload":${JSON.stringify(fixed.payload)},"vantage_id":${JSON.stringify(fixed.vantage_id)}`;
  return (counter) => {
    const body = `{"counter":${counter},${rest}`;
    const tag = createHmac('sha256', key).update(`${body}}`).digest('hex');
    return Buffer.from(`${body},"tag":"${tag}"}`);
  };
}
