/**
 * Writes that Graph applied but whose answer was lost (a 503 in its place, or the connection
 * reset) are reported as what they were: made. 200 updates and 40 deletes under the emulator's
 * lost-answer fault, none reported as a conflict, an outage or missing; a real conflict still is one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator, type RunningEmulator } from '../emulator/index';
import { commonColumns, type ListDefinition } from '../lists/definition';
import type { ListBindings } from './binding';
import { ConflictError, NotFoundError } from './errors';
import { createGraphStore } from './graph-store';
import type { Store, StoredItem } from './port';

const CounterSchema = z.strictObject({ name: z.string().min(1), count: z.number().int(), at: z.iso.datetime({ offset: true }).optional() });
type Counter = z.infer<typeof CounterSchema>;
interface Lists {
  counters: Counter;
}
const counters: ListDefinition = {
  key: 'counters',
  displayName: 'Lost Answer Counters',
  description: 'counters for the lost answer spec',
  titleFrom: 'name',
  columns: [{ name: 'name', type: 'text', indexed: true, required: true }, { name: 'count', type: 'number' }, { name: 'at', type: 'dateTime' }, ...commonColumns],
};
const bindings: ListBindings<Lists> = { counters: { definition: counters, schema: CounterSchema } };
const actor = '00000000-0000-0000-0000-0000000000a1';
const someoneElse = '00000000-0000-0000-0000-0000000000b2';

describe.each(['unavailable', 'reset'] as const)('writes whose answer was lost (%s)', (as) => {
  let emulator: RunningEmulator;
  let store: Store<Lists>;
  beforeAll(async () => {
    emulator = await startEmulator({ lists: [counters] });
    // resends after a 503 at once: the backoff is not what is tested here
    store = createGraphStore<Lists>({ baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists: bindings, retry: { maxAttempts: 5, maxDelayMs: 2 }, throttle: { resourceUnitsPerMinute: 1_000_000 } });
  });
  afterAll(async () => {
    await emulator?.close();
  });

  async function seedCounters(n: number, name: string): Promise<StoredItem<Counter>[]> {
    const items: StoredItem<Counter>[] = [];
    for (let i = 0; i < n; i++) items.push(await store.create('counters', { name: `${name}-${i}`, count: 0 }, { actor }));
    return items;
  }

  it('reports each of 200 updates as made, with the change, when every third answer is lost', async () => {
    const items = await seedCounters(200, 'update');
    const before = emulator.stats().lostAnswers;
    const failures: string[] = [];
    emulator.setFaults({ lostAnswer: { everyNth: 3, as } });
    try {
      for (const [index, item] of items.entries()) {
        // a date-time written with an offset comes back in UTC: still the same change
        const updated = await store.update('counters', item.id, { count: index + 1, at: '2026-03-10T13:00:00+01:00' }, { actor, etag: item.etag })
          .catch((error: unknown) => { failures.push(`${item.id}: ${error instanceof Error ? error.name : String(error)}`); return undefined; });
        if (updated) expect(updated.fields.count).toBe(index + 1);
      }
    } finally {
      emulator.setFaults({});
    }
    expect(failures).toEqual([]);
    expect(emulator.stats().lostAnswers - before).toBeGreaterThanOrEqual(60);
    for (const [index, item] of items.entries()) {
      const now = await store.get('counters', item.id);
      expect(now.fields.count).toBe(index + 1);
      expect(now.modifiedByUser).toBe(actor);
    }
  });

  it('reports each of 40 deletes as made when every third answer is lost', async () => {
    const items = await seedCounters(40, 'delete');
    const before = emulator.stats().lostAnswers;
    const failures: string[] = [];
    emulator.setFaults({ lostAnswer: { everyNth: 3, as } });
    try {
      for (const item of items) {
        await store.delete('counters', item.id, { actor, etag: item.etag })
          .catch((error: unknown) => { failures.push(`${item.id}: ${error instanceof Error ? error.name : String(error)}`); });
      }
    } finally {
      emulator.setFaults({});
    }
    expect(failures).toEqual([]);
    expect(emulator.stats().lostAnswers - before).toBeGreaterThanOrEqual(12);
    for (const item of items) await expect(store.get('counters', item.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('still reports a real conflict, with the item as someone else left it, while answers are lost', async () => {
    const [item] = await seedCounters(1, 'conflict');
    if (!item) throw new Error('seeded');
    await store.update('counters', item.id, { count: 7 }, { actor: someoneElse, etag: item.etag });
    emulator.setFaults({ lostAnswer: { everyNth: 1, as } });
    try {
      const stale = await store.update('counters', item.id, { count: 7 }, { actor, etag: item.etag }).catch((error: unknown) => error);
      expect(stale).toBeInstanceOf(ConflictError);
      expect((stale as ConflictError<Counter>).current?.modifiedByUser).toBe(someoneElse);
      const staleDelete = await store.delete('counters', item.id, { actor, etag: item.etag }).catch((error: unknown) => error);
      expect(staleDelete).toBeInstanceOf(ConflictError);
    } finally {
      emulator.setFaults({});
    }
    expect((await store.get('counters', item.id)).fields.count).toBe(7);
  });
});
