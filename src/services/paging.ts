import type { Page, Query, StoredItem } from '../store/port';
import { InvalidPageTokenError } from './errors';

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

/** The page size of a view's page when the caller gives none: the store's default. */
const defaultTop = 200;

/**
 * One page of items a view computed from the read model: `top` items from where the previous
 * page's token says. The token is a position, so any token other than one of ours is refused.
 */
export function pageOf<T>(items: readonly StoredItem<T>[], page: PageRequest): Page<T> {
  const start = page.pageToken === undefined ? 0 : offsetOf(page.pageToken);
  const end = start + (page.top ?? defaultTop);
  const slice = items.slice(start, end);
  return end < items.length ? { items: slice, nextPageToken: `at:${end}` } : { items: slice };
}

function offsetOf(token: string): number {
  const match = /^at:(\d{1,9})$/.exec(token);
  if (!match) throw new InvalidPageTokenError();
  return Number(match[1]);
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
