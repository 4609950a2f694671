import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, errorOf, fieldsOf, startWithTasks, task, type Started } from './spec-helpers';

describe('emulator: list items', () => {
  let started: Started;
  let items: string;

  beforeAll(async () => {
    started = await startWithTasks();
    items = started.items;
  });
  afterAll(() => started.emulator.close());

  it('creates an item: 201 with Graph’s listItem shape and its fields', async () => {
    const created = await call(items, { method: 'POST', body: { fields: task({ score: 3, done: true, due: '2025-03-01T00:00:00Z', status: 'open' }) } });
    expect(created.status).toBe(201);
    const body = created.body;
    expect(body['id']).toMatch(/^\d+$/);
    expect(body['eTag']).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(body['@odata.etag']).toBe(body['eTag']);
    expect(body).toHaveProperty('createdDateTime');
    expect(body).toHaveProperty('lastModifiedDateTime');
    expect(body).toHaveProperty('webUrl');
    expect(body['createdBy']).toMatchObject({ user: { displayName: expect.any(String) } });
    expect(body['lastModifiedBy']).toMatchObject({ user: { displayName: expect.any(String) } });
    expect(body['parentReference']).toMatchObject({ siteId: started.emulator.siteId });
    expect(body['contentType']).toMatchObject({ name: 'Item' });
    const fields = fieldsOf(created);
    expect(fields).toMatchObject({
      '@odata.etag': body['eTag'], id: body['id'], score: 3, done: true, due: '2025-03-01T00:00:00Z', status: 'open',
      AuthorLookupId: expect.any(String), EditorLookupId: expect.any(String), Created: expect.any(String), Modified: expect.any(String),
    });
  });

  it('gives increasing ids that are never reused', async () => {
    const first = await call(items, { method: 'POST', body: { fields: task() } });
    await call(`${items}/${first.body['id'] as string}`, { method: 'DELETE' });
    const second = await call(items, { method: 'POST', body: { fields: task() } });
    expect(Number(second.body['id'])).toBeGreaterThan(Number(first.body['id']));
  });

  it('reads an item with expand=fields($select=...) and without fields when not expanded', async () => {
    const created = await call(items, { method: 'POST', body: { fields: task({ unit: 'u1', owner: 'o' }) } });
    const id = created.body['id'] as string;
    const narrow = await call(`${items}/${id}?$expand=fields($select=unit,Title)`);
    expect(Object.keys(fieldsOf(narrow)).sort()).toEqual(['@odata.etag', 'Title', 'unit']);
    const bare = await call(`${items}/${id}`);
    expect(bare.body['fields']).toBeUndefined();
  });

  it('PATCH fields returns the fields, grows the eTag version by one per change, and 412s a stale eTag', async () => {
    const created = await call(items, { method: 'POST', body: { fields: task({ owner: 'a' }) } });
    const id = created.body['id'] as string;
    const etag1 = created.body['eTag'] as string;
    const patched = await call(`${items}/${id}/fields`, { method: 'PATCH', body: { owner: 'b' }, headers: { 'If-Match': etag1 } });
    expect(patched.status).toBe(200);
    expect(patched.body['owner']).toBe('b');
    const etag2 = patched.body['@odata.etag'] as string;
    expect(etag2).toBe(etag1.replace(/,1"$/, ',2"'));

    // the eTag without its quotes is accepted too
    const unquoted = await call(`${items}/${id}/fields`, { method: 'PATCH', body: { owner: 'c' }, headers: { 'If-Match': etag2.replace(/"/g, '') } });
    expect(unquoted.status).toBe(200);
    expect(unquoted.body['@odata.etag']).toBe(etag1.replace(/,1"$/, ',3"'));

    const stale = await call(`${items}/${id}/fields`, { method: 'PATCH', body: { owner: 'd' }, headers: { 'If-Match': etag1 } });
    expect(stale.status).toBe(412);
    expect(errorOf(stale).code).toBe('preconditionFailed');
    const star = await call(`${items}/${id}/fields`, { method: 'PATCH', body: { owner: 'e' }, headers: { 'If-Match': '*' } });
    expect(star.status).toBe(200);
    const read = await call(`${items}/${id}?expand=fields`);
    expect(fieldsOf(read)['owner']).toBe('e');
    expect(read.body['eTag']).toBe(etag1.replace(/,1"$/, ',4"'));
  });

  it('DELETE answers 204, honours If-Match, and the item is then 404 itemNotFound', async () => {
    const created = await call(items, { method: 'POST', body: { fields: task() } });
    const id = created.body['id'] as string;
    await call(`${items}/${id}/fields`, { method: 'PATCH', body: { owner: 'x' } });
    const stale = await call(`${items}/${id}`, { method: 'DELETE', headers: { 'If-Match': created.body['eTag'] as string } });
    expect(stale.status).toBe(412);
    const deleted = await call(`${items}/${id}`, { method: 'DELETE', headers: { 'If-Match': '*' } });
    expect(deleted.status).toBe(204);
    const gone = await call(`${items}/${id}`);
    expect(gone.status).toBe(404);
    expect(errorOf(gone).code).toBe('itemNotFound');
    const patchGone = await call(`${items}/${id}/fields`, { method: 'PATCH', body: { owner: 'y' } });
    expect(patchGone.status).toBe(404);
  });

  it('rejects an unknown field with 400 and Graph’s message', async () => {
    const reply = await call(items, { method: 'POST', body: { fields: task({ nope: 1 }) } });
    expect(reply.status).toBe(400);
    expect(errorOf(reply)).toMatchObject({ code: 'invalidRequest', message: "Field 'nope' is not recognized" });
  });

  it('rejects a create without a required field with 400', async () => {
    const reply = await call(items, { method: 'POST', body: { fields: { Title: 'no key' } } });
    expect(reply.status).toBe(400);
    expect(errorOf(reply).message).toContain('clientKey');
  });

  it('rejects a choice outside the choices and a value of the wrong type with 400', async () => {
    const choice = await call(items, { method: 'POST', body: { fields: task({ status: 'maybe' }) } });
    expect(choice.status).toBe(400);
    expect(errorOf(choice).message).toContain('status');
    const number = await call(items, { method: 'POST', body: { fields: task({ score: 'three' }) } });
    expect(number.status).toBe(400);
    const date = await call(items, { method: 'POST', body: { fields: task({ due: 'tomorrow' }) } });
    expect(date.status).toBe(400);
    const bool = await call(items, { method: 'POST', body: { fields: task({ done: 'yes' }) } });
    expect(bool.status).toBe(400);
  });

  it('rejects a duplicate in a unique column with 409, on create and on update, and applies nothing', async () => {
    const first = await call(items, { method: 'POST', body: { fields: task({ clientKey: 'unique-1' }) } });
    expect(first.status).toBe(201);
    const duplicate = await call(items, { method: 'POST', body: { fields: task({ clientKey: 'UNIQUE-1' }) } });
    expect(duplicate.status).toBe(409);
    expect(errorOf(duplicate).code).toBe('nameAlreadyExists');
    expect(errorOf(duplicate).message).toContain('[clientKey]');

    const other = await call(items, { method: 'POST', body: { fields: task({ owner: 'before' }) } });
    const id = other.body['id'] as string;
    const update = await call(`${items}/${id}/fields`, { method: 'PATCH', body: { owner: 'after', clientKey: 'unique-1' } });
    expect(update.status).toBe(409);
    const read = await call(`${items}/${id}?expand=fields`);
    expect(fieldsOf(read)['owner']).toBe('before');
    expect(read.body['eTag']).toBe(other.body['eTag']);
  });

  it('clears a field written as null', async () => {
    const created = await call(items, { method: 'POST', body: { fields: task({ owner: 'someone' }) } });
    const patched = await call(`${items}/${created.body['id'] as string}/fields`, { method: 'PATCH', body: { owner: null } });
    expect(patched.status).toBe(200);
    expect(patched.body['owner']).toBeUndefined();
  });
});
