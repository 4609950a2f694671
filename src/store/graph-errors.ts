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
  /** the list's unique columns, to name the one a 409 is about when Graph does not */
  readonly uniqueColumns?: readonly string[];
}

function messageOf(body: unknown, status: number): string {
  const error = (body as GraphErrorBody | undefined)?.error;
  return error?.message ?? error?.code ?? `Graph answered ${status}`;
}

/**
 * The fields a 409 unique violation names: SharePoint lists them in brackets ("... duplicate values
 * were found in the following field(s) in the list: [code]."). Empty when it does not say.
 */
function duplicateFields(body: unknown): string[] {
  const named = /\[([^\]]+)\]/.exec(messageOf(body, 409))?.[1];
  return named ? named.split(',').map((name) => name.trim()) : [];
}

/** Translates a failed Graph response (status, parsed body, Retry-After) to a typed error. */
export function translateGraphError(status: number, body: unknown, retryAfter: string | null | undefined, context: ErrorContext): StoreError {
  const message = messageOf(body, status);
  if (status === 404) return new NotFoundError(context.list, context.id ?? '');
  if (status === 412) return new ConflictError(context.list, context.id ?? '', undefined);
  if (status === 409) {
    const unique = context.uniqueColumns ?? [];
    return new DuplicateError(context.list, duplicateFields(body)[0] ?? unique.find((name) => name !== 'clientKey') ?? 'unknown');
  }
  // other 5xx (such as the list view threshold's 500) carry a message worth keeping
  if (status === 429 || status === 502 || status === 503 || status === 504) {
    const ms = retryAfterMs(retryAfter, Date.now());
    return new UnavailableError(message, status, ms === undefined ? undefined : Math.ceil(ms / 1000));
  }
  return new StoreError(message);
}
