/**
 * An in-memory store for unit tests of services: the same validation, eTag rule (a stale eTag is a
 * ConflictError carrying the current item), client-key idempotency, unique columns and query rules
 * as the Graph store.
 */
import { randomUUID } from 'node:crypto';
import type { ListBinding, ListBindings } from './binding';
import { ConflictError, DuplicateError, NotFoundError, StoreError } from './errors';
import { inReadOrder, type BatchResult, type CreateOptions, type Filter, type Page, type Query, type Store, type StoredItem, type UpdateOptions } from './port';
import { checkQuery } from './query-rules';
import { queryAllPages } from './read-all-pages';
import { validatePatch, validateWith } from './validate';

interface Row {
  item: StoredItem<unknown>;
  clientKey: string;
  version: number;
}

const compare = (a: unknown, b: unknown): number => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
};

function matches(row: Row, filter: Filter): boolean {
  const value = filter.field === 'clientKey' ? row.clientKey : (row.item as unknown as Record<string, unknown>)[filter.field] ?? (row.item.fields as Record<string, unknown>)[filter.field];
  if (value === undefined) return filter.op === 'ne';
  const order = compare(value, filter.value);
  return { eq: order === 0, ne: order !== 0, lt: order < 0, le: order <= 0, gt: order > 0, ge: order >= 0 }[filter.op];
}

/** Creates an in-memory store over the given list bindings. */
export function createMemoryStore<M>(lists: ListBindings<M>, options: { now?: () => Date; pageSize?: number } = {}): Store<M> {
  const now = () => (options.now?.() ?? new Date()).toISOString();
  const rows = new Map<string, Map<string, Row>>();
  let nextId = 1;
  const binding = <K extends keyof M & string>(list: K): ListBinding<M[K]> => {
    const found = lists[list] as ListBinding<M[K]> | undefined;
    if (!found) throw new StoreError(`unknown list ${list}`);
    return found;
  };
  const table = (list: string): Map<string, Row> => rows.get(list) ?? rows.set(list, new Map()).get(list) ?? new Map();
  const current = <K extends keyof M & string>(list: K, id: string, etag?: string): Row => {
    const row = table(list).get(id);
    if (!row) throw new NotFoundError(list, id);
    if (etag !== undefined && etag !== '*' && etag !== row.item.etag) throw new ConflictError(list, id, row.item);
    return row;
  };
  const etagOf = (clientKey: string, version: number) => `"{${clientKey.toUpperCase()}},${version}"`;
  /** A unique column holding the same value in another item (compared without case, as SharePoint does): DuplicateError. */
  const requireUnique = (list: keyof M & string, fields: unknown, id: string | undefined): void => {
    const values = fields as Record<string, unknown>;
    for (const column of binding(list).definition.columns) {
      const value = values[column.name];
      if (!column.unique || value === undefined || column.name === 'clientKey') continue;
      const same = (other: unknown) => String(other).toLowerCase() === String(value).toLowerCase();
      const taken = [...table(list).values()].some((row) => row.item.id !== id && same((row.item.fields as Record<string, unknown>)[column.name]));
      if (taken) throw new DuplicateError(list, column.name);
    }
  };

  const store: Store<M> = {
    get: async (list, id) => current(list, id).item as StoredItem<M[typeof list]>,
    async query(list, query: Query = {}) {
      checkQuery(binding(list).definition, query);
      let found = [...table(list).values()].filter((row) => (query.filter ?? []).every((f) => matches(row, f)));
      const order = query.orderBy;
      if (order) found = found.sort((a, b) => compare((a.item.fields as Record<string, unknown>)[order.field], (b.item.fields as Record<string, unknown>)[order.field]) * (order.descending ? -1 : 1));
      const start = query.pageToken ? Number(query.pageToken) : 0;
      const end = start + (query.top ?? options.pageSize ?? 200);
      const items = found.slice(start, end).map((row) => row.item) as StoredItem<M[typeof list]>[];
      return (end < found.length ? { items, nextPageToken: String(end) } : { items }) as Page<M[typeof list]>;
    },
    queryAll: (list, query = {}) => queryAllPages(store, list, query),
    async create(list, fields, createOptions: CreateOptions) {
      const entity = validateWith(list, binding(list).schema, fields);
      const clientKey = createOptions.clientKey ?? randomUUID();
      const existing = [...table(list).values()].find((row) => row.clientKey === clientKey);
      if (existing) return existing.item as StoredItem<M[typeof list]>;
      requireUnique(list, entity, undefined);
      const id = String(nextId++);
      const at = now();
      const item = { id, etag: etagOf(clientKey, 1), fields: entity, createdAt: at, modifiedAt: at, createdByUser: createOptions.actor, modifiedByUser: createOptions.actor };
      table(list).set(id, { item, clientKey, version: 1 });
      return item;
    },
    async update(list, id, patch, updateOptions: UpdateOptions) {
      const { schema } = binding(list);
      validatePatch(list, schema, patch);
      const row = current(list, id, updateOptions.etag);
      const merged = Object.fromEntries(Object.entries({ ...(row.item.fields as object), ...patch }).filter(([, value]) => value !== undefined));
      const fields = validateWith(list, schema, merged);
      requireUnique(list, fields, id);
      row.version += 1;
      row.item = { ...row.item, fields, etag: etagOf(row.clientKey, row.version), modifiedAt: now(), modifiedByUser: updateOptions.actor };
      return row.item as StoredItem<M[typeof list]>;
    },
    async delete(list, id, deleteOptions: UpdateOptions) {
      current(list, id, deleteOptions.etag);
      table(list).delete(id);
    },
    async readMany(reads) {
      const answers: BatchResult<M>[] = [];
      for (const read of reads) answers.push('id' in read ? { item: await store.get(read.list, read.id) } : { page: await store.query(read.list, read.query) });
      return inReadOrder(reads, answers);
    },
  };
  return store;
}
