/**
 * The configuration space the draft's normative statements speak about (issue 18, Deliver 4, normative class): each
 * field a deployment, its operator or a consumer can be in or choose, with a small admissible set that the search
 * enumerates exhaustively. The first value of each set is the ordinary one (the draft's default, or the full
 * deployment); a configuration is "smaller" the fewer fields leave their first value. Every statement reads only
 * the fields it declares (src/audit/normative-rules.ts), so a pair is searched over the product of its fields alone.
 */
import { QUARTET } from '../../model/capabilities.js';

/** Every subset of the capability quartet (draft §8, lines 789-795), the whole quartet first, then by size. */
const FLAG_SETS: readonly (readonly string[])[] = Array.from({ length: 16 }, (_, mask) =>
  QUARTET.filter((_, i) => (mask & (1 << i)) !== 0),
).sort((a, b) => b.length - a.length || a.join().localeCompare(b.join()));

/**
 * Each field and its admissible values. Context fields describe the deployment (what it is); the others are what
 * its operator, broker or consumer choose. The values are the ones the draft names, plus one or two on each side.
 */
export const DOMAINS = {
  // --- context ---
  /** §3.3 regimes; §3.4 "Regime D (PPS_t >= 1 Mpps)". */
  regime: ['C', 'D'],
  /** T_tick in ms: §3.3 (5, 50, 1000) and §4.2 "very long T_tick (>= 1 s)". */
  tTickMs: [50, 5, 1000, 2000],
  /** §4.2 "deterministic real-time platforms", §9 "HFT, orbital, and other low-jitter environments". */
  platform: ['commodity', 'low-jitter'],
  /** §8 "joint operational hypotheses (insider flood plausible OR Byzantine fraction non-zero) hold". */
  joint: [true, false],
  /** Which of the composed profiles the deployment runs (§8 lines 820-824). */
  operated: ['cwt+bfd+ddos', 'cwt-only', 'cwt+bfd', 'bfd-only'],
  // --- choices ---
  /** Whether the deployment adopts this profile (the scope of "conformant to this profile"). */
  adopts: [true, false],
  /** §4.2 rate_limit_factor (default 4). */
  rlf: [4, 1, 2, 3, 6, 8],
  /** §4.2 burst_factor (default 8). */
  bf: [8, 1, 2, 3, 4, 6],
  /** §4.2 "explicit risk acceptance". */
  riskAccepted: [false, true],
  /** §9 the factor choice disclosed in the management interface. */
  disclosed: [false, true],
  /** §4.1 where the per-vantage rate limit runs. */
  rlPlacement: ['nic-before-hmac', 'software-before-hmac', 'after-hmac', 'none'],
  /** §3.4 HMAC acceleration: hardware (QAT, ARMv8 CE) or kernel-bypass crypto (DPDK + cryptodev). */
  accel: ['none', 'hw', 'kernel-bypass'],
  /** §3.4 acceleration declared in the management interface. */
  accelDeclared: [true, false],
  /** §4.1 c_xdp measured on the deployment's own hardware. */
  cxdpMeasured: [true, false],
  /** §3.4 the broker budget is dimensioned from JOINT, or from a single-axis cost. */
  dimensioning: ['joint', 'single-axis'],
  /** §8 I-PS-5 receipt schema reproduced in the deployment-readiness document. */
  receiptReproduced: [true, false],
  /** §6 CWT and Coherence-BFD share K_op. */
  kOpShared: [true, false],
  /** §6 how K_BFD_auth is derived. */
  derivation: ['perfsec-hkdf', 'legacy'],
  /** §6 K_op rotation period, days (CWT §5.5: SHOULD every 90 days). */
  kOpRotationDays: [90, 30, 180],
  /** §6 K_BFD_auth rotation period, days (Coherence-BFD §12: SHOULD every 30 days, superseded). */
  kBfdRotationDays: [90, 30, 180],
  /** §6 a counter introduced into the info string. */
  counterInInfo: [false, true],
  /** §7 (D_minimax, D_max) carried inside the cosigned checkpoint. */
  dualMode: [true, false],
  /** §5 the broker's acceptance rule. */
  replayRule: ['and', 'bfd-only', 'cwt-only'],
  /** §5 rejections logged with a reason code. */
  rejectLogged: [true, false],
  /** §5 epoch boundary: last_bfd_seq kept, or forgotten. */
  bfdSeqMemory: ['kept', 'forgotten'],
  /** §5 epoch boundary: last_cwt_counter[vantage, epoch_id+1] initialised to -1 or 0. */
  cwtCounterInit: [-1, 0],
  /** §5 epoch boundary: snapshots of both epochs accepted during the overlap window, or only the new one's. */
  overlapAccept: ['both', 'new-only'],
  /** §9 witness liveness budget, seconds (default 5). */
  livenessBudgetS: [5, 1, 10],
  /** §8 the capability flags the bundle advertises. */
  flags: FLAG_SETS,
  /** §8 whether a consumer accepts the bundle. */
  consumerAccepts: [true, false],
  /** §9-§10 how a consumer treats the rate-limit factors: verifies them, or relies on the default. */
  consumerFactorCheck: ['verify', 'rely-on-default'],
} as const;

/** A field of the configuration. */
export type Field = keyof typeof DOMAINS;

/** A value of field F. */
export type ValueOf<F extends Field> = (typeof DOMAINS)[F][number];

/** A configuration: a value for every field (a statement reads only the ones it declares). */
export type Config = { readonly [F in Field]: ValueOf<F> };

/** The fields that describe the deployment rather than a choice. */
export const CONTEXT_FIELDS: readonly Field[] = ['regime', 'tTickMs', 'platform', 'joint', 'operated'];

/** Every field, in declaration order. */
export const FIELDS = Object.keys(DOMAINS) as Field[];

/** The ordinary configuration: every field at its first value. */
export const BASE: Config = Object.fromEntries(FIELDS.map((f) => [f, DOMAINS[f][0]])) as unknown as Config;

/** How many configurations the whole space holds (the product of every field's admissible set). */
export function spaceSize(): number {
  return FIELDS.reduce((n, f) => n * DOMAINS[f].length, 1);
}

/**
 * Every configuration that differs from BASE (or FROM) only on FIELDS, each visited once. The same object is yielded
 * each time, changed in place: copy it (`{ ...c }`) to keep it past the next step. Repeated fields count once.
 */
export function* assignments(fields: readonly Field[], from: Config = BASE): Generator<Config> {
  const fs = [...new Set(fields)];
  const idx = fs.map(() => 0);
  const c = { ...from } as Record<Field, unknown>;
  fs.forEach((f) => (c[f] = DOMAINS[f][0]));
  for (;;) {
    yield c as unknown as Config;
    let k = 0;
    while (k < fs.length && ++idx[k]! === DOMAINS[fs[k]!].length) {
      idx[k] = 0;
      c[fs[k]!] = DOMAINS[fs[k]!][0];
      k++;
    }
    if (k === fs.length) return;
    c[fs[k]!] = DOMAINS[fs[k]!][idx[k]!];
  }
}

/**
 * Calls VISIT with every configuration that differs from FROM only on FIELDS (the same object, changed in place),
 * until VISIT returns true; returns the number of configurations visited.
 */
export function enumerate(fields: readonly Field[], from: Config, visit: (c: Config) => boolean | void): number {
  const fs = [...new Set(fields)];
  const domains = fs.map((f) => DOMAINS[f] as readonly unknown[]);
  const idx = fs.map(() => 0);
  const c = { ...from } as Record<Field, unknown>;
  fs.forEach((f, i) => (c[f] = domains[i]![0]));
  let n = 0;
  for (;;) {
    n++;
    if (visit(c as unknown as Config) === true) return n;
    let k = 0;
    while (k < fs.length && ++idx[k]! === domains[k]!.length) {
      idx[k] = 0;
      c[fs[k]!] = domains[k]![0];
      k++;
    }
    if (k === fs.length) return n;
    c[fs[k]!] = domains[k]![idx[k]!];
  }
}

/** How far C is from the ordinary configuration on FIELDS: fields off their first value, then the index sum. */
export function distance(c: Config, fields: readonly Field[]): [number, number] {
  let off = 0;
  let sum = 0;
  for (const f of new Set(fields)) {
    const i = (DOMAINS[f] as readonly unknown[]).indexOf(c[f]);
    if (i > 0) off++;
    sum += i;
  }
  return [off, sum];
}

/** The value of one field as the report prints it. */
const show = (v: unknown): string => (Array.isArray(v) ? `[${v.join(',')}]` : String(v));

/** C restricted to FIELDS, as "field=value" pairs in declaration order. */
export function describe(c: Config, fields: readonly Field[]): string {
  const set = new Set(fields);
  return FIELDS.filter((f) => set.has(f))
    .map((f) => `${f}=${show(c[f])}`)
    .join(', ');
}
