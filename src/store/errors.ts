import type { StoredItem } from './port';

/** Typed errors of the store port. Graph's error bodies become exactly one of these (graph-errors.ts). */
export class StoreError extends Error {
  override readonly name: string = 'StoreError';
}

export class NotFoundError extends StoreError {
  override readonly name = 'NotFoundError';
  constructor(readonly list: string, readonly id: string) {
    super(`${list}/${id} was not found`);
  }
}

/** The eTag sent was stale: `current` is the item as it is now (undefined if it was deleted). */
export class ConflictError<T = unknown> extends StoreError {
  override readonly name = 'ConflictError';
  constructor(readonly list: string, readonly id: string, readonly current: StoredItem<T> | undefined) {
    super(`${list}/${id} was changed by someone else`);
  }
}

/** An item that fails its list's domain schema; it never leaves the process. */
export class InvalidItemError extends StoreError {
  override readonly name = 'InvalidItemError';
  constructor(readonly list: string, readonly field: string, readonly reason: string) {
    super(`${list}: ${field}: ${reason}`);
  }
}

/** A unique column already holds this value. */
export class DuplicateError extends StoreError {
  override readonly name = 'DuplicateError';
  constructor(readonly list: string, readonly field: string) {
    super(`${list}: ${field} already exists`);
  }
}

/** Graph or SharePoint could not serve the request, after retries. */
export class UnavailableError extends StoreError {
  override readonly name: string = 'UnavailableError';
  constructor(message: string, readonly status?: number, readonly retryAfterSeconds?: number) {
    super(message);
  }
}

/** The read model has not yet enumerated every list once: no view may be computed from it. */
export class SyncingError extends UnavailableError {
  override readonly name = 'SyncingError';
  constructor(retryAfterSeconds: number) {
    super('the read model is still reading the lists for the first time', 503, retryAfterSeconds);
  }
}
