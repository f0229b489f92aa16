/**
 * Declares a theorem in its property file; under vitest the same call registers its claims as
 * tests (src/engine/vitest-bridge.ts, loaded only then).
 */
import { fileURLToPath } from 'node:url';
import type { Theorem } from './theorem.js';

// Under vitest, theorem() also registers the claims as tests; the CLI loads the same files without it.
const vitest = process.env.VITEST ? await import('./vitest-bridge.js') : undefined;

/**
 * Declares a theorem in a property file. When vitest is collecting that very file, each claim
 * becomes a test: a property test for a claim that holds, a replay of its counterexample for a
 * refuted one. Importing the file from anywhere else (the CLI, a mutant test) only returns it.
 */
export function theorem<M>(meta: ImportMeta, spec: Omit<Theorem<M>, 'file'>): Theorem<M> {
  const t: Theorem<M> = { ...spec, file: fileURLToPath(meta.url) };
  vitest?.register(t as Theorem);
  return t;
}
