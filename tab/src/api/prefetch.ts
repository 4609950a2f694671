/**
 * Reads started before the view that needs them has loaded its code: the view takes the promise
 * once (later loads read fresh). Each kind of read names what it answers, so a view takes what was
 * started for it, typed: `prefetch('overview', unitId, ...)`, `takePrefetched('overview', unitId)`.
 */
import type { ImportJobList, Me, Overview, Rollup, Setup, Unit } from '../../../src/contract';

/** What may be read early, by kind, and what each kind answers. */
export interface Prefetchable {
  unit: Unit;
  overview: Overview;
  /** the signed-in user (one id: `me`) */
  me: Me;
  /** whether the site is set up (one id: `setup`) */
  setup: Setup;
  /** the organizer's roll-up, by school year */
  rollup: Rollup;
  /** the latest result imports (one id: `imports`), for the organizer's front view */
  imports: ImportJobList;
}
export type PrefetchKind = keyof Prefetchable;

const pending: { [K in PrefetchKind]: Map<string, Promise<Prefetchable[K]>> } = { unit: new Map(), overview: new Map(), me: new Map(), setup: new Map(), rollup: new Map(), imports: new Map() };

/** Starts `load` unless a read of this kind and id is already under way. */
export function prefetch<K extends PrefetchKind>(kind: K, id: string, load: () => Promise<Prefetchable[K]>): void {
  const started = pending[kind];
  if (started.has(id)) return;
  const promise = load();
  // An unused or failed prefetch must not surface as an unhandled rejection; the view reports it.
  promise.catch(() => undefined);
  started.set(id, promise);
}

/** The prefetched read of this kind and id, handed out once, or undefined. */
export function takePrefetched<K extends PrefetchKind>(kind: K, id: string): Promise<Prefetchable[K]> | undefined {
  const started = pending[kind];
  const promise = started.get(id);
  started.delete(id);
  return promise;
}
