import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../emulator/index';
import type { ListDefinition } from './definition';
import { allLists } from './lists';
import { provisionLists, type ProvisionOptions } from './provision';

/** Records every request so a test can assert that a run made no writes. */
function recordingFetch(): { fetch: typeof fetch; writes: string[] } {
  const writes: string[] = [];
  const recording = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? 'GET';
    if (method !== 'GET') writes.push(`${method} ${new URL(String(input)).pathname}`);
    return fetch(input, init);
  };
  return { fetch: recording as typeof fetch, writes };
}

describe('provisionLists against the lists emulator', () => {
  let emulator: RunningEmulator;
  const run = async (lists: readonly ListDefinition[], more: Partial<ProvisionOptions> = {}) => {
    const recorder = recordingFetch();
    const lines: string[] = [];
    const result = await provisionLists({
      baseUrl: emulator.baseUrl, siteId: emulator.siteId, lists, fetch: recorder.fetch, log: (line) => lines.push(line), ...more,
    });
    return { result, lines, writes: recorder.writes };
  };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('creates every list with its columns on an empty site', async () => {
    const { result, lines } = await run(allLists);
    const names = allLists.map((list) => list.displayName);
    expect(result).toEqual({ created: names, updated: [], unchanged: [] });
    expect(lines).toEqual(names.map((name) => `${name}: skapad`));

    const units = allLists[0] as ListDefinition;
    const found = await (await fetch(`${emulator.baseUrl}/sites/${emulator.siteId}/lists?$filter=${encodeURIComponent(`displayName eq '${units.displayName}'`)}`)).json() as { value: { id: string }[] };
    const listId = found.value[0]?.id ?? '';
    const columns = await (await fetch(`${emulator.baseUrl}/sites/${emulator.siteId}/lists/${listId}/columns`)).json() as { value: { name: string; indexed?: boolean; enforceUniqueValues?: boolean }[] };
    const byName = new Map(columns.value.map((column) => [column.name, column]));
    for (const column of units.columns) expect(byName.has(column.name), column.name).toBe(true);
    expect(byName.get('clientKey')).toMatchObject({ indexed: true, enforceUniqueValues: true });
  });

  it('changes nothing on a second run and says so', async () => {
    const { result, lines, writes } = await run(allLists);
    expect(writes).toEqual([]);
    expect(result.created).toEqual([]);
    expect(result.updated).toEqual([]);
    expect(result.unchanged).toHaveLength(allLists.length);
    expect(lines.every((line) => line.endsWith(': oförändrad'))).toBe(true);
  });

  it('adds just the new column when a definition gains one', async () => {
    const [first, ...rest] = allLists as [ListDefinition, ...ListDefinition[]];
    const grown: ListDefinition = { ...first, columns: [...first.columns, { name: 'newNote', type: 'note' }] };
    const { result, lines, writes } = await run([grown, ...rest]);
    expect(result.updated).toEqual([first.displayName]);
    expect(result.unchanged).toHaveLength(rest.length);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^POST .*\/columns$/);
    expect(lines[0]).toBe(`${first.displayName}: 1 kolumn tillagd`);

    const again = await run([grown, ...rest]);
    expect(again.writes).toEqual([]);
  });

  it('patches a changed setting on an existing column', async () => {
    const [first] = allLists as [ListDefinition];
    const column = first.columns.find((c) => c.type === 'text' && c.indexed !== true);
    if (!column) throw new Error('the first list has no unindexed text column');
    const changed: ListDefinition = { ...first, columns: first.columns.map((c) => (c === column ? { ...c, indexed: true } : c)) };
    const { result, writes, lines } = await run([changed]);
    expect(result.updated).toEqual([first.displayName]);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^PATCH .*\/columns\/[^/]+$/);
    expect(lines[0]).toBe(`${first.displayName}: 1 kolumn ändrad`);
  });

  it('rides out throttling by honouring Retry-After', async () => {
    emulator.setFaults({ throttle: { everyNth: 2, retryAfterSeconds: 0 } });
    try {
      const extra: ListDefinition = { key: 'extra', displayName: 'KH Extra', description: 'Extra', titleFrom: 'name', columns: [{ name: 'name', type: 'text' }] };
      const { result } = await run([extra]);
      expect(result.created).toEqual(['KH Extra']);
      expect(emulator.stats().throttled).toBeGreaterThan(0);
    } finally {
      emulator.setFaults({});
    }
  });

  it('leaves a column whose type differs alone and warns about it', async () => {
    const name = 'KH Mismatch';
    const first: ListDefinition = { key: 'mismatch', displayName: name, description: 'x', titleFrom: 'label', columns: [{ name: 'label', type: 'text' }, { name: 'count', type: 'text' }] };
    await run([first]);
    const changed: ListDefinition = { ...first, columns: [{ name: 'label', type: 'text' }, { name: 'count', type: 'number' }] };
    const { result, lines, writes } = await run([changed]);
    expect(writes).toEqual([]);
    expect(result.unchanged).toEqual([name]);
    expect(lines).toEqual([
      `${name}: varning: kolumnen count är en textrad på webbplatsen men tal i definitionen; den lämnas orörd`,
      `${name}: oförändrad`,
    ]);
  });

  it('recovers when the response to a created list is lost and the retry meets the list', async () => {
    const lost: ListDefinition = { key: 'lost', displayName: 'KH Lost', description: 'x', titleFrom: 'label', columns: [{ name: 'label', type: 'text' }] };
    let dropped = false;
    const losing = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const response = await fetch(input, init);
      if (!dropped && init?.method === 'POST' && new URL(String(input)).pathname.endsWith('/lists')) {
        dropped = true;
        return new Response(JSON.stringify({ error: { code: 'serviceNotAvailable', message: 'lost' } }), { status: 503, headers: { 'Retry-After': '0' } });
      }
      return response;
    }) as typeof fetch;
    const { result } = await run([lost], { fetch: losing });
    expect(dropped).toBe(true);
    expect(result.created).toEqual(['KH Lost']);
    const again = await run([lost]);
    expect(again.result.unchanged).toEqual(['KH Lost']);
  });
});
