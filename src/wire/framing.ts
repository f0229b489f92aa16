/**
 * Length-framed records on the broker's TCP stream (draft §3.1: path A carries snapshots over
 * TCP; path C's cosigned checkpoints ride the same stream). One frame: u32 length of what follows
 * (big-endian), u8 kind (0 = path A snapshot, 2 = path C checkpoint note), u32 vantage key (the
 * outer header draft §4.1 keys the bucket on; the draft does not define that wrapper), then the
 * body. A reader splits a byte stream into frames with bounded buffering and refuses oversized or
 * unknown frames.
 */

/** Frame kinds: path A snapshot, path C cosigned checkpoint note. */
export const FRAME_KIND = { snapshot: 0, checkpoint: 2 } as const;
/** One frame kind. */
export type FrameKind = (typeof FRAME_KIND)[keyof typeof FRAME_KIND];

/** Bytes before the body: length (4), kind (1), vantage key (4). */
export const FRAME_HEADER = 9;
/** Largest body a reader accepts (a snapshot is a few hundred bytes, a note a few KiB). */
export const MAX_BODY = 64 * 1024;

/** The bytes of one frame. */
export function encodeFrame(kind: FrameKind, vantage: number, body: Uint8Array): Buffer {
  if (body.length > MAX_BODY) throw new RangeError(`frame body of ${body.length} bytes is over ${MAX_BODY}`);
  const b = Buffer.allocUnsafe(FRAME_HEADER + body.length);
  b.writeUInt32BE(body.length + 5, 0);
  b.writeUInt8(kind, 4);
  b.writeUInt32BE(vantage >>> 0, 5);
  b.set(body, FRAME_HEADER);
  return b;
}

/** Called per frame: kind, vantage key, and the body (a view valid only during the call). */
export type FrameSink = (kind: number, vantage: number, body: Uint8Array) => void;

/** Splits a TCP byte stream into frames; a bad frame makes `push` return false (the caller closes the stream). */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly sink: FrameSink) {}

  /** Feeds one chunk; false when the stream is broken (oversized or unknown frame). */
  push(chunk: Buffer): boolean {
    let buf = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    let at = 0;
    while (buf.length - at >= 4) {
      const len = buf.readUInt32BE(at);
      if (len < 5 || len - 5 > MAX_BODY) return false;
      if (buf.length - at < 4 + len) break;
      const kind = buf[at + 4]!;
      if (kind !== FRAME_KIND.snapshot && kind !== FRAME_KIND.checkpoint) return false;
      this.sink(kind, buf.readUInt32BE(at + 5), buf.subarray(at + FRAME_HEADER, at + 4 + len));
      at += 4 + len;
    }
    buf = buf.subarray(at);
    this.pending = buf.length === 0 ? Buffer.alloc(0) : Buffer.from(buf); // copy: the chunk is not ours to keep
    return true;
  }
}
