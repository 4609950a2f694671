/**
 * Reads started before the view that needs them has loaded its code: the view takes the promise
 * once (later loads read fresh). Keys name the read, e.g. `overview:12`.
 */
const pending = new Map<string, Promise<unknown>>();

/** Starts `load` unless a read with this key is already under way. */
export function prefetch<T>(key: string, load: () => Promise<T>): void {
  if (pending.has(key)) return;
  const promise = load();
  // An unused or failed prefetch must not surface as an unhandled rejection; the view reports it.
  promise.catch(() => undefined);
  pending.set(key, promise);
}

/** The prefetched read for `key`, handed out once, or undefined. */
export function takePrefetched<T>(key: string): Promise<T> | undefined {
  const promise = pending.get(key);
  pending.delete(key);
  return promise as Promise<T> | undefined;
}
