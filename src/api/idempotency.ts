/**
 * `Idempotency-Key` on creates. The key becomes the store's client key (services scope it to the
 * caller), scoped here to the route, whose path names the unit: the same key on another route or
 * unit is another create. A retried create answers the item the key first made; when that item
 * does not hold what this request asks for, the key was used for another request: 422.
 */
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { sameValue } from '../domain';
import type { StoredItem } from '../store/port';
import { problem } from './problems';

/** The optional `Idempotency-Key`, scoped to the route, as the create's client key. */
export function idempotencyKey(req: Request): string | undefined {
  const value = req.get('idempotency-key')?.trim();
  if (value === undefined || value === '') return undefined;
  if (!/^[\w:.-]{1,100}$/.test(value)) throw problem('invalidBody', { field: 'Idempotency-Key', detail: 'Idempotency-Key: 1-100 letters, digits, _ : . -' });
  const route = createHash('sha256').update(`${req.method} ${req.baseUrl}${req.path}`).digest('base64url').slice(0, 16);
  return `${route}:${value}`;
}

/**
 * The created item, when it holds every field of the request's `input`; a keyed create that the
 * store answered with an earlier, different item is refused (nothing was stored by this request).
 */
export function sameRequest<T>(req: Request, input: object, item: StoredItem<T>): StoredItem<T> {
  if (idempotencyKey(req) === undefined) return item;
  const fields = item.fields as Record<string, unknown>;
  const differs = Object.entries(input).find(([name, value]) => value !== undefined && !sameValue(value, fields[name]));
  if (differs) {
    throw problem('idempotencyKeyReused', {
      field: 'Idempotency-Key',
      detail: `Idempotency-Key was used for another request (${differs[0]} differs); send a new key for a new item`,
    });
  }
  return item;
}
