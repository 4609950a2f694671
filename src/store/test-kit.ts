/** Test helpers over the store port. */
import { mirroredLists, type Entities } from '../lists/lists';
import type { ChangeFeed } from './changes';
import { createMirror, type MirroredStore } from './mirror';
import type { Store } from './port';

/** Counts readMany calls and the reads in each, so tests can hold a round-trip budget. */
export function countingReads<M>(store: Store<M>): { store: Store<M>; calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    store: {
      ...store,
      readMany: (reads) => {
        calls.push(reads.length);
        return store.readMany(reads);
      },
    },
  };
}

/** Counts change-feed calls, so tests can hold a view to its one round trip. */
export function countingChanges<M>(feed: ChangeFeed<M>): { feed: ChangeFeed<M>; calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    feed: {
      changes: (reads) => {
        calls.push(reads.length);
        return feed.changes(reads);
      },
    },
  };
}

/** The product's mirror over a store with its change feed, its first enumeration done: what services and flows read in tests. */
export async function startedMirror(store: Store<Entities>, feed: ChangeFeed<Entities>): Promise<MirroredStore<Entities>> {
  const mirror = createMirror<Entities>(store, feed, { lists: mirroredLists });
  await mirror.start();
  return mirror;
}
