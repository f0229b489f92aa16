/**
 * Option parsers shared by the commands: each rejects a bad value with commander's one-line error.
 */
import { InvalidArgumentError } from 'commander';
import { parseRuns, parseSeed } from '../lib/seed.js';
import { InputError } from '../lib/errors.js';
import { checkInDomain, DOMAINS, type DomainName } from '../lib/domains.js';
import { checkOutputFile, checkOutputFolder } from '../lib/output-path.js';

function wrap<T>(parse: (text: string) => T): (text: string) => T {
  return (text) => {
    try {
      return parse(text);
    } catch (e) {
      throw new InvalidArgumentError(e instanceof InputError ? e.message : String(e));
    }
  };
}

/**
 * A whole number within the documented domain NAME (src/lib/domains.ts): the syntax first, then
 * the range, so 2^53-1 vantages are refused when the flag is read.
 */
export function domainInt(name: DomainName): (text: string) => number {
  return wrap((t) => {
    if (!/^\d+$/.test(t))
      throw new InputError(`must be a ${DOMAINS[name].min === 0 ? 'non-negative' : 'positive'} integer, got '${t}'`);
    return checkInDomain(name, Number(t), '', name);
  });
}

/** A positive number within the documented domain NAME (src/lib/domains.ts): 5e-324 ms is refused, not divided by. */
export function domainNumber(name: DomainName): (text: string) => number {
  return wrap((t) => {
    const n = Number(t);
    if (t.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InputError(`must be a positive number, got '${t}'`);
    return checkInDomain(name, n, '', name);
  });
}

/** A fast-check seed. */
export const seedOption = wrap((t) => parseSeed(t, 'seed'));

/** A run budget. */
export const runsOption = wrap((t) => parseRuns(t, 'runs'));

/** An output folder that exists or can be made (nothing is written while parsing). */
export const outputFolder = wrap(checkOutputFolder);

/** An output file that can be written (not a folder; its folder exists or can be made). */
export const outputFile = wrap(checkOutputFile);
