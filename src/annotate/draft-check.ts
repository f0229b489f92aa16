/**
 * Is this text the draft? (issue 21: the draft file is hostile input.) Every anchor's words must stand in its
 * lines (src/audit/anchor.ts, the audit's own check); the first anchor whose words are not found is named.
 */
import { anchorProblem, citation, type Anchor } from '../audit/anchor.js';

/** One line naming the first of ANCHORS whose words LINES do not hold at its lines, or undefined. */
export function notTheDraft(
  lines: readonly string[],
  anchors: ReadonlyArray<{ readonly id: string; readonly anchor: Anchor }>,
): string | undefined {
  for (const { id, anchor } of anchors) {
    const problem = anchorProblem(anchor, lines);
    if (problem) return `not the draft: anchor ${id} (${citation(anchor)}): ${problem}`;
  }
  return undefined;
}
