/**
 * The insider flood of draft §2.2 and §4.3: N admitted vantages send one packet per tick on each
 * path (A: CWT snapshot, B: BFD push); a coalition of k of them, holding valid keys, sends at
 * flood_factor times the natural rate instead.
 */
import { DomainError } from './domain-error.js';
import { isWholeIn } from './whole-units.js';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** The two telemetry paths of draft §3.1 that a vantage can flood. */
export const FLOOD_PATHS = ['A', 'B'] as const;
/** Path A (snapshot) or B (BFD push). */
export type FloodPath = (typeof FLOOD_PATHS)[number];

/** One flood experiment. */
export interface FloodScenario {
  /** N: admitted vantages. */
  readonly n: number;
  /** T_tick in ms; T_tick * 1000 must be whole µs. */
  readonly tickMs: number;
  /** k: vantages 0..k-1 flood, the others stay honest. */
  readonly coalition: number;
  /** flood_factor: a flooder's rate as a multiple of the natural tick rate, to 0.01. */
  readonly floodFactor: number;
  /** Duration in whole ticks (so every honest vantage sends exactly durationTicks packets per path). */
  readonly durationTicks: number;
  /** Per vantage, the phase of its first packet on each path in µs, in [0, T). Zeros when omitted. */
  readonly phasesUs?: ReadonlyArray<readonly [number, number]>;
  /** Per-packet delay of up to jitterUs, drawn from jitterSeed (the per-packet simulator only). */
  readonly jitterUs?: number;
  readonly jitterSeed?: number;
}

/** A scenario outside its domain; the message names the parameter. */
export class FloodError extends DomainError {
  override readonly name = 'FloodError';
}

/** The tick in whole µs. */
export function tickUs(s: Pick<FloodScenario, 'tickMs'>): number {
  return Math.round(s.tickMs * 1000);
}

/** Throws FloodError unless the scenario is well formed. */
export function checkScenario(s: FloodScenario): FloodScenario {
  const ints: Array<[string, number, number]> = [
    ['n', s.n, 1],
    ['durationTicks', s.durationTicks, 1],
    ['coalition', s.coalition, 0],
  ];
  for (const [name, v, min] of ints)
    if (!Number.isSafeInteger(v) || v < min) throw new FloodError(`${name} must be an integer >= ${min}, got ${v}`);
  if (s.coalition > s.n) throw new FloodError(`coalition must be <= n (${s.n}), got ${s.coalition}`);
  if (!(s.tickMs > 0) || !isWholeIn(s.tickMs, 1000))
    throw new FloodError(`tickMs must be positive and a whole number of µs, got ${s.tickMs}`);
  if (!(s.floodFactor >= 1) || !isWholeIn(s.floodFactor, 100))
    throw new FloodError(`floodFactor must be >= 1 and a multiple of 0.01, got ${s.floodFactor}`);
  if (s.phasesUs && s.phasesUs.length !== s.n)
    throw new FloodError(`phasesUs must have n = ${s.n} entries, got ${s.phasesUs.length}`);
  if (s.phasesUs?.some((p) => p.some((x) => !Number.isInteger(x) || x < 0 || x >= tickUs(s))))
    throw new FloodError('phasesUs must be whole µs in [0, T_tick)');
  // Arrival times (endUs * f100) and packet counts (honest D each, flooders f * D + 1 each) are exact integers only
  // below 2^53.
  const exact =
    tickUs(s) * s.durationTicks * Math.round(s.floodFactor * 100) + tickUs(s) * 100 <= Number.MAX_SAFE_INTEGER &&
    (s.n - s.coalition) * s.durationTicks + s.coalition * (Math.ceil(s.floodFactor * s.durationTicks) + 1) <=
      Number.MAX_SAFE_INTEGER;
  if (!exact)
    throw new FloodError(
      `durationTicks ${s.durationTicks} (tickMs ${s.tickMs}, floodFactor ${s.floodFactor}, n ${s.n}) ` +
        'takes arrival times or packet counts past 2^53, where integers stop being exact',
    );
  return s;
}

/** Phase of vantage v on a path. */
export function phaseOf(s: FloodScenario, v: number, path: FloodPath): number {
  return s.phasesUs === undefined ? 0 : s.phasesUs[v]![path === 'A' ? 0 : 1]; // checkScenario: one pair per vantage
}

/** Whether vantage v belongs to the flooding coalition. */
export function floods(s: FloodScenario, v: number): boolean {
  return v < s.coalition;
}

/** Nominal arrival time of packet i: every tick for an honest vantage, every T / flood_factor for a flooder. */
export function nominalUs(s: FloodScenario, v: number, path: FloodPath, i: number): number {
  const t = tickUs(s);
  return phaseOf(s, v, path) + (floods(s, v) ? Math.floor((i * t * 100) / Math.round(s.floodFactor * 100)) : i * t);
}

/** Every arrival of one (vantage, path) stream in time order, jitter applied, inside [0, duration). */
export function arrivals(s: FloodScenario, v: number, path: FloodPath): number[] {
  const end = tickUs(s) * s.durationTicks;
  const nominal: number[] = [];
  // nominalUs(s, v, path, i) with its per-stream terms computed once (the search runs this for every packet)
  const [phase, tick, f100] = [phaseOf(s, v, path), tickUs(s), Math.round(s.floodFactor * 100)];
  const at = floods(s, v)
    ? (i: number) => phase + Math.floor((i * tick * 100) / f100)
    : (i: number) => phase + i * tick;
  for (let i = 0, t = at(0); t < end; t = at(++i)) nominal.push(t);
  const jitter = s.jitterUs ?? 0;
  // Stryker disable next-line ConditionalExpression: with jitter 0 every draw is 0; the early return only saves the
  // draws
  if (jitter === 0) return nominal;
  // One generator per (vantage, path) stream, so streams do not share draws.
  const rng = xoroshiro128plus(((s.jitterSeed ?? 0) ^ Math.imul(v * 2 + (path === 'A' ? 0 : 1), 0x9e3779b1)) | 0);
  // a delayed packet may land after its successor
  const late = new Float64Array(nominal.length); // whole µs below 2^53 (checkScenario): exact as doubles
  for (let i = 0; i < nominal.length; i++) late[i] = Math.min(end - 1, nominal[i]! + uniformInt(rng, 0, jitter));
  return Array.from(late.sort()); // a typed array sorts by value
}
