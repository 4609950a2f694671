/**
 * An in-memory store for unit tests of services: the same validation, eTag rule (a stale eTag is a
 * ConflictError carrying the current item), client-key idempotency, unique columns, query rules and
 * change feed as the Graph store.
 */
import { randomUUID } from 'node:crypto';
import type { ListBinding, ListBindings } from './binding';
import type { ChangeFeed, ChangesPage } from './changes';
import { ConflictError, DuplicateError, NotFoundError, StoreError } from './errors';
import { inReadOrder, type BatchResult, type CreateOptions, type Filter, type Page, type Query, type Store, type StoredItem, type UpdateOptions } from './port';
import { checkQuery } from './query-rules';
import { queryAllPages } from './read-all-pages';
import { validatePatch, validateWith } from './validate';

interface Row {
  item: StoredItem<unknown>;
  clientKey: string;
  version: number;
  /** the list's change number of the row's last change */
  seq: number;
}

/** A list's change log: its change number, when each deleted id went, and the epoch its tokens belong to. */
interface Changes {
  seq: number;
  epoch: number;
  readonly deleted: Map<string, number>;
}

/** The memory store: the port, its change feed, and a switch for tests (an intersection, so `Store<M>` still infers `M`). */
export type MemoryStore<M> = Store<M> & ChangeFeed<M> & {
  /** Makes every change token issued so far expired, as Graph's 410 does for a token too old to answer. */
  expireChangeTokens(): void;
};

/** A change token: `list:epoch:since:upTo:afterId`, upTo -1 once the round is complete (up to whatever is current). */
const changeToken = (list: string, epoch: number, since: number, upTo: number, after: number): string => `${list}:${epoch}:${since}:${upTo}:${after}`;

function parseChangeToken(token: string): { list: string; epoch: number; since: number; upTo: number; after: number } | undefined {
  const parts = token.split(':');
  const [epoch, since, upTo, after] = parts.slice(-4).map(Number);
  if (parts.length < 5 || [epoch, since, upTo, after].some((n) => n === undefined || !Number.isInteger(n))) return undefined;
  return { list: parts.slice(0, -4).join(':'), epoch: epoch ?? 0, since: since ?? 0, upTo: upTo ?? 0, after: after ?? 0 };
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
export function createMemoryStore<M>(lists: ListBindings<M>, options: { now?: () => Date; pageSize?: number } = {}): MemoryStore<M> {
  const now = () => (options.now?.() ?? new Date()).toISOString();
  const pageSize = options.pageSize ?? 200;
  const rows = new Map<string, Map<string, Row>>();
  const logs = new Map<string, Changes>();
  let nextId = 1;
  const binding = <K extends keyof M & string>(list: K): ListBinding<M[K]> => {
    const found = lists[list] as ListBinding<M[K]> | undefined;
    if (!found) throw new StoreError(`unknown list ${list}`);
    return found;
  };
  const table = (list: string): Map<string, Row> => rows.get(list) ?? rows.set(list, new Map()).get(list) ?? new Map();
  const log = (list: string): Changes => logs.get(list) ?? logs.set(list, { seq: 0, epoch: 0, deleted: new Map() }).get(list) ?? { seq: 0, epoch: 0, deleted: new Map() };
  const nextSeq = (list: string): number => ++log(list).seq;

  /** One page of a list's changes: every item without a token, else those changed and deleted since it. */
  const changesOf = (list: string, token: string | undefined): ChangesPage<unknown> => {
    const changes = log(list);
    const parsed = token === undefined ? { list, epoch: changes.epoch, since: 0, upTo: changes.seq, after: 0 } : parseChangeToken(token);
    if (!parsed || parsed.list !== list || parsed.epoch !== changes.epoch || parsed.upTo > changes.seq) return { kind: 'expired' };
    const { since, after } = parsed;
    const upTo = parsed.upTo === -1 ? changes.seq : parsed.upTo;
    const inRound = (id: string, seq: number) => Number(id) > after && seq > since && seq <= upTo;
    const entries: { id: string; item?: StoredItem<unknown> }[] = [];
    for (const row of table(list).values()) if (inRound(row.item.id, row.seq)) entries.push({ id: row.item.id, item: row.item });
    if (since > 0) for (const [id, seq] of changes.deleted) if (inRound(id, seq)) entries.push({ id });
    entries.sort((a, b) => Number(a.id) - Number(b.id));
    const page = entries.slice(0, pageSize);
    const items = page.flatMap((entry) => (entry.item ? [entry.item] : []));
    const deleted = page.filter((entry) => !entry.item).map((entry) => entry.id);
    const last = page[page.length - 1];
    if (entries.length > page.length && last) return { kind: 'more', items, deleted, token: changeToken(list, changes.epoch, since, upTo, Number(last.id)) };
    return { kind: 'done', items, deleted, token: changeToken(list, changes.epoch, upTo, -1, 0) };
  };
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

  const store: MemoryStore<M> = {
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
      table(list).set(id, { item, clientKey, version: 1, seq: nextSeq(list) });
      return item;
    },
    async createMany(list, entries, writeOptions) {
      // validated first, as the Graph store does: one invalid entry creates none
      for (const entry of entries) validateWith(list, binding(list).schema, entry.fields);
      const items = [];
      for (const entry of entries) items.push(await store.create(list, entry.fields, { ...writeOptions, clientKey: entry.clientKey }));
      return items;
    },
    async update(list, id, patch, updateOptions: UpdateOptions) {
      const { schema } = binding(list);
      validatePatch(list, schema, patch);
      const row = current(list, id, updateOptions.etag);
      const merged = Object.fromEntries(Object.entries({ ...(row.item.fields as object), ...patch }).filter(([, value]) => value !== undefined));
      const fields = validateWith(list, schema, merged);
      requireUnique(list, fields, id);
      row.version += 1;
      row.seq = nextSeq(list);
      row.item = { ...row.item, fields, etag: etagOf(row.clientKey, row.version), modifiedAt: now(), modifiedByUser: updateOptions.actor };
      return row.item as StoredItem<M[typeof list]>;
    },
    async delete(list, id, deleteOptions: UpdateOptions) {
      current(list, id, deleteOptions.etag);
      table(list).delete(id);
      log(list).deleted.set(id, nextSeq(list));
    },
    async readMany(reads) {
      const answers: BatchResult<M>[] = [];
      for (const read of reads) answers.push('id' in read ? { item: await store.get(read.list, read.id) } : { page: await store.query(read.list, read.query) });
      return inReadOrder(reads, answers);
    },
    async changes(reads) {
      // every read's list holds its own entity: the page is of that list's type
      return reads.map((read) => changesOf(read.list, read.token) as ChangesPage<M[keyof M & string]>);
    },
    expireChangeTokens() {
      for (const key of Object.keys(lists)) log(key).epoch++;
    },
  };
  return store;
}
