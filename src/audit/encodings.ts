/**
 * Multi-reading byte strings and formulas of the draft, audited (issue 18, Deliver 4): every byte string, key or
 * formula whose readings the model itself enumerates (model/hkdf.ts READINGS, model/dual-mode-readings.ts,
 * model/detection.ts, model/token-bucket.ts) is computed under each reading on fixed public test inputs. The
 * verdict rule with `interop` decides: `holds` when every reading gives the same bytes, keys or values as the
 * code's reading on every input, `underspecified` when some differ (two implementations following the text
 * would not interoperate, or would not be equally safe). The §7 and §9 entries are in encodings-c2sp.ts.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { deriveBfdAuthKey, READINGS, type BfdKeyInput, type HkdfReading } from '../../model/hkdf.js';
import { simulateExact } from '../../model/vdos-exact.js';
import {
  bucketParams,
  DEFAULT_POLICY,
  TokenBucket,
  type BucketScope,
  type CapacityReading,
} from '../../model/token-bucket.js';
import { testKey } from '../lib/test-keys.js';
import { encodingEntry, type AnchoredEntry, type EncodingCase } from './encoding-case.js';
import { c2spEncodings } from './encodings-c2sp.js';

/** The public test operator master key: a test key (src/lib/test-keys.ts), never a deployment's. */
const K_OP = testKey('audit ENC-6 K_op');
/** Octets as a report shows them: printable ASCII quoted, anything else as hex (no control character is echoed). */
const octets = (b: Uint8Array) =>
  b.every((x) => x >= 0x20 && x < 0x7f) ? `"${new TextDecoder().decode(b)}"` : `0x${bytesToHex(b)}`;
const keyPrefix = (i: BfdKeyInput, r: HkdfReading) => bytesToHex(deriveBfdAuthKey(i, r)).slice(0, 16);
const hkdfReading = (name: string) => READINGS.find((r) => r.name === name)!;

/** §6 session_id: the readings of "16 hex characters (8 octets) smaller||larger", canonicalized lexicographically. */
export function sessionIdCase(
  pairs: ReadonlyArray<readonly [number, number]> = [
    [0x0000000a, 0x000000ff],
    [0x000000ff, 0x0000000a],
    [0x0000000a, 0x00000010],
  ],
): EncodingCase {
  const input = (d: readonly [number, number]): BfdKeyInput => ({
    operatorId: 'op-1',
    kOp: K_OP,
    discriminators: d,
    epochId: 7,
  });
  const names = ['hex-lower', 'hex-upper', 'raw-octets', 'hex-unpadded-lex', 'hex-literal-bars'];
  return {
    id: 'ENC-6-session-id',
    anchor: {
      section: '§6',
      lines: [698, 700],
      words: ['canonicalized', 'lexicographically as 16 hex characters', '(8 octets) "smaller||larger"'],
    },
    paraphrase:
      'session_id, in the HKDF info of K_BFD_auth, is the discriminator pair as 16 hex characters (8 octets), ' +
      'smaller first',
    draft:
      'session_id is the pair "canonicalized lexicographically as 16 hex characters (8 octets) \\"smaller||larger\\""',
    open: [
      {
        name: 'session_id octets',
        admissible: names.join(' | '),
        lines: '§6 lines 698-700 (hex case, characters or octets, padding, order, "||")',
      },
    ],
    inputs: pairs.map(
      (d) => `operator_id "op-1", discriminators 0x${d[0].toString(16)}, 0x${d[1].toString(16)}, epoch 7, test K_op`,
    ),
    readings: names.map(hkdfReading).map((r) => {
      const sid = r.sessionId(...pairs[0]!);
      return {
        name: r.name,
        description: r.description,
        outputs: pairs.map((d) => keyPrefix(input(d), r)),
        shown: `session_id ${octets(sid)} (${sid.length} octets), K_BFD_auth ${keyPrefix(input(pairs[0]!), r)}...`,
      };
    }),
    note:
      'Keys are derived with the test K_op (SHA-256 of a label saying TEST KEY); each reading derives its own key, ' +
      'so a BFD peer following another reading fails every AuthHMAC check. The "ocr-scan" reading of model/hkdf.ts ' +
      "is the transcription's damage, not a reading of the text, and is left out.",
  };
}

/** §6 ascii(epoch_id): decimal, hexadecimal or 8 binary octets. */
export function epochIdCase(
  epochs: readonly number[] = [7, 10, 2 ** 32 + 7],
  names: readonly string[] = ['hex-lower', 'epoch-hex', 'epoch-u64-be'],
): EncodingCase {
  const input = (epochId: number): BfdKeyInput => ({
    operatorId: 'op-1',
    kOp: K_OP,
    discriminators: [0x0a, 0xff],
    epochId,
  });
  return {
    id: 'ENC-6-epoch-id',
    anchor: { section: '§6', lines: [686, 687], words: ['"|epoch:" || ascii(epoch_id)'] },
    paraphrase: 'the HKDF info of K_BFD_auth ends with "|epoch:" and ascii(epoch_id)',
    draft: 'info = ... || "|epoch:" || ascii(epoch_id)',
    open: [
      {
        name: 'ascii(epoch_id)',
        admissible: names.join(' | '),
        lines: '§6 lines 686-687, 702-705 (no radix, width or encoding given)',
      },
    ],
    inputs: epochs.map((e) => `epoch ${e}, operator_id "op-1", discriminators 0xa, 0xff, test K_op`),
    readings: names.map(hkdfReading).map((r) => ({
      name: r.name === 'hex-lower' ? 'decimal' : r.name,
      description: r.name === 'hex-lower' ? "decimal ASCII digits, no padding (the code's)" : r.description,
      outputs: epochs.map((e) => keyPrefix(input(e), r)),
      shown: epochs.map((e) => `epoch ${e}: ${octets(r.epoch(e))}, K_BFD_auth ${keyPrefix(input(e), r)}...`).join('; '),
    })),
    note:
      'At epoch 7 the decimal and hexadecimal readings give the same octets; from epoch 10 on every reading ' +
      'derives its own key.',
  };
}

/** §4.2 burst_budget(v) = burst_factor * natural_tick_rate(v): a rate used as a token count. */
export function burstBudgetCase(ticks: readonly number[] = [1000, 50, 5]): EncodingCase {
  const readings: CapacityReading[] = ['rate-times-1s', 'ticks'];
  const admitted = (tickMs: number, capacity: CapacityReading) => {
    const bucket = new TokenBucket(bucketParams(tickMs * 1000, { ...DEFAULT_POLICY, capacity }));
    return Array.from({ length: 200 }, (_, i) => bucket.offer(i)).filter(Boolean).length; // 200 packets in 200 us
  };
  return {
    id: 'ENC-4.2-burst-budget',
    anchor: { section: '§4.2', lines: [494, 494], words: ['burst_budget(v) = burst_factor * natural_tick_rate(v)'] },
    paraphrase: 'the token bucket holds a burst budget of burst_factor times the natural tick rate',
    draft: 'burst_budget(v) = burst_factor * natural_tick_rate(v), a rate in packets per second',
    open: [
      {
        name: 'burst budget',
        admissible: 'burst_factor * natural_tick_rate packets | burst_factor packets',
        lines: '§4.2 line 494; §4.3 lines 566-568',
      },
    ],
    inputs: ticks.map((t) => `T_tick ${t} ms, burst_factor 8, 200 packets back to back`),
    readings: readings.map((capacity) => ({
      name: capacity,
      description:
        capacity === 'rate-times-1s'
          ? "the rate read as that many packets (the code's)"
          : "burst_factor packets (fits the §4.3 proof's burst term)",
      outputs: ticks.map((t) => `admitted ${admitted(t, capacity)}`),
      shown: ticks.map((t) => `${t} ms: ${admitted(t, capacity)} of 200 admitted`).join(', '),
    })),
    note:
      'The readings agree only at T_tick = 1 s; at 50 ms one broker admits a burst twenty times larger than the ' +
      'other.',
  };
}

/** §4.1 vs §4.2: one bucket per (operator_id, vantage_id), or one per path as the rate is stated. */
export function bucketKeyCase(floods: readonly number[] = [1, 16]): EncodingCase {
  const scopes: BucketScope[] = ['per-path', 'per-vantage'];
  const run = (floodFactor: number, scope: BucketScope) => {
    const s = { n: 1, tickMs: 50, coalition: 1, floodFactor, durationTicks: 40 };
    const k = simulateExact(s, { ...DEFAULT_POLICY, capacity: 'ticks', scope });
    return `A ${k.admitted.A}/${k.arrived.A}, B ${k.admitted.B}/${k.arrived.B}`;
  };
  return {
    id: 'ENC-4.1-bucket-key',
    anchor: {
      section: '§4.1',
      lines: [475, 476],
      words: ['token-bucket lookup keyed on the (operator_id,', 'vantage_id) pair'],
    },
    paraphrase: 'the rate-limit bucket is looked up by the (operator_id, vantage_id) pair, at a rate stated per path',
    draft:
      'bucket "keyed on the (operator_id, vantage_id) pair"; rate_limit_pps(v) in packets per second per path (§4.2)',
    open: [
      {
        name: 'bucket key',
        admissible: 'one bucket per path | one per (operator_id, vantage_id)',
        lines: '§4.1 lines 475-478; §4.2 lines 489-493',
      },
    ],
    inputs: floods.map((f) => `flood ${f}, T_tick 50 ms, 4/8, budget burst_factor packets, 40 ticks`),
    readings: scopes.map((scope) => ({
      name: scope,
      description:
        scope === 'per-path'
          ? "a bucket per path, each at rate_limit_pps (the code's)"
          : 'one bucket for both paths of the vantage',
      outputs: floods.map((f) => run(f, scope)),
      shown: floods.map((f) => `flood ${f}: admitted/arrived ${run(f, scope)}`).join('; '),
    })),
    note:
      'Honest traffic is admitted under both; under a flood one broker verifies about twice as many packets as the ' +
      'other, and the shared bucket lets one path starve the other.',
  };
}

/** Every multi-reading byte string and formula of the draft, audited. */
export function encodingEntries(): AnchoredEntry[] {
  return [sessionIdCase(), epochIdCase(), ...c2spEncodings(), bucketKeyCase(), burstBudgetCase()].map(encodingEntry);
}
