/**
 * The store port: what services, the API and the bot use to read and write list items.
 * Only the Graph implementation (graph-store.ts) knows the site, the list ids and Graph's shapes.
 *
 * `M` maps each list key to its domain entity type (see src/lists/lists.ts, `Entities`).
 */
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

export interface UpdateOptions extends WriteOptions {
  /** the eTag the caller read; a stale one raises ConflictError */
  readonly etag: string;
}

/** One read in a batch: a single item by id, or one page of a query. */
export type BatchRead<M> =
  | { readonly list: keyof M & string; readonly id: string }
  | { readonly list: keyof M & string; readonly query: Query };

export type BatchResult<M> = { readonly item: StoredItem<M[keyof M]> } | { readonly page: Page<M[keyof M]> };

export interface Store<M> {
  get<K extends keyof M & string>(list: K, id: string): Promise<StoredItem<M[K]>>;
  query<K extends keyof M & string>(list: K, query?: Query): Promise<Page<M[K]>>;
  /** follows every page */
  queryAll<K extends keyof M & string>(list: K, query?: Omit<Query, 'pageToken'>): Promise<StoredItem<M[K]>[]>;
  create<K extends keyof M & string>(list: K, fields: M[K], options: CreateOptions): Promise<StoredItem<M[K]>>;
  update<K extends keyof M & string>(list: K, id: string, patch: Partial<M[K]>, options: UpdateOptions): Promise<StoredItem<M[K]>>;
  delete<K extends keyof M & string>(list: K, id: string, options: UpdateOptions): Promise<void>;
  /**
   * Reads that span lists in one round trip ($batch of at most 20). Results are in the order of
   * `reads`; a failing read rejects the whole call with its typed error.
   */
  readMany(reads: readonly BatchRead<M>[]): Promise<BatchResult<M>[]>;
}
