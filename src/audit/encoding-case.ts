/**
 * A multi-reading byte string or formula as the audit computes it (issue 18, Deliver 4): its readings, each computed
 * on every public test input, and the one verdict rule with `interop` (src/lib/claim-verdict.ts): `holds` when every
 * reading gives the code's reading's output on every input, `underspecified` when some do not.
 */
import { ruleVerdict } from '../lib/claim-verdict.js';
import type { Anchor } from './anchor.js';
import type { AuditEntry, ChoiceSearch } from './entry.js';

/** One reading of a byte string or formula, computed on every input of the search. */
export interface ComputedReading {
  readonly name: string;
  readonly description: string;
  /** The reading's output on each input, as text (hex for bytes). */
  readonly outputs: readonly string[];
  /** What to show for it (the output on the first input, with context). */
  readonly shown: string;
}

/** A byte string or formula with its readings computed. */
export interface EncodingCase {
  readonly id: string;
  readonly anchor: Anchor;
  readonly paraphrase: string;
  readonly draft: string;
  readonly open: ChoiceSearch['open'];
  /** The inputs, in words (public test values). */
  readonly inputs: readonly string[];
  /** The code's reading first. */
  readonly readings: readonly ComputedReading[];
  readonly note: string;
}

/** An audit entry with the anchor it stands on. */
export type AnchoredEntry = AuditEntry & { readonly anchor: Anchor };

/** The verdict rule over the readings: each holds when it gives the code's reading's outputs on every input. */
export function encodingEntry(e: EncodingCase): AnchoredEntry {
  const same = (r: ComputedReading) => r.outputs.every((o, i) => o === e.readings[0]!.outputs[i]);
  const points = e.readings.map((r) => (same(r) ? ('holds' as const) : ('refuted' as const)));
  const distinct = new Set(e.readings.map((r) => r.outputs.join('\n'))).size;
  const disagreeing = e.inputs.filter((_, i) => new Set(e.readings.map((r) => r.outputs[i])).size > 1).length;
  return {
    id: e.id,
    section: e.anchor.section,
    kind: 'encoding',
    paraphrase: e.paraphrase,
    draft: e.draft,
    verdict: ruleVerdict(points, { interop: true }),
    origin: 'draft',
    comparison: `each reading against the code's (${e.readings[0]!.name}), on every input: ${e.inputs.join('; ')}`,
    choices: {
      open: e.open,
      method:
        `exhaustive: ${e.readings.length} readings x ${e.inputs.length} inputs; ${distinct} distinct outputs, ` +
        `readings disagree on ${disagreeing} of ${e.inputs.length} inputs`,
      points: points.length,
      outcomes: e.readings.map((r, i) => ({
        choice: `${r.name}: ${r.description}`,
        value: r.shown,
        holds: points[i] === 'holds',
      })),
    },
    note: e.note,
    anchor: e.anchor,
  };
}
