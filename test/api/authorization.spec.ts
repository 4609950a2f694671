import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONA_USER_IDS } from '../../src/auth/personas';
import { BJORKSKOLAN, LINDGYMNASIET, startHarness, type Harness } from './harness';

let h: Harness;
let bjork: string;
let lind: string;
beforeAll(async () => {
  h = await startHarness();
  bjork = await h.unitId(BJORKSKOLAN);
  lind = await h.unitId(LINDGYMNASIET);
});
afterAll(async () => {
  await h?.server.stop();
});

const analysisBody = (period: string) => ({ schoolYear: period.slice(0, 7), period, followUp: 'Resultaten har ökat.' });

async function actionOf(unitId: string, ownerId: string): Promise<{ id: string; etag: string }> {
  const actions = await h.started.store.queryAll('actions', { filter: [{ field: 'unitId', op: 'eq', value: unitId }] });
  const action = actions.find((item) => item.fields.ownerId === ownerId);
  if (!action) throw new Error('the seed has such an action');
  return { id: action.id, etag: action.etag };
}

describe('staff', () => {
  it('cannot see or edit another unit: 404, and nothing is stored', async () => {
    const before = await h.started.store.queryAll('actions', { filter: [{ field: 'unitId', op: 'eq', value: lind }] });
    const patch = await h.request('PATCH', `/api/units/${lind}`, { persona: 'staff-bjork', body: { name: 'X' }, headers: { 'if-match': '"x,1"' } });
    expect(patch.status).toBe(404);
    const origin = (await h.started.store.queryAll('analyses', { filter: [{ field: 'unitId', op: 'eq', value: lind }] }))[0];
    const create = await h.request('POST', `/api/units/${lind}/actions`, {
      persona: 'staff-bjork',
      body: { title: 'Smyga in', ownerId: PERSONA_USER_IDS.staffBjork, dueDate: '2027-01-10', originKind: 'analysis', originId: origin?.id ?? '1' },
    });
    expect(create.status).toBe(404);
    const after = await h.started.store.queryAll('actions', { filter: [{ field: 'unitId', op: 'eq', value: lind }] });
    expect(after.length).toBe(before.length);
  });

  it('answers 404 for an invisible unit exactly as for a missing one', async () => {
    const invisible = await h.request('GET', `/api/units/${lind}/overview`, { persona: 'staff-bjork' });
    const missing = await h.request('GET', '/api/units/987654/overview', { persona: 'staff-bjork' });
    expect(invisible.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(invisible.body).toEqual(missing.body);
    expect(invisible.text).not.toContain(LINDGYMNASIET);
  });

  it('cannot update another owner\'s action (403) but can update their own, recorded as theirs', async () => {
    const others = await actionOf(bjork, PERSONA_USER_IDS.principalBjork);
    const refused = await h.request('PATCH', `/api/actions/${others.id}`, { persona: 'staff-bjork', body: { status: 'done' }, headers: { 'if-match': others.etag } });
    expect(refused.status).toBe(403);
    expect(refused.body['code']).toBe('forbidden');
    expect((await h.started.store.get('actions', others.id)).etag).toBe(others.etag);

    const own = await actionOf(bjork, PERSONA_USER_IDS.staffBjork);
    const done = await h.request('PATCH', `/api/actions/${own.id}`, { persona: 'staff-bjork', body: { status: 'inProgress' }, headers: { 'if-match': own.etag } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: own.id, status: 'inProgress', modifiedByUser: PERSONA_USER_IDS.staffBjork });
  });

  it('cannot link an action to another unit\'s goal: answered as a goal that does not exist, nothing stored', async () => {
    const lindGoal = (await h.started.store.queryAll('goals', { filter: [{ field: 'unitId', op: 'eq', value: lind }] }))[0];
    const ownGoal = (await h.started.store.queryAll('goals', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] }))[0];
    const organizerGoal = (await h.started.store.queryAll('goals', { filter: [{ field: 'level', op: 'eq', value: 'organizer' }] }))[0];
    if (!lindGoal || !ownGoal || !organizerGoal) throw new Error('the seed has goals');
    const origin = (await h.started.store.queryAll('analyses', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] }))[0];
    const body = { title: 'Min åtgärd', ownerId: PERSONA_USER_IDS.staffBjork, dueDate: '2027-01-10', originKind: 'analysis', originId: origin?.id ?? '1' };
    const before = (await h.started.store.queryAll('actions', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] })).length;
    const other = await h.request('POST', `/api/units/${bjork}/actions`, { persona: 'staff-bjork', body: { ...body, goalId: lindGoal.id } });
    const missing = await h.request('POST', `/api/units/${bjork}/actions`, { persona: 'staff-bjork', body: { ...body, goalId: '987654' } });
    const organizers = await h.request('POST', `/api/units/${bjork}/actions`, { persona: 'staff-bjork', body: { ...body, goalId: organizerGoal.id } });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'goalNotFound', field: 'goalId' });
    expect(other.body).toEqual(missing.body);
    expect(organizers.body).toEqual(missing.body);
    expect((await h.started.store.queryAll('actions', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] })).length).toBe(before);

    const own = await h.request('POST', `/api/units/${bjork}/actions`, { persona: 'staff-bjork', body: { ...body, goalId: ownGoal.id } });
    expect(own.status).toBe(201);
    const moved = await h.request('PATCH', `/api/actions/${String(own.body['id'])}`, {
      persona: 'staff-bjork', body: { goalId: lindGoal.id }, headers: { 'if-match': String(own.body['etag']) },
    });
    expect(moved.status).toBe(422);
    expect(moved.body).toMatchObject({ code: 'goalNotFound', field: 'goalId' });
    expect((await h.started.store.get('actions', String(own.body['id']))).fields.goalId).toBe(ownGoal.id);
  });

  it('cannot edit their own unit\'s settings (403)', async () => {
    const unit = await h.started.store.get('units', bjork);
    const response = await h.request('PATCH', `/api/units/${bjork}`, { persona: 'staff-bjork', body: { name: 'Nytt namn' }, headers: { 'if-match': unit.etag } });
    expect(response.status).toBe(403);
  });
});

describe('board', () => {
  it('reads units but cannot write anything', async () => {
    expect((await h.request('GET', `/api/units/${bjork}/overview`, { persona: 'board' })).status).toBe(200);
    const unit = await h.started.store.get('units', bjork);
    const action = await actionOf(bjork, PERSONA_USER_IDS.staffBjork);
    const analysis = (await h.started.store.queryAll('analyses', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] }))[0];
    const goal = (await h.started.store.queryAll('goals', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] }))[0];
    const writes: [string, string, unknown, string?][] = [
      ['PATCH', `/api/units/${bjork}`, { name: 'Nämndens skola' }, unit.etag],
      ['PUT', `/api/units/${bjork}/channel`, { teamId: 't', channelId: 'c' }],
      ['POST', `/api/units/${bjork}/goals`, { title: 'Mål', schoolYear: '2026/27' }],
      ['PATCH', `/api/goals/${goal?.id ?? '1'}`, { title: 'Ändrat' }, goal?.etag ?? '"x,1"'],
      ['POST', `/api/units/${bjork}/actions`, { title: 'Åtgärd', ownerId: PERSONA_USER_IDS.board, dueDate: '2027-01-10', originKind: 'analysis', originId: analysis?.id ?? '1' }],
      ['PATCH', `/api/actions/${action.id}`, { status: 'done' }, action.etag],
      ['POST', `/api/units/${bjork}/analyses`, analysisBody('2026/27 HT')],
      ['POST', `/api/units/${bjork}/deficiencies`, { title: 'Brist', source: 'other', foundOn: '2026-10-01' }],
      ['POST', '/api/indicators', { name: 'I', source: 'other', unitOfMeasure: 'count', direction: 'lowerIsBetter' }],
      ['POST', '/api/year-wheel', { title: 'Dag', kind: 'other', schoolYear: '2026/27', date: '2027-02-01' }],
      ['POST', `/api/units/${bjork}/feedback`, { analysisId: analysis?.id ?? '1', text: 'Bra' }],
    ];
    for (const [method, path, body, etag] of writes) {
      const response = await h.request(method, path, { persona: 'board', body, ...(etag ? { headers: { 'if-match': etag } } : {}) });
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 403 });
    }
    expect((await h.started.store.get('units', bjork)).etag).toBe(unit.etag);
    expect((await h.started.store.get('actions', action.id)).etag).toBe(action.etag);
  });
});

describe('principal of another unit', () => {
  it('reads a submitted analysis but not a draft, and edits neither', async () => {
    const draft = await h.request('POST', `/api/units/${lind}/analyses`, { persona: 'principal-lind', body: analysisBody('2026/27 2026-09') });
    expect(draft.status).toBe(201);
    const toSubmit = await h.request('POST', `/api/units/${lind}/analyses`, { persona: 'principal-lind', body: analysisBody('2026/27 2026-08') });
    const submitted = await h.request('POST', `/api/analyses/${String(toSubmit.body['id'])}/submit`, {
      persona: 'principal-lind',
      headers: { 'if-match': String(toSubmit.body['etag']) },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', submittedBy: PERSONA_USER_IDS.principalLind });

    const readSubmitted = await h.request('GET', `/api/analyses/${String(submitted.body['id'])}`, { persona: 'principal-bjork' });
    expect(readSubmitted.status).toBe(200);
    const readDraft = await h.request('GET', `/api/analyses/${String(draft.body['id'])}`, { persona: 'principal-bjork' });
    expect(readDraft.status).toBe(404);
    const list = await h.request('GET', `/api/units/${lind}/analyses`, { persona: 'principal-bjork' });
    const ids = (list.body['items'] as { id: string; status: string }[]).map((item) => item.id);
    expect(ids).toContain(String(submitted.body['id']));
    expect(ids).not.toContain(String(draft.body['id']));
    expect((list.body['items'] as { status: string }[]).every((item) => item.status !== 'draft')).toBe(true);

    const editSubmitted = await h.request('PATCH', `/api/analyses/${String(submitted.body['id'])}`, {
      persona: 'principal-bjork', body: { causes: 'Mina orsaker' }, headers: { 'if-match': String(submitted.body['etag']) },
    });
    expect(editSubmitted.status).toBe(403);
    const editDraft = await h.request('PATCH', `/api/analyses/${String(draft.body['id'])}`, {
      persona: 'principal-bjork', body: { causes: 'Mina orsaker' }, headers: { 'if-match': String(draft.body['etag']) },
    });
    expect(editDraft.status).toBe(404);
    expect((await h.started.store.get('analyses', String(draft.body['id']))).fields.causes).toBeUndefined();
  });
});

describe('rules', () => {
  it('refuses to close a deficiency without an action (422 deficiencyWithoutAction)', async () => {
    const created = await h.request('POST', `/api/units/${bjork}/deficiencies`, {
      persona: 'principal-bjork', body: { title: 'Otrygg skolgård', source: 'complaint', foundOn: '2026-10-01' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/deficiencies/${String(created.body['id'])}`);
    const close = await h.request('PATCH', `/api/deficiencies/${String(created.body['id'])}`, {
      persona: 'principal-bjork', body: { status: 'closed' }, headers: { 'if-match': String(created.body['etag']) },
    });
    expect(close.status).toBe(422);
    expect(close.body).toMatchObject({ code: 'deficiencyWithoutAction', field: 'status' });
  });

  it('refuses an action whose origin does not exist (422)', async () => {
    const response = await h.request('POST', `/api/units/${bjork}/actions`, {
      persona: 'principal-bjork',
      body: { title: 'Åtgärd', ownerId: PERSONA_USER_IDS.staffBjork, dueDate: '2027-01-10', originKind: 'deficiency', originId: '99999' },
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'originNotFound', field: 'originId' });
  });

  it('answers a follow-up once per respondent: answering again updates', async () => {
    const meetings = await h.started.store.queryAll('meetings', { filter: [{ field: 'unitId', op: 'eq', value: bjork }] });
    const meeting = meetings[0];
    if (!meeting) throw new Error('the seed has meetings');
    const template = await h.request('GET', `/api/follow-up-templates/${meeting.fields.type}`, { persona: 'staff-bjork' });
    const questionId = (template.body['questions'] as { id: string }[])[0]?.id ?? 'x';
    const first = await h.request('PUT', `/api/meetings/${meeting.id}/responses/me`, { persona: 'staff-bjork', body: { answers: [{ questionId, text: 'Ett' }] } });
    const second = await h.request('PUT', `/api/meetings/${meeting.id}/responses/me`, { persona: 'staff-bjork', body: { answers: [{ questionId, text: 'Två' }] } });
    expect([200, 201]).toContain(first.status);
    expect(second.status).toBe(200);
    expect(second.body['id']).toBe(first.body['id']);
    const mine = await h.started.store.queryAll('followUpResponses', { filter: [{ field: 'meetingId', op: 'eq', value: meeting.id }] });
    expect(mine.filter((response) => response.fields.respondentId === PERSONA_USER_IDS.staffBjork)).toHaveLength(1);
  });
});
