/**
 * The documented domain of every number the project reads: command-line flags, constants files,
 * conformance vectors, deployment descriptions and claims scenarios. A number outside its domain
 * is refused when it is read (exit 2), so every quantity computed from in-domain inputs is finite
 * (issue 16: "Numbers are finite and in range everywhere"). Schemas say the same bounds where a
 * schema can (schemas/constants-v1 and perfsec-deployment-v1: minimum, maximum); the code checks the
 * rest with `checkInDomain` (flags: src/cli/options.ts; vectors: src/vectors/t-*.ts; claims:
 * src/lib/*-quantities.ts).
 *
 * | name                     | unit           | domain              | whole | read from                               |
 * |--------------------------|----------------|---------------------|-------|-----------------------------------------|
 * | n                        | vantages       | [1, 10^9]           | yes   | --n, vectors, deployments, claims       |
 * | t_tick_ms                | ms             | [0.001, 86 400 000] | no    | --tick-ms, vectors, deployments, claims |
 * | q                        | cosignatures   | [0, 1000]           | yes   | --q, vectors, deployments               |
 * | cells_k                  | cells          | [1, 10^6]           | yes   | --cells, vectors, deployments           |
 * | bundle_period_ticks      | ticks          | [1, 10^9]           | yes   | --bundle-period, vectors, deployments   |
 * | flood_factor             | × natural rate | [1, 10^6]           | 0.01  | --flood, vectors, claims                |
 * | rate_limit_factor        | × natural rate | [2, 10^6]           | 0.01  | --rate-limit-factor, vectors, claims    |
 * | burst_factor             | × natural rate | [2, 10^6]           | 0.01  | --burst-factor, vectors, claims         |
 * | coalition                | vantages       | [0, 10^9], and <= n | yes   | --coalition, vectors, claims            |
 * | duration_s               | s              | [10^-6, 86 400]     | no    | --duration-s, claims                    |
 * | duration_ticks           | ticks          | [1, 8.64 × 10^10]   | yes   | vectors                                 |
 * | cost_us (c_json … c_xdp) | µs             | [10^-6, 10^6]       | no    | constants files, vectors (constants-v1) |
 * | broker_cores             | cores          | [0, 10^9]           | no    | deployments                             |
 * | deployment factors       | × natural rate | (0, 10^6]           | no    | deployments (rate_limit.*_factor)       |
 * | time_ms                  | ms             | [1, 60 000]         | yes   | calibrate --time-ms                     |
 * | samples                  | samples        | [1, 10 000]         | yes   | calibrate --samples                     |
 * | vantages                 | vantages       | [1, 10^7]           | yes   | calibrate --vantages                    |
 * | verify_depth             | actions        | [0, 10^4]           | yes   | verify --depth                          |
 * | verify_states            | states         | [1, 2^24]           | yes   | verify --max-states                     |
 *
 * Why each bound:
 * - n: a billion vantages is beyond any deployment the draft sizes
 * - t_tick_ms: T_tick between 1 µs (the models' time unit) and one day
 * - q: a witness quorum, not a population
 * - cells_k: coherence cells, each with a coordinator
 * - bundle_period_ticks: counts ticks
 * - flood_factor: draft §4.4 goes to 1024; the model steps by 0.01
 * - rate_limit_factor: draft §4.2: REQUIRED >= 2
 * - burst_factor: draft §4.2: REQUIRED >= 2
 * - coalition: a subset of the N vantages (the model checks <= n)
 * - duration_s: from 1 µs (then rounded to whole ticks) to one day
 * - duration_ticks: one day of 1 µs ticks
 * - cost_us (c_json … c_xdp): one operation between a picosecond and a second of CPU
 * - broker_cores: cores of one broker
 * - deployment factors: stated, then judged by I-PS-1: below 2 is a FAIL, not bad input
 * - time_ms: one minute of sampling per constant
 * - samples: each sample is a batch of operations
 * - vantages: 32 bytes of rate-limit table each (320 MB at the top)
 * - verify_depth: a stream model steps once per tick (1639 ticks is the longest scope); each target bounds its own
 * - verify_states: distinct states, a key each in one JS Set, which holds at most 2^24 = 16 777 216 (V8 throws past
 *   it; about 1.5 GB of keys at the top)
 *
 * Work budgets (how much a command may simulate or enumerate) are in src/lib/work-budget.ts.
 */
import { InputError } from './errors.js';

/** One documented domain: [min, max], whole numbers only when integer. */
export interface Domain {
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}

/** Every documented domain, by the name the draft and the files use (the table above). */
export const DOMAINS = {
  n: { unit: 'vantages', min: 1, max: 1e9, integer: true },
  t_tick_ms: { unit: 'ms', min: 0.001, max: 86_400_000 },
  q: { unit: 'cosignatures', min: 0, max: 1000, integer: true },
  cells_k: { unit: 'cells', min: 1, max: 1e6, integer: true },
  bundle_period_ticks: { unit: 'ticks', min: 1, max: 1e9, integer: true },
  flood_factor: { unit: 'x natural rate', min: 1, max: 1e6 },
  rate_limit_factor: { unit: 'x natural rate', min: 2, max: 1e6 },
  burst_factor: { unit: 'x natural rate', min: 2, max: 1e6 },
  coalition: { unit: 'vantages', min: 0, max: 1e9, integer: true },
  duration_s: { unit: 's', min: 1e-6, max: 86_400 },
  duration_ticks: { unit: 'ticks', min: 1, max: 8.64e10, integer: true },
  cost_us: { unit: 'µs', min: 1e-6, max: 1e6 },
  broker_cores: { unit: 'cores', min: 0, max: 1e9 },
  time_ms: { unit: 'ms', min: 1, max: 60_000, integer: true },
  samples: { unit: 'samples', min: 1, max: 10_000, integer: true },
  vantages: { unit: 'vantages', min: 1, max: 1e7, integer: true },
  verify_depth: { unit: 'actions', min: 0, max: 10_000, integer: true },
  verify_states: { unit: 'states', min: 1, max: 2 ** 24, integer: true },
} as const satisfies Record<string, Domain>;

/** The name of a documented domain. */
export type DomainName = keyof typeof DOMAINS;

/**
 * What is wrong with VALUE as NAME ("must be >= 0.001 and <= 86400000 ms, got 5e-324"), or undefined when it is in its
 * domain.
 */
export function domainProblem(name: DomainName, value: unknown): string | undefined {
  const d: Domain = DOMAINS[name];
  const got = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  if (typeof value !== 'number' || !Number.isFinite(value)) return `must be a finite number, got ${got}`;
  if (d.integer && !Number.isInteger(value)) return `must be a whole number, got ${got}`;
  if (value < d.min || value > d.max)
    return `must be >= ${d.min} and <= ${d.max} (${d.unit}; src/lib/domains.ts), got ${got}`;
  return undefined;
}

/**
 * VALUE when it is in the domain NAME; otherwise InputError "WHERE: NAME must be ..." (LABEL replaces NAME in the
 * message).
 */
export function checkInDomain(name: DomainName, value: unknown, where: string, label: string = name): number {
  const problem = domainProblem(name, value);
  if (problem !== undefined) throw new InputError(`${where ? `${where}: ` : ''}${label} ${problem}`);
  return value as number;
}
