/**
 * The change feed of the store port: every item of a list, then what changed since (Graph's list
 * item delta). The read model (src/store/mirror) keeps each instance's mirror with it; the Graph
 * store and the memory store both implement it.
 */
import type { StoredItem } from './port';

/** One read of a list's changes. */
export interface ChangesRead<K extends string = string> {
  readonly list: K;
  /** absent: every item, from the start; otherwise the token a previous answer gave */
  readonly token?: string;
}

/** The items of one page: changed or new ones in their latest state, and the ids of deleted ones. */
export interface ChangedItems<T> {
  readonly items: readonly StoredItem<T>[];
  readonly deleted: readonly string[];
}

/** What one read answers. */
export type ChangesPage<T> =
  /** more of this round follows: read again with `token` (Graph's nextLink) */
  | (ChangedItems<T> & { readonly kind: 'more'; readonly token: string })
  /** the round is complete: read with `token` later for what changes from now on (Graph's deltaLink) */
  | (ChangedItems<T> & { readonly kind: 'done'; readonly token: string })
  /** the token is too old to answer (Graph's 410): enumerate every item again, from `token` when the store gave one */
  | { readonly kind: 'expired'; readonly token?: string };

export interface ChangeFeed<M> {
  /**
   * One page of changes for each read, in as few round trips as the store allows (Graph: one
   * `$batch` per 20 reads). Answers in the order of `reads`; a read fails the call only with a
   * typed store error (an expired token is an answer, not an error).
   */
  changes(reads: readonly ChangesRead<keyof M & string>[]): Promise<ChangesPage<M[keyof M & string]>[]>;
}
