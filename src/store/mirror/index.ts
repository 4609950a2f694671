/**
 * The read model's implementation (the port is ../read-model.ts): `createMirror(store, feed,
 * options)` gives the store every write must go through (write-through, so a writer sees their
 * write at once) and the read model views read from, kept by the feed (the same store's change
 * feed). Only the composition root creates one.
 */
import type { ChangeFeed } from '../changes';
import type { Store } from '../port';
import type { ReadModel } from '../read-model';
import { Mirror, type MirrorOptions, type MirrorStatus } from './mirror';
import { withWriteThrough } from './write-through';

export type { MirrorOptions, MirrorStatus } from './mirror';

export interface MirroredStore<M> {
  /** the store for every read and write outside views: writes land in the mirror as they are answered */
  readonly store: Store<M>;
  readonly readModel: ReadModel<M>;
  /** Starts the first enumeration of every list; resolves once views may read (retries until then). */
  start(): Promise<void>;
  status(): MirrorStatus;
  /** Stops retrying a first enumeration that has not succeeded. */
  close(): void;
}

export function createMirror<M>(store: Store<M>, feed: ChangeFeed<M>, options: MirrorOptions<M>): MirroredStore<M> {
  const mirror = new Mirror(feed, options);
  return {
    store: withWriteThrough(store, mirror),
    readModel: mirror,
    start: () => mirror.start(),
    status: () => mirror.status(),
    close: () => mirror.close(),
  };
}
