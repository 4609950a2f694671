/**
 * The read model: what views read instead of querying lists per view. Each server instance
 * mirrors the lists views read and keeps the mirror current with the store's change feed (Graph's
 * list item delta); a view brings the lists it reads up to date with one round trip, then computes
 * from memory. The implementation is src/store/mirror; services depend on this port only.
 */
import type { StoredItem } from './port';

/** The mirrored lists as they were when a view's round trip brought them up to date. */
export interface ReadView<M> {
  /** every item of the list, in the order the list holds them (by id) */
  all<K extends keyof M & string>(list: K): readonly StoredItem<M[K]>[];
  /** one item by id, or undefined */
  get<K extends keyof M & string>(list: K, id: string): StoredItem<M[K]> | undefined;
  /** the items whose `field` equals `value`, from an index kept in step with the list */
  where<K extends keyof M & string, F extends keyof M[K] & string>(list: K, field: F, value: NonNullable<M[K][F]>): readonly StoredItem<M[K]>[];
  /**
   * The list's change version in this read model: it grows with every item that arrives, changes
   * or goes (by a write or a round), so two views with the same version hold the same items. What
   * is computed from a list may be kept while its version stays.
   */
  version<K extends keyof M & string>(list: K): number;
  /**
   * What changed in the list after `version` (one `version(list)` gave earlier): the id of every
   * item that arrived, changed or went since, with the item as it was at `version` (undefined: it
   * was not there; `get` gives it as it is now). Undefined when the read model no longer knows
   * that far back (it keeps the last changes only; a fresh enumeration changes every item): then
   * compute from every item. What is kept per item may be recomputed for these ids only.
   */
  changedSince<K extends keyof M & string>(list: K, version: number): ReadonlyMap<string, StoredItem<M[K]> | undefined> | undefined;
}

export interface ReadModel<M> {
  /**
   * Brings the lists up to date with one change-feed round trip, then answers from memory. A round
   * that started before this call cannot hold a write its caller made just before: the call waits
   * for the next round, which everyone who waits with it shares. Rejects with SyncingError until
   * the mirror has enumerated every list once.
   */
  read<const L extends keyof M & string>(lists: readonly L[]): Promise<ReadView<Pick<M, L>>>;
}
