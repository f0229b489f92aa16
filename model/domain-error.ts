/**
 * The parent of every model error that rejects a parameter outside the draft's domain (a zero
 * tick, a rate-limit factor below 2, a coalition larger than N): typed, with a one-line reason
 * that names the parameter. The command line reports it as bad input.
 */

/** A parameter outside the model's domain. */
export class DomainError extends Error {
  override readonly name: string = 'DomainError';
}
