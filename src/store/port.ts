/**
 * The store port: what services, the API and the bot use to read and write list items.
 * Only the Graph implementation (graph-store.ts) knows the site, the list ids and Graph's shapes.
 *
 * `M` maps each list key to its domain entity type (see src/lists/lists.ts, `Entities`).
 */
import { invariant } from '../domain/invariant';

export type FilterOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

export interface Filter {
  readonly field: string;
  readonly op: FilterOp;
  readonly value: string | number | boolean;
}

export interface Query {
  /** ANDed; the first filter must be on an indexed column (the list view threshold) */
  readonly filter?: readonly Filter[];
  readonly orderBy?: { readonly field: string; readonly descending?: boolean };
  /** page size; the store's default applies when absent */
  readonly top?: number;
  /** an opaque token from a previous page's `nextPageToken` */
  readonly pageToken?: string;
}

export interface StoredItem<T> {
  readonly id: string;
  /** the item's eTag: send it back to update or delete */
  readonly etag: string;
  readonly fields: T;
  readonly createdAt: string;
  readonly modifiedAt: string;
  /** the Entra object id of the user who created it (the store writes it for app-only Graph) */
  readonly createdByUser?: string;
  readonly modifiedByUser?: string;
}

export interface Page<T> {
  readonly items: readonly StoredItem<T>[];
  readonly nextPageToken?: string;
}

export interface WriteOptions {
  /** the Entra object id of the acting user, recorded on the item */
  readonly actor: string;
}

export interface CreateOptions extends WriteOptions {
  /** a client-generated key; a retried create with the same key returns the first item */
  readonly clientKey?: string;
}

/** One item of a `createMany`: its fields and its client key (a resent create with the key returns the first item). */
export interface CreateManyEntry<T> {
  readonly fields: T;
  readonly clientKey: string;
}

export interface UpdateOptions extends WriteOptions {
  /** the eTag the caller read; a stale one raises ConflictError */
  readonly etag: string;
}

/** Graph's limit of requests in one `$batch`: `readMany` sends at most this many reads per round trip. */
export const batchLimit = 20;

/** One item of a list by id. */
export interface ItemRead<K extends string = string> {
  readonly list: K;
  readonly id: string;
}

/** One page of a query on a list. */
export interface QueryRead<K extends string = string> {
  readonly list: K;
  readonly query: Query;
}

/** One read in a batch: a single item by id, or one page of a query. */
export type BatchRead<M> = ItemRead<keyof M & string> | QueryRead<keyof M & string>;

/** What one read answers: an item read its item, a query read its page, typed by the read's list. */
export type BatchResult<M, R extends BatchRead<M> = BatchRead<M>> =
  R extends ItemRead<infer K> ? { readonly item: StoredItem<M[K & keyof M]> }
  : R extends QueryRead<infer K> ? { readonly page: Page<M[K & keyof M]> }
  : never;

/** The answers of a tuple of reads, position by position: `[ItemRead<'units'>, QueryRead<'goals'>]` gives `[{ item }, { page }]`. */
export type BatchResults<M, R extends readonly BatchRead<M>[]> = { -readonly [I in keyof R]: BatchResult<M, R[I]> };

/**
 * Types answers built in the order of their reads by their reads. Each answer must be of its read's
 * kind (an item for an id, a page for a query); the implementation reads each from the read's own list.
 */
export function inReadOrder<M, const R extends readonly BatchRead<M>[]>(reads: R, answers: readonly BatchResult<M>[]): BatchResults<M, R> {
  invariant(answers.length === reads.length, `${answers.length} answers for ${reads.length} reads`);
  reads.forEach((read, index) => {
    const answer = answers[index];
    invariant(answer !== undefined && ('id' in read ? 'item' in answer : 'page' in answer), `answer ${index + 1} is not of its read's kind`);
  });
  return answers as BatchResults<M, R>;
}

export interface Store<M> {
  get<K extends keyof M & string>(list: K, id: string): Promise<StoredItem<M[K]>>;
  query<K extends keyof M & string>(list: K, query?: Query): Promise<Page<M[K]>>;
  /** follows every page */
  queryAll<K extends keyof M & string>(list: K, query?: Omit<Query, 'pageToken'>): Promise<StoredItem<M[K]>[]>;
  create<K extends keyof M & string>(list: K, fields: M[K], options: CreateOptions): Promise<StoredItem<M[K]>>;
  /**
   * Creates many items in one list, `batchLimit` to a `$batch` with several in flight, each as
   * idempotent as `create` by its client key; answers the items in the order of `entries`. Every
   * entry is validated before the first is sent: one invalid entry sends none.
   */
  createMany<K extends keyof M & string>(list: K, entries: readonly CreateManyEntry<M[K]>[], options: WriteOptions): Promise<StoredItem<M[K]>[]>;
  update<K extends keyof M & string>(list: K, id: string, patch: Partial<M[K]>, options: UpdateOptions): Promise<StoredItem<M[K]>>;
  delete<K extends keyof M & string>(list: K, id: string, options: UpdateOptions): Promise<void>;
  /**
   * Reads that span lists in one round trip (a $batch of at most `batchLimit`). The answers are in
   * the order of `reads` and typed by them: a tuple of reads gives a tuple of answers. A failing
   * read rejects the whole call with its typed error.
   */
  readMany<const R extends readonly BatchRead<M>[]>(reads: R): Promise<BatchResults<M, R>>;
}
