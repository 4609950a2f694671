/**
 * `Idempotency-Key` on creates. The key becomes the store's client key (services scope it to the
 * caller), scoped here to the route, whose path names the unit: the same key on another route or
 * unit is another create. A retried create answers the item the key first made; when that item
 * does not hold what this request asks for, the key was used for another request: 422.
 */
import { createHash } from 'node:crypto';
import type { Request } from 'express';
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

/** A date and time as the store may give it back in UTC and to the second. */
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function sameInstant(a: string, b: string): boolean {
  if (!dateTime.test(a) || !dateTime.test(b)) return false;
  const [left, right] = [Date.parse(a), Date.parse(b)];
  return !Number.isNaN(left) && Math.floor(left / 1000) === Math.floor(right / 1000);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function definedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined).sort();
}

/** Equal as values, with a date and time equal when it is the same instant. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b || sameInstant(a, b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((value, index) => sameValue(value, b[index]));
  if (isRecord(a)) {
    if (!isRecord(b)) return false;
    const keys = definedKeys(a);
    return keys.join('\u0000') === definedKeys(b).join('\u0000') && keys.every((key) => sameValue(a[key], b[key]));
  }
  return a === b;
}
