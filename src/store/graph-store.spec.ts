/**
 * Graph store behaviour the emulator cannot provoke: lost answers to a create, PATCH answers
 * without the whole item, inner 429s in a batch. Graph is a scripted fetch here.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commonColumns, type ListDefinition } from '../lists/definition';
import { UnavailableError } from './errors';
import { createGraphStore } from './graph-store';
import { fakeClock } from './middleware/test-kit';

const definition: ListDefinition = {
  key: 'things',
  displayName: 'Things',
  description: '',
  titleFrom: 'name',
  columns: [{ name: 'name', type: 'text', indexed: true, required: true }, ...commonColumns],
};
const lists = { things: { definition, schema: z.strictObject({ name: z.string() }) } };
const base = 'https://graph.example.test/v1.0';
const site = 'contoso.sharepoint.com,1,2';
const actor = 'user-1';

interface Call {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
}
type Route = (call: Call) => Response | undefined;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const item = (id: string, name: string, version = 1, clientKey = 'k') => ({
  id,
  eTag: `"{AAA},${version}"`,
  createdDateTime: '2026-01-01T00:00:00Z',
  lastModifiedDateTime: '2026-01-01T00:00:00Z',
  fields: { '@odata.etag': `"{AAA},${version}"`, id, Title: name, name, clientKey, createdByUser: actor, modifiedByUser: actor, Created: '2026-01-01T00:00:00Z', Modified: '2026-01-01T00:00:00Z' },
});

function fakeGraph(routes: Route[]) {
  const calls: Call[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const call: Call = {
      method: init?.method ?? 'GET',
      url: String(input),
      headers: new Headers(init?.headers as Record<string, string>),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    if (call.url.includes('/lists?')) return json(200, { value: [{ id: 'list-1', displayName: 'Things' }] });
    for (const route of routes) {
      const response = route(call);
      if (response) return response;
    }
    throw new Error(`unexpected request ${call.method} ${call.url}`);
  };
  return { calls, fetchFn: fetchFn as typeof fetch };
}

const store = (fetchFn: typeof fetch, clock = fakeClock()) =>
  createGraphStore({ baseUrl: base, siteId: site, lists, fetch: fetchFn, clock, retry: { maxAttempts: 3, maxDelayMs: 10_000 } });

describe('GraphStore.create', () => {
  it('returns the first item when a resent POST hits the unique client key (the first answer was lost)', async () => {
    let posts = 0;
    const graph = fakeGraph([
      (c) => (c.method === 'POST' && ++posts === 1 ? new Response('', { status: 504 }) : undefined),
      (c) => (c.method === 'POST' ? json(409, { error: { code: 'nameAlreadyExists', message: 'duplicate values were found in the following field(s) in the list: [clientKey].' } }) : undefined),
      (c) => (c.method === 'GET' && decodeURIComponent(c.url).includes("fields/clientKey eq 'key-1'") ? json(200, { value: [item('5', 'first', 1, 'key-1')] }) : undefined),
    ]);
    const created = await store(graph.fetchFn).create('things', { name: 'first' }, { actor, clientKey: 'key-1' });
    expect(created.id).toBe('5');
    expect(graph.calls.filter((c) => c.method === 'POST')).toHaveLength(2);
  });

  it('looks the client key up after a network failure and returns what was written', async () => {
    const graph = fakeGraph([
      (c) => (c.method === 'GET' && c.url.includes('clientKey') ? json(200, { value: [item('6', 'x', 1, 'key-2')] }) : undefined),
    ]);
    const failing = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'POST') throw new TypeError('fetch failed');
      return graph.fetchFn(input, init);
    }) as typeof fetch;
    expect((await store(failing).create('things', { name: 'x' }, { actor, clientKey: 'key-2' })).id).toBe('6');
  });

  it('writes the system columns and Title itself, and a random client key when none is given', async () => {
    const graph = fakeGraph([(c) => (c.method === 'POST' ? json(201, item('7', 'n')) : undefined)]);
    await store(graph.fetchFn).create('things', { name: 'n' }, { actor });
    const fields = (graph.calls.find((c) => c.method === 'POST')?.body as { fields: Record<string, string> }).fields;
    expect(fields).toMatchObject({ name: 'n', Title: 'n', createdByUser: actor, modifiedByUser: actor });
    expect(fields.clientKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('raises UnavailableError when Graph stays throttled after the retries', async () => {
    const clock = fakeClock();
    const graph = fakeGraph([
      (c) => (c.method === 'POST' ? json(429, { error: { code: 'activityLimitReached', message: 'throttled' } }, { 'Retry-After': '2' }) : undefined),
      (c) => (c.method === 'GET' ? json(429, { error: { code: 'activityLimitReached', message: 'throttled' } }, { 'Retry-After': '2' }) : undefined),
    ]);
    const error = await store(graph.fetchFn, clock).create('things', { name: 'n' }, { actor }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 2 });
    expect(graph.calls.filter((c) => c.method === 'POST')).toHaveLength(3);
  });
});

describe('GraphStore requests', () => {
  it('sends User-Agent, If-Match and no Authorization without a token provider', async () => {
    const graph = fakeGraph([(c) => (c.method === 'PATCH' ? json(200, item('3', 'b', 2).fields) : undefined)]);
    const updated = await store(graph.fetchFn).update('things', '3', { name: 'b' }, { actor, etag: '"{AAA},1"' });
    const patch = graph.calls.find((c) => c.method === 'PATCH');
    expect(patch?.url).toBe(`${base}/sites/${site}/lists/list-1/items/3/fields`);
    expect(patch?.headers.get('If-Match')).toBe('"{AAA},1"');
    expect(patch?.headers.get('User-Agent')).toBe('NONISV|Kvalitetshjulet|Kvalitetshjulet/0.1.0');
    expect(patch?.headers.get('Authorization')).toBeNull();
    expect(updated).toMatchObject({ id: '3', etag: '"{AAA},2"', fields: { name: 'b' } });
  });

  it('reads the item again when the PATCH answer holds only the patched fields', async () => {
    const graph = fakeGraph([
      (c) => (c.method === 'PATCH' ? json(200, { name: 'b' }) : undefined),
      (c) => (c.method === 'GET' && c.url.includes('/items/3?') ? json(200, item('3', 'b', 2)) : undefined),
    ]);
    const updated = await store(graph.fetchFn).update('things', '3', { name: 'b' }, { actor, etag: '"{AAA},1"' });
    expect(updated.etag).toBe('"{AAA},2"');
  });

  it('encodes filter values and follows the nextLink exactly as given', async () => {
    const next = `${base}/sites/${site}/lists/list-1/items?expand=fields&$skiptoken=UGFnZWQ9VFJVRSZwX0lEPTI%3D`;
    const graph = fakeGraph([
      (c) => (c.url === next ? json(200, { value: [item('2', 'b')] }) : undefined),
      (c) => (c.url.includes('/items?') ? json(200, { value: [item('1', "o'b")], '@odata.nextLink': next }) : undefined),
    ]);
    const all = await store(graph.fetchFn).queryAll('things', { filter: [{ field: 'name', op: 'eq', value: "o'b & c" }] });
    expect(all.map((i) => i.id)).toEqual(['1', '2']);
    await expect(store(graph.fetchFn).query('things', { pageToken: 'bm9wZQ' })).rejects.toThrow(/invalid page token/);
    const first = graph.calls.find((c) => c.url.includes('/items?'));
    expect(new URL(first?.url ?? '').searchParams.get('$filter')).toBe("fields/name eq 'o''b & c'");
  });
});

describe('GraphStore.readMany', () => {
  it('resends only the inner requests that were throttled, after their Retry-After', async () => {
    const clock = fakeClock();
    const batches: { id: string }[][] = [];
    const graph = fakeGraph([
      (c) => {
        if (!c.url.endsWith('/$batch')) return undefined;
        const requests = (c.body as { requests: { id: string; url: string }[] }).requests;
        batches.push(requests);
        const responses = requests.map((r) =>
          batches.length === 1 && r.id === '2'
            ? { id: r.id, status: 429, headers: { 'Retry-After': '3' }, body: { error: { code: 'activityLimitReached', message: 'throttled' } } }
            : { id: r.id, status: 200, headers: {}, body: item(r.url.split('/items/')[1]?.split('?')[0] ?? '', 'x') },
        );
        return json(200, { responses: responses.reverse() });
      },
    ]);
    const results = await store(graph.fetchFn, clock).readMany([{ list: 'things', id: '1' }, { list: 'things', id: '2' }]);
    expect(results.map((r) => ('item' in r ? r.item.id : ''))).toEqual(['1', '2']);
    expect(batches.map((b) => b.map((r) => r.id))).toEqual([['1', '2'], ['2']]);
    expect(clock.slept).toContain(3000);
  });

  it('splits more than 20 reads into batches of 20', async () => {
    const sizes: number[] = [];
    const graph = fakeGraph([
      (c) => {
        if (!c.url.endsWith('/$batch')) return undefined;
        const requests = (c.body as { requests: { id: string; url: string }[] }).requests;
        sizes.push(requests.length);
        return json(200, { responses: requests.map((r) => ({ id: r.id, status: 200, body: item(r.id, 'x') })) });
      },
    ]);
    const reads = Array.from({ length: 45 }, (_, i) => ({ list: 'things' as const, id: String(i + 1) }));
    expect(await store(graph.fetchFn).readMany(reads)).toHaveLength(45);
    expect(sizes).toEqual([20, 20, 5]);
    // every list id was looked up once, together
    expect(graph.calls.filter((c) => c.url.includes('/lists?'))).toHaveLength(1);
    expect(new URL(graph.calls[0]?.url ?? '').searchParams.get('$select')).toBe('id,displayName');
    expect(new URL(graph.calls[0]?.url ?? '').searchParams.get('$filter')).toBeNull();
  });
});
