/** Small helpers for building API requests, shared by the tab's API clients. */

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

/** A fresh Idempotency-Key for a create. */
export function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
