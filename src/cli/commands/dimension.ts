/**
 * `perfsec dimension`: JOINT for one deployment (draft §3.2), per path, and the cores it needs.
 */
import type { Command } from 'commander';
import type { Deployment } from '../../../model/deployment.js';
import type { CostConstants } from '../../../model/constants.js';
import { FloodError } from '../../../model/flood.js';
import { joint, PATHS, US_PER_CORE_SECOND, type JointCost, type PathName } from '../../../model/joint-cost.js';
import { DEFAULT_POLICY, RateLimitError, type RateLimitPolicy } from '../../../model/token-bucket.js';
import { simulateAggregated } from '../../../model/vdos-aggregate.js';
import { draftBound, tokenBucketBound } from '../../../model/vdos-bounds.js';
import { floodCost } from '../../../model/vdos-cost.js';
import { InputError } from '../../lib/errors.js';
import { loadConstants } from '../../lib/constants.js';
import { checkFloodBudget, floodWork } from '../../lib/work-budget.js';
import { assertFinite } from '../../lib/finite.js';
import { domainInt, domainNumber } from '../options.js';
import { printJson, row, say } from '../output.js';

const WHAT: Record<PathName, string> = {
  A: 'CWT snapshot (decode + HMAC)',
  B: 'BFD push (parse + HMAC)',
  C: 'witness cosignatures (q Ed25519)',
};

interface Options {
  n: number;
  tickMs: number;
  q: number;
  cells: number;
  bundlePeriod: number;
  constants?: string;
  json?: boolean;
  flood?: number;
  rateLimitFactor: number;
  burstFactor: number;
  coalition?: number;
  durationS: number;
}

/** Registers the command. */
export function registerDimension(program: Command): void {
  program
    .command('dimension')
    .description('broker CPU for a deployment: JOINT per path (draft §3.2) and the cores needed')
    // Every flag is checked against its documented domain when it is read (src/lib/domains.ts).
    .requiredOption('--n <N>', 'number of admitted vantages', domainInt('n'))
    .requiredOption('--tick-ms <ms>', 'control-tick period T_tick in milliseconds', domainNumber('t_tick_ms'))
    .option('--q <q>', 'witness quorum (cosignatures verified per bundle)', domainInt('q'), 2)
    .option('--cells <k>', 'number of coherence cells cells_k', domainInt('cells_k'), 8)
    .option('--bundle-period <ticks>', 'bundle_period_ticks', domainInt('bundle_period_ticks'), 10)
    .option('--constants <file>', 'constants file (default: the draft §1.3 values)')
    .option(
      '--flood <F>',
      'also size for an insider flood at F times the natural rate (draft §4)',
      domainNumber('flood_factor'),
    )
    .option(
      '--rate-limit-factor <R>',
      'sustained rate of the per-vantage bucket, x natural rate (draft §4.2, >= 2)',
      domainNumber('rate_limit_factor'),
      DEFAULT_POLICY.rateLimitFactor,
    )
    .option(
      '--burst-factor <B>',
      'burst budget of the bucket, x natural rate (draft §4.2, >= 2)',
      domainNumber('burst_factor'),
      DEFAULT_POLICY.burstFactor,
    )
    .option('--coalition <K>', 'flooding vantages (default: all N)', domainInt('coalition'))
    .option('--duration-s <S>', 'flood length simulated, seconds', domainNumber('duration_s'), 60)
    .option('--json', 'print one JSON document')
    .action((o: Options) => {
      const constants = loadConstants(o.constants);
      const d: Deployment = { n: o.n, tickMs: o.tickMs, q: o.q, bundlePeriodTicks: o.bundlePeriod, cellsK: o.cells };
      const j = joint(d, constants.constants_us);
      const flood = o.flood === undefined ? null : floodSizing(d, j, constants.constants_us, o);
      const dominant = PATHS.reduce((a, b) => (j.paths[b].usPerSecond > j.paths[a].usPerSecond ? b : a));
      const headroomCores = j.coresNeeded - j.usPerSecond / US_PER_CORE_SECOND;
      // issue 16: every printed number is finite; in-domain inputs guarantee it, so a miss is a bug (exit 3).
      assertFinite({ j, headroomCores, flood }, 'dimension', 'internal');
      if (o.json) {
        printJson({
          theorem: 'T-JCOST-1',
          section: '§3.2',
          deployment: d,
          constants_source: constants.file,
          constants_us: constants.constants_us,
          paths: Object.fromEntries(
            PATHS.map((p) => [
              p,
              { what: WHAT[p], ...j.paths[p], pctOneCore: (j.paths[p].usPerSecond / US_PER_CORE_SECOND) * 100 },
            ]),
          ),
          joint_us_per_s: j.usPerSecond,
          joint_pct_one_core: j.pctOneCore,
          cores_needed: j.coresNeeded,
          headroom_cores: headroomCores,
          dominant_path: dominant,
          ...(flood ? { flood } : {}),
        });
        return;
      }
      say(
        `JOINT (draft §3.2) at N=${d.n}, T_tick=${d.tickMs} ms, q=${d.q}, cells_k=${d.cellsK}, ` +
          `bundle_period_ticks=${d.bundlePeriodTicks}`,
      );
      say(`constants: ${constants.file} (${constants.source})`);
      const w = [5, 34, 12, 10, 14];
      say(row(['path', 'what', 'ops/s', 'µs/op', 'µs CPU/s', '% one core'], w));
      for (const p of PATHS) {
        const c = j.paths[p];
        say(row([p, WHAT[p], fmt(c.opsPerSecond), c.usPerOp.toFixed(2), fmt(c.usPerSecond), pct(c.usPerSecond)], w));
      }
      say(row(['JOINT', '', '', '', fmt(j.usPerSecond), pct(j.usPerSecond)], w));
      say(
        `cores needed: ${j.coresNeeded} (headroom ${headroomCores.toFixed(2)} core); ` +
          `dominant path: ${dominant} (${WHAT[dominant]})`,
      );
      if (flood) {
        say('');
        say(
          `insider flood (draft §4): ${flood.coalition} of ${d.n} vantages ` +
            `at ${flood.flood_factor}x for ${flood.duration_s} s`,
        );
        for (const [label, r] of [
          ['without rate limit', flood.without_rate_limit],
          [`with rate limit (${o.rateLimitFactor}/${o.burstFactor})`, flood.with_rate_limit],
        ] as const) {
          say(
            `  ${label.padEnd(28)} ratio ${r.ratio.toFixed(3).padStart(9)}  ` +
              `JOINT ${fmt(r.joint_us_per_s).padStart(16)} µs/s  cores needed ${r.cores_needed}`,
          );
        }
        say(
          `  draft §4.3 bound ${flood.draft_bound.toFixed(3)}; ` +
            `token-bucket bound ${flood.token_bucket_bound.toFixed(3)} (model/vdos-bounds.ts)`,
        );
      }
    });
}

/** JOINT under an insider flood, with and without the rate limit (aggregated simulator, draft §4). */
function floodSizing(d: Deployment, j: JointCost, c: CostConstants, o: Options) {
  const coalition = o.coalition ?? d.n;
  if (coalition > d.n) throw new InputError(`--coalition must be <= --n (${d.n}), got ${coalition}`);
  const s = {
    n: d.n,
    tickMs: d.tickMs,
    coalition,
    floodFactor: o.flood!,
    durationTicks: Math.max(1, Math.round((o.durationS * 1000) / d.tickMs)),
  };
  const policy = { ...DEFAULT_POLICY, rateLimitFactor: o.rateLimitFactor, burstFactor: o.burstFactor };
  try {
    // issue 16 Deliver 3: both runs' cost is known before either starts.
    checkFloodBudget(
      [floodWork(s, null), floodWork(s, policy)],
      'dimension',
      'lower --coalition, --flood or --duration-s',
    );
  } catch (e) {
    if (e instanceof RateLimitError || e instanceof FloodError) throw new InputError(e.message);
    throw e;
  }
  const run = (p: RateLimitPolicy | null) => {
    const r = floodCost(s, simulateAggregated(s, p), c, { rateLimited: p !== null });
    const total = r.usPerSecond + j.paths.C.usPerSecond; // the flood leaves path C (bundles) unchanged
    return {
      ratio: r.ratio,
      admitted: r.counts.admitted.A + r.counts.admitted.B,
      dropped: r.dropped,
      joint_us_per_s: total,
      cores_needed: Math.ceil(total / US_PER_CORE_SECOND),
    };
  };
  try {
    return {
      flood_factor: s.floodFactor,
      coalition,
      duration_s: (s.durationTicks * d.tickMs) / 1000,
      without_rate_limit: run(null),
      with_rate_limit: run(policy),
      draft_bound: draftBound(s, policy, c),
      token_bucket_bound: tokenBucketBound(s, policy, c),
    };
  } catch (e) {
    if (e instanceof RateLimitError || e instanceof FloodError) throw new InputError(e.message);
    throw e;
  }
}

function fmt(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function pct(us: number): string {
  return ((us / US_PER_CORE_SECOND) * 100).toFixed(3);
}
