/**
 * The store contract: the Graph store against the lists emulator over real HTTP, and the memory
 * store, must behave the same. Faults (429 storms) apply to the emulator only.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { startEmulator, type RunningEmulator } from '../emulator/index';
import { commonColumns, type ListDefinition } from '../lists/definition';
import type { ListBindings } from './binding';
import { ConflictError, DuplicateError, InvalidItemError, NotFoundError } from './errors';
import { createGraphStore } from './graph-store';
import { createMemoryStore } from './memory-store';
import type { Page, Store, StoredItem } from './port';

const NoteSchema = z.strictObject({
  title: z.string().min(1),
  unitId: z.string().min(1),
  status: z.enum(['open', 'done']),
  due: z.iso.date().optional(),
  count: z.number().int().optional(),
  flagged: z.boolean().optional(),
  tags: z.array(z.string()).optional(),
  at: z.iso.datetime().optional(),
});
type Note = z.infer<typeof NoteSchema>;

const TagSchema = z.strictObject({ name: z.string().min(1), code: z.string().min(1).optional() });
type Tag = z.infer<typeof TagSchema>;

interface Lists {
  notes: Note;
  tags: Tag;
}

const notes: ListDefinition = {
  key: 'notes',
  displayName: 'Contract Notes',
  description: 'notes for the store contract',
  titleFrom: 'title',
  columns: [
    { name: 'unitId', type: 'text', indexed: true, required: true },
    { name: 'status', type: 'choice', choices: ['open', 'done'], indexed: true, required: true },
    { name: 'due', type: 'date', indexed: true },
    { name: 'count', type: 'number' },
    { name: 'flagged', type: 'boolean' },
    { name: 'tags', type: 'json' },
    { name: 'at', type: 'dateTime' },
    ...commonColumns,
  ],
};
const tags: ListDefinition = {
  key: 'tags',
  displayName: 'Contract Tags',
  description: 'tags for the store contract',
  titleFrom: 'name',
  columns: [{ name: 'name', type: 'text', indexed: true, required: true }, { name: 'code', type: 'text', indexed: true, unique: true }, ...commonColumns],
};
const bindings: ListBindings<Lists> = { notes: { definition: notes, schema: NoteSchema }, tags: { definition: tags, schema: TagSchema } };

interface Harness {
  store: Store<Lists>;
  /** requests the backend has seen, where it can tell */
  requests(): number | undefined;
  /** a store as the server starts one (created, then warmed), and the round trips the backend has seen, where it can tell */
  started?(): Promise<{ store: Store<Lists>; roundTrips(): number }>;
  emulator?: RunningEmulator;
  close(): Promise<void>;
}

async function emulatorHarness(): Promise<Harness> {
  const emulator = await startEmulator({ lists: [notes, tags] });
  const store = createGraphStore<Lists>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists: bindings, pageSize: 2, retry: { maxAttempts: 6, maxDelayMs: 5_000 } });
  const started = async () => {
    const fresh = createGraphStore<Lists>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists: bindings });
    await fresh.warm();
    return { store: fresh, roundTrips: () => emulator.stats().roundTrips };
  };
  return { store, emulator, requests: () => emulator.stats().requests, started, close: () => emulator.close() };
}

async function memoryHarness(): Promise<Harness> {
  return { store: createMemoryStore<Lists>(bindings, { pageSize: 2 }), requests: () => undefined, close: async () => undefined };
}

const actor = '00000000-0000-0000-0000-0000000000a1';
const other = '00000000-0000-0000-0000-0000000000b2';
let unitCounter = 0;
const unit = () => `unit-${++unitCounter}`;
const note = (unitId: string, more: Partial<Note> = {}): Note => ({ title: "Elevernas 'studiero'", unitId, status: 'open', ...more });

const harnesses: [string, () => Promise<Harness>][] = [
  ['Graph store on the lists emulator', emulatorHarness],
  ['memory store', memoryHarness],
];

describe.each(harnesses)('store contract: %s', (_name, makeHarness) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await makeHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('creates an item and reads it back with its fields, eTag and actor', async () => {
    const fields = note(unit(), { due: '2026-05-31', count: 3, flagged: true, tags: ['a', "b'c"], at: '2026-03-01T10:15:00Z' });
    const created = await harness.store.create('notes', fields, { actor });
    expect(created.fields).toEqual(fields);
    expect(created.etag).not.toBe('');
    expect(created.createdByUser).toBe(actor);
    const read = await harness.store.get('notes', created.id);
    expect(read.fields).toEqual(fields);
    expect(read.etag).toBe(created.etag);
    expect(read.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('updates with the current eTag: new fields, new eTag, the acting user', async () => {
    const created = await harness.store.create('notes', note(unit(), { count: 1 }), { actor });
    const updated = await harness.store.update('notes', created.id, { status: 'done', count: 2 }, { actor: other, etag: created.etag });
    expect(updated.fields).toMatchObject({ status: 'done', count: 2, title: created.fields.title });
    expect(updated.etag).not.toBe(created.etag);
    expect(updated.modifiedByUser).toBe(other);
    expect((await harness.store.get('notes', created.id)).etag).toBe(updated.etag);
  });

  it('clears an optional field set to undefined in the patch', async () => {
    const created = await harness.store.create('notes', note(unit(), { count: 1 }), { actor });
    const updated = await harness.store.update('notes', created.id, { count: undefined }, { actor, etag: created.etag });
    expect(updated.fields.count).toBeUndefined();
    expect((await harness.store.get('notes', created.id)).fields.count).toBeUndefined();
  });

  it('throws ConflictError carrying the current item when the eTag is stale', async () => {
    const created = await harness.store.create('notes', note(unit()), { actor });
    const first = await harness.store.update('notes', created.id, { count: 1 }, { actor, etag: created.etag });
    const error = await harness.store.update('notes', created.id, { count: 2 }, { actor: other, etag: created.etag }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<Note>).current?.etag).toBe(first.etag);
    expect((error as ConflictError<Note>).current?.fields.count).toBe(1);
  });

  it('deletes only with the current eTag', async () => {
    const created = await harness.store.create('notes', note(unit()), { actor });
    const updated = await harness.store.update('notes', created.id, { count: 5 }, { actor, etag: created.etag });
    await expect(harness.store.delete('notes', created.id, { actor, etag: created.etag })).rejects.toBeInstanceOf(ConflictError);
    await harness.store.delete('notes', created.id, { actor, etag: updated.etag });
    await expect(harness.store.get('notes', created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('throws NotFoundError for a missing item', async () => {
    const error = await harness.store.get('notes', '999999').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ list: 'notes', id: '999999' });
  });

  it('queries on an indexed column, sorted, and pages past one page', async () => {
    const unitId = unit();
    for (const count of [5, 3, 1, 4, 2]) await harness.store.create('notes', note(unitId, { count, due: `2026-01-0${count}` }), { actor });
    await harness.store.create('notes', note(unit(), { count: 9 }), { actor });
    const query = { filter: [{ field: 'unitId', op: 'eq' as const, value: unitId }], orderBy: { field: 'due' } };
    const first = await harness.store.query('notes', query);
    expect(first.items.map((i) => i.fields.count)).toEqual([1, 2]);
    expect(first.nextPageToken).toBeDefined();
    const second = await harness.store.query('notes', { ...query, pageToken: first.nextPageToken ?? '' });
    expect(second.items.map((i) => i.fields.count)).toEqual([3, 4]);
    const all = await harness.store.queryAll('notes', query);
    expect(all.map((i) => i.fields.count)).toEqual([1, 2, 3, 4, 5]);
    const later = await harness.store.queryAll('notes', { filter: [{ field: 'unitId', op: 'eq', value: unitId }, { field: 'due', op: 'ge', value: '2026-01-04' }] });
    expect(later.map((i) => i.fields.count).sort()).toEqual([4, 5]);
  });

  it('filters on a quoted value and a non-indexed second clause', async () => {
    const unitId = `${unit()} o'hara & co`;
    await harness.store.create('notes', note(unitId, { count: 1, flagged: true }), { actor });
    await harness.store.create('notes', note(unitId, { count: 2, flagged: false }), { actor });
    const found = await harness.store.queryAll('notes', { filter: [{ field: 'unitId', op: 'eq', value: unitId }, { field: 'count', op: 'gt', value: 1 }] });
    expect(found.map((i) => i.fields.count)).toEqual([2]);
  });

  it('refuses a query whose first filter is not on an indexed column, before sending it', async () => {
    const before = harness.requests();
    const error = await harness.store.query('notes', { filter: [{ field: 'count', op: 'eq', value: 1 }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidItemError);
    expect(error).toMatchObject({ field: 'count' });
    expect(harness.requests()).toBe(before);
  });

  it('returns the first item when a create is repeated with the same client key', async () => {
    const unitId = unit();
    const first = await harness.store.create('notes', note(unitId), { actor, clientKey: `key-${unitId}` });
    const again = await harness.store.create('notes', note(unitId), { actor, clientKey: `key-${unitId}` });
    expect(again.id).toBe(first.id);
    expect(await harness.store.queryAll('notes', { filter: [{ field: 'clientKey', op: 'eq', value: `key-${unitId}` }] })).toHaveLength(1);
  });

  it('keeps a unique column unique, without case, on create and update; an empty value holds nothing', async () => {
    const code = `code-${unit()}`;
    const first = await harness.store.create('tags', { name: 'first', code }, { actor });
    const twice = await harness.store.create('tags', { name: 'second', code: code.toUpperCase() }, { actor }).catch((e: unknown) => e);
    expect(twice).toBeInstanceOf(DuplicateError);
    expect(twice).toMatchObject({ list: 'tags', field: 'code' });
    const second = await harness.store.create('tags', { name: 'second' }, { actor });
    const third = await harness.store.create('tags', { name: 'third' }, { actor });
    expect(third.id).not.toBe(second.id);
    await expect(harness.store.update('tags', second.id, { code }, { actor, etag: second.etag })).rejects.toMatchObject({ name: 'DuplicateError', field: 'code' });
    expect((await harness.store.get('tags', second.id)).fields.code).toBeUndefined();
    // freed on the first, the value can be taken by another
    await harness.store.update('tags', first.id, { code: undefined }, { actor, etag: first.etag });
    expect((await harness.store.update('tags', second.id, { code }, { actor, etag: second.etag })).fields.code).toBe(code);
  });

  it('answers a create resent with its client key with the first item, though a unique column it holds refuses the copy', async () => {
    const code = `resent-${unit()}`;
    const first = await harness.store.create('tags', { name: 'resent', code }, { actor, clientKey: code });
    const again = await harness.store.create('tags', { name: 'resent', code }, { actor, clientKey: code });
    expect(again.id).toBe(first.id);
  });

  it('never sends an invalid item and names the field', async () => {
    await harness.store.get('notes', (await harness.store.create('notes', note(unit()), { actor })).id);
    const before = harness.requests();
    const invalid = { ...note(unit()), status: 'bogus' } as unknown as Note;
    await expect(harness.store.create('notes', invalid, { actor })).rejects.toMatchObject({ name: 'InvalidItemError', field: 'status' });
    const nested = { ...note(unit()), tags: ['ok', 7] } as unknown as Note;
    await expect(harness.store.create('notes', nested, { actor })).rejects.toMatchObject({ field: 'tags.1' });
    const extra = { ...note(unit()), clientKey: 'mine' } as unknown as Note;
    await expect(harness.store.create('notes', extra, { actor })).rejects.toMatchObject({ field: 'clientKey' });
    await expect(harness.store.update('notes', '1', { count: 1.5 }, { actor, etag: '*' })).rejects.toMatchObject({ field: 'count' });
    expect(harness.requests()).toBe(before);
  });

  it('reads items of several lists and a query page in one batch', async () => {
    const unitId = unit();
    const a = await harness.store.create('notes', note(unitId, { count: 1 }), { actor });
    const t = await harness.store.create('tags', { name: `tag-${unitId}` }, { actor });
    const before = harness.requests();
    const results = await harness.store.readMany([
      { list: 'notes', id: a.id },
      { list: 'tags', id: t.id },
      { list: 'notes', query: { filter: [{ field: 'unitId', op: 'eq', value: unitId }] } },
    ]);
    expect(results[0]).toMatchObject({ item: { id: a.id, fields: { count: 1 } } });
    expect(results[1]).toMatchObject({ item: { id: t.id, fields: { name: `tag-${unitId}` } } });
    expect(results[2].page.items.map((i) => i.id)).toEqual([a.id]);
    const after = harness.requests();
    if (before !== undefined && after !== undefined) expect(after - before).toBeLessThanOrEqual(4); // one $batch: 1 outer + 3 inner at most
  });

  it('types a tuple of reads position by position: an item for an id, a page of its list for a query', async () => {
    const created = await harness.store.create('notes', note(unit()), { actor });
    const results = await harness.store.readMany([{ list: 'notes', id: created.id }, { list: 'tags', query: {} }]);
    expectTypeOf(results).toEqualTypeOf<[{ readonly item: StoredItem<Note> }, { readonly page: Page<Tag> }]>();
    // @ts-expect-error a query read answers with a page, never an item
    expect(results[1].item).toBeUndefined();
    expect(results[0].item.fields.title).toBe(created.fields.title);
    expect(Array.isArray(results[1].page.items)).toBe(true);
    // reads of a computed length still answer one result each, of the union of the lists read
    const many = await harness.store.readMany([created.id, created.id].map((id) => ({ list: 'notes' as const, id })));
    expectTypeOf(many).toEqualTypeOf<{ readonly item: StoredItem<Note> }[]>();
    expect(many.map((r) => r.item.id)).toEqual([created.id, created.id]);
  });

  it('answers the first batch after start in one round trip: every list id was looked up at start, together', async (context) => {
    if (!harness.started) return context.skip();
    const created = await harness.store.create('notes', note(unit()), { actor });
    const tag = await harness.store.create('tags', { name: `tag-${created.id}` }, { actor });
    const before = harness.emulator?.stats().roundTrips ?? 0;
    const { store, roundTrips } = await harness.started();
    // the start-up lookup of both lists is one request
    expect(roundTrips() - before).toBe(1);
    const warmed = roundTrips();
    const [item, tags] = await store.readMany([{ list: 'notes', id: created.id }, { list: 'tags', query: { filter: [{ field: 'name', op: 'eq', value: tag.fields.name }] } }]);
    expect(item.item.id).toBe(created.id);
    expect(tags.page.items.map((t) => t.id)).toEqual([tag.id]);
    expect(roundTrips() - warmed).toBe(1);
  });

  it('rejects a batch with the typed error of its failing read', async () => {
    const a = await harness.store.create('notes', note(unit()), { actor });
    const error = await harness.store.readMany([{ list: 'notes', id: a.id }, { list: 'notes', id: '888888' }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ id: '888888' });
  });

  it('loses and duplicates no write in a 429 storm', async (context) => {
    const emulator = harness.emulator;
    if (!emulator) return context.skip();
    const unitId = unit();
    const keys = ['s1', 's2', 's3', 's4'].map((k) => `${k}-${unitId}`);
    emulator.setFaults({ throttle: { everyNth: 3, retryAfterSeconds: 1 } });
    try {
      for (const clientKey of keys) await harness.store.create('notes', note(unitId), { actor, clientKey });
      // a caller retrying its creates with the same keys
      for (const clientKey of keys.slice(0, 2)) await harness.store.create('notes', note(unitId), { actor, clientKey });
      const batch = await harness.store.readMany([{ list: 'notes', query: { filter: [{ field: 'unitId', op: 'eq', value: unitId }], top: 10 } }, { list: 'tags', query: {} }]);
      expect(batch[0].page.items).toHaveLength(4);
    } finally {
      emulator.setFaults({});
    }
    expect(emulator.stats().throttled).toBeGreaterThan(0);
    for (const clientKey of keys) {
      expect(await harness.store.queryAll('notes', { filter: [{ field: 'clientKey', op: 'eq', value: clientKey }] })).toHaveLength(1);
    }
    expect(await harness.store.queryAll('notes', { filter: [{ field: 'unitId', op: 'eq', value: unitId }] })).toHaveLength(4);
  });
});
