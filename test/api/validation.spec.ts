import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONA_USER_IDS } from '../../src/auth/personas';
import { BJORKSKOLAN, LINDGYMNASIET, startHarness, type Harness } from './harness';

let h: Harness;
let bjork: string;
let originId: string;
beforeAll(async () => {
  h = await startHarness();
  bjork = await h.unitId(BJORKSKOLAN);
  const analyses = await h.started.store.queryAll('analyses', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] });
  originId = analyses[0]?.id ?? '1';
});
afterAll(async () => {
  await h?.server.stop();
});

const validAction = () => ({
  title: 'Kollegial observation',
  ownerId: PERSONA_USER_IDS.staffBjork,
  dueDate: '2027-02-01',
  originKind: 'analysis',
  originId,
});

async function actionCount(): Promise<number> {
  return (await h.started.store.queryAll('actions', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] })).length;
}

async function expectRefusedCreate(body: unknown, status: number, code: string, field?: string, rawBody?: string): Promise<void> {
  const before = await actionCount();
  const response = await h.request('POST', `/api/units/${bjork}/actions`, {
    persona: 'principal-bjork',
    ...(rawBody !== undefined ? { rawBody, headers: { 'content-type': 'application/json' } } : { body }),
  });
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code, type: `urn:kvalitetshjulet:problem:${code}` });
  expect(typeof response.body['title']).toBe('string');
  expect(typeof response.body['detail']).toBe('string');
  if (field !== undefined) expect(response.body['field']).toBe(field);
  expect(await actionCount()).toBe(before);
}

describe('invalid bodies', () => {
  it('creates a valid action (201, Location, who did it)', async () => {
    const response = await h.request('POST', `/api/units/${bjork}/actions`, { persona: 'principal-bjork', body: validAction() });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/api/actions/${String(response.body['id'])}`);
    expect(response.body).toMatchObject({ status: 'planned', unitId: bjork, schoolYear: '2026/27', createdByUser: PERSONA_USER_IDS.principalBjork });
  });

  it('refuses wrong types with the failing field', async () => {
    await expectRefusedCreate({ ...validAction(), dueDate: 20270201 }, 400, 'invalidBody', 'dueDate');
    await expectRefusedCreate({ ...validAction(), title: ['a'] }, 400, 'invalidBody', 'title');
  });

  it('refuses unknown fields, naming the field', async () => {
    await expectRefusedCreate({ ...validAction(), unitId: '999' }, 400, 'invalidBody', 'unitId');
    await expectRefusedCreate({ ...validAction(), pupilName: 'Kalle' }, 400, 'invalidBody', 'pupilName');
  });

  it('refuses a missing required field', async () => {
    const { title: _title, ...withoutTitle } = validAction();
    await expectRefusedCreate(withoutTitle, 400, 'invalidBody', 'title');
  });

  it('refuses a personnummer in a free-text field', async () => {
    await expectRefusedCreate({ ...validAction(), description: 'Gäller eleven 19121212-1212 i klass 4B' }, 400, 'personalIdentityNumber', 'description');
  });

  it.each([
    ['ownerName', '19121212 1212'],
    ['ownerName', 'Elev 121212–1212'],
    ['title', 'Stöd till 20121212–1212'],
    ['description', 'Gäller eleven 19121212 1212 i klass 4B'],
  ])('refuses a personnummer as people type it in %s (%j)', async (field, text) => {
    await expectRefusedCreate({ ...validAction(), [field]: text }, 400, 'personalIdentityNumber', field);
  });

  it('still takes phone numbers, dates, diarienummer and organisationsnummer in free text', async () => {
    const before = await actionCount();
    const description = 'Ring 0414-81 95 06 eller 070-123 45 67 före 2027-02-01; BUN 2026/123, leverantör 212000-1124';
    const response = await h.request('POST', `/api/units/${bjork}/actions`, { persona: 'principal-bjork', body: { ...validAction(), description } });
    expect(response.status).toBe(201);
    expect(response.body['description']).toBe(description);
    expect(await actionCount()).toBe(before + 1);
  });

  it('refuses a body over 100 kB with 413', async () => {
    await expectRefusedCreate({ ...validAction(), description: 'a'.repeat(110_000) }, 413, 'payloadTooLarge');
  });

  it('refuses malformed JSON', async () => {
    await expectRefusedCreate(undefined, 400, 'malformedJson', undefined, '{"title": ');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await h.request('POST', `/api/units/${bjork}/actions`, {
      persona: 'principal-bjork',
      rawBody: 'title=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(415);
    expect(response.body['code']).toBe('unsupportedMediaType');
  });

  it('refuses an update without If-Match (428) and stores nothing', async () => {
    const actions = await h.started.store.queryAll('actions', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] });
    const action = actions[0];
    if (!action) throw new Error('seeded');
    const response = await h.request('PATCH', `/api/actions/${action.id}`, { persona: 'principal-bjork', body: { status: 'done' } });
    expect(response.status).toBe(428);
    expect(response.body).toMatchObject({ code: 'preconditionRequired', field: 'If-Match' });
    expect((await h.started.store.get('actions', action.id)).etag).toBe(action.etag);
  });

  it('refuses If-Match: * (which matches every version) with 428, alone or in a list, and stores nothing', async () => {
    const actions = await h.started.store.queryAll('actions', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] });
    const action = actions[0];
    if (!action) throw new Error('seeded');
    for (const ifMatch of ['*', ' * ', 'W/*', `${action.etag}, *`]) {
      const response = await h.request('PATCH', `/api/actions/${action.id}`, { persona: 'principal-bjork', body: { status: 'done' }, headers: { 'if-match': ifMatch } });
      expect({ ifMatch, status: response.status }).toEqual({ ifMatch, status: 428 });
      expect(response.body).toMatchObject({ code: 'preconditionRequired', field: 'If-Match' });
    }
    expect((await h.started.store.get('actions', action.id)).etag).toBe(action.etag);
  });

  it('refuses an invalid patch value with the field, and stores nothing', async () => {
    const actions = await h.started.store.queryAll('actions', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] });
    const action = actions[0];
    if (!action) throw new Error('seeded');
    const response = await h.request('PATCH', `/api/actions/${action.id}`, {
      persona: 'principal-bjork', body: { evaluation: 'Personnummer 121212-1212 nämns' }, headers: { 'if-match': action.etag },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'personalIdentityNumber', field: 'evaluation' });
    expect((await h.started.store.get('actions', action.id)).etag).toBe(action.etag);
  });

  it('refuses an invalid query parameter', async () => {
    const response = await h.request('GET', `/api/units/${bjork}/actions?top=0`, { persona: 'principal-bjork' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'invalidQuery', field: 'top' });
  });
});

describe('concurrency', () => {
  it('lets exactly one of two concurrent updates win; the other gets 409 with the current item', async () => {
    const created = await h.request('POST', `/api/units/${bjork}/actions`, { persona: 'principal-bjork', body: validAction() });
    const id = String(created.body['id']);
    const etag = String(created.body['etag']);
    const [a, b] = await Promise.all([
      h.request('PATCH', `/api/actions/${id}`, { persona: 'principal-bjork', body: { title: 'Version A' }, headers: { 'if-match': etag } }),
      h.request('PATCH', `/api/actions/${id}`, { persona: 'principal-bjork', body: { title: 'Version B' }, headers: { 'if-match': etag } }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const loser = a.status === 409 ? a : b;
    expect(loser.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(loser.body['code']).toBe('conflict');
    const current = loser.body['current'] as Record<string, unknown>;
    expect(current).toMatchObject({ id, title: winner.body['title'], etag: winner.body['etag'] });
    expect((await h.started.store.get('actions', id)).fields.title).toBe(winner.body['title']);
  });

  it('makes a create with the same Idempotency-Key once', async () => {
    const before = await actionCount();
    const headers = { 'idempotency-key': 'test-create-1' };
    const first = await h.request('POST', `/api/units/${bjork}/actions`, { persona: 'principal-bjork', body: validAction(), headers });
    const again = await h.request('POST', `/api/units/${bjork}/actions`, { persona: 'principal-bjork', body: validAction(), headers });
    expect(first.status).toBe(201);
    expect(again.body['id']).toBe(first.body['id']);
    expect(await actionCount()).toBe(before + 1);
    // another user with the same key gets their own item, never the first user's
    const other = await h.request('POST', `/api/units/${bjork}/actions`, { persona: 'admin', body: validAction(), headers });
    expect(other.status).toBe(201);
    expect(other.body['id']).not.toBe(first.body['id']);
    expect(await actionCount()).toBe(before + 2);
  });

  it('scopes an Idempotency-Key to its route: the same key and body on another unit is that unit\'s own item', async () => {
    const lind = await h.unitId(LINDGYMNASIET);
    const lindOrigin = (await h.started.store.queryAll('analyses', { filter: [{ field: 'unitId', op: 'eq', value: lind }] }))[0];
    const headers = { 'idempotency-key': 'test-scope-1' };
    const body = { title: 'Gemensam fortbildning', ownerId: PERSONA_USER_IDS.admin, dueDate: '2027-03-01', originKind: 'analysis' };
    const inBjork = await h.request('POST', `/api/units/${bjork}/actions`, { persona: 'admin', body: { ...body, originId }, headers });
    const inLind = await h.request('POST', `/api/units/${lind}/actions`, { persona: 'admin', body: { ...body, originId: lindOrigin?.id }, headers });
    expect([inBjork.status, inLind.status]).toEqual([201, 201]);
    expect(inLind.body['id']).not.toBe(inBjork.body['id']);
    expect(inLind.body['unitId']).toBe(lind);
    expect((await h.started.store.get('actions', String(inBjork.body['id']))).fields.unitId).toBe(bjork);
  });

  it('refuses the same Idempotency-Key with another body (422) and stores nothing; the same body answers the first item', async () => {
    const headers = { 'idempotency-key': 'test-body-1' };
    const first = await h.request('POST', `/api/units/${bjork}/actions`, { persona: 'principal-bjork', body: validAction(), headers });
    expect(first.status).toBe(201);
    const before = await actionCount();
    const other = await h.request('POST', `/api/units/${bjork}/actions`, { persona: 'principal-bjork', body: { ...validAction(), title: 'En helt annan åtgärd' }, headers });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'idempotencyKeyReused', field: 'Idempotency-Key' });
    expect(await actionCount()).toBe(before);
    expect((await h.started.store.get('actions', String(first.body['id']))).fields.title).toBe(validAction().title);
    const again = await h.request('POST', `/api/units/${bjork}/actions`, { persona: 'principal-bjork', body: validAction(), headers });
    expect(again.body['id']).toBe(first.body['id']);
  });

  it('answers a keyed meeting create again when its time was written with an offset (the store keeps UTC)', async () => {
    const headers = { 'idempotency-key': 'test-meeting-offset' };
    const body = { type: 'workshop', title: 'Workshop om studiero', startsAt: '2027-03-10T13:00:00+01:00', schoolYear: '2026/27' };
    const first = await h.request('POST', `/api/units/${bjork}/meetings`, { persona: 'principal-bjork', body, headers });
    const again = await h.request('POST', `/api/units/${bjork}/meetings`, { persona: 'principal-bjork', body, headers });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body['id']).toBe(first.body['id']);
  });
});
