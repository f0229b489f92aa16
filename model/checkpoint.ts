/**
 * C2SP tlog-checkpoint bodies (c2sp.org/tlog-checkpoint): origin line, tree size (ASCII decimal,
 * no leading zeros, uint64), root hash (base64), then zero or more non-empty extension lines.
 * Draft §7 binds the dual-mode values into an extension line
 * "bundle_id=<uuid>;bundle_seq=<uint64>;d_minimax=<float>;d_max=<float>" (the draft prints it
 * over two lines; read here as ONE extension line, the break being layout).
 */
import { decodeBase64, encodeBase64, fail, ok, type Result } from './note.js';

/** A checkpoint body. */
export interface Checkpoint {
  readonly origin: string;
  /** Tree size as a decimal string (uint64 exceeds 2^53). */
  readonly size: bigint;
  readonly rootHash: Uint8Array;
  readonly extensions: readonly string[];
}

const U64_MAX = 2n ** 64n - 1n;

/**
 * Parses a checkpoint body. HASH_LEN, when given (32 for SHA-256 logs), is enforced; the C2SP
 * spec leaves the hash length to the log, transparency-dev/formats does not check it.
 */
export function parseCheckpoint(text: string, hashLen?: number): Result<Checkpoint> {
  if (!text.endsWith('\n')) return fail('checkpoint: body must end in a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) return fail('checkpoint: fewer than three lines');
  const [origin, sizeText, hashText, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin === '') return fail('checkpoint: empty origin');
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText))
    return fail('checkpoint: size is not an ASCII decimal without leading zeros');
  const size = BigInt(sizeText);
  if (size > U64_MAX) return fail('checkpoint: size overflows uint64');
  const rootHash = decodeBase64(hashText);
  if (!rootHash || rootHash.length === 0) return fail('checkpoint: root hash is not base64');
  if (hashLen !== undefined && rootHash.length !== hashLen)
    return fail(`checkpoint: root hash is ${rootHash.length} bytes, not ${hashLen}`);
  if (extensions.some((l) => l === '')) return fail('checkpoint: empty extension line');
  return ok({ origin, size, rootHash, extensions });
}

/** Formats a checkpoint body. */
export function formatCheckpoint(c: Checkpoint): string {
  return [c.origin, c.size.toString(), encodeBase64(c.rootHash), ...c.extensions].map((l) => `${l}\n`).join('');
}

/** The dual-mode values of draft §7 bound into the checkpoint. */
export interface DualMode {
  readonly bundleId: string;
  readonly bundleSeq: bigint;
  readonly dMinimax: number;
  readonly dMax: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FLOAT = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/;

/** Formats the §7 extra field; floats in JS shortest round-trip form (the draft fixes no rendering). */
export function formatDualMode(d: DualMode): string {
  return `bundle_id=${d.bundleId};bundle_seq=${d.bundleSeq};d_minimax=${d.dMinimax};d_max=${d.dMax}`;
}

/** Parses the §7 extra field: exactly the four keys in order, a lowercase UUID, a uint64, two finite floats. */
export function parseDualMode(line: string): Result<DualMode> {
  const m = /^bundle_id=([^;]*);bundle_seq=([^;]*);d_minimax=([^;]*);d_max=([^;]*)$/.exec(line);
  if (!m) return fail('extra field: expected bundle_id=…;bundle_seq=…;d_minimax=…;d_max=…');
  const [, id, seq, dmm, dmx] = m as unknown as [string, string, string, string, string];
  if (!UUID.test(id)) return fail('extra field: bundle_id is not a lowercase UUID');
  if (!/^(0|[1-9][0-9]*)$/.test(seq) || BigInt(seq) > U64_MAX) return fail('extra field: bundle_seq is not a uint64');
  if (!FLOAT.test(dmm) || !FLOAT.test(dmx)) return fail('extra field: d_minimax / d_max is not a decimal float');
  const dMinimax = Number(dmm);
  const dMax = Number(dmx);
  if (!Number.isFinite(dMinimax) || !Number.isFinite(dMax)) return fail('extra field: d_minimax / d_max is not finite');
  return ok({ bundleId: id, bundleSeq: BigInt(seq), dMinimax, dMax });
}

/** The dual-mode extension line of a checkpoint, if exactly one is present (draft §7). */
export function dualModeOf(c: Checkpoint): Result<DualMode> {
  const found = c.extensions.filter((l) => l.startsWith('bundle_id='));
  if (found.length !== 1) return fail(`checkpoint: ${found.length} dual-mode extension lines, expected exactly one`);
  return parseDualMode(found[0]!);
}
