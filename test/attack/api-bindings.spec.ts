/**
 * Binding takeovers: a Teams channel, a Teams meeting and a chat belong to at most one record.
 * A second claim, through any route that sets one, is a 409 naming the holder and stores nothing;
 * of two claims at once exactly one wins; only the administration moves a binding, explicitly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONA_USER_IDS, type PersonaId } from '../../src/auth/personas';
import { BJORKSKOLAN, LINDGYMNASIET, startHarness, type Harness, type TestResponse } from '../api/harness';

let h: Harness;
let bjork: string;
let lind: string;
let tag = 0;
const fresh = (what: string): string => `19:${what}-${++tag}@thread.v2`;

beforeAll(async () => {
  h = await startHarness();
  bjork = await h.unitId(BJORKSKOLAN);
  lind = await h.unitId(LINDGYMNASIET);
});
afterAll(async () => {
  await h?.server.stop();
});

function expectTaken(response: TestResponse, field: string, unitName: string | undefined): void {
  expect(response.status).toBe(409);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ code: 'bindingTaken', field });
  const holder = response.body['holder'] as Record<string, unknown> | undefined;
  expect(holder?.['unitName']).toBe(unitName);
  if (unitName !== undefined) expect(String(response.body['detail'])).toContain(unitName);
}

async function meetingOf(unitId: string, persona: PersonaId, fields: Record<string, unknown> = {}): Promise<{ id: string; etag: string }> {
  const created = await h.request('POST', `/api/units/${unitId}/meetings`, {
    persona, body: { type: 'resultsConference', title: `Konferens ${++tag}`, startsAt: '2027-03-10T13:00:00+01:00', schoolYear: '2026/27', ...fields },
  });
  expect(created.status).toBe(201);
  return { id: String(created.body['id']), etag: String(created.body['etag']) };
}

const channel = (unitId: string, persona: PersonaId, body: { teamId: string; channelId: string }, query = '') =>
  h.request('PUT', `/api/units/${unitId}/channel${query}`, { persona, body });

describe('a Teams channel', () => {
  it('cannot be taken by another unit\'s principal: 409 naming the unit, nothing stored, the channel still opens its unit', async () => {
    const bound = { teamId: 'team-A', channelId: fresh('channel') };
    expect((await channel(bjork, 'principal-bjork', bound)).status).toBe(200);
    const lindBefore = await h.started.store.get('units', lind);
    for (const attempt of [bound, { teamId: 'team-B', channelId: bound.channelId }, { teamId: 'team-A', channelId: bound.channelId.toUpperCase() }]) {
      expectTaken(await channel(lind, 'principal-lind', attempt), 'channelId', BJORKSKOLAN);
    }
    expect((await h.started.store.get('units', lind)).etag).toBe(lindBefore.etag);
    const opened = await h.request('GET', `/api/units/by-channel?teamId=team-A&channelId=${encodeURIComponent(bound.channelId)}`, { persona: 'staff-bjork' });
    expect(opened.body['id']).toBe(bjork);
  });

  it('is moved only by the administration, only when it asks, recorded as its write', async () => {
    const bound = { teamId: 'team-C', channelId: fresh('channel') };
    expect((await channel(bjork, 'principal-bjork', bound)).status).toBe(200);
    const refused = await channel(lind, 'principal-lind', bound, '?move=true');
    expect(refused.status).toBe(403);
    expectTaken(await channel(lind, 'admin', bound), 'channelId', BJORKSKOLAN);
    expect((await h.started.store.get('units', bjork)).fields.channelId).toBe(bound.channelId);

    const moved = await channel(lind, 'admin', bound, '?move=true');
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: lind, channelId: bound.channelId, modifiedByUser: PERSONA_USER_IDS.admin });
    const former = await h.started.store.get('units', bjork);
    expect(former.fields.channelId).toBeUndefined();
    expect(former.modifiedByUser).toBe(PERSONA_USER_IDS.admin);
    const opened = await h.request('GET', `/api/units/by-channel?teamId=team-C&channelId=${encodeURIComponent(bound.channelId)}`, { persona: 'admin' });
    expect(opened.body['id']).toBe(lind);
  });

  it('goes to exactly one of two units claiming it at once', async () => {
    for (let round = 0; round < 5; round++) {
      const bound = { teamId: 'team-race', channelId: fresh('race') };
      const [a, b] = await Promise.all([channel(bjork, 'principal-bjork', bound), channel(lind, 'principal-lind', bound)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? bjork : lind;
      const holders = (await h.started.store.queryAll('units')).filter((unit) => unit.fields.channelId === bound.channelId);
      expect(holders.map((unit) => unit.id)).toEqual([winner]);
    }
  });

  it('may be bound again by the unit that holds it', async () => {
    const bound = { teamId: 'team-D', channelId: fresh('channel') };
    expect((await channel(bjork, 'principal-bjork', bound)).status).toBe(200);
    expect((await channel(bjork, 'principal-bjork', bound)).status).toBe(200);
  });
});

describe('a Teams meeting and its chat', () => {
  it('cannot be put on another unit\'s meeting by PATCH: 409 naming the holder, nothing stored', async () => {
    const teamsMeetingId = `MCMx-${++tag}`;
    const chatId = fresh('meeting');
    await meetingOf(bjork, 'principal-bjork', { teamsMeetingId, chatId });
    const own = await meetingOf(lind, 'principal-lind');
    for (const [body, field] of [[{ teamsMeetingId }, 'teamsMeetingId'], [{ chatId }, 'chatId'], [{ teamsMeetingId: `other-${tag}`, chatId }, 'chatId']] as const) {
      const response = await h.request('PATCH', `/api/meetings/${own.id}`, { persona: 'principal-lind', body, headers: { 'if-match': own.etag } });
      expectTaken(response, field, BJORKSKOLAN);
      // a principal reads another unit's published meetings: the holder's title is named too
      expect((response.body['holder'] as Record<string, unknown>)['meetingTitle']).toMatch(/^Konferens/);
    }
    expect((await h.started.store.get('meetings', own.id)).etag).toBe(own.etag);
    const found = await h.request('GET', `/api/meetings/by-teams-id/${teamsMeetingId}`, { persona: 'principal-bjork' });
    expect(found.body['unitId']).toBe(bjork);
  });

  it('cannot be claimed by a create, a link or a year wheel meeting either', async () => {
    const teamsMeetingId = `MCMx-${++tag}`;
    const chatId = fresh('meeting');
    await meetingOf(bjork, 'principal-bjork', { teamsMeetingId, chatId });
    const before = (await h.started.store.queryAll('meetings')).length;

    const created = await h.request('POST', `/api/units/${lind}/meetings`, {
      persona: 'principal-lind', body: { type: 'workshop', title: 'Kapad', startsAt: '2027-03-11T13:00:00+01:00', schoolYear: '2026/27', teamsMeetingId },
    });
    expectTaken(created, 'teamsMeetingId', BJORKSKOLAN);
    const linked = await h.request('POST', '/api/meetings/link', {
      persona: 'principal-lind', body: { teamsMeetingId, chatId, unitId: lind, type: 'workshop', title: 'Kapad', startsAt: '2027-03-11T13:00:00+01:00' },
    });
    expectTaken(linked, 'teamsMeetingId', BJORKSKOLAN);
    const linkedChat = await h.request('POST', '/api/meetings/link', {
      persona: 'principal-lind', body: { teamsMeetingId: `new-${tag}`, chatId, unitId: lind, type: 'workshop', title: 'Kapad', startsAt: '2027-03-11T13:00:00+01:00' },
    });
    expectTaken(linkedChat, 'chatId', BJORKSKOLAN);
    const activity = await h.request('POST', '/api/year-wheel', { persona: 'principal-lind', body: { title: 'Workshop', kind: 'workshop', schoolYear: '2026/27', date: '2027-04-01', unitId: lind } });
    expect(activity.status).toBe(201);
    const fromWheel = await h.request('POST', `/api/year-wheel/${String(activity.body['id'])}/meeting`, { persona: 'principal-lind', body: { unitId: lind, chatId } });
    expectTaken(fromWheel, 'chatId', BJORKSKOLAN);

    expect((await h.started.store.queryAll('meetings')).length).toBe(before);
  });

  it('names an organizer meeting\'s binding without its title to someone who may not read it', async () => {
    const teamsMeetingId = `MCMx-${++tag}`;
    const activity = await h.request('POST', '/api/year-wheel', { persona: 'admin', body: { title: 'SKA-dag', kind: 'skaDay', schoolYear: '2026/27', date: '2027-05-01' } });
    const organizer = await h.request('POST', `/api/year-wheel/${String(activity.body['id'])}/meeting`, { persona: 'admin', body: { teamsMeetingId } });
    expect(organizer.status).toBe(201);
    const own = await meetingOf(bjork, 'principal-bjork');
    const response = await h.request('PATCH', `/api/meetings/${own.id}`, { persona: 'principal-bjork', body: { teamsMeetingId }, headers: { 'if-match': own.etag } });
    expectTaken(response, 'teamsMeetingId', undefined);
    expect(response.body['holder']).toEqual({});
    expect(response.text).not.toContain('SKA-dag');
  });

  it('goes to exactly one of two meetings claiming it at once, through PATCH and link alike', async () => {
    for (let round = 0; round < 5; round++) {
      const teamsMeetingId = `race-${++tag}`;
      const mine = await meetingOf(bjork, 'principal-bjork');
      const [a, b] = await Promise.all([
        h.request('PATCH', `/api/meetings/${mine.id}`, { persona: 'principal-bjork', body: { teamsMeetingId }, headers: { 'if-match': mine.etag } }),
        h.request('POST', '/api/meetings/link', { persona: 'principal-lind', body: { teamsMeetingId, unitId: lind, type: 'workshop', title: 'Samtidig', startsAt: '2027-03-12T13:00:00+01:00' } }),
      ]);
      expect([a.status, b.status].filter((status) => status === 409)).toHaveLength(1);
      const holders = (await h.started.store.queryAll('meetings', { filter: [{ field: 'teamsMeetingId', op: 'eq', value: teamsMeetingId }] }));
      expect(holders).toHaveLength(1);
    }
  });

  it('is moved by the administration on request: the former holder lets go, both writes are the administration\'s', async () => {
    const teamsMeetingId = `MCMx-${++tag}`;
    const held = await meetingOf(bjork, 'principal-bjork', { teamsMeetingId });
    const own = await meetingOf(lind, 'principal-lind');
    expect((await h.request('PATCH', `/api/meetings/${own.id}?move=true`, { persona: 'principal-lind', body: { teamsMeetingId }, headers: { 'if-match': own.etag } })).status).toBe(403);
    const moved = await h.request('PATCH', `/api/meetings/${own.id}?move=true`, { persona: 'admin', body: { teamsMeetingId }, headers: { 'if-match': own.etag } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ teamsMeetingId, modifiedByUser: PERSONA_USER_IDS.admin });
    const former = await h.started.store.get('meetings', held.id);
    expect(former.fields.teamsMeetingId).toBeUndefined();
    expect(former.modifiedByUser).toBe(PERSONA_USER_IDS.admin);
    const found = await h.request('GET', `/api/meetings/by-teams-id/${teamsMeetingId}`, { persona: 'admin' });
    expect(found.body['id']).toBe(own.id);
  });

  it('links again to the unit\'s own meeting, as before (the control)', async () => {
    const body = { teamsMeetingId: `MCMx-${++tag}`, chatId: fresh('meeting'), unitId: bjork, type: 'workshop', title: 'Länkad', startsAt: '2027-03-13T13:00:00+01:00' };
    const first = await h.request('POST', '/api/meetings/link', { persona: 'principal-bjork', body });
    const again = await h.request('POST', '/api/meetings/link', { persona: 'principal-bjork', body });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body['id']).toBe(first.body['id']);
  });
});
