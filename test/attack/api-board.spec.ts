/**
 * The board reads and writes nothing: not in a unit, and not in an organizer meeting it attends
 * (a dialogue day), where participants otherwise record and answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONA_USER_IDS } from '../../src/auth/personas';
import { startHarness, type Harness } from '../api/harness';

let h: Harness;
let meetingId: string;
beforeAll(async () => {
  h = await startHarness();
  const organizerMeeting = (await h.started.store.queryAll('meetings')).find((meeting) => meeting.fields.unitId === undefined);
  if (!organizerMeeting) throw new Error('the seed has an organizer meeting');
  meetingId = organizerMeeting.id;
  const added = await h.request('PUT', `/api/meetings/${meetingId}/participants`, {
    persona: 'admin', body: { participant: { role: 'board', userId: PERSONA_USER_IDS.board, displayName: 'Bengt Holm' } },
  });
  expect(added.status).toBe(200);
});
afterAll(async () => {
  await h?.server.stop();
});

describe('the board in an organizer meeting it attends', () => {
  it('reads it, and may not record anything in it', async () => {
    const live = await h.request('GET', `/api/meetings/${meetingId}/live`, { persona: 'board' });
    expect(live.status).toBe(200);
    expect(live.body['canRecord']).toBe(false);
  });

  it('adds no agenda point, decision, note or participant, and answers no follow-up: 403, nothing stored', async () => {
    const before = await h.started.store.get('meetings', meetingId);
    const item = before.fields.agenda[0];
    const live = await h.request('GET', `/api/meetings/${meetingId}/live`, { persona: 'admin' });
    const version = (live.body['meeting'] as { agenda: { id: string; version: string }[] }).agenda.find((entry) => entry.id === item?.id)?.version;
    expect(version).toBeDefined();
    const template = await h.request('GET', `/api/follow-up-templates/${before.fields.type}`, { persona: 'board' });
    const questionId = (template.body['questions'] as { id: string }[] | undefined)?.[0]?.id ?? 'q';
    const writes: [string, string, unknown, Record<string, string>?][] = [
      ['POST', `/api/meetings/${meetingId}/agenda`, { title: 'Nämndens punkt' }],
      ['PATCH', `/api/meetings/${meetingId}/agenda/${item?.id ?? '1'}`, { notes: 'Nämndens anteckning' }, { 'if-match': `"${version ?? ''}"` }],
      ['POST', `/api/meetings/${meetingId}/agenda/${item?.id ?? '1'}/decisions`, { text: 'Nämndens beslut' }],
      ['PUT', `/api/meetings/${meetingId}/participants`, { participant: { role: 'board', displayName: 'Ny ledamot' } }],
      ['DELETE', `/api/meetings/${meetingId}/participants/${encodeURIComponent(`user:${PERSONA_USER_IDS.principalBjork}`)}`, undefined],
      ['PUT', `/api/meetings/${meetingId}/responses/me`, { answers: [{ questionId, text: 'Nämndens svar' }] }],
    ];
    for (const [method, path, body, headers] of writes) {
      const response = await h.request(method, path, { persona: 'board', ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}) });
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 403 });
    }
    const after = await h.started.store.get('meetings', meetingId);
    expect(after.etag).toBe(before.etag);
    const answers = await h.started.store.queryAll('followUpResponses', { filter: [{ field: 'respondentId', op: 'eq', value: PERSONA_USER_IDS.board }] });
    expect(answers).toEqual([]);
  });

  it('while a principal who takes part records in the same meeting (the control)', async () => {
    const added = await h.request('POST', `/api/meetings/${meetingId}/agenda`, { persona: 'principal-bjork', body: { title: 'Rektorernas punkt' } });
    expect(added.status).toBe(201);
  });
});
