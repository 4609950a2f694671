import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lists, type Entities } from '../../src/lists/lists';
import { createMemoryStore, type MemoryStore } from '../../src/store/memory-store';
import type { Caller, Services } from '../../src/services';
import { routeFrom } from '../../tab/src/route';
import { startHarness, type Harness } from '../testing/harness';
import {
  installActivity, OUTSIDER, participantEventActivity, PRINCIPAL, seed, seedOtherUnit, servicesFor, TEACHER, teamsIdOf, TEAMS_MEETING_ID, TENANT, type Seeded,
} from '../testing/fixtures';
import { startedMirror } from '../../src/store/test-kit';
import { sidePanelUrl } from './owner-notification';

const TAB = 'https://kvalitet.example.se';

let store: MemoryStore<Entities>;
let seeded: Seeded;
let services: Services;
let h: Harness;
let principal: Caller;

const noticeJobs = async () => (await store.queryAll('jobs', {})).filter((j) => j.fields.key.startsWith('outbound:ownerNotice:'));

/** An action from the meeting, given to `ownerId` by the unit's principal in the side panel. */
const giveInMeeting = (ownerId: string, title = 'Ny läsplan åk 5') => services.actions.create(principal, seeded.unitId, {
  title, ownerId, dueDate: '2026-05-01', originKind: 'meeting', originId: seeded.meetingId, meetingId: seeded.meetingId,
});

beforeEach(async () => {
  store = createMemoryStore<Entities>(lists);
  seeded = await seed(store);
  const { readModel } = await startedMirror(store, store);
  // the server's wiring: the action service tells the bot, which exists once the services do
  services = servicesFor(store, readModel, undefined, { onOwnerGivenInMeeting: async (event) => h.bot.notifyOwnerInMeeting(event) });
  h = await startHarness(store, { services, tabUrl: TAB });
  principal = await services.callers.callerFor({ userId: PRINCIPAL, tenantId: TENANT }, seeded.unitId);
  // the teacher joins: the bot keeps their Teams user id, and the meeting chat's reference
  expect((await h.post(participantEventActivity({ serviceUrl: h.connector.url, event: 'join', users: [TEACHER] }))).status).toBe(200);
});
afterEach(async () => { await h.close(); });

describe('the owner\'s targeted in-meeting notification', () => {
  it('goes to the owner of an action given during the live meeting, in the shape Teams documents, opening the action in the side panel', async () => {
    const action = await giveInMeeting(TEACHER);
    expect((await noticeJobs()).map((j) => j.fields.key)).toEqual([`outbound:ownerNotice:${seeded.meetingId}:${action.id}:${TEACHER}`]);
    await h.bot.outbox.drainAll();
    expect(h.connector.refusedNotifications).toEqual([]);
    expect(h.connector.notifications).toHaveLength(1);
    const [notice] = h.connector.notifications;
    expect(notice?.meetingId).toBe(TEAMS_MEETING_ID);
    expect(notice?.recipients).toEqual([teamsIdOf(TEACHER)]);
    expect(notice?.surfaces).toEqual([{
      surface: 'meetingStage', contentType: 'task',
      content: { value: { height: 480, width: 400, title: 'Ny åtgärd till dig: Ny läsplan åk 5', url: sidePanelUrl(TAB, seeded.meetingId, action.id) } },
    }]);
    const url = new URL(notice?.surfaces[0]?.content.value.url ?? '');
    expect(url.origin).toBe(TAB);
    expect(url.searchParams.get('actionId')).toBe(action.id);
    // the tab's own route parser opens that address as this meeting's side panel, at the action
    expect(routeFrom({ pathname: url.pathname, search: url.search })).toEqual({ page: 'meeting', surface: 'sidePanel', meetingId: seeded.meetingId, actionId: action.id });
    // the job is done with its delivery recorded in the meeting chat: nothing is sent again
    expect((await noticeJobs())[0]?.fields.status).toBe('done');
    await h.bot.outbox.drainAll();
    expect(h.connector.notifications).toHaveLength(1);
  });

  it('is titled in the owner\'s language: English for an owner whose chat with the bot is in English', async () => {
    expect((await h.post(installActivity({ serviceUrl: h.connector.url, from: TEACHER, locale: 'en-GB' }))).status).toBe(200);
    await giveInMeeting(TEACHER, 'New reading plan, year 5');
    await h.bot.outbox.drainAll();
    expect(h.connector.notifications.map((notice) => notice.surfaces[0]?.content.value.title)).toEqual(['A new action for you: New reading plan, year 5']);
  });

  it('goes out when the owner of an action of the meeting changes, and not for any other change', async () => {
    const [first] = seeded.actionIds;
    let action = await store.get('actions', first ?? '');
    action = await services.actions.update(principal, action.id, { ownerId: PRINCIPAL, ownerName: 'Rut Rektor' }, action.etag);
    expect(await noticeJobs()).toHaveLength(0); // given to the one who gave it: they see it already
    action = await services.actions.update(principal, action.id, { title: 'Läsfrämjande insats åk 4 och 5' }, action.etag);
    expect(await noticeJobs()).toHaveLength(0);
    await services.actions.update(principal, action.id, { ownerId: TEACHER, ownerName: 'Kim Lärare' }, action.etag);
    expect((await noticeJobs()).map((j) => j.fields.key)).toEqual([`outbound:ownerNotice:${seeded.meetingId}:${action.id}:${TEACHER}`]);
  });

  it('is not sent once the meeting has ended, nor for an action outside a meeting', async () => {
    const meeting = await store.get('meetings', seeded.meetingId);
    await store.update('meetings', meeting.id, { endedAt: '2026-03-10T09:00:00Z' }, { actor: PRINCIPAL, etag: meeting.etag });
    await giveInMeeting(TEACHER);
    const deficiency = await services.deficiencies.create(principal, seeded.unitId, { title: 'Otrygg skolgård', source: 'other', foundOn: '2026-03-01' });
    await services.actions.create(principal, seeded.unitId, { title: 'Rastvärdar', ownerId: TEACHER, dueDate: '2026-04-01', originKind: 'deficiency', originId: deficiency.id });
    expect(await noticeJobs()).toHaveLength(0);
  });

  it('is not sent to an owner the bot cannot reach, and the log says so once', async () => {
    // the principal never joined and has no chat with the bot: no Teams user id is known
    const other = await services.callers.callerFor({ userId: TEACHER, tenantId: TENANT }, seeded.unitId);
    await services.actions.create(other, seeded.unitId, { title: 'Föräldramöte', ownerId: PRINCIPAL, dueDate: '2026-04-01', originKind: 'meeting', originId: seeded.meetingId, meetingId: seeded.meetingId });
    expect(await noticeJobs()).toHaveLength(0);
    expect(h.logs.filter((line) => line.includes('no in-meeting notification'))).toEqual([
      expect.stringContaining('no Teams user id is known for the owner'),
    ]);
  });

  it('asks the policy as the participant events do: someone who may not read the unit is not notified', async () => {
    await seedOtherUnit(store);
    // another unit's staff member has a chat with the bot, so their Teams user id is known
    expect((await h.post(installActivity({ serviceUrl: h.connector.url, from: OUTSIDER }))).status).toBe(200);
    await giveInMeeting(OUTSIDER);
    expect(await noticeJobs()).toHaveLength(0);
    expect(h.logs.some((line) => line.includes('may not read the meeting\'s unit'))).toBe(true);
  });

  it('is retried after Teams failed, leased like every outbound job, and sent once', async () => {
    // more failures than the connector client retries by itself: the outbox's retry takes over
    h.connector.failNext(6, 503, { path: '/notification' });
    await giveInMeeting(TEACHER);
    for (let i = 0; i < 20 && h.connector.notifications.length === 0; i++) {
      await h.bot.outbox.drainAll();
      const [job] = await noticeJobs();
      // due at once rather than after its backoff
      if (job?.fields.status === 'pending') await store.update('jobs', job.id, { dueAt: new Date(Date.now() - 1_000).toISOString() }, { actor: 'bot', etag: job.etag });
    }
    expect(h.connector.stats.injected).toBe(6);
    expect(h.connector.notifications).toHaveLength(1);
    const [job] = await noticeJobs();
    expect(job?.fields.status).toBe('done');
    expect(job?.fields.attempts).toBeGreaterThan(1);
    await h.bot.outbox.drainAll();
    expect(h.connector.notifications).toHaveLength(1);
  });

  it('is one job per action, meeting and owner: giving the action to the owner again queues nothing new', async () => {
    const action = await giveInMeeting(TEACHER);
    await h.bot.outbox.drainAll();
    let current = await store.get('actions', action.id);
    current = await services.actions.update(principal, action.id, { ownerId: PRINCIPAL, ownerName: 'Rut Rektor' }, current.etag);
    await services.actions.update(principal, action.id, { ownerId: TEACHER, ownerName: 'Kim Lärare' }, current.etag);
    await h.bot.outbox.drainAll();
    expect(await noticeJobs()).toHaveLength(1);
    expect(h.connector.notifications).toHaveLength(1);
  });
});

describe('the fake connector\'s notification route', () => {
  const post = (body: unknown) => fetch(`${h.connector.url}/v1/meetings/${TEAMS_MEETING_ID}/notification`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const valid = {
    type: 'targetedMeetingNotification',
    value: { recipients: [teamsIdOf(TEACHER)], surfaces: [{ surface: 'meetingStage', contentType: 'task', content: { value: { height: 300, width: 400, title: 'Titel', url: `${TAB}/meeting` } } }] },
  };

  it('takes the documented shape with a 202 and records it', async () => {
    expect((await post(valid)).status).toBe(202);
    expect(h.connector.notifications.map((n) => n.recipients)).toEqual([[teamsIdOf(TEACHER)]]);
  });

  it.each([
    ['a message instead', { ...valid, type: 'message' }],
    ['an Entra object id as recipient', { ...valid, value: { ...valid.value, recipients: [TEACHER] } }],
    ['no surface', { ...valid, value: { ...valid.value, surfaces: [] } }],
    ['the content without its value', { ...valid, value: { ...valid.value, surfaces: [{ surface: 'meetingStage', contentType: 'task', content: { url: `${TAB}/meeting` } }] } }],
    ['an http address', { ...valid, value: { ...valid.value, surfaces: [{ surface: 'meetingStage', contentType: 'task', content: { value: { height: 300, width: 400, title: 'T', url: 'http://kvalitet.example.se/' } } }] } }],
    ['two surfaces of one kind', { ...valid, value: { ...valid.value, surfaces: [valid.value.surfaces[0], valid.value.surfaces[0]] } }],
  ])('refuses %s with a 400', async (_name, body) => {
    expect((await post(body)).status).toBe(400);
    expect(h.connector.notifications).toHaveLength(0);
    expect(h.connector.refusedNotifications).toHaveLength(1);
  });
});
