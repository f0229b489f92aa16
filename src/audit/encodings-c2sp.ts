/**
 * The §7 and §9 byte strings and formulas with several readings: the extra-field line of the cosigned checkpoint
 * (float rendering, the printed line break, D or D^2: model/dual-mode-readings.ts) and the split-view detection
 * probability, printed 1 - (1 - 2/w)^q in §7 and 1 - (1 - 1/w)^q in §9 (model/detection.ts). Each reading's output is
 * the checkpoint body's SHA-256, what the model's parser and first-cosign-wins witness make of it, or the probability.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { dualModeOf, formatCheckpoint, parseCheckpoint, type DualMode } from '../../model/checkpoint.js';
import { BUNDLE_ID, ORIGIN } from '../../model/collector.js';
import { draftSection7, draftSection9 } from '../../model/detection.js';
import {
  dualModeLines,
  FLOAT_RENDERINGS,
  type CarriedValue,
  type FloatRendering,
  type LineLayout,
} from '../../model/dual-mode-readings.js';
import { firstCosignWins } from '../../model/witness.js';
import type { EncodingCase } from './encoding-case.js';

/** A public test root hash: SHA-256 of a label. */
const ROOT = sha256(utf8ToBytes('ENC-7 public test root'));

/** The checkpoint body carrying the §7 field under a reading (bundle_seq = tree size). */
function body(d: DualMode, r?: FloatRendering, layout?: LineLayout, carried?: CarriedValue): string {
  return formatCheckpoint({
    origin: ORIGIN,
    size: d.bundleSeq,
    rootHash: ROOT,
    extensions: dualModeLines(d, r, layout, carried),
  });
}

/** What a body is, in a few words: its digest, and what the code's parser and a fresh §7 witness say of it. */
function fate(b: string): string {
  const checkpoint = parseCheckpoint(b);
  const parsed = checkpoint.ok ? dualModeOf(checkpoint.value) : checkpoint;
  const values = parsed.ok ? `parsed (${parsed.value.dMinimax}, ${parsed.value.dMax})` : `parser: ${parsed.reason}`;
  const status = firstCosignWins().add({ body: b, oldSize: 0n, proof: [] }).status;
  return `body SHA-256 ${bytesToHex(sha256(utf8ToBytes(b))).slice(0, 16)}..., ${values}, witness ${status}`;
}

const dual = (dMinimax: number, dMax: number): DualMode => ({ bundleId: BUNDLE_ID, bundleSeq: 3n, dMinimax, dMax });
const digest = (b: string) => bytesToHex(sha256(utf8ToBytes(b)));
const FIELD_ANCHOR_LINES = [744, 745] as const;
/** The d_minimax and d_max part of the field's line(s). */
const valuesPart = (lines: readonly string[]) => lines.join('').split(';').slice(2).join(';');

/** §7 <float>: how the two values are written. */
function floatRendering(): EncodingCase {
  const values = [dual(2, 2.7), dual(0.5, 1.25)];
  return {
    id: 'ENC-7-float',
    anchor: { section: '§7', lines: FIELD_ANCHOR_LINES, words: ['d_minimax=<float>;d_max=<float>'] },
    paraphrase: 'the cosigned checkpoint carries d_minimax and d_max as <float>',
    draft: 'd_minimax=<float>;d_max=<float>, no rendering given',
    open: [{ name: '<float>', admissible: FLOAT_RENDERINGS.map((r) => r.name).join(' | '), lines: '§7 lines 741-745' }],
    inputs: values.map((d) => `D_minimax ${d.dMinimax}, D_max ${d.dMax}, public bundle_id, bundle_seq 3`),
    readings: FLOAT_RENDERINGS.map((r) => ({
      name: r.name,
      description: r.description,
      outputs: values.map((d) => digest(body(d, r))),
      shown: `"${valuesPart(dualModeLines(values[0]!, r))}": ${fate(body(values[0]!, r))}`,
    })),
    note:
      'Every rendering parses back to the same values, but the checkpoint bytes differ: a cosignature over one does ' +
      'not verify over another, and a first-cosign-wins witness (§7 line 757) refuses a second body with the same ' +
      'values written differently as if it were a split.',
  };
}

/** §7: the printed format's line break, layout or two extension lines. */
function lineBreak(): EncodingCase {
  const layouts: LineLayout[] = ['one-line', 'two-lines'];
  const values = [dual(2, 2.7)];
  return {
    id: 'ENC-7-line-break',
    anchor: {
      section: '§7',
      lines: FIELD_ANCHOR_LINES,
      words: ['bundle_id=<uuid>;bundle_seq=<uint64>;', 'd_minimax=<float>;d_max=<float>'],
    },
    paraphrase: 'the extra field is bundle_id=...;bundle_seq=...;d_minimax=...;d_max=..., printed over two lines',
    draft: 'the format is printed over two lines, the first ending in ";"',
    open: [
      {
        name: 'line break',
        admissible: 'layout (one extension line) | two extension lines',
        lines: '§7 lines 744-745',
      },
    ],
    inputs: values.map((d) => `D_minimax ${d.dMinimax}, D_max ${d.dMax}, public bundle_id, bundle_seq 3`),
    readings: layouts.map((layout) => ({
      name: layout,
      description:
        layout === 'one-line'
          ? "one checkpoint extension line (the code's)"
          : 'two extension lines, split where printed',
      outputs: values.map((d) => digest(body(d, undefined, layout))),
      shown: fate(body(values[0]!, undefined, layout)),
    })),
    note:
      "A witness or consumer implementing one layout rejects the other's checkpoints " +
      "(the model's parser and witness answer 400).",
  };
}

/** §7: the carried values are D_minimax and D_max, or the squares the preceding lines define. */
function carriedValue(): EncodingCase {
  const carried: CarriedValue[] = ['D', 'D-squared'];
  const values = [dual(1.5, 2.5)];
  return {
    id: 'ENC-7-carried-value',
    anchor: {
      section: '§7',
      lines: [738, 745],
      words: ['D_minimax^2', 'D_max^2', 'These two values', 'd_minimax=<float>;d_max=<float>'],
    },
    paraphrase: 'the two dual-mode values carried in the extra field',
    draft: 'lines 738-739 define D_minimax^2 and D_max^2; "These two values" are carried as d_minimax and d_max',
    open: [
      { name: 'carried value', admissible: 'D | D^2', lines: '§7 lines 738-745; §2.3 line 324 "(D_minimax, D_max)"' },
    ],
    inputs: values.map((d) => `D_minimax ${d.dMinimax}, D_max ${d.dMax}`),
    readings: carried.map((c) => ({
      name: c,
      description:
        c === 'D'
          ? "D_minimax and D_max, as the keys and §2.3 name them (the code's)"
          : 'their squares, as defined just above',
      outputs: values.map((d) => digest(body(d, undefined, undefined, c))),
      shown:
        `"${valuesPart(dualModeLines(values[0]!, undefined, 'one-line', c))}": ` +
        fate(body(values[0]!, undefined, undefined, c)),
    })),
    note:
      'Both parse, to different numbers: a consumer comparing them with its own D (or D^2) sees a disagreement ' +
      'that is not there, or misses one.',
  };
}

/** §7 and §9: the split-view detection probability. */
function detection(): EncodingCase {
  const grid = Array.from({ length: 6 }, (_, i) => i + 2).flatMap((w) =>
    Array.from({ length: w }, (_, j) => [w, j + 1] as const),
  );
  const formulas = [
    { name: '§7', description: '1 - (1 - 2/w)^q (§7 lines 762-764)', p: draftSection7 },
    { name: '§9', description: '1 - (1 - 1/w)^q (§9 lines 848-850)', p: draftSection9 },
  ];
  return {
    id: 'ENC-7-9-detection',
    anchor: { section: '§7', lines: [762, 764], words: ['(1 - (1 - 2/w)^q for q honest cosignatures of w'] },
    paraphrase: 'the split-view detection probability for q honest cosignatures of w witnesses',
    draft: '§7 prints 1 - (1 - 2/w)^q, §9 prints 1 - (1 - 1/w)^q, both "for q honest cosignatures of w witnesses"',
    open: [{ name: 'formula', admissible: '§7 | §9', lines: '§7 lines 762-764; §9 lines 848-850' }],
    inputs: grid.map(([w, q]) => `w ${w}, q ${q}`),
    readings: formulas.map((f) => ({
      name: f.name,
      description: f.description,
      outputs: grid.map(([w, q]) => f.p(w, q).toFixed(12)),
      shown: `w 4, q 2: ${f.p(4, 2)}; w 7, q 3: ${f.p(7, 3).toFixed(4)}`,
    })),
    note: 'The two formulas differ at every (w, q) with w >= 2: the security claim states two detection guarantees.',
  };
}

/** Every §7 / §9 multi-reading byte string or formula. */
export function c2spEncodings(): EncodingCase[] {
  return [floatRendering(), lineBreak(), carriedValue(), detection()];
}
