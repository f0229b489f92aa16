/**
 * Anchors (issue 18, Deliver 2): where a claim stands in the draft text, by section and line range, and the
 * few words it turns on (a printed figure, a keyword). The draft's line numbers are those of the shared text
 * (../shared/spec/draft-melegassi-mvps-perfsec-coupling-00.txt, line 1 its first line). A check confirms the
 * words stand in those lines whenever that text is available; the project quotes no more than those words.
 */

/** Where a claim stands in the draft. */
export interface Anchor {
  /** The draft's section: "§4.4", "App. A", "Abstract". */
  readonly section: string;
  /** First and last line (1-based, inclusive) of the text the claim turns on. */
  readonly lines: readonly [number, number];
  /** The few words, each as printed (whitespace and line breaks in the draft count as one space). */
  readonly words: readonly string[];
}

/** The lines of a draft text, 1-based: `lines[0]` is line 1. */
export function draftLines(text: string): readonly string[] {
  return text.split(/\r?\n/);
}

/** Collapses runs of whitespace to one space, so that words may cross a line break. */
const squeeze = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Why ANCHOR does not stand in LINES (the draft's text), or undefined when every word is found inside its line
 * range. Words are matched case-sensitively, with line breaks and indentation read as one space.
 */
export function anchorProblem(anchor: Anchor, lines: readonly string[]): string | undefined {
  const [from, to] = anchor.lines;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < from || to > lines.length)
    return `line range ${from}-${to} is not within the draft's ${lines.length} lines`;
  if (anchor.words.length === 0) return 'no words to find';
  const text = squeeze(lines.slice(from - 1, to).join('\n'));
  const missing = anchor.words.filter((w) => !text.includes(squeeze(w)));
  return missing.length === 0 ? undefined : `not in lines ${from}-${to}: ${missing.map((w) => `"${w}"`).join(', ')}`;
}

/** "draft §4.4, lines 571-583": how the project cites an anchor. */
export function citation(anchor: Anchor): string {
  const [from, to] = anchor.lines;
  return `draft ${anchor.section}, ${from === to ? `line ${from}` : `lines ${from}-${to}`}`;
}
