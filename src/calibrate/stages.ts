/**
 * Per-stage and end-to-end throughput of the admission pipeline on one core (draft §3.1 paths A,
 * B, C; §4.1 rate limit before verification): each stage timed alone on real signed packets, then
 * whole packets through AdmissionPipeline and WitnessPath.
 */
import { decodeBfd } from '../../model/bfd/packet.js';
import { play, type Attack } from '../../model/collector.js';
import { cosignedView, keysOf } from '../../model/consumer.js';
import { cosignerOf } from '../../model/cosignature.js';
import { verifierOf } from '../../model/note.js';
import { decodeSnapshot } from '../lib/snapshot-decode.js';
import { DEFAULT_POLICY } from '../../model/token-bucket.js';
import { AdmissionPipeline } from '../pipeline/admission.js';
import type { HmacPrimitive } from '../pipeline/hmac.js';
import { framesOf, pipelineSetupOf, type Frame } from '../pipeline/traffic.js';
import { WitnessPath } from '../pipeline/witness-path.js';
import { measure, type Budget, type Timing } from './measure.js';
import { constantWorkloads, inputs } from './workloads.js';

/** Vantages and ticks of the end-to-end streams (VANTAGES * TICKS packets per path, then a fresh broker). */
const VANTAGES = 64;
const TICKS = 64;

/**
 * Cycles through FRAMES of one path with a fresh pipeline per cycle, so every packet is fresh (accepted); HMAC is
 * the pipeline's primitive (default FASTEST_HMAC).
 */
export function endToEnd(frames: readonly Frame[], path: 0 | 1, hmac?: HmacPrimitive): (i: number) => unknown {
  const w = pipelineSetupOf(VANTAGES);
  const mine = frames.filter((f) => f.path === path);
  const fresh = () => new AdmissionPipeline({ ...w, policy: DEFAULT_POLICY, tickMs: 50, ...(hmac ? { hmac } : {}) });
  let p = fresh();
  return (i) => {
    const k = i % mine.length;
    if (k === 0) p = fresh();
    const f = mine[k]!;
    return path === 0 ? p.admitSnapshot(f.vantage, f.bytes, f.tUs) : p.admitPush(f.bytes, f.tUs);
  };
}

/** The frames the end-to-end streams cycle through (VANTAGES vantages, TICKS ticks, honest). */
export const endToEndFrames = (): Frame[] =>
  framesOf(pipelineSetupOf(VANTAGES), { n: VANTAGES, tickMs: 50, coalition: 0, floodFactor: 1, durationTicks: TICKS });

/** The q = 2 cosigned checkpoint a broker receives per bundle (model/consumer.ts), and its witness path. */
export function bundleNote(): { note: string; path: WitnessPath } {
  const a: Attack = {
    w: 2,
    q: 2,
    c: 0,
    policy: 'first-cosign-wins',
    placement: 'extension',
    values: { A: [1.5, 2.25], B: [1.5, 2.25] },
    moves: [
      { witness: 0, view: 'A', ahead: 0 },
      { witness: 1, view: 'A', ahead: 0 },
    ],
  };
  const { log, witnesses } = keysOf(a.w);
  const note = cosignedView(a, play(a), 'A');
  return { note, path: new WitnessPath(verifierOf(log), witnesses.map(cosignerOf), 2) };
}

/** Every stage and each path end to end. */
export async function measureStages(budget: Budget, onDone?: (t: Timing, i: number) => void): Promise<Timing[]> {
  const x = inputs();
  const c = constantWorkloads(x, 100_000);
  const frames = endToEndFrames();
  const { note, path } = bundleNote();
  if (!path.admit(note).ok) throw new Error('the bench bundle note does not verify');
  const drops = frames.filter((f) => f.path === 1);
  const limited = new AdmissionPipeline({ ...pipelineSetupOf(VANTAGES), policy: DEFAULT_POLICY, tickMs: 50 });
  return measure(
    [
      {
        name: 'B0 fast-path drop: key from bytes, session map, empty bucket (time frozen)',
        batch: 1000,
        run: (i) => limited.admitPush(drops[i % drops.length]!.bytes, 0),
      },
      { ...c.c_xdp, name: 'B1 rate limit (compact table, 100 000 vantages)' },
      { name: 'B2 parse BFD Control packet', batch: 200, run: (i) => decodeBfd(x.pushes[i & 255]!) },
      { ...c.c_hmac, name: 'B3 HMAC-SHA256 verify (BFD packet)' },
      {
        name: 'B  end to end: bytes -> rate limit -> parse -> HMAC -> T-RC-1 (a)',
        batch: 200,
        run: endToEnd(frames, 1),
      },
      {
        name: 'A2 decode + validate CWT snapshot (JSON + schema)',
        batch: 50,
        run: (i) => decodeSnapshot(x.snapshots[i & 255]!),
      },
      {
        name: 'A  end to end: bytes -> rate limit -> parse -> HMAC -> T-RC-1 (b), (c)',
        batch: 100,
        run: endToEnd(frames, 0),
      },
      {
        name: 'C  end to end: cosigned checkpoint -> 1 + q Ed25519 -> dual-mode values',
        batch: 1,
        run: () => path.admit(note),
      },
    ],
    budget,
    onDone,
  );
}
