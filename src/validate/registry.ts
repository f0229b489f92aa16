/**
 * The validator: a registry of checks, each with an id, a title, the draft section it checks, and
 * a result with detail. `perfsec validate` runs them all; each theorem adds its own.
 */

/**
 * The form of a check id: `check:`, a subject (a theorem, spec, pipeline, cx), a slash and a name, all
 * lower case, so a check (check:t-rc-1/acceptance) cannot be taken for a claim (T-RC-1.A.iff).
 */
export const CHECK_ID = /^check:[a-z0-9-]+\/[a-z0-9-]+$/;

/** The id of the check NAME of SUBJECT (a theorem id such as T-RC-1, or spec, pipeline, cx). */
export function checkId(subject: string, name: string): string {
  return `check:${subject.toLowerCase()}/${name}`;
}

/** What one check found. */
export interface CheckResult {
  readonly pass: boolean;
  readonly detail: string;
}

/** What a check may use: the run's seed and the search budget per claim. */
export interface CheckContext {
  readonly seed: number;
  readonly runs: number;
}

/** One check of the validator. */
export interface Check {
  /** `check:<subject>/<name>` in lower case (CHECK_ID), e.g. check:t-jcost-1/path-a: never a claim id. */
  readonly id: string;
  readonly title: string;
  readonly section: string;
  run(ctx: CheckContext): CheckResult | Promise<CheckResult>;
}

/** A check's outcome as reported. */
export interface CheckOutcome extends CheckResult {
  readonly id: string;
  readonly title: string;
  readonly section: string;
}

/** Runs every check; a check that throws fails with the error as detail. */
export async function runChecks(
  checks: readonly Check[],
  ctx: CheckContext,
  onDone?: (o: CheckOutcome) => void,
): Promise<CheckOutcome[]> {
  const out: CheckOutcome[] = [];
  for (const c of checks) {
    let r: CheckResult;
    try {
      r = await c.run(ctx);
    } catch (e) {
      r = { pass: false, detail: `threw: ${e instanceof Error ? e.message : String(e)}` };
    }
    const o = { id: c.id, title: c.title, section: c.section, ...r };
    onDone?.(o);
    out.push(o);
  }
  return out;
}
