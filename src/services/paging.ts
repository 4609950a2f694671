import type { Query } from '../store/port';

/** What a list endpoint passes through from `?top=&pageToken=`. */
export interface PageRequest {
  readonly top?: number;
  readonly pageToken?: string;
}

/** A query of one page, with the caller's page size and token when given. */
export function pageQuery(query: Omit<Query, 'top' | 'pageToken'>, page: PageRequest): Query {
  return {
    ...query,
    ...(page.top !== undefined ? { top: page.top } : {}),
    ...(page.pageToken !== undefined ? { pageToken: page.pageToken } : {}),
  };
}

/** Drops undefined values, so a patch never sends a field it does not change. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] !== undefined) out[key] = value[key];
  }
  return out;
}

/**
 * Options of a create: the optional Idempotency-Key becomes the store's client key, scoped to the
 * acting user, so one user's key can never answer with another user's item.
 */
export function createOptions(actor: { actor: string }, clientKey: string | undefined): { actor: string; clientKey?: string } {
  return clientKey ? { ...actor, clientKey: `api:${actor.actor}:${clientKey}` } : actor;
}
