/**
 * The load generator as a process: `node --import tsx src/wire/generator-main.ts` answers
 * JSON-line requests on stdin (src/wire/control.ts): `prepare` ({ job: TrafficJob, target:
 * GeneratorTarget, parityPolicy? }) signs the job's packets (build_s), `send` sends them paced and
 * replies with the SendReport (signing stays out of the broker's measurement window); `quit`.
 * It exits when stdin closes.
 */
import type { RateLimitPolicy } from '../../model/token-bucket.js';
import { serveControl } from './control.js';
import { sendPlan, type GeneratorTarget } from './generator.js';
import { planTraffic, type TrafficJob, type TrafficPlan } from './traffic-plan.js';

/** A `run` request's arguments. */
interface RunArgs {
  readonly job: TrafficJob;
  readonly target: GeneratorTarget;
  readonly parityPolicy?: RateLimitPolicy | null;
}

function checkRun(a: unknown): RunArgs {
  const r = a as RunArgs;
  const j = r?.job;
  if (!j || !['A', 'B', 'C'].includes(j.path)) throw new Error('prepare: job.path must be A, B or C');
  for (const k of ['n', 'tickMs', 'durationMs', 'coalition', 'floodFactor'] as const)
    if (typeof j[k] !== 'number' || !Number.isFinite(j[k])) throw new Error(`run: job.${k} must be a finite number`);
  if (j.durationMs <= 0 || j.durationMs > 600_000) throw new Error('prepare: job.durationMs must be in (0, 600000]');
  const t = r.target;
  if (!t || typeof t.host !== 'string' || !Number.isInteger(t.udpPort) || !Number.isInteger(t.tcpPort))
    throw new Error('prepare: target needs host, udpPort, tcpPort');
  return r;
}

/** The job signed by `prepare`, waiting for `send`. */
let prepared: { args: RunArgs; plan: TrafficPlan; build: number } | null = null;

serveControl(
  {
    prepare: (a) => {
      const args = checkRun(a);
      prepared = null; // a failed prepare leaves nothing to send
      const t0 = performance.now();
      const plan = planTraffic(args.job);
      prepared = { args, plan, build: (performance.now() - t0) / 1000 };
      return { packets: plan.packets.length, build_s: prepared.build };
    },
    send: async () => {
      if (!prepared) throw new Error('send: nothing prepared');
      const { args, plan, build } = prepared;
      prepared = null;
      const report = await sendPlan(plan, args.job, args.target, args.parityPolicy ?? null);
      return { ...report, build_s: build };
    },
  },
  () => undefined,
);
