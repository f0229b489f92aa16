/**
 * What the fuzz tests share: the run budget (PERFSEC_FUZZ_RUNS; `npm run fuzz` sets 100 000),
 * inputs built from arbitrary bytes and from mutated valid documents, and the rule every decoder
 * and loader must keep: return a value, or reject with a typed error whose message is one line.
 */
import fc from 'fast-check';

/** Cases per fuzz target: small in `npm test`, large in `npm run fuzz`. */
export const FUZZ_RUNS = Number(process.env.PERFSEC_FUZZ_RUNS ?? 300);

/** Time allowed to one fuzz target: the suite's minute, or 3 ms a case when that is more (a signed note
 * that still parses costs an Ed25519 verification). */
export const FUZZ_TIMEOUT_MS = Math.max(60_000, FUZZ_RUNS * 3);

type Path = ReadonlyArray<string | number>;

function pathsOf(doc: unknown, at: Path = []): Path[] {
  if (Array.isArray(doc)) return [at, ...doc.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (doc && typeof doc === 'object') return [at, ...Object.entries(doc).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return [at];
}

/** DOC with the value at PATH replaced by WITH (undefined deletes it). */
function replaceAt(doc: unknown, path: Path, withValue: unknown): unknown {
  if (path.length === 0) return withValue;
  const [head, ...rest] = path;
  if (Array.isArray(doc)) {
    const copy = [...doc];
    if (rest.length === 0 && withValue === undefined) copy.splice(head as number, 1);
    else copy[head as number] = replaceAt(copy[head as number], rest, withValue);
    return copy;
  }
  const copy = { ...(doc as Record<string, unknown>) };
  if (rest.length === 0 && withValue === undefined) delete copy[head as string];
  else copy[head as string] = replaceAt(copy[head as string], rest, withValue);
  return copy;
}

/**
 * A valid document with one to three values deleted or replaced by arbitrary JSON (numbers at their edges included).
 */
export function mutatedJson(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const replacement = fc.oneof(
    fc.constant(undefined),
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(0, -1, 1e308, -0, 2 ** 53, 0.1, '', 'x', null, true, [], {}),
  );
  const one = fc.tuple(fc.constantFrom(...paths), replacement);
  return fc.array(one, { minLength: 1, maxLength: 3 }).map((ms) =>
    ms.reduce((d, [p, v]) => {
      try {
        return replaceAt(d, p, v);
      } catch {
        return d; // the path vanished under an earlier mutation
      }
    }, valid),
  );
}

/** Text a loader may be handed: arbitrary strings, mutated valid documents, truncations. */
export function documentText(valid: unknown): fc.Arbitrary<string> {
  const text = JSON.stringify(valid);
  return fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    mutatedJson(valid).map((d) => JSON.stringify(d) ?? 'undefined'),
    fc.integer({ min: 0, max: text.length }).map((n) => text.slice(0, n)),
    fc.jsonValue().map((v) => JSON.stringify(v)),
  );
}

/** Arbitrary bytes, and mutations of a valid encoding (bit flips, truncations, extensions). */
export function bytesNear(valid: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    fc.uint8Array({ maxLength: 128 }),
    fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 7 })).map(([i, bit]) => {
      const b = valid.slice();
      b[i]! ^= 1 << bit;
      return b;
    }),
    fc.nat(valid.length).map((n) => valid.slice(0, n)),
    fc.uint8Array({ maxLength: 16 }).map((tail) => new Uint8Array([...valid, ...tail])),
    fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })).map(([i, v]) => {
      const b = valid.slice();
      b[i] = v;
      return b;
    }),
  );
}

/** Runs FN: fine if it returns, or throws one of ALLOWED with a one-line message; anything else fails the property. */
export function rejectsCleanly(fn: () => unknown, allowed: ReadonlyArray<new (...a: never[]) => Error>): boolean {
  try {
    fn();
    return true;
  } catch (e) {
    if (!allowed.some((t) => e instanceof t)) throw e;
    const message = (e as Error).message;
    if (message.length === 0 || message.includes('\n'))
      throw new Error(`rejection without a one-line reason: ${JSON.stringify(message)}`, { cause: e });
    return true;
  }
}

/** Text near a valid one: character edits, line edits, truncations, and arbitrary strings. */
export function textNear(valid: string): fc.Arbitrary<string> {
  const lines = valid.split('\n');
  return fc.oneof(
    fc.string({ maxLength: 120 }),
    fc.string({ unit: 'binary', maxLength: 120 }),
    fc.nat(valid.length).map((n) => valid.slice(0, n)),
    fc
      .tuple(fc.nat(valid.length), fc.string({ unit: 'binary', maxLength: 4 }))
      .map(([i, s]) => valid.slice(0, i) + s + valid.slice(i)),
    fc
      .tuple(fc.nat(valid.length), fc.integer({ min: 1, max: 8 }))
      .map(([i, n]) => valid.slice(0, i) + valid.slice(i + n)),
    fc
      .tuple(fc.nat(lines.length - 1), fc.string({ maxLength: 60 }))
      .map(([i, l]) => lines.map((x, j) => (j === i ? l : x)).join('\n')),
    fc.nat(lines.length - 1).map((i) => [...lines.slice(0, i + 1), lines[i]!, ...lines.slice(i + 1)].join('\n')),
  );
}
