/**
 * Closing the cycle through the API: an action starts no later than it is due, is done only with
 * its evaluation ("Hur blev det?"), and keeps its comments as a signed history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONA_USER_IDS } from '../../src/auth/personas';
import { BJORKSKOLAN, startHarness, type Harness, type TestResponse } from './harness';

let h: Harness;
let bjork: string;
let analysisId: string;
beforeAll(async () => {
  h = await startHarness();
  bjork = await h.unitId(BJORKSKOLAN);
  const analyses = await h.started.store.queryAll('analyses', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] });
  analysisId = analyses[0]?.id ?? '';
});
afterAll(async () => {
  await h?.server.stop();
});

const english = { 'accept-language': 'en-US,en;q=0.9' };
const etagOf = (response: TestResponse) => ({ 'if-match': String(response.body['etag']) });

async function newAction(body: Record<string, unknown> = {}): Promise<TestResponse> {
  const created = await h.request('POST', `/api/units/${bjork}/actions`, {
    persona: 'principal-bjork',
    body: { title: 'Läsgrupper i åk 4', ownerId: PERSONA_USER_IDS.staffBjork, startDate: '2027-01-10', dueDate: '2027-03-10', originKind: 'analysis', originId: analysisId, ...body },
  });
  expect(created.status, created.text).toBe(201);
  return created;
}

describe('actions: start date', () => {
  it('stores the start date and refuses one after the due date, on create and on update, naming the field', async () => {
    const created = await newAction();
    expect(created.body).toMatchObject({ startDate: '2027-01-10', dueDate: '2027-03-10' });
    const late = await h.request('POST', `/api/units/${bjork}/actions`, {
      persona: 'principal-bjork',
      body: { title: 'Sen start', ownerId: PERSONA_USER_IDS.staffBjork, startDate: '2027-04-01', dueDate: '2027-03-10', originKind: 'analysis', originId: analysisId },
    });
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({ code: 'startAfterDue', field: 'startDate', fieldLabel: 'Startar' });
    const moved = await h.request('PATCH', `/api/actions/${String(created.body['id'])}`, { persona: 'staff-bjork', headers: etagOf(created), body: { dueDate: '2027-01-01' } });
    expect(moved.status).toBe(400);
    expect(moved.body).toMatchObject({ code: 'startAfterDue', field: 'startDate' });
    expect((await h.started.store.get('actions', String(created.body['id']))).fields.dueDate).toBe('2027-03-10');
  });
});

describe('actions: done only with an evaluation', () => {
  it('answers a PATCH to done without an evaluation with a 400 naming "Hur blev det?", in Swedish and English, and stores nothing', async () => {
    const created = await newAction();
    const id = String(created.body['id']);
    for (const body of [{ status: 'done' }, { status: 'done', evaluation: '   ' }]) {
      const refused = await h.request('PATCH', `/api/actions/${id}`, { persona: 'staff-bjork', headers: etagOf(created), body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ code: 'evaluationRequired', field: 'evaluation', fieldLabel: 'Hur blev det?' });
    }
    const inEnglish = await h.request('PATCH', `/api/actions/${id}`, { persona: 'staff-bjork', headers: { ...etagOf(created), ...english }, body: { status: 'done' } });
    expect(String(inEnglish.body['detail'])).toContain('a done action needs its evaluation');
    expect((await h.started.store.get('actions', id)).etag).toBe(created.body['etag']);

    const done = await h.request('PATCH', `/api/actions/${id}`, { persona: 'staff-bjork', headers: etagOf(created), body: { status: 'done', evaluation: 'Fler elever läser hemma.' } });
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', evaluation: 'Fler elever läser hemma.' });
    // an evaluated action that is done keeps its evaluation: emptying it is refused too
    const emptied = await h.request('PATCH', `/api/actions/${id}`, { persona: 'staff-bjork', headers: etagOf(done), body: { evaluation: '' } });
    expect(emptied.body).toMatchObject({ code: 'evaluationRequired', field: 'evaluation' });
  });

  it('refuses to create an action that is already done without an evaluation', async () => {
    const refused = await h.request('POST', `/api/units/${bjork}/actions`, {
      persona: 'principal-bjork', body: { title: 'Redan klar', ownerId: PERSONA_USER_IDS.staffBjork, dueDate: '2027-03-10', status: 'done', originKind: 'analysis', originId: analysisId },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'evaluationRequired', field: 'evaluation' });
  });
});

describe('actions: comments', () => {
  it('adds comments signed with the author\'s name and the time, oldest first; a PATCH cannot write them', async () => {
    const created = await newAction();
    const id = String(created.body['id']);
    const first = await h.request('POST', `/api/actions/${id}/comments`, { persona: 'staff-bjork', headers: etagOf(created), body: { text: 'Grupperna är igång.' } });
    expect(first.status, first.text).toBe(200);
    const second = await h.request('POST', `/api/actions/${id}/comments`, { persona: 'principal-bjork', headers: etagOf(first), body: { text: 'Bra, vi följer upp i mars.' } });
    expect(second.status, second.text).toBe(200);
    expect(second.body['comments']).toEqual([
      { authorId: PERSONA_USER_IDS.staffBjork, authorName: 'Elin Berg', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), text: 'Grupperna är igång.' },
      { authorId: PERSONA_USER_IDS.principalBjork, authorName: 'Cecilia Ek', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), text: 'Bra, vi följer upp i mars.' },
    ]);
    const patched = await h.request('PATCH', `/api/actions/${id}`, { persona: 'principal-bjork', headers: etagOf(second), body: { comments: [] } });
    expect(patched.status).toBe(400);
    expect((await h.started.store.get('actions', id)).fields.comments).toHaveLength(2);
  });

  it('refuses a personnummer, a stale eTag (409 with the current) and someone who may not update the action, storing nothing', async () => {
    const created = await newAction();
    const id = String(created.body['id']);
    const personal = await h.request('POST', `/api/actions/${id}/comments`, { persona: 'staff-bjork', headers: etagOf(created), body: { text: 'Eleven 121212-1212 deltar' } });
    expect(personal.status).toBe(400);
    expect(personal.body).toMatchObject({ code: 'personalIdentityNumber', field: 'text' });
    const first = await h.request('POST', `/api/actions/${id}/comments`, { persona: 'staff-bjork', headers: etagOf(created), body: { text: 'Första' } });
    const stale = await h.request('POST', `/api/actions/${id}/comments`, { persona: 'staff-bjork', headers: etagOf(created), body: { text: 'Andra' } });
    expect(stale.status).toBe(409);
    expect(stale.body['current']).toMatchObject({ comments: [{ text: 'Första' }] });
    const outsider = await h.request('POST', `/api/actions/${id}/comments`, { persona: 'principal-lind', headers: etagOf(first), body: { text: 'Från en annan enhet' } });
    expect(outsider.status).toBe(403);
    expect((await h.started.store.get('actions', id)).fields.comments).toEqual([expect.objectContaining({ text: 'Första' })]);
  });
});

describe('analyses: one per unit and period', () => {
  const create = (period: string) => h.request('POST', `/api/units/${bjork}/analyses`, { persona: 'principal-bjork', body: { schoolYear: '2026/27', period } });

  it('answers a second analysis for the unit\'s period with 409 naming the period, and stores one', async () => {
    const first = await create('2026/27 2026-10');
    expect(first.status, first.text).toBe(201);
    const second = await create('2026/27 2026-10');
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'analysisExists', field: 'period' });
    const held = await h.started.store.queryAll('analyses', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] });
    expect(held.filter((a) => a.fields.period === '2026/27 2026-10')).toHaveLength(1);
  });

  it('lets exactly one of two creates at the same moment through (the unique period key decides)', async () => {
    const answers = await Promise.all([create('2026/27 2026-11'), create('2026/27 2026-11')]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)?.body).toMatchObject({ code: 'analysisExists', field: 'period' });
    const held = await h.started.store.queryAll('analyses', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] });
    expect(held.filter((a) => a.fields.period === '2026/27 2026-11')).toHaveLength(1);
  });

  it('refuses moving a draft onto a period the unit already has', async () => {
    const draft = await create('2026/27 2026-12');
    const moved = await h.request('PATCH', `/api/analyses/${String(draft.body['id'])}`, { persona: 'principal-bjork', headers: etagOf(draft), body: { period: '2026/27 2026-10' } });
    expect(moved.status).toBe(409);
    expect(moved.body).toMatchObject({ code: 'analysisExists', field: 'period' });
  });
});
