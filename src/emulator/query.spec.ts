import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGraphColumn } from '../lists/provision-columns';
import { parseColumnDefinition, titleColumn } from './columns';
import { ListStore } from './list-store';
import { runQuery } from './query';
import { call, errorOf, startWithTasks, task, type Started } from './spec-helpers';

const filterUrl = (items: string, filter: string, extra = ''): string => `${items}?expand=fields&$filter=${encodeURIComponent(filter)}${extra}`;

describe('emulator: querying items', () => {
  let started: Started;
  let items: string;

  beforeAll(async () => {
    started = await startWithTasks();
    items = started.items;
    const rows = [
      { unit: 'north', score: 1, status: 'open', owner: 'ann', due: '2025-01-10' },
      { unit: 'north', score: 5, status: 'closed', owner: 'bo', due: '2025-02-10' },
      { unit: 'south', score: 3, status: 'open', owner: 'ann', due: '2025-03-10' },
      { unit: "o'hara", score: 7, status: 'open', owner: 'cy', due: '2025-04-10' },
    ];
    for (const row of rows) await call(items, { method: 'POST', body: { fields: task(row) } });
  });
  afterAll(() => started.emulator.close());

  const units = (reply: { body: Record<string, unknown> }): unknown[] =>
    (reply.body['value'] as { fields: Record<string, unknown> }[]).map((item) => item.fields['unit']);

  it('filters on indexed columns with eq, ranges, and, strings with an escaped quote, numbers and dates', async () => {
    expect(units(await call(filterUrl(items, "fields/unit eq 'north'")))).toEqual(['north', 'north']);
    expect(units(await call(filterUrl(items, "fields/unit eq 'o''hara'")))).toEqual(["o'hara"]);
    expect(units(await call(filterUrl(items, 'fields/score ge 3 and fields/score lt 7')))).toEqual(['north', 'south']);
    expect(units(await call(filterUrl(items, "fields/unit eq 'north' and fields/status eq 'open'")))).toEqual(['north']);
    expect(units(await call(filterUrl(items, "fields/due gt '2025-02-10T00:00:00Z'")))).toEqual(['south', "o'hara"]);
    expect(units(await call(filterUrl(items, "fields/status ne 'open'")))).toEqual(['north']);
  });

  it('orders by an indexed column, descending', async () => {
    const reply = await call(`${items}?expand=fields&$orderby=${encodeURIComponent('fields/score desc')}`);
    expect((reply.body['value'] as { fields: { score: number } }[]).map((item) => item.fields.score)).toEqual([7, 5, 3, 1]);
  });

  it('rejects a filter or orderby on a non-indexed column with Graph’s 400 unless Prefer allows it', async () => {
    const refused = await call(filterUrl(items, "fields/owner eq 'ann'"));
    expect(refused.status).toBe(400);
    expect(errorOf(refused)).toMatchObject({
      code: 'invalidRequest',
      message:
        "Field 'owner' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.",
    });
    const ordered = await call(`${items}?$orderby=fields/owner`);
    expect(ordered.status).toBe(400);
    const allowed = await call(filterUrl(items, "fields/owner eq 'ann'"), { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } });
    expect(allowed.status).toBe(200);
    expect(units(allowed)).toEqual(['north', 'south']);
  });

  it('pages with $top and an absolute @odata.nextLink that works exactly as given', async () => {
    const seen: unknown[] = [];
    let url: string | undefined = `${items}?expand=fields&$top=3`;
    for (let page = 0; url && page < 10; page++) {
      const reply = await call(url);
      expect(reply.status).toBe(200);
      seen.push(...(reply.body['value'] as { id: string }[]).map((item) => item.id));
      url = reply.body['@odata.nextLink'] as string | undefined;
      if (url) {
        expect(url.startsWith(started.emulator.baseUrl)).toBe(true);
        expect(url).toContain('$skiptoken=');
      }
    }
    expect(seen).toEqual(['1', '2', '3', '4']);
  });

  it('pages an ordered, filtered query without losing or repeating items', async () => {
    const first = await call(`${filterUrl(items, 'fields/score gt 0')}&$orderby=${encodeURIComponent('fields/score desc')}&$top=2`);
    const next = await call(first.body['@odata.nextLink'] as string);
    const scores = [...(first.body['value'] as { fields: { score: number } }[]), ...(next.body['value'] as { fields: { score: number } }[])]
      .map((item) => item.fields.score);
    expect(scores).toEqual([7, 5, 3, 1]);
    expect(next.body['@odata.nextLink']).toBeUndefined();
  });
});

describe('emulator: list view threshold', () => {
  let started: Started;

  beforeAll(async () => {
    started = await startWithTasks({ listViewThreshold: 5 });
    for (let i = 0; i < 8; i++) {
      await call(started.items, { method: 'POST', body: { fields: task({ unit: i < 2 ? 'small' : 'big', score: i, owner: 'x' }) } });
    }
  });
  afterAll(() => started.emulator.close());

  it('answers an indexed eq filter that narrows below the threshold', async () => {
    const reply = await call(filterUrl(started.items, "fields/unit eq 'small'"));
    expect(reply.status).toBe(200);
    expect((reply.body['value'] as unknown[]).length).toBe(2);
  });

  it('refuses a filter whose first clause selects more than the threshold, with SharePoint’s message', async () => {
    const reply = await call(filterUrl(started.items, "fields/unit eq 'big'"));
    expect(reply.status).toBe(500);
    expect(errorOf(reply).message).toBe('The attempted operation is prohibited because it exceeds the list view threshold.');
  });

  it('refuses a non-indexed first clause on a large list even with the Prefer header', async () => {
    const reply = await call(filterUrl(started.items, "fields/owner eq 'x' and fields/unit eq 'small'"), {
      headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
    });
    expect(reply.status).toBe(500);
    const indexedFirst = await call(filterUrl(started.items, "fields/unit eq 'small' and fields/owner eq 'x'"), {
      headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
    });
    expect(indexedFirst.status).toBe(200);
  });

  it('pages an unfiltered large list within the threshold but refuses a page larger than it', async () => {
    expect((await call(`${started.items}?$top=5`)).status).toBe(200);
    expect((await call(`${started.items}?$top=6`)).status).toBe(500);
  });
});

describe('runQuery over indexes', () => {
  it('matches a full scan on 50,000 items for eq and range filters', () => {
    const list = new ListStore({
      id: 'list', name: 'Big', displayName: 'Big', description: '', created: '', modified: '', nextItemId: 1, changeSeq: 0,
      columns: [
        titleColumn(),
        parseColumnDefinition(toGraphColumn({ name: 'unit', type: 'text', indexed: true }), 'c1'),
        parseColumnDefinition(toGraphColumn({ name: 'score', type: 'number', indexed: true }), 'c2'),
      ],
    });
    for (let i = 0; i < 50_000; i++) list.create({ unit: `unit-${i % 500}`, score: i % 1000 });
    const eq = runQuery(list, { filter: "fields/unit eq 'unit-42'", top: '5000', honorNonIndexed: false }, 5000);
    expect(eq.items).toHaveLength(100);
    expect(eq.items.every((item) => item.fields['unit'] === 'unit-42')).toBe(true);
    expect(eq.items.map((item) => item.id)).toEqual([...eq.items.map((item) => item.id)].sort((a, b) => a - b));
    const range = runQuery(list, { filter: 'fields/score ge 995', top: '5000', honorNonIndexed: false }, 5000);
    expect(range.items).toHaveLength(250);
    expect(range.items.every((item) => Number(item.fields['score']) >= 995)).toBe(true);
  });
});


describe('emulator: system date fields in queries', () => {
  let started: Started;

  beforeAll(async () => {
    started = await startWithTasks();
    for (let i = 0; i < 3; i++) await call(started.items, { method: 'POST', body: { fields: task({ unit: `m${i}` }) } });
  });
  afterAll(() => started.emulator.close());

  it('orders by Modified (not indexed) only with the Prefer header', async () => {
    const url = `${started.items}?expand=fields&$orderby=${encodeURIComponent('fields/Modified desc')}`;
    expect((await call(url)).status).toBe(400);
    const reply = await call(url, { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } });
    expect(reply.status).toBe(200);
    expect((reply.body['value'] as { id: string }[]).map((item) => item.id)).toEqual(['3', '2', '1']);
  });
});
