/**
 * The broker's in-place stage timing on a sampled packet (issue 20 Deliver 3): the pipeline's own
 * call is timed whole (src/pipeline/admission.ts, witness-path.ts), then, for an accepted packet,
 * its named stages are repeated alone on the same bytes and timed (src/wire/shadow.ts). A
 * rejected packet's whole call is the drop path (rate limited) or another rejection. The repeats,
 * the bookkeeping and the extra clock reads are summed as the sampling overhead, which the ledger
 * subtracts from the process CPU. Every interval is logged and priced at the window's end, without
 * the garbage-collection pauses inside it (src/wire/gc-pauses.ts: the ledger charges all of them
 * once, as their own stage, and the process CPU holds them all).
 */
import { sessionId } from '../../model/broker.js';
import type { Result } from '../../model/note.js';
import type { AdmissionPipeline } from '../pipeline/admission.js';
import { DECISION, type AdmissionDecision } from '../pipeline/admission-decision.js';
import { FASTEST_HMAC, type PreparedKey } from '../pipeline/hmac.js';
import type { PipelineSetup } from '../pipeline/traffic.js';
import type { Admitted, WitnessPath } from '../pipeline/witness-path.js';
import { IntervalLog, overlapEach, type Pause } from './interval-log.js';
import { Shadow } from './shadow.js';
import { nowNs, StageClock } from './stage-clock.js';

/** A stage sample over 200 µs (20 ms on path C) was preempted or hit a GC pause: set aside. */
const OUTLIER_NS = 200_000;
const OUTLIER_C_NS = 20_000_000;

/** Stage samples of one window. */
export class StageSampler {
  readonly clock: StageClock;
  /** The overhead intervals: repeats, bookkeeping and extra clock reads of each sample. */
  private readonly overheads = new IntervalLog();
  private readonly shadow = new Shadow();
  private readonly decoder = new TextDecoder();
  private readonly keysA: PreparedKey[] = [];
  private readonly keysB: PreparedKey[] = [];

  /** Keys of WORLD's vantages are prepared here, before any window (the pipeline's are cached by its warm-up). */
  constructor(
    world: PipelineSetup,
    readonly clockNs: number,
  ) {
    this.clock = new StageClock(clockNs, OUTLIER_NS);
    world.vantageIds.forEach((id, v) => {
      this.keysA.push(FASTEST_HMAC.prepare(world.keys.cwt(id, 0)!));
      this.keysB.push(FASTEST_HMAC.prepare(world.keys.bfd(sessionId(world.sessions[v]!), 0)!));
    });
  }

  /** A fresh clock and overhead with the same keys. */
  fresh(): StageSampler {
    const s = Object.create(StageSampler.prototype) as StageSampler;
    Object.assign(s, this, { clock: new StageClock(this.clockNs, OUTLIER_NS), overheads: new IntervalLog() });
    return s;
  }

  /**
   * The sampling overhead of the window, ns, with PAUSES (ordered by start) taken out of each interval: the kept
   * samples' sum scaled to every sample. A sample's overhead is wall time; one over the outlier limit was preempted
   * (it would count time off the CPU) and stands for the mean.
   */
  overheadOf(pauses: readonly Pause[] = []): { ns: number; gcNs: number } {
    let keptNs = 0;
    let kept = 0;
    let setAside = 0;
    let gc = 0;
    overlapEach(this.overheads, pauses, (i, gcNs) => {
      gc += gcNs;
      const ns = this.overheads.end(i) - this.overheads.start(i) - gcNs + 2 * this.clockNs;
      if (ns > OUTLIER_C_NS || (ns > OUTLIER_NS && kept > 0 && ns > 50 * (keptNs / kept))) {
        setAside++;
        return;
      }
      keptNs += ns;
      kept++;
    });
    return { ns: kept === 0 ? 0 : (keptNs * (kept + setAside)) / kept, gcNs: gc };
  }

  private overhead(startNs: number): void {
    this.overheads.push(startNs, nowNs());
  }

  /** Path B push M from vantage V through PIPELINE, timed. */
  push(pipeline: AdmissionPipeline, m: Uint8Array, tUs: number, v: number): AdmissionDecision {
    const a = nowNs();
    const d = pipeline.admitPush(m, tUs);
    const b = nowNs();
    if (d === DECISION.accepted) {
      this.clock.add('B.admit.accepted', a, b);
      this.shadow.parseB(m);
      const c = nowNs();
      this.shadow.hmacB(this.keysB[v]!, m); // accepted: V is a configured vantage
      const e = nowNs();
      this.clock.add('B.parse', b, c);
      this.clock.add('B.hmac', c, e);
    } else this.clock.add(d === DECISION.rateLimited ? 'B.admit.dropped' : 'B.admit.rejected', a, b);
    this.overhead(b); // the repeats, the bookkeeping and the extra clock reads
    return d;
  }

  /** Path A snapshot BODY on vantage V's connection through PIPELINE, timed. */
  snapshot(pipeline: AdmissionPipeline, v: number, body: Uint8Array, tUs: number): AdmissionDecision {
    const a = nowNs();
    const d = pipeline.admitSnapshot(v, body, tUs);
    const b = nowNs();
    if (d === DECISION.accepted) {
      this.clock.add('A.admit.accepted', a, b);
      this.shadow.parseA(body);
      const c = nowNs();
      const len = this.shadow.canonicalA(body);
      const e = nowNs();
      this.shadow.hmacA(this.keysA[v]!, len);
      const f = nowNs();
      this.clock.add('A.parse', b, c);
      this.clock.add('A.canonical', c, e);
      this.clock.add('A.hmac', e, f);
    } else this.clock.add(d === DECISION.rateLimited ? 'A.admit.dropped' : 'A.admit.rejected', a, b);
    this.overhead(b);
    return d;
  }

  /** Path C checkpoint note BODY through WITNESS, timed (every checkpoint is sampled). */
  checkpoint(witness: WitnessPath, body: Uint8Array): Result<Admitted> {
    const a = nowNs();
    const text = this.decoder.decode(body);
    const r = witness.admit(text);
    const b = nowNs();
    if (!r.ok) {
      this.clock.add('C.admit.rejected', a, b, OUTLIER_C_NS);
      return r;
    }
    this.clock.add('C.admit.accepted', a, b, OUTLIER_C_NS);
    this.shadow.parseC(text);
    this.clock.add('C.parse', b, nowNs(), OUTLIER_C_NS);
    this.overhead(b);
    return r;
  }
}
