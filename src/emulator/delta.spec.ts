import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, errorOf, startWithTasks, task, type Started } from './spec-helpers';

interface DeltaItem {
  id: string;
  eTag?: string;
  deleted?: { state: string };
  parentReference?: { siteId?: string };
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
    const first = await round(`${started.items}/delta?$expand=fields&$top=2`);
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
    expect(byId.get(ids[3] as string)).toEqual({ id: ids[3], parentReference: { siteId: started.emulator.siteId }, deleted: { state: 'deleted' } });

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

  it('returns fields only when they are expanded, as Graph does, and keeps the expansion in its links', async () => {
    await call(started.items, { method: 'POST', body: { fields: task({ owner: 'with fields' }) } });
    const bare = await call(`${started.items}/delta?$top=1`);
    const item = (bare.body['value'] as DeltaItem[])[0];
    expect(item?.eTag).toMatch(/^"/);
    expect(item?.fields).toBeUndefined();
    const next = bare.body['@odata.nextLink'] as string;
    expect(next).not.toContain('expand');
    const expanded = await call(`${started.items}/delta?$expand=fields&$top=1`);
    expect((expanded.body['value'] as DeltaItem[])[0]?.fields?.['@odata.etag']).toBe((expanded.body['value'] as DeltaItem[])[0]?.eTag);
    expect(expanded.body['@odata.nextLink']).toContain('expand=fields');
    const all = await round(`${started.items}/delta?$expand=fields&$top=3`);
    expect(all.deltaLink).toContain('expand=fields');
    expect(all.entries.every((entry) => entry.fields !== undefined)).toBe(true);
  });

  it('answers 410 to every token issued before the tokens expired, with a Location that starts over with the same options', async () => {
    const before = await round(`${started.items}/delta?$expand=fields&$top=2`);
    const midway = await call(`${started.items}/delta?$expand=fields&$top=1`);
    started.emulator.expireDeltaTokens();
    for (const stale of [before.deltaLink, midway.body['@odata.nextLink'] as string]) {
      const reply = await call(stale);
      expect(reply.status).toBe(410);
      expect(errorOf(reply)).toMatchObject({ code: 'resyncRequired', innerError: expect.objectContaining({ code: 'resyncChangesApplyDifferences' }) });
      const location = reply.headers.get('location') ?? '';
      expect(location).toContain('expand=fields');
      expect(location).not.toContain('token=');
    }
    const again = await round((await call(before.deltaLink)).headers.get('location') ?? '');
    expect(again.entries.length).toBe(before.entries.length);
    expect((await call(again.deltaLink)).status).toBe(200);
  });

  it('answers delta requests inside $batch, and their nextLinks there too', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await call(started.items, { method: 'POST', body: { fields: task() } })).body['id'] as string);
    const relative = (url: string) => url.slice(started.emulator.baseUrl.length);
    const batch = async (url: string) => {
      const reply = await call(`${started.emulator.baseUrl}/$batch`, { method: 'POST', body: { requests: [{ id: '1', method: 'GET', url }, { id: '2', method: 'GET', url: `${relative(started.items)}/delta?token=latest` }] } });
      expect(reply.status).toBe(200);
      const responses = reply.body['responses'] as { id: string; status: number; body: Record<string, unknown> }[];
      expect(responses.map((r) => r.status)).toEqual([200, 200]);
      return responses.find((r) => r.id === '1')?.body ?? {};
    };
    const seen: string[] = [];
    let body = await batch(`${relative(started.items)}/delta?$expand=fields&$top=4`);
    for (let pages = 0; pages < 20 && typeof body['@odata.nextLink'] === 'string'; pages++) {
      seen.push(...(body['value'] as DeltaItem[]).map((entry) => entry.id));
      body = await batch(relative(body['@odata.nextLink']));
    }
    seen.push(...(body['value'] as DeltaItem[]).map((entry) => entry.id));
    expect(typeof body['@odata.deltaLink']).toBe('string');
    expect(seen).toEqual(expect.arrayContaining(ids));
  });
});
