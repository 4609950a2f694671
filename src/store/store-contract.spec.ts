/**
 * The store contract: the Graph store against the lists emulator over real HTTP, and the memory
 * store, must behave the same. Faults (429 storms) apply to the emulator only.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { startEmulator, type RunningEmulator } from '../emulator/index';
import { commonColumns, type ListDefinition } from '../lists/definition';
import type { ListBindings } from './binding';
import type { Clock } from './clock';
import type { ChangeFeed, ChangesRead } from './changes';
import { ConflictError, DuplicateError, InvalidItemError, NotFoundError, SyncingError, UnavailableError } from './errors';
import { createGraphStore } from './graph-store';
import { createMemoryStore } from './memory-store';
import { createMirror } from './mirror';
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
  /** the same store's change feed */
  changes: ChangeFeed<Lists>;
  /** makes every change token issued so far too old to answer */
  expireChangeTokens(): void;
  /** the Graph store's waits before resending (ms), skipped by its clock */
  waits?: number[];
  /** requests the backend has seen, where it can tell */
  requests(): number | undefined;
  /** a store as the server starts one (created, then warmed), and the round trips the backend has seen, where it can tell */
  started?(): Promise<{ store: Store<Lists>; roundTrips(): number }>;
  emulator?: RunningEmulator;
  close(): Promise<void>;
}

async function emulatorHarness(): Promise<Harness> {
  const emulator = await startEmulator({ lists: [notes, tags] });
  const clock = skippingClock();
  const store = createGraphStore<Lists>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists: bindings, pageSize: 2, changesPageSize: 2, retry: { maxAttempts: 6, maxDelayMs: 5_000 }, clock });
  const started = async () => {
    const fresh = createGraphStore<Lists>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists: bindings });
    await fresh.warm();
    return { store: fresh, roundTrips: () => emulator.stats().roundTrips };
  };
  return {
    store, changes: store, expireChangeTokens: () => emulator.expireDeltaTokens(), emulator, waits: clock.waits, requests: () => emulator.stats().requests, started, close: () => emulator.close(),
  };
}

/**
 * The Graph store's clock here: a wait (a Retry-After, a backoff) is recorded and skipped, time
 * moving on by as much at once, so a 429 storm is asserted on without sleeping through it.
 */
function skippingClock(): Clock & { waits: number[] } {
  let skipped = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => Date.now() + skipped,
    sleep: async (ms) => {
      waits.push(ms);
      skipped += ms;
    },
  };
}

async function memoryHarness(): Promise<Harness> {
  const store = createMemoryStore<Lists>(bindings, { pageSize: 2 });
  return { store, changes: store, expireChangeTokens: () => store.expireChangeTokens(), requests: () => undefined, close: async () => undefined };
}

interface Round {
  ids: string[];
  items: StoredItem<Note | Tag>[];
  deleted: string[];
  token: string;
  pages: number;
}

/** Reads one list's changes page by page until the round is complete. */
async function round(feed: ChangeFeed<Lists>, list: keyof Lists, token?: string): Promise<Round> {
  const result: Round = { ids: [], items: [], deleted: [], token: '', pages: 0 };
  let read: ChangesRead<keyof Lists> = token === undefined ? { list } : { list, token };
  for (let pages = 1; pages <= 500; pages++) {
    const [page] = await feed.changes([read]);
    if (!page || page.kind === 'expired') throw new Error(`${list}: the token expired`);
    result.items.push(...page.items);
    result.deleted.push(...page.deleted);
    result.pages = pages;
    if (page.kind === 'done') return { ...result, ids: result.items.map((item) => item.id), token: page.token };
    read = { list, token: page.token };
  }
  throw new Error(`${list}: still paging`);
}

const byNumber = (ids: readonly string[]): string[] => [...ids].sort((a, b) => Number(a) - Number(b));

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
    expect(await harness.store.get('tags', second.id)).toMatchObject({ etag: second.etag, fields: { name: 'second' } });
    expect((await harness.store.get('tags', second.id)).fields.code).toBeUndefined();
    // an item keeps its own value
    const same = await harness.store.update('tags', first.id, { code, name: 'first again' }, { actor, etag: first.etag });
    expect(same.fields).toMatchObject({ code, name: 'first again' });
    // freed on the first, the value can be taken by another
    await harness.store.update('tags', first.id, { code: undefined }, { actor, etag: same.etag });
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

  it('enumerates every item of a list in pages, then what changed and what was deleted since', async () => {
    const unitId = unit();
    const kept = await harness.store.create('notes', note(unitId, { count: 1 }), { actor });
    const gone = await harness.store.create('notes', note(unitId, { count: 2 }), { actor });
    const all = await harness.store.queryAll('notes');
    const first = await round(harness.changes, 'notes');
    expect(byNumber(first.ids)).toEqual(byNumber(all.map((item) => item.id)));
    expect(first.pages).toBeGreaterThan(1);
    expect(first.deleted).toEqual([]);
    expect(first.items.find((item) => item.id === kept.id)).toEqual(kept);

    const updated = await harness.store.update('notes', kept.id, { count: 10 }, { actor: other, etag: kept.etag });
    await harness.store.delete('notes', gone.id, { actor, etag: gone.etag });
    const added = await harness.store.create('notes', note(unitId, { count: 3 }), { actor });
    const second = await round(harness.changes, 'notes', first.token);
    expect(byNumber(second.ids)).toEqual(byNumber([kept.id, added.id]));
    expect(second.items.find((item) => item.id === kept.id)).toEqual(updated);
    expect(second.deleted).toEqual([gone.id]);

    const third = await round(harness.changes, 'notes', second.token);
    expect(third).toMatchObject({ ids: [], deleted: [] });
  });

  it('reads the changes of several lists in one round trip', async () => {
    const [notesRound, tagsRound] = [await round(harness.changes, 'notes'), await round(harness.changes, 'tags')];
    const tag = await harness.store.create('tags', { name: `tag-${unit()}` }, { actor });
    const before = harness.emulator?.stats().roundTrips;
    const pages = await harness.changes.changes([{ list: 'notes', token: notesRound.token }, { list: 'tags', token: tagsRound.token }]);
    expect(pages.map((page) => page.kind)).toEqual(['done', 'done']);
    expect(pages[1]?.kind === 'done' ? pages[1].items.map((item) => item.id) : []).toEqual([tag.id]);
    if (before !== undefined) expect((harness.emulator?.stats().roundTrips ?? 0) - before).toBe(1);
  });

  it('answers a token too old to answer as expired, and enumerates every item again from where it says', async () => {
    const before = await round(harness.changes, 'notes');
    const midway = await harness.changes.changes([{ list: 'notes' }]);
    harness.expireChangeTokens();
    const stale = [before.token, midway[0]?.kind === 'more' ? midway[0].token : ''];
    const answers = await harness.changes.changes(stale.map((token) => ({ list: 'notes' as const, token })));
    expect(answers.map((answer) => answer.kind)).toEqual(['expired', 'expired']);
    const restart = answers[0]?.kind === 'expired' ? answers[0].token : undefined;
    const again = await round(harness.changes, 'notes', restart);
    expect(byNumber(again.ids)).toEqual(byNumber((await harness.store.queryAll('notes')).map((item) => item.id)));
    expect(again.deleted).toEqual([]);
    expect((await round(harness.changes, 'notes', again.token)).ids).toEqual([]);
  });

  it('creates many in the order given, idempotent by each client key', async () => {
    const unitId = unit();
    const entries = Array.from({ length: 45 }, (_, n) => ({ fields: note(unitId, { count: n }), clientKey: `many-${unitId}-${n}` }));
    const roundTrips = () => harness.emulator?.stats().roundTrips;
    const before = roundTrips();
    const created = await harness.store.createMany('notes', entries, { actor });
    expect(created.map((item) => item.fields.count)).toEqual(entries.map((_, n) => n));
    expect(created.every((item) => item.createdByUser === actor)).toBe(true);
    const after = roundTrips();
    // three $batches of at most 20, not 45 requests
    if (before !== undefined && after !== undefined) expect(after - before).toBeLessThanOrEqual(3);
    // resent (a crash before the caller saw the answer): the same items, none twice
    const again = await harness.store.createMany('notes', entries, { actor });
    expect(again.map((item) => item.id)).toEqual(created.map((item) => item.id));
    expect(await harness.store.queryAll('notes', { filter: [{ field: 'unitId', op: 'eq', value: unitId }] })).toHaveLength(45);
  });

  it('creates none of many when one entry is invalid, and names its field', async () => {
    const unitId = unit();
    const entries = [note(unitId), { ...note(unitId), status: 'bogus' } as unknown as Note, note(unitId)].map((fields, n) => ({ fields, clientKey: `bad-${unitId}-${n}` }));
    await expect(harness.store.createMany('notes', entries, { actor })).rejects.toSatisfy((error: unknown) => error instanceof InvalidItemError && error.message.includes('status'));
    expect(await harness.store.queryAll('notes', { filter: [{ field: 'unitId', op: 'eq', value: unitId }] })).toHaveLength(0);
  });

  it('loses and duplicates none of many in a 429 storm', async (context) => {
    const emulator = harness.emulator;
    if (!emulator) return context.skip();
    const unitId = unit();
    const entries = Array.from({ length: 30 }, (_, n) => ({ fields: note(unitId, { count: n }), clientKey: `storm-${unitId}-${n}` }));
    const throttledBefore = emulator.stats().throttled;
    const waitsBefore = harness.waits?.length ?? 0;
    emulator.setFaults({ throttle: { everyNth: 3, retryAfterSeconds: 1 } });
    try {
      await harness.store.createMany('notes', entries, { actor });
      await harness.store.createMany('notes', entries.slice(0, 10), { actor });
    } finally {
      emulator.setFaults({});
    }
    expect(emulator.stats().throttled).toBeGreaterThan(throttledBefore);
    // each resend waited the second Retry-After asked for
    expect(harness.waits?.slice(waitsBefore)).toContain(1_000);
    const stored = await harness.store.queryAll('notes', { filter: [{ field: 'unitId', op: 'eq', value: unitId }] });
    expect(stored.map((item) => item.fields.count).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(entries.map((_, n) => n));
  });

  it('loses and duplicates no write in a 429 storm', async (context) => {
    const emulator = harness.emulator;
    if (!emulator) return context.skip();
    const unitId = unit();
    const keys = ['s1', 's2', 's3', 's4'].map((k) => `${k}-${unitId}`);
    const waitsBefore = harness.waits?.length ?? 0;
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
    expect(harness.waits?.slice(waitsBefore)).toContain(1_000);
    for (const clientKey of keys) {
      expect(await harness.store.queryAll('notes', { filter: [{ field: 'clientKey', op: 'eq', value: clientKey }] })).toHaveLength(1);
    }
    expect(await harness.store.queryAll('notes', { filter: [{ field: 'unitId', op: 'eq', value: unitId }] })).toHaveLength(4);
  });
});

/** A change feed whose answers can be held back: read before a write, delivered after it. */
function holdingFeed(feed: ChangeFeed<Lists>) {
  let gate: Promise<void> | undefined;
  let open = (): void => undefined;
  let answered = (): void => undefined;
  const state = { calls: 0 };
  return {
    state,
    /** the next call reads at once and waits with its answer; resolves when it has read */
    hold(): Promise<void> {
      gate = new Promise((resolve) => (open = resolve));
      return new Promise((resolve) => (answered = resolve));
    },
    release(): void {
      gate = undefined;
      open();
    },
    feed: {
      async changes(reads: readonly ChangesRead<keyof Lists>[]) {
        state.calls++;
        const pages = await feed.changes(reads);
        const waiting = gate;
        if (waiting) {
          answered();
          await waiting;
        }
        return pages;
      },
    } satisfies ChangeFeed<Lists>,
  };
}

describe.each(harnesses)('read model contract: %s', (_name, makeHarness) => {
  let harness: Harness;
  const mirrors: { close(): void }[] = [];
  beforeAll(async () => {
    harness = await makeHarness();
  });
  afterAll(async () => {
    for (const mirror of mirrors) mirror.close();
    await harness?.close();
  });
  const mirrorOf = (feed: ChangeFeed<Lists> = harness.changes) => {
    const mirror = createMirror<Lists>(harness.store, feed, { lists: ['notes', 'tags'], retryDelayMs: { first: 5, most: 20 } });
    mirrors.push(mirror);
    return mirror;
  };
  const ids = (items: readonly StoredItem<unknown>[]): string[] => byNumber(items.map((item) => item.id));

  it('answers SyncingError until every list was enumerated once, then every item, past one page', async () => {
    const unitId = unit();
    for (let i = 0; i < 5; i++) await harness.store.create('notes', note(unitId, { count: i }), { actor });
    const mirror = mirrorOf();
    await expect(mirror.readModel.read(['notes'])).rejects.toBeInstanceOf(SyncingError);
    const starting = mirror.start();
    expect(mirror.status().synced).toBe(false);
    await expect(mirror.readModel.read(['notes'])).rejects.toMatchObject({ name: 'SyncingError', retryAfterSeconds: 2 });
    await starting;
    const view = await mirror.readModel.read(['notes', 'tags']);
    expect(ids(view.all('notes'))).toEqual(ids(await harness.store.queryAll('notes')));
    expect(view.where('notes', 'unitId', unitId).map((item) => item.fields.count).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(mirror.status()).toMatchObject({ synced: true, lists: 2, enumerated: 2 });
  });

  it('brings the lists up to date with one round trip: what another instance created, changed and deleted', async () => {
    const mirror = mirrorOf();
    await mirror.start();
    const unitId = unit();
    const changed = await harness.store.create('notes', note(unitId, { count: 1 }), { actor });
    const gone = await harness.store.create('notes', note(unitId, { count: 2 }), { actor });
    await mirror.readModel.read(['notes']);
    // another instance writes straight to the store: this mirror learns of it from the feed only
    const updated = await harness.store.update('notes', changed.id, { count: 11 }, { actor: other, etag: changed.etag });
    await harness.store.delete('notes', gone.id, { actor, etag: gone.etag });
    const before = harness.emulator?.stats().roundTrips;
    const view = await mirror.readModel.read(['notes', 'tags']);
    if (before !== undefined) expect((harness.emulator?.stats().roundTrips ?? 0) - before).toBe(1);
    expect(view.get('notes', changed.id)).toEqual(updated);
    expect(view.get('notes', gone.id)).toBeUndefined();
    expect(view.where('notes', 'unitId', unitId).map((item) => item.id)).toEqual([changed.id]);
  });

  it('shows its own writes at once, and a round read before them does not undo them', async () => {
    const held = holdingFeed(harness.changes);
    const mirror = mirrorOf(held.feed);
    const unitId = unit();
    const kept = await harness.store.create('notes', note(unitId, { count: 1 }), { actor });
    const removed = await harness.store.create('notes', note(unitId, { count: 2 }), { actor });
    await mirror.start();
    const older = await harness.store.update('notes', kept.id, { count: 5 }, { actor, etag: kept.etag });
    // a round reads (it lists `older` and `removed`), then waits while this instance writes
    const reading = held.hold();
    const stale = mirror.readModel.read(['notes']);
    await reading;
    const newer = await mirror.store.update('notes', kept.id, { count: 6 }, { actor, etag: older.etag });
    await mirror.store.delete('notes', removed.id, { actor, etag: removed.etag });
    const created = await mirror.store.create('notes', note(unitId, { count: 7 }), { actor });
    const many = await mirror.store.createMany('notes', [8, 9].map((count) => ({ fields: note(unitId, { count }), clientKey: `own-${unitId}-${count}` })), { actor });
    held.release();
    const view = await stale;
    expect(view.get('notes', kept.id)).toEqual(newer);
    expect(view.get('notes', removed.id)).toBeUndefined();
    expect(view.get('notes', created.id)).toEqual(created);
    for (const item of many) expect(view.get('notes', item.id)).toEqual(item);
    const next = await mirror.readModel.read(['notes']);
    expect(next.where('notes', 'unitId', unitId).map((item) => item.fields.count).sort()).toEqual([6, 7, 8, 9]);
  });

  it('keeps what a conflict showed: the item as it is now', async () => {
    // a feed that has not caught up: whatever the mirror holds after the conflict, it got from the conflict
    let behind = false;
    const lagging: ChangeFeed<Lists> = {
      changes: async (reads) => (behind ? reads.map((read) => ({ kind: 'done' as const, items: [], deleted: [], token: read.token ?? '' })) : harness.changes.changes(reads)),
    };
    const mirror = mirrorOf(lagging);
    await mirror.start();
    const created = await mirror.store.create('notes', note(unit(), { count: 1 }), { actor });
    behind = true;
    const elsewhere = await harness.store.update('notes', created.id, { count: 2 }, { actor: other, etag: created.etag });
    expect((await mirror.readModel.read(['notes'])).get('notes', created.id)?.etag).toBe(created.etag);
    await expect(mirror.store.update('notes', created.id, { count: 3 }, { actor, etag: created.etag })).rejects.toBeInstanceOf(ConflictError);
    expect((await mirror.readModel.read(['notes'])).get('notes', created.id)).toEqual(elsewhere);
  });

  it('makes a view that comes while a round is in flight wait for the next round, which the views waiting with it share', async () => {
    const held = holdingFeed(harness.changes);
    const mirror = mirrorOf(held.feed);
    await mirror.start();
    const unitId = unit();
    const reading = held.hold();
    const first = mirror.readModel.read(['notes']);
    await reading;
    // written on another instance after the round in flight read: only the next round can see it
    const written = await harness.store.create('notes', note(unitId, { count: 1 }), { actor });
    const calls = held.state.calls;
    const later = [mirror.readModel.read(['notes']), mirror.readModel.read(['tags']), mirror.readModel.read(['notes', 'tags'])] as const;
    held.release();
    expect((await first).get('notes', written.id)).toBeUndefined();
    const [notesView, , bothView] = await Promise.all(later);
    expect(held.state.calls - calls).toBe(1);
    expect(notesView.get('notes', written.id)).toEqual(written);
    expect(bothView.get('notes', written.id)).toEqual(written);
  });

  it('enumerates a list again when its token expired, and drops what was deleted meanwhile', async () => {
    const mirror = mirrorOf();
    await mirror.start();
    const unitId = unit();
    const gone = await harness.store.create('notes', note(unitId, { count: 1 }), { actor });
    await mirror.readModel.read(['notes']);
    harness.expireChangeTokens();
    await harness.store.delete('notes', gone.id, { actor, etag: gone.etag });
    const added = await harness.store.create('notes', note(unitId, { count: 2 }), { actor });
    const view = await mirror.readModel.read(['notes', 'tags']);
    expect(view.get('notes', gone.id)).toBeUndefined();
    expect(view.get('notes', added.id)).toEqual(added);
    expect(ids(view.all('notes'))).toEqual(ids(await harness.store.queryAll('notes')));
    expect(ids(view.all('tags'))).toEqual(ids(await harness.store.queryAll('tags')));
  });

  it('keeps its indexes in step when an indexed field changes', async () => {
    const mirror = mirrorOf();
    await mirror.start();
    const [from, to] = [unit(), unit()];
    const moved = await harness.store.create('notes', note(from), { actor });
    expect((await mirror.readModel.read(['notes'])).where('notes', 'unitId', from).map((item) => item.id)).toEqual([moved.id]);
    await harness.store.update('notes', moved.id, { unitId: to }, { actor, etag: moved.etag });
    const view = await mirror.readModel.read(['notes']);
    expect(view.where('notes', 'unitId', from)).toEqual([]);
    expect(view.where('notes', 'unitId', to).map((item) => item.id)).toEqual([moved.id]);
  });

  it('tells what changed since a version: each item with what it was then, and not at all after a fresh enumeration', async () => {
    const mirror = mirrorOf();
    await mirror.start();
    const unitId = unit();
    const changed = await harness.store.create('notes', note(unitId, { count: 1 }), { actor });
    const gone = await harness.store.create('notes', note(unitId, { count: 2 }), { actor });
    const kept = await harness.store.create('notes', note(unitId, { count: 3 }), { actor });
    const before = await mirror.readModel.read(['notes', 'tags']);
    const [version, tagsVersion] = [before.version('notes'), before.version('tags')];
    const [held] = [before.get('notes', changed.id)];
    expect(before.changedSince('notes', version)).toEqual(new Map());
    // another instance changes one twice and deletes one; this instance creates one
    const once = await harness.store.update('notes', changed.id, { count: 11 }, { actor: other, etag: changed.etag });
    await harness.store.update('notes', changed.id, { count: 12 }, { actor: other, etag: once.etag });
    await harness.store.delete('notes', gone.id, { actor, etag: gone.etag });
    const created = await mirror.store.create('notes', note(unitId, { count: 4 }), { actor });
    const view = await mirror.readModel.read(['notes', 'tags']);
    const since = view.changedSince('notes', version);
    expect(since && [...since.keys()].sort()).toEqual([changed.id, gone.id, created.id].sort());
    expect(since?.get(changed.id)).toEqual(held);
    expect(since?.get(gone.id)?.fields.count).toBe(2);
    expect(since?.has(created.id) && since.get(created.id)).toBeUndefined();
    expect(since?.has(kept.id)).toBe(false);
    expect(view.changedSince('tags', tagsVersion)).toEqual(new Map());
    // a version the list never had is not known
    expect(view.changedSince('notes', view.version('notes') + 1)).toBeUndefined();
    // a fresh enumeration puts every item again: more than the read model keeps of its changes
    const latest = view.version('notes');
    harness.expireChangeTokens();
    const after = await mirror.readModel.read(['notes']);
    const again = after.changedSince('notes', latest);
    expect(again === undefined || [...after.all('notes')].every((item) => again.has(item.id))).toBe(true);
  });

  it('retries a first enumeration that failed until it succeeds', async () => {
    let failures = 3;
    const failing: ChangeFeed<Lists> = {
      changes: async (reads) => {
        if (failures-- > 0) throw new UnavailableError('SharePoint is busy', 503);
        return harness.changes.changes(reads);
      },
    };
    const mirror = mirrorOf(failing);
    await mirror.start();
    expect(failures).toBeLessThan(0);
    expect(ids((await mirror.readModel.read(['tags'])).all('tags'))).toEqual(ids(await harness.store.queryAll('tags')));
  });

  it('refuses a view that reads a list its round did not bring up to date', async () => {
    const mirror = mirrorOf();
    await mirror.start();
    const view = await mirror.readModel.read(['tags']);
    // @ts-expect-error the view was made for tags only
    expect(() => view.all('notes')).toThrow(/did not bring up to date/);
  });
});
