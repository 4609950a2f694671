import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, errorOf, startWithTasks, task, type Started } from './spec-helpers';

interface DeltaItem {
  id: string;
  deleted?: { state: string };
  fields?: Record<string, unknown>;
}

describe('emulator: items/delta', () => {
  let started: Started;

  beforeAll(async () => {
    started = await startWithTasks();
  });
  afterAll(() => started.emulator.close());

  /** Follows nextLinks until the deltaLink; returns every entry and the deltaLink. */
  async function round(url: string): Promise<{ entries: DeltaItem[]; deltaLink: string; pages: number }> {
    const entries: DeltaItem[] = [];
    let next: string | undefined = url;
    for (let pages = 1; pages <= 20 && next; pages++) {
      const reply = await call(next);
      expect(reply.status).toBe(200);
      entries.push(...(reply.body['value'] as DeltaItem[]));
      const deltaLink = reply.body['@odata.deltaLink'] as string | undefined;
      if (deltaLink) return { entries, deltaLink, pages };
      next = reply.body['@odata.nextLink'] as string | undefined;
    }
    throw new Error('no deltaLink');
  }

  it('enumerates all items in pages, then returns changed and deleted items since the deltaLink', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await call(started.items, { method: 'POST', body: { fields: task({ owner: `o${i}` }) } })).body['id'] as string);
    const first = await round(`${started.items}/delta?$top=2`);
    expect(first.pages).toBe(3);
    expect(first.entries.map((entry) => entry.id)).toEqual(ids);
    expect(first.entries[0]?.fields?.['owner']).toBe('o0');

    await call(`${started.items}/${ids[1] as string}/fields`, { method: 'PATCH', body: { owner: 'changed' } });
    await call(`${started.items}/${ids[3] as string}`, { method: 'DELETE' });
    const added = (await call(started.items, { method: 'POST', body: { fields: task() } })).body['id'] as string;

    const second = await round(first.deltaLink);
    const byId = new Map(second.entries.map((entry) => [entry.id, entry]));
    expect([...byId.keys()].sort()).toEqual([ids[1], ids[3], added].sort());
    expect(byId.get(ids[1] as string)?.fields?.['owner']).toBe('changed');
    expect(byId.get(ids[3] as string)).toEqual({ id: ids[3], deleted: { state: 'deleted' } });

    const third = await round(second.deltaLink);
    expect(third.entries).toEqual([]);
  });

  it('answers token=latest with no items and a deltaLink for what follows', async () => {
    const latest = await call(`${started.items}/delta?token=latest`);
    expect(latest.body['value']).toEqual([]);
    const created = (await call(started.items, { method: 'POST', body: { fields: task() } })).body['id'] as string;
    const after = await round(latest.body['@odata.deltaLink'] as string);
    expect(after.entries.map((entry) => entry.id)).toEqual([created]);
  });

  it('answers 410 resyncRequired with a Location for a bad token', async () => {
    const reply = await call(`${started.items}/delta?token=not-a-token`);
    expect(reply.status).toBe(410);
    expect(errorOf(reply).code).toBe('resyncRequired');
    expect(reply.headers.get('location')).toContain('/items/delta');
  });
});
