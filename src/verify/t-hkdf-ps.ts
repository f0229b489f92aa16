/**
 * T-HKDF-PS (draft §6) for `perfsec verify` (issue 19, Deliver 1): one box model per claim of the property file
 * (properties/t-hkdf-ps.prop.ts), on the same derivation (model/hkdf.ts) with the same predicates. The derivation has
 * no behaviour over time: every boundary input (src/verify/t-hkdf-ps-box.ts) under a reading of §6's byte strings is
 * an initial state, with no action. The scope's `reading` picks one reading of model/hkdf.ts READINGS (default 0,
 * the code's 'hex-lower'), or all of them (READINGS.length); t-hkdf-ps-readings.ts tabulates every reading.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { READINGS, type HkdfReading } from '../../model/hkdf.js';
import tHkdfPs, { subjectOf, type HkdfSubject } from '../../properties/t-hkdf-ps.prop.js';
import type { KeyCase } from '../../properties/t-hkdf-ps-generators.js';
import type { Explorable } from './explore.js';
import type { Scope, VerifyTarget } from './target.js';
import { violation } from './box.js';
import { BOX_DEPTH, param, setText } from './scope.js';
import { DISCRIMINATORS, EPOCHS, hex, K_OPS, kOpName, OPERATORS, VANTAGES } from './t-hkdf-ps-box.js';

/** What a claim takes besides the derivation input: nothing, a second session, epoch, K_op, or a vantage. */
type Extra = 'none' | 'session' | 'epoch' | 'kop' | 'vantage';

/** One T-HKDF-PS claim: its extra argument, and whether its predicate compares two derivations of one input. */
interface HkdfClaim {
  readonly id: string;
  readonly extra: Extra;
  /** Default sizes where the full box is large (two sessions: every ordered pair against every other). */
  readonly defaults?: Readonly<Record<string, number>>;
  /** The claim derives the same input twice (deterministic): never serve it from a cache. */
  readonly uncached?: boolean;
}

const CLAIMS: readonly HkdfClaim[] = [
  { id: 'T-HKDF-PS.length', extra: 'none' },
  { id: 'T-HKDF-PS.deterministic', extra: 'none', uncached: true },
  { id: 'T-HKDF-PS.pair-order', extra: 'none' },
  // the sessions vary over every pair of pairs; the inputs they share, over the first few (about 2 s)
  { id: 'T-HKDF-PS.session-separation', extra: 'session', defaults: { epochs: 3, operators: 2, keys: 2 } },
  { id: 'T-HKDF-PS.epoch-separation', extra: 'epoch' },
  { id: 'T-HKDF-PS.kop-rotation', extra: 'kop' },
  { id: 'T-HKDF-PS.independent-of-kv-epoch', extra: 'vantage' },
];

/** Derivations cached per reading (a box derives each input for many pairs); deterministic is never cached. */
const cached = new WeakMap<HkdfReading, HkdfSubject>();
function cachedSubject(r: HkdfReading): HkdfSubject {
  const known = cached.get(r);
  if (known) return known;
  const plain = subjectOf(r);
  const memo = <A extends unknown[]>(f: (...a: A) => Uint8Array, key: (...a: A) => string) => {
    const keys = new Map<string, Uint8Array>();
    return (...a: A): Uint8Array => {
      const k = key(...a);
      return keys.get(k) ?? (keys.set(k, f(...a)), keys.get(k)!);
    };
  };
  const made: HkdfSubject = {
    derive: memo(plain.derive, (i) => JSON.stringify([i.operatorId, bytesToHex(i.kOp), i.discriminators, i.epochId])),
    vantageEpoch: memo(plain.vantageEpoch, (k, o, v, e) => JSON.stringify([bytesToHex(k), o, v, e])),
  };
  cached.set(r, made);
  return made;
}

const first = <T>(xs: readonly T[], scope: Scope, name: string): readonly T[] => xs.slice(0, scope[name] ?? xs.length);

/** The derivation inputs of SCOPE, first discriminator first (pairs ordered: equal and swapped pairs both occur). */
function* keyCases(scope: Scope): Generator<KeyCase> {
  const ds = first(DISCRIMINATORS, scope, 'discs');
  for (const operatorId of first(OPERATORS, scope, 'operators'))
    for (const [, kOp] of first(K_OPS, scope, 'keys'))
      for (const epoch of first(EPOCHS, scope, 'epochs'))
        for (const a of ds) for (const b of ds) yield { operatorId, kOp, a, b, epoch };
}

/** The extra arguments of a claim over SCOPE. */
function extras(extra: Extra, scope: Scope): readonly unknown[][] {
  const ds = first(DISCRIMINATORS, scope, 'discs');
  if (extra === 'session') return ds.flatMap((a2) => ds.map((b2) => [a2, b2]));
  if (extra === 'epoch') return first(EPOCHS, scope, 'epochs').map((e) => [e]);
  if (extra === 'kop') return first(K_OPS, scope, 'keys').map(([, k]) => [k]);
  if (extra === 'vantage') return first(VANTAGES, scope, 'vantages').map((v) => [v]);
  return [[]];
}

/**
 * The canonical key: the reading and the arguments, with the two compared values in order where the predicate is
 * symmetric in them (two sessions, two epochs, two K_op: swapping them swaps the two derivations compared).
 */
function keyOf(extra: Extra, reading: number, [k, ...x]: readonly unknown[]): string {
  const c = k as KeyCase;
  const sorted = (p: string, q: string) => (p <= q ? `${p}~${q}` : `${q}~${p}`);
  const rest = `${reading}|${JSON.stringify(c.operatorId)}`;
  if (extra === 'session') return `${rest}|${c.kOp}|${c.epoch}|${sorted(`${c.a},${c.b}`, `${x[0]},${x[1]}`)}`;
  if (extra === 'epoch') return `${rest}|${c.kOp}|${c.a},${c.b}|${sorted(String(c.epoch), String(x[0]))}`;
  if (extra === 'kop') return `${rest}|${c.a},${c.b}|${c.epoch}|${sorted(c.kOp, String(x[0]))}`;
  return `${rest}|${c.kOp}|${c.a},${c.b}|${c.epoch}|${JSON.stringify(x)}`;
}

/** A state as a trace shows it. */
function show(extra: Extra, r: HkdfReading, [k, ...x]: readonly unknown[]): string {
  const c = k as KeyCase;
  const op = JSON.stringify(c.operatorId);
  const input = `${r.name} op=${op} K_op=${kOpName(c.kOp)} (${hex(c.a)}, ${hex(c.b)}) epoch=${c.epoch}`;
  if (extra === 'session') return `${input} vs (${hex(x[0] as number)}, ${hex(x[1] as number)})`;
  if (extra === 'epoch') return `${input} vs epoch=${String(x[0])}`;
  if (extra === 'kop') return `${input} vs K_op=${kOpName(x[0] as string)}`;
  if (extra === 'vantage') return `${input} vs K_v_epoch of vantage ${JSON.stringify(x[0])}`;
  return input;
}

/** A state: the index of its reading, and the claim's arguments (the derivation input, then the extra ones). */
interface HkdfState {
  readonly reading: number;
  readonly args: readonly unknown[];
}

/** What a violation shows: the state and the key its first input derives. */
function explain(extra: Extra, r: HkdfReading, subject: HkdfSubject, args: readonly unknown[]): string {
  const c = args[0] as KeyCase;
  const key = subject.derive({
    operatorId: c.operatorId,
    kOp: hexToBytes(c.kOp),
    discriminators: [c.a, c.b],
    epochId: c.epoch,
  });
  return `${show(extra, r, args)}: K_BFD_auth ${bytesToHex(key).slice(0, 16)}… (${key.length} octets)`;
}

/** The box model of claim F over SCOPE, under READINGS[scope.reading] (all of them at READINGS.length). */
function hkdfModel(f: HkdfClaim, readings: readonly HkdfReading[], scope: Scope): Explorable<HkdfState, never> {
  const pick = scope['reading'] ?? 0;
  const indices = pick === readings.length ? readings.map((_, i) => i) : [pick];
  const per = new Map(
    indices.map((i) => {
      const r = readings[i]!;
      const subject = f.uncached ? subjectOf(r) : cachedSubject(r);
      const claim = tHkdfPs.claims(subject).find((c) => c.id === f.id)!; // the property's own predicate
      return [i, { r, subject, claim }] as const;
    }),
  );
  const at = (i: number) => per.get(i)!;
  return {
    initial: function* () {
      for (const reading of indices)
        for (const k of keyCases(scope)) for (const x of extras(f.extra, scope)) yield { reading, args: [k, ...x] };
    },
    actions: () => [],
    step: (s) => s,
    key: (s) => keyOf(f.extra, s.reading, s.args),
    check: (s) =>
      violation(at(s.reading).claim, s.args, (args) => explain(f.extra, at(s.reading).r, at(s.reading).subject, args)),
    showAction: () => 'none',
    showState: (s) => show(f.extra, at(s.reading).r, s.args),
  };
}

/** The target of claim F against READINGS (a test hands in a deliberately broken reading). */
function hkdfTarget(f: HkdfClaim, readings: readonly HkdfReading[]): VerifyTarget {
  const names = readings.map((r, i) => `${i} ${r.name}`).join(', ');
  /** A list's scope parameter: its first n values, n by default all (or the claim's default). */
  const size = (name: string, xs: readonly unknown[], about: string) =>
    param(f.defaults?.[name] ?? xs.length, 1, xs.length, about);
  return {
    claim: f.id,
    scope: {
      reading: param(0, 0, readings.length, `reading of §6 (${names}; ${readings.length}: every reading)`),
      discs: size('discs', DISCRIMINATORS, `discriminators, the first of ${setText(DISCRIMINATORS.map(hex))}`),
      epochs: size('epochs', EPOCHS, `epoch_ids, the first of ${setText(EPOCHS)}`),
      operators: size('operators', OPERATORS, 'operator_ids: ordinary, empty, one character, long with | and :'),
      keys: size('keys', K_OPS, `K_op, the first of ${setText(K_OPS.map(([n]) => n))}`),
      ...(f.extra === 'vantage'
        ? { vantages: size('vantages', VANTAGES, 'vantage ids: ordinary, 12 characters, empty, with | and :') }
        : {}),
      depth: BOX_DEPTH,
    },
    describe: (s) => {
      const r = s['reading'] === readings.length ? 'every reading' : `reading ${readings[s['reading']!]!.name}`;
      const n = (name: string, xs: readonly unknown[]) => first(xs, s, name).length;
      return (
        `${r}; ${n('discs', DISCRIMINATORS)} discriminators (every ordered pair), ${n('epochs', EPOCHS)} epochs, ` +
        `${n('operators', OPERATORS)} operator ids, ${n('keys', K_OPS)} K_op` +
        (f.extra === 'vantage' ? `, ${n('vantages', VANTAGES)} vantages` : '') +
        (f.extra === 'session' ? ', against every other ordered pair' : '')
      );
    },
    model: (s) => hkdfModel(f, readings, s) as Explorable<unknown, unknown>,
  };
}

/** Every T-HKDF-PS claim as a target over READINGS (default: model/hkdf.ts READINGS). */
export function tHkdfPsTargets(readings: readonly HkdfReading[] = READINGS): VerifyTarget[] {
  return CLAIMS.map((f) => hkdfTarget(f, readings));
}

/** The T-HKDF-PS targets of `perfsec verify`: every claim, every reading of model/hkdf.ts on request. */
export const T_HKDF_PS_TARGETS: readonly VerifyTarget[] = tHkdfPsTargets();
