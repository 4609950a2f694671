/**
 * A condition only a bug in this code can break (a route mounted without its guard, a middleware
 * chain without its last step). Never for input, never for a failure a user can meet: those are
 * the typed errors of the store, the services and the API's problem catalogue.
 */
export class InvariantError extends Error {
  override readonly name = 'InvariantError';
}

/** Asserts a true invariant; the one place in src/ that throws a plain error type. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}
