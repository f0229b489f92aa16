/**
 * A Byzantine collector (draft §2.3, §7) holding the collector key: it runs a log of bundles and
 * shows two consumers two views of one bundle (bundle_id, bundle_seq = S) that differ only in the
 * dual-mode values (D_minimax, D_max). It picks which witnesses to ask, in what order, and may
 * interleave later bundles of either fork. Witnesses 0..c-1 are compromised and cosign anything.
 * Placement says where the dual-mode values are bound: 'extension' (draft §7: the checkpoint
 * extra field only) or 'in-leaf' (also inside the log leaf, so the root hash commits to them).
 */
import { formatCheckpoint, formatDualMode, type DualMode } from './checkpoint.js';
import { consistencyProof, leafHash, treeHead } from './merkle.js';
import { c2spWitness, compromisedWitness, firstCosignWins, type Witness } from './witness.js';

/** The two views and their later bundles. */
export type View = 'A' | 'B';
/** One collector move: ask a witness to cosign view A or B of bundle S, or a later bundle (S+1, S+2) of a fork. */
export interface Move {
  readonly witness: number;
  readonly view: View;
  readonly ahead: 0 | 1 | 2;
}
/** Where the dual-mode values are bound. */
export type Placement = 'extension' | 'in-leaf';
/** A witness policy: how a fresh honest witness is built. */
export type Policy = 'first-cosign-wins' | 'c2sp';

/** One attack: parameters, the dual-mode values of each view, the moves. */
export interface Attack {
  readonly w: number;
  readonly q: number;
  readonly c: number;
  readonly policy: Policy;
  readonly placement: Placement;
  /** (D_minimax, D_max) of view A and of view B (they differ in at least one). */
  readonly values: { readonly A: readonly [number, number]; readonly B: readonly [number, number] };
  readonly moves: readonly Move[];
  /** View B carries a fresh bundle_id (same bundle_seq): the collector chooses the uuid (§7 gives no rule). */
  readonly relabel?: boolean;
}

/** The log's origin line and the target bundle. */
export const ORIGIN = 'collector.example/mvps-bundles';
/** The bundle_id the split targets. */
export const BUNDLE_ID = '6f1c2a9e-3b7d-4c55-9a10-2e8f4b6d7c01';
/** The bundle_id view B carries when the collector relabels it. */
export const BUNDLE_ID_B = '0b7e4d2c-9f31-4a6e-8c52-7d19e3a0f4b8';
/** The bundle_seq (and tree size) of the split bundle. */
export const S = 3;

/**
 * The dual-mode values of bundle SEQ of fork V: bundle S carries the view's values, a later bundle S+k carries them
 * plus k.
 */
const dual = (a: Attack, v: View, seq: number): DualMode => {
  const [dMinimax, dMax] = a.values[v];
  return {
    bundleId: a.relabel && v === 'B' ? BUNDLE_ID_B : BUNDLE_ID,
    bundleSeq: BigInt(seq),
    dMinimax: dMinimax + (seq - S),
    dMax: dMax + (seq - S),
  };
};

/** Leaf hashes of a fork, sizes 1..S+2. */
export function leavesOf(a: Attack, v: View): Uint8Array[] {
  return Array.from({ length: S + 2 }, (_, i) => {
    const seq = i + 1;
    // common prefix; extension-only forks share leaves
    if (seq < S || a.placement === 'extension') return leafHash(`bundle ${seq}`);
    return leafHash(`bundle ${seq}|${formatDualMode(dual(a, v, seq))}`);
  });
}

/** The checkpoint body of a fork at tree size SEQ (bundle_seq = tree size); LEAVES: leavesOf(a, v), when known. */
export function bodyOf(a: Attack, v: View, seq: number, leaves: readonly Uint8Array[] = leavesOf(a, v)): string {
  return formatCheckpoint({
    origin: ORIGIN,
    size: BigInt(seq),
    rootHash: treeHead(leaves.slice(0, seq)),
    extensions: [formatDualMode(dual(a, v, seq))],
  });
}

/**
 * The leaves, bodies and consistency proofs of one attack's forks, each computed once per play: they are pure
 * functions of the attack, view, size and old size, and a play asks for the same ones at every move
 * (issue 19, Deliver 5: the search's cost per case).
 */
class Forks {
  private readonly proofs = new Map<string, Uint8Array[]>();
  constructor(private readonly a: Attack) {}
  /** leavesOf(a, v) and bodyOf(a, v, seq), kept between plays by forkOf. */
  private fork(v: View): Fork {
    return forkOf(this.a, v);
  }
  /** bodyOf(a, v, seq). */
  bodyOf(v: View, seq: number): string {
    const f = this.fork(v);
    const kept = f.bodies.get(seq);
    if (kept !== undefined) return kept;
    const made = bodyOf(this.a, v, seq, f.leaves);
    f.bodies.set(seq, made);
    return made;
  }
  /** consistencyProof(old, leavesOf(a, v).slice(0, seq)): a fresh array each time (a witness may keep it). */
  proof(v: View, old: number, seq: number): Uint8Array[] {
    const k = `${v}|${old}|${seq}`;
    const kept = this.proofs.get(k) ?? consistencyProof(old, this.fork(v).leaves.slice(0, seq));
    this.proofs.set(k, kept);
    return kept.map((h) => h.slice());
  }
}

/** A fork's leaf hashes and the bodies made from them so far. */
interface Fork {
  readonly leaves: readonly Uint8Array[];
  readonly bodies: Map<number, string>;
}

/** Forks kept between plays: a search meets the same few thousand (placement, bundle_id, values) again and again. */
const FORKS_MAX = 8192;
const forks = new Map<string, Fork>();

/**
 * The fork of view V of attack A: its leaves depend on nothing but the placement, the bundle_id view V carries
 * and view V's two values (leavesOf, dual).
 */
function forkOf(a: Attack, v: View): Fork {
  const d = dual(a, v, S);
  const k = `${a.placement}|${d.bundleId}|${d.dMinimax}|${d.dMax}`;
  const kept = forks.get(k);
  if (kept) return kept;
  if (forks.size >= FORKS_MAX) forks.clear();
  const made: Fork = { leaves: Object.freeze(leavesOf(a, v)), bodies: new Map() };
  forks.set(k, made);
  return made;
}

/** Builds the witnesses of an attack: 0..c-1 compromised, the rest honest under the policy. */
export function witnessesOf(
  a: Attack,
  honest: () => Witness = a.policy === 'c2sp' ? () => c2spWitness([ORIGIN]) : () => firstCosignWins(),
): Witness[] {
  return Array.from({ length: a.w }, (_, i) => (i < a.c ? compromisedWitness() : honest()));
}

/** What an attack achieved. */
export interface Outcome {
  /** Witnesses (indices, ascending) that cosigned view A / view B of bundle S. */
  readonly cosignersA: readonly number[];
  readonly cosignersB: readonly number[];
  /** Both consumers hold a quorum-cosigned checkpoint of bundle S with different dual-mode values. */
  readonly split: boolean;
  readonly witnesses: readonly Witness[];
  /** Every status answered, in move order. */
  readonly statuses: readonly number[];
}

/** Plays the attack; compromised witnesses are always asked for both views (they sign anything). */
export function play(a: Attack, honest?: () => Witness): Outcome {
  const ws = witnessesOf(a, honest);
  const latest = ws.map(() => ({ size: 0, view: 'A' as View }));
  const signed: Record<View, Set<number>> = { A: new Set(), B: new Set() };
  const statuses: number[] = [];
  const own = new Forks(a); // this play's leaves, bodies and proofs
  const ask = (i: number, v: View, seq: number): void => {
    const old = Math.min(latest[i]!.size, seq); // the collector knows each witness's latest size (a 409 tells it)
    const answer = ws[i]!.add({
      body: own.bodyOf(v, seq),
      oldSize: BigInt(latest[i]!.size),
      proof: own.proof(v, old, seq),
    });
    statuses.push(answer.status);
    if (answer.status !== 200) return;
    latest[i] = { size: seq, view: v };
    if (seq === S) signed[v].add(i);
  };
  for (let i = 0; i < a.c; i++) for (const v of ['A', 'B'] as const) ask(i, v, S);
  for (const m of a.moves) if (m.witness >= a.c && m.witness < a.w) ask(m.witness, m.view, S + m.ahead);
  const cosignersA = [...signed.A].sort((x, y) => x - y);
  const cosignersB = [...signed.B].sort((x, y) => x - y);
  return {
    cosignersA,
    cosignersB,
    split: cosignersA.length >= a.q && cosignersB.length >= a.q,
    witnesses: ws,
    statuses,
  };
}

/**
 * Whether a split view is possible at (w, q, c) when each honest witness cosigns at most one
 * view of a bundle: the c compromised sign both, so each view needs q - c honest cosigners from
 * disjoint sets: 2 * max(0, q - c) <= w - c. Impossible exactly when q > (w + c) / 2.
 */
export function splitPossible(w: number, q: number, c: number): boolean {
  return 2 * Math.max(0, q - c) <= w - c; // q > w fails this too: then w - c < q - c <= 2 * (q - c)
}

/**
 * Whether a split view is possible under a policy and placement: c2sp with the values only in
 * an extension line compares size and root alone, so any q <= w witnesses cosign both views;
 * otherwise splitPossible.
 */
export function splitPossibleUnder(policy: Policy, placement: Placement, w: number, q: number, c: number): boolean {
  return policy === 'c2sp' && placement === 'extension' ? q <= w : splitPossible(w, q, c);
}

/**
 * The strategy that splits a C2SP witness set with the values in the extra field: every witness asked for A, then B.
 */
export function sameWitnessSplit(w: number): Move[] {
  return Array.from({ length: w }, (_, i) => [
    { witness: i, view: 'A' as const, ahead: 0 as const },
    { witness: i, view: 'B' as const, ahead: 0 as const },
  ]).flat();
}

/** The minimal split strategy: view A to the first q - c honest witnesses, view B to the next q - c. */
export function minimalSplit(w: number, q: number, c: number): Move[] {
  const need = Math.max(0, q - c);
  const moves: Move[] = [];
  for (let k = 0; k < need; k++)
    moves.push({ witness: c + k, view: 'A', ahead: 0 }, { witness: c + need + k, view: 'B', ahead: 0 });
  return moves;
}

/** Honest witnesses an auditor holding view V catches: they cosigned the other view of bundle S. */
export function detectors(o: Outcome, a: Attack, v: View): number[] {
  const mine = bodyOf(a, v, S);
  return o.witnesses.flatMap((w, i) => {
    const seen = w.compromised ? undefined : w.cosignedFor(BUNDLE_ID, BigInt(S));
    return seen !== undefined && seen !== mine ? [i] : [];
  });
}
