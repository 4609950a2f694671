import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lists } from '../src/lists/lists';
import { createMemoryStore, type MemoryStore } from '../src/store/memory-store';
import { InvalidItemError } from '../src/store/errors';
import type { Entities } from '../src/lists/lists';
import { startHarness, type Harness } from './testing/harness';
import {
  cardActionActivity, installActivity, MEETING_CHAT, meetingEndActivity, meetingStartActivity, messageActivity, OTHER_PRINCIPAL, OUTSIDER, PLAYGROUND_USER,
  playgroundDefaultMessage, PRINCIPAL, seed, seedOtherUnit, TEACHER, teamsIdOf, type Seeded,
} from './testing/fixtures';

let store: MemoryStore<Entities>;
let h: Harness;
let seeded: Seeded;

const cardOf = (activity: Record<string, unknown>): Record<string, unknown> =>
  ((activity.attachments as { content: Record<string, unknown> }[] | undefined)?.[0]?.content ?? {});
const textOf = (value: unknown): string => JSON.stringify(value);

beforeEach(async () => {
  store = createMemoryStore<Entities>(lists);
  seeded = await seed(store);
  h = await startHarness(store);
  h.connector.setMembers(MEETING_CHAT, [
    { id: teamsIdOf(PRINCIPAL), aadObjectId: PRINCIPAL, name: 'Rut Rektor' },
    { id: teamsIdOf(TEACHER), aadObjectId: TEACHER, name: 'Kim Lärare' },
    { id: '28:kvalitetshjulet-bot', name: 'Kvalitetshjulet' },
  ]);
});
afterEach(async () => { await h.close(); });

describe('POST /api/messages: conversation references', () => {
  it('stores the reference on install and updates it in place, never duplicating it', async () => {
    const install = installActivity({ serviceUrl: h.connector.url });
    expect((await h.post(install)).status).toBe(200);
    expect((await h.post(messageActivity({ serviceUrl: h.connector.url, text: 'hjälp' }))).status).toBe(200);
    expect((await h.post(messageActivity({ serviceUrl: `${h.connector.url}/`, text: 'hjälp' }))).status).toBe(200);
    const stored = await store.queryAll('botConversations', { filter: [{ field: 'userId', op: 'eq', value: TEACHER }] });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.fields.kind).toBe('personal');
    expect((stored[0]?.fields.reference as { serviceUrl: string }).serviceUrl).toBe(`${h.connector.url}/`);
    // the install got a welcome (help) card in the 1:1 chat
    expect(textOf(h.connector.activities[0]?.activity)).toContain('Det här kan jag hjälpa till med');
  });
});

describe('POST /api/messages: users the bot does not know', () => {
  it('answers the Playground\'s default user and stores the reference under the id the Playground sends', async () => {
    const res = await h.post(playgroundDefaultMessage({ serviceUrl: h.connector.url, text: 'hjälp' }));
    expect(res.status).toBe(200);
    expect(textOf(h.connector.activities.at(-1)?.activity)).toContain('Det här kan jag hjälpa till med');
    const stored = await store.queryAll('botConversations', { filter: [{ field: 'userId', op: 'eq', value: PLAYGROUND_USER.aadObjectId }] });
    expect(stored.map((item) => item.fields.kind)).toEqual(['personal']);
  });

  it('answers even when the reference cannot be stored, and says so in one log line', async () => {
    const refusing: typeof store = {
      ...store,
      create: async (list, fields, options) => {
        if (list === 'botConversations') throw new InvalidItemError('botConversations', 'userId', 'invalid');
        return store.create(list, fields, options);
      },
    };
    const other = await startHarness(refusing);
    try {
      await other.post(messageActivity({ serviceUrl: other.connector.url, text: 'hjälp' }));
      expect(textOf(other.connector.activities.at(-1)?.activity)).toContain('Det här kan jag hjälpa till med');
      expect(other.logs.filter((line) => line.includes('not stored'))).toHaveLength(1);
      expect(other.logs.filter((line) => line.includes('turn failed'))).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

describe('POST /api/messages: commands', () => {
  it('answers "mina åtgärder" with the open actions of the user, soonest due first', async () => {
    await h.post(messageActivity({ serviceUrl: h.connector.url, text: 'Mina åtgärder' }));
    const reply = h.connector.activities.at(-1);
    const text = textOf(reply?.activity);
    expect(text).toContain('Kartlägg studiero');
    expect(text).toContain('Läsfrämjande insats åk 4');
    expect(text).not.toContain('Klar åtgärd');
    expect(text.indexOf('Kartlägg studiero')).toBeLessThan(text.indexOf('Läsfrämjande'));
  });

  it('answers "my actions" in English for an English client', async () => {
    await h.post(messageActivity({ serviceUrl: h.connector.url, text: 'show my tasks', locale: 'en-GB' }));
    expect(textOf(h.connector.activities.at(-1)?.activity)).toContain('My actions');
  });

  it('answers anything unknown with the help card, saying what it did not understand', async () => {
    await h.post(messageActivity({ serviceUrl: h.connector.url, text: 'banankaka' }));
    const text = textOf(h.connector.activities.at(-1)?.activity);
    expect(text).toContain('Jag förstod inte \\"banankaka\\"');
    expect(text).toContain('mina åtgärder');
  });
});

describe('POST /api/messages: meeting end', () => {
  it('posts a summary to the meeting chat and one follow-up card to each participant, in their own 1:1 chat', async () => {
    // An action recorded in the meeting whose origin is the unit's analysis belongs in the summary too;
    // one recorded in another meeting does not.
    const actor = { actor: PRINCIPAL };
    const analysis = await store.create('analyses', {
      unitId: seeded.unitId, schoolYear: '2025/26', period: '2025/26 VT', status: 'draft',
      strengths: [], areasToDevelop: [], measurementIds: [], goalIds: [], participants: [],
    }, actor);
    const fromAnalysis = { unitId: seeded.unitId, ownerId: PRINCIPAL, ownerName: 'Rut Rektor', status: 'planned' as const, originKind: 'analysis' as const, originId: analysis.id, schoolYear: '2025/26' };
    await store.create('actions', { ...fromAnalysis, title: 'Studiero i alla klassrum', dueDate: '2026-04-01', meetingId: seeded.meetingId }, actor);
    await store.create('actions', { ...fromAnalysis, title: 'Från ett annat möte', dueDate: '2026-04-02', meetingId: '9999' }, actor);
    expect((await h.post(meetingEndActivity({ serviceUrl: h.connector.url }))).status).toBe(200);
    const result = await h.bot.outbox.drainAll();
    expect(result).toMatchObject({ sent: 3, failed: 0 });
    const summary = h.connector.activitiesIn(MEETING_CHAT);
    expect(summary).toHaveLength(1);
    const summaryText = textOf(summary[0]?.activity);
    expect(summaryText).toContain('Sammanfattning: Resultatkonferens vt');
    expect(summaryText).toContain('Läsfrämjande insats åk 4');
    expect(summaryText).toContain('Kim Lärare');
    expect(summaryText).toContain('Studiero i alla klassrum');
    expect(summaryText).toContain('Rut Rektor');
    expect(summaryText).not.toContain('Från ett annat möte');
    // each action once: Läsfrämjande (from the meeting) is not listed twice by the two queries
    expect(summaryText.split('Läsfrämjande insats åk 4')).toHaveLength(2);
    expect([...h.connector.created.keys()].sort()).toEqual([teamsIdOf(PRINCIPAL), teamsIdOf(TEACHER)].sort());
    const teacherChat = h.connector.created.get(teamsIdOf(TEACHER)) ?? '';
    const [card] = h.connector.activitiesIn(teacherChat);
    const content = cardOf(card?.activity ?? {});
    expect(textOf(content)).toContain('Vilka styrkor såg vi?'); // the latest template version
    expect(textOf(content)).not.toContain('Gammal fråga');
    // refresh.userIds holds user MRIs, as Teams' Universal Actions documentation asks
    expect(content.refresh).toMatchObject({ action: { type: 'Action.Execute', verb: 'followUp.refresh' }, userIds: [teamsIdOf(TEACHER)] });
    expect((card?.activity.from as { id: string }).id).toBe('28:kvalitetshjulet-bot'); // as the bot, not anonymous
    // every proactive message carries its deterministic delivery id
    expect(card?.clientId).toBe(`outbound:followup:${seeded.meetingId}:${TEACHER}`);
    // the 1:1 conversations the bot created are stored for reminders later
    const refs = await store.queryAll('botConversations', { filter: [{ field: 'userId', op: 'eq', value: TEACHER }] });
    expect(refs.map((r) => r.fields.conversationId)).toEqual([teacherChat]);
  });

  it('handles the same activity id delivered twice once, and a second meetingEnd for the meeting queues nothing new', async () => {
    const end = meetingEndActivity({ serviceUrl: h.connector.url, id: 'end-1' });
    const [a, b] = await Promise.all([h.post(end), h.post(end)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await h.post(meetingEndActivity({ serviceUrl: h.connector.url, id: 'end-2' }));
    await h.bot.outbox.drainAll();
    expect(h.connector.activities).toHaveLength(3);
    expect(h.connector.stats.duplicatesSuppressed).toBe(0);
    expect(h.logs.some((l) => l.includes('delivered again'))).toBe(true);
  });

  it('handles a meetingEnd whose value lacks the details Teams usually sends', async () => {
    const end = meetingEndActivity({ serviceUrl: h.connector.url });
    (end as { value: unknown }).value = { Id: end.value.Id };
    expect((await h.post(end)).status).toBe(200);
    expect(await h.bot.outbox.drainAll()).toMatchObject({ sent: 3 });
  });

  it('asks for the meeting to be linked when the meeting is not in the Meetings list', async () => {
    // the seeded meeting is found by its chat id too: this one is another meeting in another chat
    const other = meetingEndActivity({ serviceUrl: h.connector.url, meetingId: 'MCMxOTpvdGhlcg' });
    other.conversation = { ...other.conversation, id: '19:meeting_other@thread.v2' };
    await h.post(other);
    await h.bot.outbox.drainAll();
    const text = textOf(h.connector.activitiesIn('19:meeting_other@thread.v2'));
    expect(text).toContain('Mötet är inte kopplat till en enhet');
  });

  it('retries a 429 with Retry-After and a 503, and still delivers each card once', async () => {
    h.connector.failNext(2, 429, { retryAfterSeconds: 0, path: '/activities' });
    h.connector.failNext(1, 503, { path: '/v3/conversations' });
    await h.post(meetingEndActivity({ serviceUrl: h.connector.url }));
    for (let i = 0; i < 40 && h.connector.activities.length < 3; i++) {
      await h.bot.outbox.drainAll();
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(h.connector.stats.injected).toBe(3);
    expect(h.connector.activities).toHaveLength(3);
    const jobs = await store.queryAll('jobs', { filter: [{ field: 'status', op: 'eq', value: 'done' }] });
    expect(jobs.filter((j) => j.fields.kind === 'outbound')).toHaveLength(3);
  });
});

describe('POST /api/messages: meeting start', () => {
  it('marks the meeting started at the event\'s StartTime, once: a second start changes nothing', async () => {
    expect((await store.get('meetings', seeded.meetingId)).fields.startedAt).toBeUndefined();
    await h.post(meetingStartActivity({ serviceUrl: h.connector.url }));
    expect((await store.get('meetings', seeded.meetingId)).fields.startedAt).toBe('2026-03-10T08:00:00.000Z');
    const again = meetingStartActivity({ serviceUrl: h.connector.url });
    await h.post({ ...again, value: { ...again.value, StartTime: '2026-03-10T08:30:00Z' } });
    expect((await store.get('meetings', seeded.meetingId)).fields.startedAt).toBe('2026-03-10T08:00:00.000Z');
  });


  it('posts the agenda and the unit\'s open actions to the meeting chat', async () => {
    await h.post(meetingStartActivity({ serviceUrl: h.connector.url }));
    await h.bot.outbox.drainAll();
    const text = textOf(h.connector.activitiesIn(MEETING_CHAT));
    expect(text).toContain('Dagordning: Resultatkonferens vt');
    expect(text).toContain('1. Resultat i matematik');
    expect(text).toContain('Kartlägg studiero');
    expect(text).not.toContain('Klar åtgärd');
  });
});

describe('POST /api/messages: follow-up answers (adaptiveCard/action)', () => {
  const submit = (id: string, data: Record<string, unknown>) =>
    cardActionActivity({ serviceUrl: h.connector.url, id, verb: 'followUp.submit', data: { meetingId: seeded.meetingId, templateId: seeded.templateId, templateVersion: 2, ...data } });

  it('stores the answers, shows the saved card, and answering again updates the one response', async () => {
    const first = await h.post(submit('s1', { q_styrkor: 'Bra samarbete', q_delaktighet: '3' }));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(textOf(first.body)).toContain('Tack! Dina svar är sparade.');
    expect(textOf(first.body)).toContain('Stämmer ganska bra');
    await h.post(submit('s2', { q_styrkor: 'Ännu bättre samarbete', q_delaktighet: '4' }));
    const responses = await store.queryAll('followUpResponses', { filter: [{ field: 'meetingId', op: 'eq', value: seeded.meetingId }] });
    expect(responses).toHaveLength(1);
    expect(responses[0]?.fields).toMatchObject({
      respondentId: TEACHER, templateVersion: 2, unitId: seeded.unitId,
      answers: [{ questionId: 'styrkor', text: 'Ännu bättre samarbete' }, { questionId: 'delaktighet', scale: 4 }],
    });
  });

  it('refreshes to the user\'s own state: the form before answering, the saved answers after', async () => {
    const refresh = (id: string) => cardActionActivity({ serviceUrl: h.connector.url, id, verb: 'followUp.refresh', data: { meetingId: seeded.meetingId, templateId: seeded.templateId } });
    expect(textOf((await h.post(refresh('r1'))).body)).toContain('Skicka svar');
    await h.post(submit('s1', { q_styrkor: 'Tydliga mål' }));
    const after = textOf((await h.post(refresh('r2'))).body);
    expect(after).toContain('Tydliga mål');
    expect(after).toContain('Ändra svar');
  });

  it.each([['s2', 'Eleven 19121212 1212 behöver stöd'], ['s3', 'Gäller 20121212–1212'], ['s4', 'samordningsnummer 701063 2391']])(
    'refuses a personnummer as people type it (%s: %j) in an answer, and stores nothing', async (id, text) => {
      const res = await h.post(submit(id, { q_styrkor: text }));
      expect(textOf(res.body)).toContain('personnummer');
      expect(await store.queryAll('followUpResponses', { filter: [{ field: 'meetingId', op: 'eq', value: seeded.meetingId }] })).toHaveLength(0);
    });

  it('refuses a personnummer in an answer on the card itself, keeps every answer typed, and stores nothing', async () => {
    const res = await h.post(submit('s1', { q_styrkor: 'Eleven 121212-1212 behöver stöd', q_delaktighet: '3' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const card = (res.body as { value: { body: Record<string, unknown>[] } }).value;
    expect(textOf(card)).not.toContain('Något gick fel');
    // the form again, filled in with what was sent, the refusal right under the question it is about
    const at = card.body.findIndex((element) => element['id'] === 'q_styrkor');
    expect(card.body[at]).toMatchObject({ type: 'Input.Text', value: 'Eleven 121212-1212 behöver stöd' });
    expect(card.body[at + 1]).toMatchObject({ type: 'TextBlock', color: 'Attention', text: 'Texten innehåller ett personnummer. Skriv inga uppgifter om enskilda elever.' });
    expect(card.body.find((element) => element['id'] === 'q_delaktighet')).toMatchObject({ value: '3' });
    expect(textOf(card)).toContain('Skicka svar');
    expect(await store.queryAll('followUpResponses', { filter: [{ field: 'meetingId', op: 'eq', value: seeded.meetingId }] })).toHaveLength(0);
    // corrected and sent again: saved
    const again = await h.post(submit('s1b', { q_styrkor: 'Eleven behöver stöd', q_delaktighet: '3' }));
    expect(textOf(again.body)).toContain('Tack! Dina svar är sparade.');
    expect(await store.queryAll('followUpResponses', { filter: [{ field: 'meetingId', op: 'eq', value: seeded.meetingId }] })).toHaveLength(1);
  });

  it('answers malformed card payloads with an error card or a 400, never a crash', async () => {
    const bad = [
      cardActionActivity({ serviceUrl: h.connector.url, id: 'b1', verb: 'followUp.submit', data: { meetingId: 42 } }),
      cardActionActivity({ serviceUrl: h.connector.url, id: 'b2', verb: 'followUp.submit', data: { meetingId: '999', templateId: '998' } }),
      cardActionActivity({ serviceUrl: h.connector.url, id: 'b3', verb: 'no.such.verb', data: {} }),
      { ...cardActionActivity({ serviceUrl: h.connector.url, id: 'b4', verb: 'x', data: {} }), value: 'not an object' },
      cardActionActivity({ serviceUrl: h.connector.url, id: 'b5', verb: 'followUp.submit', data: { meetingId: seeded.meetingId, templateId: seeded.templateId, q_delaktighet: '7' } }),
    ];
    for (const activity of bad) {
      const res = await h.post(activity);
      // a meeting that does not exist is not found, exactly as the API answers it
      if (activity.id === 'b2') {
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ statusCode: 404, type: 'application/vnd.microsoft.error', value: { message: expect.stringContaining('inte tillgång') } });
        continue;
      }
      expect([200, 400]).toContain(res.status);
      if (res.status === 200) expect(textOf(res.body)).toMatch(/Något gick fel|känner igen|går inte att spara/);
    }
    expect(await store.queryAll('followUpResponses', { filter: [{ field: 'meetingId', op: 'eq', value: seeded.meetingId }] })).toHaveLength(0);
  });
});

describe('POST /api/messages: card actions pass the API\'s policy', () => {
  const followUp = (id: string, verb: string, from: string, data: Record<string, unknown> = {}) =>
    cardActionActivity({ serviceUrl: h.connector.url, id, from, verb, data: { lang: 'sv', meetingId: seeded.meetingId, templateId: seeded.templateId, templateVersion: 2, ...data } });

  beforeEach(async () => {
    await seedOtherUnit(store);
  });

  it('refuses another unit\'s staff every follow-up verb as not found, storing nothing and showing nothing of the meeting', async () => {
    for (const verb of ['followUp.submit', 'followUp.refresh', 'followUp.edit']) {
      const res = await h.post(followUp(`o-${verb}`, verb, OUTSIDER, { q_styrkor: 'Inbrott i någon annans möte' }));
      expect(res.status, verb).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, type: 'application/vnd.microsoft.error', value: { code: 'NotFound', message: expect.stringContaining('inte tillgång') } });
      expect(textOf(res.body)).not.toContain('Resultatkonferens vt');
      expect(textOf(res.body)).not.toContain('Vilka styrkor');
    }
    expect(await store.queryAll('followUpResponses', { filter: [{ field: 'meetingId', op: 'eq', value: seeded.meetingId }] })).toHaveLength(0);
  });

  it('refuses another unit\'s principal (who may read the unit\'s published work) the follow-up as forbidden', async () => {
    const res = await h.post(followUp('p1', 'followUp.submit', OTHER_PRINCIPAL, { q_styrkor: 'Inte mitt möte' }));
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ statusCode: 403, value: { code: 'Forbidden' } });
    expect(await store.queryAll('followUpResponses', { filter: [{ field: 'meetingId', op: 'eq', value: seeded.meetingId }] })).toHaveLength(0);
  });

  it('refuses the outsider every action verb, and changes nothing', async () => {
    const id = seeded.actionIds[0] ?? '';
    const before = await store.get('actions', id);
    for (const [verb, data] of [['action.done', { evaluation: 'Klart.' }], ['action.newDate', { dueDate: '2026-06-01' }], ['action.comment', { comment: 'Klart!' }]] as const) {
      const res = await h.post(cardActionActivity({ serviceUrl: h.connector.url, id: `a-${verb}`, from: OUTSIDER, verb, data: { lang: 'sv', actionId: id, ...data } }));
      expect(res.status, verb).toBe(404);
    }
    expect((await store.get('actions', id)).etag).toBe(before.etag);
  });

  it('lets the unit\'s principal mark a staff member\'s action done from the card, as PATCH /api/actions/:id does', async () => {
    const id = seeded.actionIds[0] ?? '';
    const res = await h.post(cardActionActivity({ serviceUrl: h.connector.url, id: 'pd', from: PRINCIPAL, verb: 'action.done', data: { lang: 'sv', actionId: id, evaluation: 'Genomfört.' } }));
    expect(res.status).toBe(200);
    expect(textOf(res.body)).toContain('Åtgärden är markerad som klar.');
    expect((await store.get('actions', id)).fields.status).toBe('done');
  });

  it('answers a card from someone the activity does not name (no aadObjectId) with 401, and stores nothing', async () => {
    const activity = followUp('anon', 'followUp.submit', TEACHER, { q_styrkor: 'Anonym' });
    const res = await h.post({ ...activity, from: { id: activity.from.id } });
    expect(res.status).toBe(401);
    expect(await store.queryAll('followUpResponses', { filter: [{ field: 'meetingId', op: 'eq', value: seeded.meetingId }] })).toHaveLength(0);
  });
});

describe('POST /api/messages: a card keeps its language', () => {
  it('answers a Swedish card in Swedish from a client whose locale is en-US, and an English card in English', async () => {
    const data = { meetingId: seeded.meetingId, templateId: seeded.templateId, templateVersion: 2 };
    const sv = await h.post(cardActionActivity({ serviceUrl: h.connector.url, id: 'l1', locale: 'en-US', verb: 'followUp.submit', data: { ...data, lang: 'sv', q_styrkor: 'Samsyn' } }));
    expect(textOf(sv.body)).toContain('Tack! Dina svar är sparade.');
    expect((sv.body as { value: { lang: string } }).value.lang).toBe('sv');
    const en = await h.post(cardActionActivity({ serviceUrl: h.connector.url, id: 'l2', locale: 'sv-SE', verb: 'followUp.refresh', data: { ...data, lang: 'en' } }));
    expect(textOf(en.body)).toContain('Thank you! Your answers are saved.');
    expect((en.body as { value: { lang: string } }).value.lang).toBe('en');
  });

  it('sends the follow-up card in the chat\'s language and keeps it in the card\'s data', async () => {
    await h.post(meetingEndActivity({ serviceUrl: h.connector.url }));
    await h.bot.outbox.drainAll();
    const teacherChat = h.connector.created.get(teamsIdOf(TEACHER)) ?? '';
    const content = cardOf(h.connector.activitiesIn(teacherChat)[0]?.activity ?? {});
    expect(content.lang).toBe('sv');
    expect(content.refresh).toMatchObject({ action: { data: { lang: 'sv' } } });
  });
});

describe('POST /api/messages: an older Teams client\'s Action.Submit', () => {
  it('is handled like the Action.Execute it falls back from, under the same policy, and answered in the chat', async () => {
    const submit = (id: string, from: string) => ({
      ...messageActivity({ serviceUrl: h.connector.url, id, from, text: '' }),
      value: { verb: 'followUp.submit', lang: 'sv', meetingId: seeded.meetingId, templateId: seeded.templateId, templateVersion: 2, q_styrkor: 'Via äldre klient' },
    });
    await seedOtherUnit(store);
    await h.post(submit('as1', OUTSIDER));
    expect(textOf(h.connector.activities.at(-1)?.activity)).toContain('inte tillgång');
    expect(await store.queryAll('followUpResponses', { filter: [{ field: 'meetingId', op: 'eq', value: seeded.meetingId }] })).toHaveLength(0);
    await h.post(submit('as2', TEACHER));
    expect(textOf(h.connector.activities.at(-1)?.activity)).toContain('Tack! Dina svar är sparade.');
    const responses = await store.queryAll('followUpResponses', { filter: [{ field: 'meetingId', op: 'eq', value: seeded.meetingId }] });
    expect(responses.map((r) => r.fields.answers)).toEqual([[{ questionId: 'styrkor', text: 'Via äldre klient' }]]);
  });
});

describe('POST /api/messages: reminder card actions (adaptiveCard/action)', () => {
  it('marks the action done for its owner and answers with the updated card', async () => {
    const id = seeded.actionIds[0] ?? '';
    const res = await h.post(cardActionActivity({ serviceUrl: h.connector.url, id: 'd1', verb: 'action.done', data: { actionId: id, evaluation: 'Fler elever läser.' } }));
    expect(res.status).toBe(200);
    expect(textOf(res.body)).toContain('Åtgärden är markerad som klar.');
    expect((await store.get('actions', id)).fields).toMatchObject({ status: 'done', evaluation: 'Fler elever läser.' });
    expect((await store.get('actions', id)).modifiedByUser).toBe(TEACHER);
  });
});

describe('POST /api/messages in Microsoft 365 mode', () => {
  it('refuses an activity without a Bot Framework token with 401, and handles nothing', async () => {
    const m365 = await startHarness(store, { mode: 'm365', botId: '00000000-0000-4000-8000-00000000b0b0', botPassword: 'not-used', botTenantId: '00000000-0000-4000-8000-00000000aaaa' });
    try {
      const res = await m365.post(messageActivity({ serviceUrl: m365.connector.url, text: 'hjälp' }));
      expect(res.status).toBe(401);
      expect(m365.connector.activities).toHaveLength(0);
      expect(await store.queryAll('botConversations', { filter: [{ field: 'userId', op: 'eq', value: TEACHER }] })).toHaveLength(0);
    } finally {
      await m365.close();
    }
  });
});

describe('POST /api/messages: bad input', () => {
  it.each([
    ['not JSON', '{"type":', true],
    ['an array', '[]', true],
    ['no type', JSON.stringify({ channelId: 'msteams', serviceUrl: 'http://x', conversation: { id: 'c' }, from: { id: 'u' } }), true],
    ['no conversation', JSON.stringify({ type: 'message', channelId: 'msteams', serviceUrl: 'http://x', from: { id: 'u' } }), true],
    ['a serviceUrl that is not a URL', JSON.stringify({ type: 'message', channelId: 'msteams', serviceUrl: 'nope', conversation: { id: 'c' }, from: { id: 'u' } }), true],
  ])('answers %s with 400', async (_name, body) => {
    const res = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: String(body) });
    expect(res.status).toBe(400);
  });

  it('keeps serving after bad input', async () => {
    await h.post('{"type":', true);
    await h.post(messageActivity({ serviceUrl: h.connector.url, text: 'hjälp' }));
    expect(textOf(h.connector.activities.at(-1)?.activity)).toContain('Det här kan jag hjälpa till med');
  });
});
