/** The one place where Graph's error responses become the store's typed errors. */
import { ConflictError, DuplicateError, NotFoundError, StoreError, UnavailableError } from './errors';
import { retryAfterMs } from './middleware/retry-after';

/** Graph's error body: `{"error":{"code","message","innerError":{...}}}`. */
export interface GraphErrorBody {
  readonly error?: { readonly code?: string; readonly message?: string };
}

export interface ErrorContext {
  readonly list: string;
  readonly id?: string;
  /** the list's unique columns, to name the one a 409 is about */
  readonly uniqueColumns?: readonly string[];
}

function messageOf(body: unknown, status: number): string {
  const error = (body as GraphErrorBody | undefined)?.error;
  return error?.message ?? error?.code ?? `Graph answered ${status}`;
}

/** Names the unique column a conflict message mentions; else the first non-key unique column. */
function duplicateField(message: string, unique: readonly string[]): string {
  return unique.find((name) => message.includes(name)) ?? unique.find((name) => name !== 'clientKey') ?? unique[0] ?? 'unknown';
}

/** True when a response is Graph saying a unique column already holds the value. */
export function isUniqueViolation(status: number): boolean {
  return status === 409;
}

/** Translates a failed Graph response (status, parsed body, Retry-After) to a typed error. */
export function translateGraphError(status: number, body: unknown, retryAfter: string | null | undefined, context: ErrorContext): StoreError {
  const message = messageOf(body, status);
  if (status === 404) return new NotFoundError(context.list, context.id ?? '');
  if (status === 412) return new ConflictError(context.list, context.id ?? '', undefined);
  if (status === 409) return new DuplicateError(context.list, duplicateField(message, context.uniqueColumns ?? []));
  if (status === 429 || status >= 500) {
    const ms = retryAfterMs(retryAfter, Date.now());
    return new UnavailableError(message, status, ms === undefined ? undefined : Math.ceil(ms / 1000));
  }
  return new StoreError(message);
}
