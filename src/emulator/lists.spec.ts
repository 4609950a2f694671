import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index';
import { call, errorOf } from './spec-helpers';

describe('emulator: sites and lists', () => {
  let emulator: RunningEmulator;
  let site: string;

  beforeAll(async () => {
    emulator = await startEmulator();
    site = `${emulator.baseUrl}/sites/${emulator.siteId}`;
  });
  afterAll(() => emulator.close());

  it('serves the site by id, by URL-encoded id and as root', async () => {
    const byId = await call(site);
    const encoded = await call(`${emulator.baseUrl}/sites/${encodeURIComponent(emulator.siteId)}`);
    const root = await call(`${emulator.baseUrl}/sites/root`);
    expect(byId.status).toBe(200);
    expect(byId.body['id']).toBe(emulator.siteId);
    expect(emulator.siteId).toMatch(/^kvalitetshjulet\.sharepoint\.com,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    expect(encoded.body['id']).toBe(emulator.siteId);
    expect(root.body['id']).toBe(emulator.siteId);
  });

  it('creates a list with columns through POST /lists and returns it with Title and the columns', async () => {
    const created = await call(`${site}/lists`, {
      method: 'POST',
      body: {
        displayName: 'Goals',
        columns: [
          { name: 'clientKey', text: { allowMultipleLines: false, maxLength: 255 }, indexed: true, enforceUniqueValues: true, required: true },
          { name: 'body', text: { allowMultipleLines: true } },
          { name: 'weight', number: {} },
          { name: 'active', boolean: {} },
          { name: 'due', dateTime: { displayAs: 'default', format: 'dateOnly' } },
          { name: 'phase', choice: { allowTextEntry: false, choices: ['a', 'b'], displayAs: 'dropDownMenu' } },
        ],
        list: { template: 'genericList' },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body['displayName']).toBe('Goals');
    expect(created.body['list']).toMatchObject({ template: 'genericList' });
    const id = created.body['id'] as string;

    const read = await call(`${site}/lists/${id}?expand=columns`);
    const columns = read.body['columns'] as Record<string, unknown>[];
    const byName = new Map(columns.map((column) => [column['name'], column]));
    expect(byName.get('Title')).toMatchObject({ text: { allowMultipleLines: false } });
    expect(byName.get('clientKey')).toMatchObject({ indexed: true, enforceUniqueValues: true, required: true });
    expect(byName.get('body')).toMatchObject({ text: { allowMultipleLines: true } });
    expect(byName.get('due')).toMatchObject({ dateTime: { format: 'dateOnly' } });
    expect(byName.get('phase')).toMatchObject({ choice: { choices: ['a', 'b'] } });
    expect(byName.get('Created')).toMatchObject({ readOnly: true });

    const byTitle = await call(`${site}/lists/Goals`);
    expect(byTitle.body['id']).toBe(id);
  });

  it('finds a list with $filter=displayName eq and narrows with $select', async () => {
    await call(`${site}/lists`, { method: 'POST', body: { displayName: "O'Brien", list: { template: 'genericList' } } });
    const found = await call(`${site}/lists?$filter=${encodeURIComponent("displayName eq 'O''Brien'")}&$select=id,displayName`);
    const value = found.body['value'] as Record<string, unknown>[];
    expect(value).toHaveLength(1);
    expect(value[0]?.['displayName']).toBe("O'Brien");
    expect(value[0]?.['webUrl']).toBeUndefined();
  });

  it('refuses a second list with the same title with 409 nameAlreadyExists', async () => {
    await call(`${site}/lists`, { method: 'POST', body: { displayName: 'Twice' } });
    const again = await call(`${site}/lists`, { method: 'POST', body: { displayName: 'twice' } });
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('nameAlreadyExists');
  });

  it('adds a column and patches it to indexed', async () => {
    await call(`${site}/lists`, { method: 'POST', body: { displayName: 'Cols' } });
    const added = await call(`${site}/lists/Cols/columns`, { method: 'POST', body: { name: 'unit', text: {} } });
    expect(added.status).toBe(201);
    expect(added.body['indexed']).toBe(false);
    const patched = await call(`${site}/lists/Cols/columns/${added.body['id'] as string}`, { method: 'PATCH', body: { indexed: true } });
    expect(patched.status).toBe(200);
    expect(patched.body['indexed']).toBe(true);
    const duplicate = await call(`${site}/lists/Cols/columns`, { method: 'POST', body: { name: 'unit', text: {} } });
    expect(duplicate.status).toBe(409);
  });

  it('answers 404 itemNotFound for an unknown list and Graph error bodies with JSON content type', async () => {
    const missing = await call(`${site}/lists/Nope/items`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/json');
    expect(errorOf(missing).code).toBe('itemNotFound');
    expect(errorOf(missing).innerError).toHaveProperty('request-id');
    expect(errorOf(missing).innerError).toHaveProperty('date');
    expect(errorOf(missing).innerError).toHaveProperty('client-request-id');
  });
});

describe('emulator: column rules', () => {
  let emulator: RunningEmulator;
  let list: string;

  beforeAll(async () => {
    emulator = await startEmulator();
    list = `${emulator.baseUrl}/sites/${emulator.siteId}/lists/Rules`;
    await call(`${emulator.baseUrl}/sites/${emulator.siteId}/lists`, {
      method: 'POST',
      body: { displayName: 'Rules', columns: [{ name: 'code', text: {}, indexed: true }, { name: 'body', text: { allowMultipleLines: true } }] },
    });
  });
  afterAll(() => emulator.close());

  it('refuses unique values on a column that is not indexed, and an index on multiple lines of text', async () => {
    const unique = await call(`${list}/columns`, { method: 'POST', body: { name: 'other', text: {}, enforceUniqueValues: true } });
    expect(unique.status).toBe(400);
    const indexedNote = await call(`${list}/columns/body`, { method: 'PATCH', body: { indexed: true } });
    expect(indexedNote.status).toBe(400);
  });

  it('refuses to enforce unique values while the column holds duplicates, and enforces them once it may', async () => {
    await call(`${list}/items`, { method: 'POST', body: { fields: { code: 'A' } } });
    const second = await call(`${list}/items`, { method: 'POST', body: { fields: { code: 'a' } } });
    const refused = await call(`${list}/columns/code`, { method: 'PATCH', body: { enforceUniqueValues: true } });
    expect(refused.status).toBe(400);
    await call(`${list}/items/${second.body['id'] as string}/fields`, { method: 'PATCH', body: { code: 'B' } });
    const accepted = await call(`${list}/columns/code`, { method: 'PATCH', body: { enforceUniqueValues: true } });
    expect(accepted.status).toBe(200);
    expect((await call(`${list}/items`, { method: 'POST', body: { fields: { code: 'b' } } })).status).toBe(409);
  });
});
