/**
 * Generator domains (issue 16, "Replay is exact"): whether a stored value is one a claim's
 * generators could have drawn, with one line naming what is not. A replay evaluates a claim only
 * inside that domain, so a tampered or malformed record is refused before any model work.
 *
 * Two means, one per kind of generator. fast-check's own `canShrinkWithoutContext` answers for
 * records, integers, constants, oneof, tuples, arrays, filters and `.map(f, unmapper)`; a generator
 * built with `.chain` or `fc.commands` cannot answer, so it is wrapped with {@link checked}, which
 * carries a hand-stated check of the ranges and the dependent constraints it guarantees.
 */
import fc from 'fast-check';

/** Checks one value found AT (e.g. "value[0].n"): null when the generator could draw it, else the reason. */
export type Check = (v: unknown, at: string) => string | null;

/** A short, one-line rendering of V for a reason: never a whole document (a value may be huge or deep). */
export function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  return typeof v === 'object' ? 'an object' : typeof v;
}

/** An integer in [MIN, MAX]. */
export const int =
  (min: number, max: number): Check =>
  (v, at) =>
    Number.isInteger(v) && !Object.is(v, -0) && (v as number) >= min && (v as number) <= max
      ? null
      : `${at} must be an integer in [${min}, ${max}], got ${shown(v)}`;

/** One of VALUES (compared with Object.is, as fast-check's constantFrom). */
export const oneOf =
  (values: readonly unknown[]): Check =>
  (v, at) =>
    values.some((x) => Object.is(x, v))
      ? null
      : `${at} must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}, got ${shown(v)}`;

/**
 * The flat object VALUE itself, field for field (a stored fc.constant of an object is a copy, never the same
 * object).
 */
export const constantRecord = (value: Readonly<Record<string, unknown>>): Check =>
  record(Object.fromEntries(Object.entries(value).map(([k, x]) => [k, oneOf([x])])));

/** Whatever ARB's own canShrinkWithoutContext accepts; WHAT names the set in the reason. */
export const drawnBy =
  (arb: fc.Arbitrary<unknown>, what: string): Check =>
  (v, at) =>
    reasonOutside(arb, v, at, what);

/** A plain object with exactly KEYS (no more, no fewer), before its fields are checked. */
export const keys =
  (names: readonly string[]): Check =>
  (v, at) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype)
      return `${at} must be an object, got ${shown(v)}`;
    const own = Object.keys(v);
    const extra = own.find((k) => !names.includes(k));
    if (extra !== undefined) return `${at} has an unexpected field ${shown(extra)}`;
    const missing = names.find((k) => !own.includes(k));
    return missing === undefined ? null : `${at} lacks the field '${missing}'`;
  };

/** The fields of an object already checked by {@link keys}, in the order given. */
export const fields =
  (spec: Readonly<Record<string, Check>>): Check =>
  (v, at) => {
    for (const [k, check] of Object.entries(spec)) {
      const why = check((v as Record<string, unknown>)[k], `${at}.${k}`);
      if (why) return why;
    }
    return null;
  };

/** A plain object with exactly the fields of SPEC, each checked. */
export const record =
  (spec: Readonly<Record<string, Check>>): Check =>
  (v, at) =>
    keys(Object.keys(spec))(v, at) ?? fields(spec)(v, at);

/** An array of MIN to MAX items, each checked by ITEM (the length first: a huge array costs nothing). */
export const arrayOf =
  (item: Check, min: number, max: number): Check =>
  (v, at) => {
    if (!Array.isArray(v)) return `${at} must be an array, got ${shown(v)}`;
    if (v.length < min || v.length > max)
      return `${at} must hold ${min === max ? min : `${min} to ${max}`} items, got ${v.length}`;
    for (let i = 0; i < v.length; i++) {
      const why = item(v[i], `${at}[${i}]`);
      if (why) return why;
    }
    return null;
  };

/** A fixed-length array, one check per position. */
export const tuple =
  (...items: Check[]): Check =>
  (v, at) =>
    (Array.isArray(v) && v.length === items.length
      ? null
      : `${at} must be an array of ${items.length}, got ${shown(v)}`) ??
    items.reduce<string | null>((why, c, i) => why ?? c((v as unknown[])[i], `${at}[${i}]`), null);

/** A generator that carries its own domain check: generates and shrinks exactly as ARB does. */
class Checked<T> extends fc.Arbitrary<T> {
  constructor(
    readonly arb: fc.Arbitrary<T>,
    readonly check: Check,
  ) {
    super();
  }
  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    return this.arb.generate(mrng, biasFactor);
  }
  canShrinkWithoutContext(value: unknown): value is T {
    return this.check(value, 'value') === null;
  }
  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.arb.shrink(value, context);
  }
}

/**
 * ARB with CHECK as its domain: for generators fast-check cannot check (`.chain`, `fc.commands`).
 * Generation and shrinking are ARB's own, so stored seeds and paths replay unchanged.
 */
export function checked<T>(arb: fc.Arbitrary<T>, check: Check): fc.Arbitrary<T> {
  return new Checked(arb, check);
}

/** Why V (found AT) is outside ARB's domain, or null; WHAT names the domain when ARB has no check of its own. */
export function reasonOutside(
  arb: fc.Arbitrary<unknown>,
  v: unknown,
  at: string,
  what = 'a value its generator draws',
): string | null {
  if (arb instanceof Checked) return (arb as Checked<unknown>).check(v, at);
  return arb.canShrinkWithoutContext(v) ? null : `${at} is not ${what}, got ${shown(v)}`;
}
