/**
 * Honest emissions of T-RC-1's search worlds signed once per process: an honest push or snapshot is a pure function
 * of its fields and its key, and the same ones recur in many worlds (every world starts at time 0 with the same
 * keys), so each HMAC is computed once (issue 19, Deliver 5). Nothing changes the bytes after emission
 * (properties/t-rc-1/adversary.ts decodes and re-encodes).
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import type { KeyTable } from '../../model/key-table.js';

/** An honest emission's bytes and their hex. */
export interface Signed {
  readonly bytes: Uint8Array;
  readonly hex: string;
}

/** Signed emissions kept between worlds, per key table: a long search keeps at most this many. */
const SIGNED_MAX = 50_000;
/** The honest emissions already signed, per key table, by what determines their bytes. */
const signedCache = new WeakMap<KeyTable, Map<string, Signed>>();

/** The signed bytes (and their hex) of the emission ID names under KEYS: kept ones, or MAKE()'s. */
export function signedOnce(keys: KeyTable, id: string, make: () => Uint8Array): Signed {
  let cache = signedCache.get(keys);
  if (!cache) signedCache.set(keys, (cache = new Map()));
  const hit = cache.get(id);
  if (hit) return hit;
  if (cache.size >= SIGNED_MAX) cache.clear();
  const bytes = make();
  const signed = { bytes, hex: bytesToHex(bytes) };
  cache.set(id, signed);
  return signed;
}
