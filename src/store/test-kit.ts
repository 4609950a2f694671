/** Test helpers over the store port. */
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
