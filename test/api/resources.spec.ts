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

type Items = { items: Record<string, unknown>[] };

describe('units', () => {
  it('searches visible units by name or skolenhetskod', async () => {
    const byName = (await h.request('GET', '/api/units?search=lind', { persona: 'admin' })).body as unknown as Items;
    expect(byName.items.map((unit) => unit['name'])).toEqual([LINDGYMNASIET]);
    const byCode = (await h.request('GET', '/api/units?search=91234501', { persona: 'admin' })).body as unknown as Items;
    expect(byCode.items.map((unit) => unit['name'])).toEqual([BJORKSKOLAN]);
    const staff = (await h.request('GET', '/api/units', { persona: 'staff-lind' })).body as unknown as Items;
    expect(staff.items.map((unit) => unit['name'])).toEqual([LINDGYMNASIET]);
  });

  it('binds a channel (the unit\'s principal) and finds the unit by it, for those who may see it', async () => {
    const refused = await h.request('PUT', `/api/units/${bjork}/channel`, { persona: 'staff-bjork', body: { teamId: 'team-1', channelId: 'chan-1' } });
    expect(refused.status).toBe(403);
    const bound = await h.request('PUT', `/api/units/${bjork}/channel`, { persona: 'principal-bjork', body: { teamId: 'team-1', channelId: 'chan-1' } });
    expect(bound.status).toBe(200);
    expect(bound.body).toMatchObject({ teamId: 'team-1', channelId: 'chan-1', modifiedByUser: PERSONA_USER_IDS.principalBjork });
    const found = await h.request('GET', '/api/units/by-channel?teamId=team-1&channelId=chan-1', { persona: 'staff-bjork' });
    expect(found.status).toBe(200);
    expect(found.body['id']).toBe(bjork);
    // linked to a unit this person may not see: said so, without naming the unit
    const elsewhere = await h.request('GET', '/api/units/by-channel?teamId=team-1&channelId=chan-1', { persona: 'staff-lind' });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body['code']).toBe('noAccessToUnit');
    expect(JSON.stringify(elsewhere.body)).not.toContain('Björkskolan');
    expect(JSON.stringify(elsewhere.body)).not.toContain(bjork);
    // not linked at all: not found
    const unlinked = await h.request('GET', '/api/units/by-channel?teamId=team-1&channelId=other', { persona: 'staff-bjork' });
    expect(unlinked.status).toBe(404);
    expect(unlinked.body['code']).toBe('notFound');
  });
});

describe('my actions', () => {
  it('lists the caller\'s open actions across units, due soonest first', async () => {
    const response = await h.request('GET', '/api/my/actions', { persona: 'principal-bjork' });
    const items = (response.body as unknown as Items).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item['ownerId'] === PERSONA_USER_IDS.principalBjork)).toBe(true);
    expect(items.every((item) => item['status'] === 'planned' || item['status'] === 'inProgress')).toBe(true);
    const due = items.map((item) => String(item['dueDate']));
    expect(due).toEqual([...due].sort());
  });
});

describe('feedback', () => {
  it('is given by the administration on a submitted analysis, which becomes feedbackGiven, and confirmed by the principal', async () => {
    const draft = await h.request('POST', `/api/units/${lind}/analyses`, { persona: 'principal-lind', body: { schoolYear: '2026/27', period: '2026/27 2027-01' } });
    const early = await h.request('POST', `/api/units/${lind}/feedback`, { persona: 'admin', body: { analysisId: draft.body['id'], text: 'För tidigt' } });
    expect(early.status).toBe(422);
    expect(early.body['code']).toBe('analysisNotSubmitted');
    const submitted = await h.request('POST', `/api/analyses/${String(draft.body['id'])}/submit`, { persona: 'principal-lind', headers: { 'if-match': String(draft.body['etag']) } });
    expect(submitted.status).toBe(200);

    const given = await h.request('POST', `/api/units/${lind}/feedback`, { persona: 'admin', body: { analysisId: draft.body['id'], text: 'Tydlig analys, styrkorna först.' } });
    expect(given.status).toBe(201);
    expect(given.body).toMatchObject({ unitId: lind, authorId: PERSONA_USER_IDS.admin, schoolYear: '2026/27' });
    expect((await h.started.store.get('analyses', String(draft.body['id']))).fields.status).toBe('feedbackGiven');

    expect((await h.request('POST', `/api/feedback/${String(given.body['id'])}/read`, { persona: 'staff-lind' })).status).toBe(403);
    const read = await h.request('POST', `/api/feedback/${String(given.body['id'])}/read`, { persona: 'principal-lind' });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ readBy: PERSONA_USER_IDS.principalLind });
  });
});

describe('year wheel', () => {
  it('lets the administration write municipality-wide activities and a principal only their unit\'s', async () => {
    const shared = { title: 'Resultatkonferens', kind: 'resultsConference', schoolYear: '2026/27', date: '2027-03-10' };
    expect((await h.request('POST', '/api/year-wheel', { persona: 'principal-bjork', body: shared })).status).toBe(403);
    const created = await h.request('POST', '/api/year-wheel', { persona: 'admin', body: shared });
    expect(created.status).toBe(201);
    const own = await h.request('POST', '/api/year-wheel', { persona: 'principal-bjork', body: { ...shared, title: 'Egen workshop', kind: 'workshop', unitId: bjork } });
    expect(own.status).toBe(201);
    expect((await h.request('POST', '/api/year-wheel', { persona: 'principal-bjork', body: { ...shared, unitId: lind } })).status).toBe(403);

    const seen = (await h.request('GET', '/api/year-wheel?schoolYear=2026/27&top=500', { persona: 'staff-lind' })).body as unknown as Items;
    const ids = seen.items.map((item) => item['id']);
    expect(ids).toContain(created.body['id']);
    expect(ids).not.toContain(own.body['id']);

    const moved = await h.request('PATCH', `/api/year-wheel/${String(created.body['id'])}`, { persona: 'admin', body: { date: '2027-03-17' }, headers: { 'if-match': String(created.body['etag']) } });
    expect(moved.status).toBe(200);
    expect(moved.body['date']).toBe('2027-03-17');
    const removed = await h.request('DELETE', `/api/year-wheel/${String(created.body['id'])}`, { persona: 'admin', headers: { 'if-match': String(moved.body['etag']) } });
    expect(removed.status).toBe(204);
    expect((await h.request('PATCH', `/api/year-wheel/${String(created.body['id'])}`, { persona: 'admin', body: { date: '2027-03-18' }, headers: { 'if-match': String(moved.body['etag']) } })).status).toBe(404);
  });
});
