import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONA_USER_IDS } from '../../src/auth/personas';
import { startFakeConnector, type FakeConnector } from '../../bot/testing/fake-connector';
import { BJORKSKOLAN, startHarness, type Harness } from './harness';

/**
 * The whole way of an in-meeting notification through the server: the side panel's POST of an
 * action → the action service → the bot's outbox → the Bot Connector's notification endpoint.
 */
let h: Harness;
let connector: FakeConnector;
let unitId: string;

const TEAMS_MEETING = 'MCMxOTptZWV0aW5nX25vdGljZS10ZXN0';
const CHAT = '19:meeting_notice-test@thread.v2';
const ELIN = PERSONA_USER_IDS.staffBjork;
const ELIN_TEAMS = '29:1elin-berg';

beforeAll(async () => {
  connector = await startFakeConnector();
  h = await startHarness({ botConnectorUrl: connector.url });
  unitId = await h.unitId(BJORKSKOLAN);
}, 60_000);

afterAll(async () => {
  await h?.server.stop();
  await connector?.close();
});

/** Teams' participant join event for Elin in the meeting's chat. */
const joinActivity = {
  type: 'event', name: 'application/vnd.microsoft.meetingParticipantJoin', id: 'join-1', timestamp: '2026-03-10T09:00:00.000Z',
  serviceUrl: 'https://smba.trafficmanager.net/emea/', channelId: 'msteams',
  from: { id: '29:1cecilia-ek', aadObjectId: PERSONA_USER_IDS.principalBjork, name: 'Cecilia Ek' },
  recipient: { id: '28:kvalitetshjulet-local', name: 'Kvalitetshjulet' },
  conversation: { id: CHAT, isGroup: true, conversationType: 'groupChat', tenantId: '1a0000aa-0000-4000-8000-0000000000aa' },
  channelData: { tenant: { id: '1a0000aa-0000-4000-8000-0000000000aa' }, meeting: { id: TEAMS_MEETING } },
  value: { members: [{ user: { id: ELIN_TEAMS, aadObjectId: ELIN, name: 'Elin Berg' }, meeting: { inMeeting: true, role: 'Attendee' } }] },
};

describe('an action given in a live meeting, through the API', () => {
  it('sends its owner a targeted in-meeting notification that opens the action in this server\'s side panel', async () => {
    const link = await h.request('POST', '/api/meetings/link', {
      persona: 'principal-bjork',
      body: { teamsMeetingId: TEAMS_MEETING, chatId: CHAT, unitId, type: 'resultsConference', title: 'Resultatkonferens', startsAt: '2026-03-10T09:00:00+01:00' },
    });
    expect(link.status).toBe(201);
    const meetingId = String(link.body['id']);
    const joined = await fetch(`${h.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(joinActivity) });
    expect(joined.status).toBe(200);

    const created = await h.request('POST', `/api/units/${unitId}/actions`, {
      persona: 'principal-bjork',
      body: { title: 'Läsgrupper åk 3', ownerId: ELIN, ownerName: 'Elin Berg', dueDate: '2026-05-01', originKind: 'meeting', originId: meetingId, meetingId },
    });
    expect(created.status).toBe(201);
    const actionId = String(created.body['id']);

    // the server's scheduler drains the outbox; bounded in count and time
    for (let i = 0; i < 50 && connector.notifications.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(connector.refusedNotifications).toEqual([]);
    expect(connector.notifications).toHaveLength(1);
    const [notice] = connector.notifications;
    expect(notice?.meetingId).toBe(TEAMS_MEETING);
    expect(notice?.recipients).toEqual([ELIN_TEAMS]);
    const url = new URL(notice?.surfaces[0]?.content.value.url ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(`${h.url}/meeting`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ surface: 'sidePanel', meetingId, actionId });
  });
});
