/** Small helpers for building API requests, shared by the tab's API clients. */
import type { PathParams, Route } from '../../../src/contract';

/** One path segment, encoded. */
export function enc(segment: string): string {
  return encodeURIComponent(segment);
}

/** A query string of the parameters that have a value, with its leading "?" (or nothing). */
export function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A route's method and its path under /api, each `:name` filled in (encoded) from `params`. */
export function requestOf<R extends Route>(route: R, params: PathParams<R>): { method: string; path: string } {
  const space = route.indexOf(' ');
  const values: Record<string, string> = params;
  const path = route.slice(space + 1).replace(/:(\w+)/g, (_match, name: string) => enc(values[name] ?? ''));
  return { method: route.slice(0, space), path: `/api${path}` };
}

/** A fresh Idempotency-Key for a create. */
export function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
