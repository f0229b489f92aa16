/**
 * The exhaustive search for conflicts among the draft's normative statements (issue 18, Deliver 4), like a model
 * checker over the configuration space of src/audit/normative-space.ts. The fields a search fixes are its SCOPE: the
 * context (what the deployment is) and the choices that only set where a statement applies; the other fields are
 * completed every possible way.
 * - One requirement is unsatisfiable in a scope it applies to when no completion meets it.
 * - Two requirements conflict in a scope where both apply when no completion meets both (a requirement met by not
 *   applying counts as met: a deployment may choose its way out of one).
 * - A permission conflicts with a requirement when some act it permits, in some context, can be exercised, and every
 *   completion exercising it breaks the requirement (a requirement naming alternatives permits each of them).
 * - A permission that takes a fact for granted conflicts with a permission that allows a configuration in which the
 *   fact is false, the configuration meeting every requirement read on the same fields.
 * A reading combination with a conflict is a refuted point, one without a holds point. A conflict that only comes
 * from one statement being unsatisfiable alone is marked so (it is reported once, as that statement).
 */
import type { PointVerdict } from '../lib/claim-verdict.js';
import type { RuleCode } from './normative-rules.js';
import { BASE, CONTEXT_FIELDS, distance, enumerate, type Config, type Field } from './normative-space.js';

/** A statement as the search sees it: its id and predicate. */
export interface SearchRule {
  readonly id: string;
  readonly code: RuleCode;
}

/** What one reading combination of a pair (or of one statement) gave. */
export interface Point {
  /** "reading of A | reading of B". */
  readonly reading: string;
  readonly verdict: PointVerdict;
  /** How the statements collide, when they do. */
  readonly how?: 'unsatisfiable' | 'requirements' | 'permission' | 'presupposition';
  /** The conflict comes only from one statement being unsatisfiable alone. */
  readonly alone?: boolean;
  /** The smallest conflicting configuration found, and the fields it was searched on. */
  readonly witness?: Config;
  readonly fields?: readonly Field[];
}

/** A pair (or one statement) searched: its points and the number of configurations examined. */
export interface Searched {
  readonly ids: readonly string[];
  readonly points: readonly Point[];
  readonly states: number;
}

/** Whether a configuration the text allows on FIELDS: used to keep a presupposition's counterexamples honest. */
export type Admissible = (c: Config, fields: readonly Field[]) => boolean;

const readingsOf = (r: SearchRule): readonly string[] => r.code.readings ?? [''];
const isReq = (r: SearchRule): boolean => r.code.kind !== 'may' && r.code.ok !== undefined;
const uniq = (fs: readonly Field[]): Field[] => [...new Set(fs)];
const minus = (a: readonly Field[], b: readonly Field[]): Field[] => uniq(a.filter((f) => !b.includes(f)));
/** Every field a statement reads. */
export const fieldsOf = (r: SearchRule): Field[] => uniq([...r.code.when, ...r.code.what, ...(r.code.facts ?? [])]);
const contextOf = (fs: readonly Field[]): Field[] => fs.filter((f) => CONTEXT_FIELDS.includes(f));

/** Conflicting configurations, the smallest genuine one (not explained by one statement alone) preferred. */
class Witnesses {
  private genuine: Config | undefined;
  private alone: Config | undefined;
  constructor(private readonly fields: readonly Field[]) {}
  private static smaller(a: Config | undefined, b: Config, fields: readonly Field[]): Config {
    if (!a) return b;
    const [x, y] = [distance(a, fields), distance(b, fields)];
    return y[0] < x[0] || (y[0] === x[0] && y[1] < x[1]) ? b : a;
  }
  add(found: Config, alone: boolean): void {
    const c = { ...found }; // the search changes its configuration in place
    if (alone) this.alone = Witnesses.smaller(this.alone, c, this.fields);
    else this.genuine = Witnesses.smaller(this.genuine, c, this.fields);
  }
  point(how: NonNullable<Point['how']>): Point | undefined {
    const witness = this.genuine ?? this.alone;
    if (!witness) return undefined;
    return { reading: '', verdict: 'refuted', how, alone: !this.genuine, witness, fields: this.fields };
  }
}

/** Counts the configurations one search examines. */
class Meter {
  n = 0;
  /** Visits every completion of FIELDS over FROM (in place) until VISIT returns true. */
  each(fields: readonly Field[], from: Config, visit: (c: Config) => boolean | void): void {
    this.n += enumerate(fields, from, visit);
  }
}

/** Tracks, over a scope's completions, whether a requirement applies somewhere and is ever met where it applies. */
class Reach {
  private applied = false;
  private metApplied = false;
  see(applies: boolean, ok: () => boolean): void {
    if (!applies) return;
    this.applied = true;
    if (!this.metApplied && ok()) this.metApplied = true;
  }
  /** It applied, and was never met where it applied: unsatisfiable on its own here. */
  get unsatisfiable(): boolean {
    return this.applied && !this.metApplied;
  }
}

/** One statement alone: a scope it applies to in which no completion meets it. */
export function searchOne(r: SearchRule): Searched {
  const m = new Meter();
  const fields = fieldsOf(r);
  const scope = uniq([...minus(r.code.when, r.code.what), ...contextOf(fields)]);
  const rest = minus(fields, scope);
  const points = readingsOf(r).map((rd): Point => {
    if (!isReq(r)) return { reading: rd, verdict: 'holds' };
    const w = new Witnesses(fields);
    m.each(scope, BASE, (s) => {
      const reach = new Reach();
      m.each(rest, s, (x) => reach.see(r.code.applies(x, rd), () => r.code.ok!(x, rd)));
      if (reach.unsatisfiable) w.add(s, true);
    });
    const p = w.point('unsatisfiable');
    return p ? { ...p, reading: rd } : { reading: rd, verdict: 'holds' };
  });
  return { ids: [r.id], points, states: m.n };
}

/** Two requirements: a scope where both apply and no completion meets both. */
function requirements(m: Meter, a: SearchRule, ra: string, b: SearchRule, rb: string): Point | undefined {
  const fields = uniq([...fieldsOf(a), ...fieldsOf(b)]);
  const whats = [...a.code.what, ...b.code.what];
  const scope = uniq([...minus([...a.code.when, ...b.code.when], whats), ...contextOf(fields)]);
  const rest = minus(fields, scope);
  const w = new Witnesses(fields);
  m.each(scope, BASE, (s) => {
    let example: Config | undefined;
    let joint = false;
    const [reachA, reachB] = [new Reach(), new Reach()];
    m.each(rest, s, (x) => {
      const [pa, pb] = [a.code.applies(x, ra), b.code.applies(x, rb)];
      if (pa && pb && !example) example = { ...x };
      reachA.see(pa, () => a.code.ok!(x, ra));
      reachB.see(pb, () => b.code.ok!(x, rb));
      if ((!pa || a.code.ok!(x, ra)) && (!pb || b.code.ok!(x, rb))) joint = true;
      return joint && example !== undefined; // both met somewhere, and both apply somewhere: no conflict here
    });
    if (example && !joint) w.add(example, reachA.unsatisfiable || reachB.unsatisfiable);
  });
  return w.point('requirements');
}

/** Whether requirement Q, in the context of C, applies somewhere and is met nowhere it applies (all else varied). */
function unsatisfiableIn(m: Meter, q: SearchRule, rq: string, c: Config, fields: readonly Field[]): boolean {
  const reach = new Reach();
  m.each(minus(fields, contextOf(fields)), c, (x) => reach.see(q.code.applies(x, rq), () => q.code.ok!(x, rq)));
  return reach.unsatisfiable;
}

/** Permission P: some act, in some context, exercisable, and every completion exercising it breaks requirement Q. */
function permission(m: Meter, p: SearchRule, rp: string, q: SearchRule, rq: string): Point | undefined {
  const fields = uniq([...fieldsOf(p), ...fieldsOf(q)]);
  const fixed = uniq([...contextOf(fields), ...(p.code.act ?? p.code.what)]);
  const rest = minus(fields, fixed);
  const w = new Witnesses(fields);
  m.each(fixed, BASE, (e) => {
    let example: Config | undefined;
    let broken = true;
    m.each(rest, e, (x) => {
      if (!p.code.applies(x, rp) || !p.code.acts!(x, rp)) return false;
      example ??= { ...x };
      if (!q.code.applies(x, rq) || q.code.ok!(x, rq)) broken = false;
      return !broken;
    });
    if (example && broken) w.add(example, unsatisfiableIn(m, q, rq, example, fields));
  });
  return w.point('permission');
}

/** Permission Q allows a configuration, admissible on the pair's fields, in which P's premise is false. */
function presupposition(
  m: Meter,
  p: SearchRule,
  rp: string,
  q: SearchRule,
  rq: string,
  admissible: Admissible,
): Point | undefined {
  // Only a permission whose act sets what the premise reads can falsify it.
  if (!(q.code.act ?? q.code.what).some((f) => (p.code.facts ?? []).includes(f))) return undefined;
  const fields = uniq([...fieldsOf(p), ...fieldsOf(q)]);
  const w = new Witnesses(fields);
  m.each(fields, BASE, (c) => {
    const relies = p.code.applies(c, rp) && p.code.acts!(c, rp) && !p.code.presupposes!(c, rp);
    if (relies && q.code.applies(c, rq) && q.code.acts!(c, rq) && admissible(c, fields)) w.add(c, false);
  });
  return w.point('presupposition');
}

/** The conflict of A and B under readings (RA, RB), trying each way they can collide; a genuine one first. */
function collide(m: Meter, a: SearchRule, ra: string, b: SearchRule, rb: string, adm: Admissible): Point | undefined {
  const found = [
    isReq(a) && isReq(b) ? requirements(m, a, ra, b, rb) : undefined,
    a.code.acts && isReq(b) ? permission(m, a, ra, b, rb) : undefined,
    b.code.acts && isReq(a) ? permission(m, b, rb, a, ra) : undefined,
    a.code.presupposes && b.code.acts ? presupposition(m, a, ra, b, rb, adm) : undefined,
    b.code.presupposes && a.code.acts ? presupposition(m, b, rb, a, ra, adm) : undefined,
  ].filter((p): p is Point => p !== undefined);
  return found.find((p) => !p.alone) ?? found[0];
}

/** A pair under every combination of its readings. */
export function searchPair(a: SearchRule, b: SearchRule, admissible: Admissible): Searched {
  const m = new Meter();
  const points: Point[] = [];
  for (const ra of readingsOf(a))
    for (const rb of readingsOf(b)) {
      const reading = [ra, rb].filter(Boolean).join(' | ') || '(one reading)';
      const p = collide(m, a, ra, b, rb, admissible);
      points.push(p ? { ...p, reading } : { reading, verdict: 'holds' });
    }
  return { ids: [a.id, b.id], points, states: m.n };
}
