import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BJORKSKOLAN, LINDGYMNASIET, startHarness, type Harness } from '../../../test/api/harness';
import type { MeetingLive } from '../../contract';

let h: Harness;
let unitId: string;
let meetingId: string;


async function live(persona: 'principal-bjork' | 'staff-bjork' | 'staff-lind' = 'principal-bjork', id = meetingId) {
  const response = await h.request('GET', `/api/meetings/${id}/live`, { persona });
  return { response, body: response.body as unknown as MeetingLive };
}

beforeAll(async () => {
  h = await startHarness();
  unitId = await h.unitId(BJORKSKOLAN);
  const created = await h.request('POST', `/api/units/${unitId}/meetings`, {
    persona: 'principal-bjork',
    body: {
      type: 'resultsConference', title: 'Resultatkonferens live', startsAt: '2026-03-10T13:00:00+01:00', schoolYear: '2025/26',
      agenda: [{ id: '1', title: 'Resultat' }, { id: '2', title: 'Analys' }],
    },
  });
  expect(created.status).toBe(201);
  meetingId = created.body['id'] as string;
});
afterAll(async () => {
  await h?.server.stop();
});

describe('GET /meetings/:id/live', () => {
  it('answers the meeting, its agenda with versions, the template questions and the people, with a strong ETag', async () => {
    const { response, body } = await live();
    expect(response.status).toBe(200);
    const etag = response.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(body.meeting.id).toBe(meetingId);
    expect(body.meeting.agenda.map((item) => item.title)).toEqual(['Resultat', 'Analys']);
    expect(body.meeting.agenda.every((item) => item.version.length > 10)).toBe(true);
    expect(body.template?.questions.length).toBeGreaterThan(0);
    expect(body.canRecord).toBe(true);
    expect(body.people.map((person) => person.userId)).toContain('1a000000-0000-4000-8000-000000000003');
  });

  it('answers 304 to If-None-Match while nothing changed, and a new tag after an action is recorded', async () => {
    const first = await live();
    const etag = first.response.headers.get('etag') ?? '';
    const again = await h.request('GET', `/api/meetings/${meetingId}/live`, { persona: 'principal-bjork', headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');

    const action = await h.request('POST', `/api/units/${unitId}/actions`, {
      persona: 'staff-bjork',
      body: { title: 'Lässtrategier i åk 4', ownerId: '1a000000-0000-4000-8000-000000000005', ownerName: 'Kim', dueDate: '2026-05-01', originKind: 'meeting', originId: meetingId },
    });
    expect(action.status).toBe(201);
    const after = await h.request('GET', `/api/meetings/${meetingId}/live`, { persona: 'principal-bjork', headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((after.body as unknown as MeetingLive).actions.map((a) => a.title)).toContain('Lässtrategier i åk 4');
  });

  it('is not found for someone outside the unit', async () => {
    expect((await live('staff-lind')).response.status).toBe(404);
  });
});

describe('actions recorded in the meeting from an analysis or a deficiency', () => {
  const kim = { ownerId: '1a000000-0000-4000-8000-000000000005', ownerName: 'Kim', dueDate: '2026-05-10' };
  const firstId = async (path: string, persona: 'principal-bjork' | 'principal-lind'): Promise<string> => {
    const page = await h.request('GET', path, { persona });
    expect(page.status).toBe(200);
    const id = (page.body['items'] as { id: string }[] | undefined)?.[0]?.id;
    expect(id).toBeDefined();
    return id ?? '';
  };
  const create = (body: Record<string, unknown>, target = unitId) =>
    h.request('POST', `/api/units/${target}/actions`, { persona: 'staff-bjork', body: { ...kim, ...body } });

  it('lists an action from the unit\'s analysis recorded in the meeting, and one from the meeting, each once', async () => {
    const analysisId = await firstId(`/api/units/${unitId}/analyses`, 'principal-bjork');
    const fromAnalysis = await create({ title: 'Analysens åtgärd', originKind: 'analysis', originId: analysisId, meetingId });
    expect(fromAnalysis.status).toBe(201);
    expect(fromAnalysis.body).toMatchObject({ originKind: 'analysis', originId: analysisId, meetingId });
    const fromMeeting = await create({ title: 'Mötets egen åtgärd', originKind: 'meeting', originId: meetingId, meetingId });
    expect(fromMeeting.status).toBe(201);
    // the same analysis, recorded elsewhere: not this meeting's
    const elsewhere = await create({ title: 'Utanför mötet', originKind: 'analysis', originId: analysisId });
    expect(elsewhere.status).toBe(201);

    for (const persona of ['principal-bjork', 'staff-bjork'] as const) {
      const { body } = await live(persona);
      const titles = body.actions.map((action) => action.title);
      expect(titles).toEqual(expect.arrayContaining(['Analysens åtgärd', 'Mötets egen åtgärd']));
      expect(titles).not.toContain('Utanför mötet');
      expect(titles.filter((title) => title === 'Mötets egen åtgärd')).toHaveLength(1);
      expect(body.actions.find((action) => action.title === 'Analysens åtgärd')).toMatchObject({ originKind: 'analysis', originId: analysisId, meetingId });
    }
  });

  it('records an action from one of the unit\'s deficiencies in the meeting', async () => {
    const deficiency = await h.request('POST', `/api/units/${unitId}/deficiencies`, {
      persona: 'principal-bjork', body: { title: 'Brist i studiero', source: 'inspection', foundOn: '2026-02-01' },
    });
    expect(deficiency.status).toBe(201);
    const action = await create({ title: 'Åtgärd mot bristen', originKind: 'deficiency', originId: deficiency.body['id'], meetingId });
    expect(action.status).toBe(201);
    expect((await live()).body.actions.map((a) => a.title)).toContain('Åtgärd mot bristen');
  });

  it('refuses an analysis of another unit exactly as one that does not exist', async () => {
    const otherAnalysis = await firstId(`/api/units/${await h.unitId(LINDGYMNASIET)}/analyses`, 'principal-lind');
    const refused = await create({ title: 'Fel enhet', originKind: 'analysis', originId: otherAnalysis, meetingId });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'originNotFound', field: 'originId' });
    const missing = await create({ title: 'Fel enhet', originKind: 'analysis', originId: '987654', meetingId });
    expect(refused.body).toEqual(missing.body);
  });

  it('refuses a deficiency that does not exist', async () => {
    const refused = await create({ title: 'Ingen brist', originKind: 'deficiency', originId: '987654', meetingId });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'originNotFound', field: 'originId' });
  });

  it('refuses a meeting that does not exist or belongs to another unit', async () => {
    const analysisId = await firstId(`/api/units/${unitId}/analyses`, 'principal-bjork');
    const missing = await create({ title: 'Inget möte', originKind: 'analysis', originId: analysisId, meetingId: '987654' });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ code: 'originNotFound', field: 'meetingId' });

    const lind = await h.unitId(LINDGYMNASIET);
    const otherMeeting = await h.request('POST', `/api/units/${lind}/meetings`, {
      persona: 'principal-lind', body: { type: 'resultsConference', title: 'Lindgymnasiets konferens', startsAt: '2026-03-11T13:00:00+01:00', schoolYear: '2025/26', agenda: [] },
    });
    expect(otherMeeting.status).toBe(201);
    const other = await create({ title: 'Annan enhets möte', originKind: 'analysis', originId: analysisId, meetingId: otherMeeting.body['id'] });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'originNotFound', field: 'meetingId' });
    expect(other.body).toEqual(missing.body);
    expect((await live()).body.actions.map((a) => a.title)).not.toContain('Annan enhets möte');

    // nor can an action be moved to another unit's meeting afterwards
    const recorded = await create({ title: 'Flyttas inte', originKind: 'analysis', originId: analysisId, meetingId });
    expect(recorded.status).toBe(201);
    const moved = await h.request('PATCH', `/api/actions/${recorded.body['id'] as string}`, {
      persona: 'principal-bjork', headers: { 'if-match': recorded.body['etag'] as string }, body: { meetingId: otherMeeting.body['id'] },
    });
    expect(moved.status).toBe(422);
    expect(moved.body).toMatchObject({ code: 'originNotFound', field: 'meetingId' });
  });
});

describe('agenda items', () => {
  it('keeps concurrent edits of two different items, and refuses a stale edit of the same item with the current text', async () => {
    const { body } = await live();
    const [one, two] = body.meeting.agenda;
    if (!one || !two) throw new Error('agenda missing');
    const [a, b] = await Promise.all([
      h.request('PATCH', `/api/meetings/${meetingId}/agenda/${one.id}`, { persona: 'principal-bjork', headers: { 'if-match': `"${one.version}"` }, body: { notes: 'Matematiken går upp' } }),
      h.request('PATCH', `/api/meetings/${meetingId}/agenda/${two.id}`, { persona: 'staff-bjork', headers: { 'if-match': `"${two.version}"` }, body: { notes: 'Studiero påverkar' } }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const after = (await live()).body.meeting.agenda;
    expect(after.find((item) => item.id === one.id)?.notes).toBe('Matematiken går upp');
    expect(after.find((item) => item.id === two.id)?.notes).toBe('Studiero påverkar');

    const stale = await h.request('PATCH', `/api/meetings/${meetingId}/agenda/${one.id}`, {
      persona: 'staff-bjork', headers: { 'if-match': `"${one.version}"` }, body: { notes: 'Min äldre text' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body['code']).toBe('conflict');
    expect(stale.body['current']).toMatchObject({ id: one.id, notes: 'Matematiken går upp' });
    const still = (await live()).body.meeting.agenda.find((item) => item.id === one.id);
    expect(still?.notes).toBe('Matematiken går upp');
  });

  it('adds decisions from two people at once without losing either, and adds an agenda item', async () => {
    const [x, y] = await Promise.all([
      h.request('POST', `/api/meetings/${meetingId}/agenda/2/decisions`, { persona: 'principal-bjork', body: { text: 'Beslut A' } }),
      h.request('POST', `/api/meetings/${meetingId}/agenda/2/decisions`, { persona: 'staff-bjork', body: { text: 'Beslut B' } }),
    ]);
    expect([x.status, y.status]).toEqual([200, 200]);
    const added = await h.request('POST', `/api/meetings/${meetingId}/agenda`, { persona: 'staff-bjork', body: { title: 'Övrigt' } });
    expect(added.status).toBe(201);
    const agenda = (await live()).body.meeting.agenda;
    expect([...(agenda.find((item) => item.id === '2')?.decisions ?? [])].sort()).toEqual(['Beslut A', 'Beslut B']);
    expect(agenda.map((item) => item.title)).toContain('Övrigt');
  });

  it('asks for the item version in If-Match and refuses a personnummer in notes', async () => {
    expect((await h.request('PATCH', `/api/meetings/${meetingId}/agenda/1`, { persona: 'staff-bjork', body: { notes: 'x' } })).status).toBe(428);
    const { body } = await live();
    const item = body.meeting.agenda[0];
    const refused = await h.request('PATCH', `/api/meetings/${meetingId}/agenda/1`, {
      persona: 'staff-bjork', headers: { 'if-match': `"${item?.version ?? ''}"` }, body: { notes: 'Eleven 200001012384 behöver stöd' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body['code']).toBe('personalIdentityNumber');
  });
});

describe('participation', () => {
  it('records staff by name and pupils by count, and refuses a named pupil', async () => {
    const teacher = await h.request('PUT', `/api/meetings/${meetingId}/participants`, {
      persona: 'staff-bjork', body: { participant: { role: 'teacher', userId: '1a000000-0000-4000-8000-000000000005', displayName: 'Kim Lärare' } },
    });
    expect(teacher.status).toBe(200);
    const pupils = await h.request('PUT', `/api/meetings/${meetingId}/participants`, { persona: 'staff-bjork', body: { participant: { role: 'pupils', count: 3 } } });
    expect(pupils.status).toBe(200);
    const named = await h.request('PUT', `/api/meetings/${meetingId}/participants`, { persona: 'staff-bjork', body: { participant: { role: 'pupils', displayName: 'Olle', count: 1 } } });
    expect(named.status).toBe(400);
    expect(named.body['field']).toBe('participant.displayName');
    const participants = (await live()).body.meeting.participants;
    expect(participants).toEqual(expect.arrayContaining([{ role: 'pupils', count: 3 }, expect.objectContaining({ role: 'teacher', displayName: 'Kim Lärare' })]));
    expect(participants.some((p) => p.displayName === 'Olle')).toBe(false);

    const numbered = await h.request('PUT', `/api/meetings/${meetingId}/participants`, { persona: 'staff-bjork', body: { participant: { role: 'staff', displayName: '20121212–1212' } } });
    expect(numbered.status).toBe(400);
    expect(numbered.body).toMatchObject({ code: 'personalIdentityNumber', field: 'participant.displayName' });
    expect((await live()).body.meeting.participants.some((p) => p.displayName === '20121212–1212')).toBe(false);

    const removed = await h.request('DELETE', `/api/meetings/${meetingId}/participants/${encodeURIComponent('role:pupils')}`, { persona: 'staff-bjork' });
    expect(removed.status).toBe(200);
    expect((removed.body['participants'] as { role: string }[]).some((p) => p.role === 'pupils')).toBe(false);
  });
});

describe('linking', () => {
  const link = { teamsMeetingId: 'MCMxOTptZWV0aW5nX2xpbmstdGVzdA', chatId: '19:meeting_link-test@thread.v2', type: 'qualityDialogue', title: 'Kvalitetsdialog', startsAt: '2026-04-01T09:00:00+02:00' };

  it('links a Teams meeting once: a second link answers the same meeting', async () => {
    const first = await h.request('POST', '/api/meetings/link', { persona: 'principal-bjork', body: { ...link, unitId } });
    expect(first.status).toBe(201);
    const [second, third] = await Promise.all([
      h.request('POST', '/api/meetings/link', { persona: 'principal-bjork', body: { ...link, unitId } }),
      h.request('POST', '/api/meetings/link', { persona: 'admin', body: { ...link, unitId } }),
    ]);
    expect(second.status).toBe(200);
    expect(third.status).toBe(200);
    expect(second.body['id']).toBe(first.body['id']);
    expect(third.body['id']).toBe(first.body['id']);
    expect(first.body).toMatchObject({ unitId, type: 'qualityDialogue', schoolYear: '2025/26', teamsMeetingId: link.teamsMeetingId });
    // a kvalitetsdialog starts with its agenda, strengths first
    expect((first.body['agenda'] as { title: string }[]).map((item) => item.title)).toEqual(['Styrkor: det som fungerar', 'Utvecklingsområden', 'Åtgärder med ansvar']);
    const found = await h.request('GET', `/api/meetings/by-teams-id/${encodeURIComponent(link.teamsMeetingId)}`, { persona: 'staff-bjork' });
    expect(found.body['id']).toBe(first.body['id']);
    // someone of another unit in the linked meeting is told they have no access, not which unit
    const elsewhere = await h.request('GET', `/api/meetings/by-teams-id/${encodeURIComponent(link.teamsMeetingId)}`, { persona: 'staff-lind' });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body['code']).toBe('noAccessToUnit');
    expect(JSON.stringify(elsewhere.body)).not.toContain(unitId);
    expect(JSON.stringify(elsewhere.body)).not.toContain('Björkskolan');
    const unlinked = await h.request('GET', '/api/meetings/by-teams-id/never-linked', { persona: 'staff-lind' });
    expect(unlinked.status).toBe(404);
  });

  it('lets only the principal or the administration link', async () => {
    const staff = await h.request('POST', '/api/meetings/link', { persona: 'staff-bjork', body: { ...link, teamsMeetingId: 'other', unitId } });
    expect(staff.status).toBe(403);
    const otherUnit = await h.request('POST', '/api/meetings/link', { persona: 'principal-bjork', body: { ...link, teamsMeetingId: 'other2', unitId: await h.unitId(LINDGYMNASIET) } });
    expect(otherUnit.status).toBe(403);
  });
});

describe('POST /year-wheel/:id/meeting', () => {
  it('creates the meeting linked to the activity, with its type, title and date, once', async () => {
    const activity = await h.request('POST', '/api/year-wheel', {
      persona: 'admin', body: { title: 'Resultatkonferens VT', kind: 'resultsConference', schoolYear: '2025/26', date: '2026-05-20' },
    });
    expect(activity.status).toBe(201);
    const id = activity.body['id'] as string;
    const body = { unitId, teamsMeetingId: 'MCMxOTp5ZWFyLXdoZWVs', chatId: '19:meeting_yw@thread.v2' };
    const created = await h.request('POST', `/api/year-wheel/${id}/meeting`, { persona: 'principal-bjork', body });
    expect(created.status).toBe(201);
    // 08:00 Swedish summer time, stored as UTC
    expect(created.body).toMatchObject({
      type: 'resultsConference', title: 'Resultatkonferens VT', unitId, yearWheelActivityId: id, teamsMeetingId: body.teamsMeetingId,
      startsAt: '2026-05-20T06:00:00Z', schoolYear: '2025/26',
    });
    expect((created.body['agenda'] as { title: string }[])[0]?.title).toBe('Resultat sedan förra konferensen');
    const again = await h.request('POST', `/api/year-wheel/${id}/meeting`, { persona: 'principal-bjork', body });
    expect(again.status).toBe(200);
    expect(again.body['id']).toBe(created.body['id']);
    const linked = await h.request('GET', `/api/meetings/by-teams-id/${body.teamsMeetingId}`, { persona: 'principal-bjork' });
    expect(linked.body['id']).toBe(created.body['id']);
  });

  it('refuses an activity that is not a meeting', async () => {
    const activity = await h.request('POST', '/api/year-wheel', {
      persona: 'admin', body: { title: 'Kvalitetsrapport in', kind: 'reportDeadline', schoolYear: '2025/26', date: '2026-06-10' },
    });
    const refused = await h.request('POST', `/api/year-wheel/${activity.body['id'] as string}/meeting`, { persona: 'principal-bjork', body: { unitId } });
    expect(refused.status).toBe(422);
    expect(refused.body['field']).toBe('kind');
  });
});
