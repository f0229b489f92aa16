/**
 * A T-COMP-SPLIT counterexample as witnesses x views (issue 21, Deliver 2): the collector's moves played against
 * the witnesses (model/collector.ts `play`, the model the property searches), and per witness whether it is
 * compromised, what it was asked and answered, which view of the bundle it cosigned, and whether an auditor
 * holding view A detects the split by querying it.
 */
import { detectors, play, S, type Attack } from '../../model/collector.js';

/** One witness's row. */
export interface SplitRow {
  readonly witness: number;
  readonly compromised: boolean;
  /** Its requests in order: "view B of bundle S -> 200". */
  readonly asked: readonly string[];
  readonly cosignedA: boolean;
  readonly cosignedB: boolean;
  /** After a split, an auditor holding view A who queries this witness detects it (model/collector.ts `detectors`). */
  readonly detectsA: boolean;
}

/** The split view of one attack. */
export interface SplitTable {
  /** w, q, c, policy, placement and the two views' values. */
  readonly setting: string;
  readonly rows: readonly SplitRow[];
  /** Both views reach a quorum of q cosignatures. */
  readonly split: boolean;
}

/**
 * How a claim plays its stored attack, where it is not as stored: T-COMP-SPLIT.fcw-relabel relabels view B with a
 * fresh bundle_id (properties/t-comp-split.prop.ts, `play({ ...a, relabel: true }, ...)`). Every other refuted
 * claim plays the attack as stored, with the honest witness of its policy (model/collector.ts `witnessesOf`).
 */
const PLAYED_AS: Readonly<Record<string, Partial<Attack>>> = { 'T-COMP-SPLIT.fcw-relabel': { relabel: true } };

const bundle = (ahead: number) => (ahead === 0 ? 'bundle S' : `bundle S+${ahead}`);

/** Plays STORED as claim PROPERTY plays it and tabulates who cosigned what. */
export function splitTable(stored: Attack, property: string): SplitTable {
  const a: Attack = { ...stored, ...PLAYED_AS[property] };
  const o = play(a);
  const asked: string[][] = o.witnesses.map(() => []);
  let k = 0;
  // play asks each compromised witness for view A then B, then the moves of the honest ones in order
  for (let i = 0; i < a.c; i++)
    for (const v of ['A', 'B'] as const) asked[i]!.push(`view ${v} of ${bundle(0)} -> ${o.statuses[k++]}`);
  for (const m of a.moves)
    if (m.witness >= a.c && m.witness < a.w)
      asked[m.witness]!.push(`view ${m.view} of ${bundle(m.ahead)} -> ${o.statuses[k++]}`);
  const caught = o.split ? detectors(o, a, 'A') : [];
  const rows = o.witnesses.map((w, i) => ({
    witness: i,
    compromised: w.compromised,
    asked: asked[i]!,
    cosignedA: o.cosignersA.includes(i),
    cosignedB: o.cosignersB.includes(i),
    detectsA: caught.includes(i),
  }));
  const setting =
    `w = ${a.w} witnesses, quorum q = ${a.q}, c = ${a.c} compromised; policy ${a.policy}, values ${a.placement}; ` +
    `view A (D_minimax, D_max) = (${a.values.A.join(', ')}), view B = (${a.values.B.join(', ')})` +
    `${a.relabel ? '; view B relabelled with a fresh bundle_id' : ''}; bundle S = ${S}`;
  return { setting, rows, split: o.split };
}
