/**
 * Test data for the bot: a unit with its principal and staff group, a linked meeting with
 * actions, a template; a second unit whose people are outsiders to the first; the directory that
 * knows who is in which staff group; and real Teams activity JSON.
 */
import { LocalDirectory } from '../../src/auth/directory-local';
import type { Entities } from '../../src/lists/lists';
import { createServices, type Services, type ServicesOptions } from '../../src/services';
import type { Store } from '../../src/store/port';
import type { ChangeFeed } from '../../src/store/changes';
import type { ReadModel } from '../../src/store/read-model';
import { startedMirror } from '../../src/store/test-kit';
import type { Turn } from '../flows/turn';
import type { OutboundMessage } from '../outbox/message';

export const TENANT = '0d3a4f8e-2b1c-4e5f-9a7b-6c8d9e0f1a2b';
export const PRINCIPAL = '11111111-1111-4111-8111-111111111111';
export const TEACHER = '22222222-2222-4222-8222-222222222222';
/** The principal and a staff member of another unit (Lindskolan): outsiders to Björkskolan's meeting and actions. */
export const OTHER_PRINCIPAL = '33333333-3333-4333-8333-333333333333';
export const OUTSIDER = '44444444-4444-4444-8444-444444444444';
export const STAFF_GROUP = '55555555-5555-4555-8555-555555555551';
export const OTHER_STAFF_GROUP = '55555555-5555-4555-8555-555555555552';
export const BOT = '28:kvalitetshjulet-bot';
export const MEETING_CHAT = '19:meeting_NjU4YjA2MzctMjM0Ni00@thread.v2';
export const TEAMS_MEETING_ID = 'MCMxOTptZWV0aW5nX05qVTRZakEyTXpj';

export const userN = (n: number): string => `${String(n).padStart(8, '0')}-aaaa-4aaa-8aaa-${String(n).padStart(12, '0')}`;
export const teamsIdOf = (aad: string): string => `29:1${aad.replace(/-/g, '')}`;

export interface Seeded {
  unitId: string;
  meetingId: string;
  templateId: string;
  actionIds: string[];
}

const actor = { actor: PRINCIPAL };

export async function seed(store: Store<Entities>, options: { today?: string; linked?: boolean } = {}): Promise<Seeded> {
  const today = options.today ?? '2026-03-10';
  const unit = await store.create('units', { name: 'Björkskolan', type: 'grundskola', schoolUnitCode: '12345678', principalIds: [PRINCIPAL], staffGroupId: STAFF_GROUP }, { ...actor, clientKey: 'unit-1' });
  const meeting = await store.create('meetings', {
    type: 'resultsConference', title: 'Resultatkonferens vt', unitId: unit.id, startsAt: `${today}T08:00:00Z`, schoolYear: '2025/26',
    ...(options.linked === false ? {} : { teamsMeetingId: TEAMS_MEETING_ID, chatId: MEETING_CHAT }),
    participants: [{ role: 'principal', userId: PRINCIPAL }, { role: 'teacher', userId: TEACHER }],
    agenda: [{ id: 'a1', title: 'Resultat i matematik' }, { id: 'a2', title: 'Analys av orsaker' }],
  }, { ...actor, clientKey: 'meeting-1' });
  const template = await store.create('followUpTemplates', {
    meetingType: 'resultsConference', version: 2,
    questions: [
      { id: 'styrkor', sv: 'Vilka styrkor såg vi?', en: 'Which strengths did we see?', kind: 'text' },
      { id: 'delaktighet', sv: 'Jag kunde bidra i analysen.', en: 'I could contribute to the analysis.', kind: 'scale' },
    ],
  }, { ...actor, clientKey: 'template-2' });
  await store.create('followUpTemplates', {
    meetingType: 'resultsConference', version: 1, questions: [{ id: 'gammal', sv: 'Gammal fråga', en: 'Old question', kind: 'text' }],
  }, { ...actor, clientKey: 'template-1' });
  const actionIds: string[] = [];
  const actions = [
    { title: 'Läsfrämjande insats åk 4', ownerId: TEACHER, ownerName: 'Kim Lärare', dueDate: '2026-03-12', status: 'planned' as const },
    { title: 'Kartlägg studiero', ownerId: TEACHER, ownerName: 'Kim Lärare', dueDate: '2026-02-01', status: 'inProgress' as const },
    { title: 'Klar åtgärd', ownerId: TEACHER, ownerName: 'Kim Lärare', dueDate: '2026-02-01', status: 'done' as const },
  ];
  for (const [i, a] of actions.entries()) {
    const item = await store.create('actions', { ...a, unitId: unit.id, originKind: 'meeting', originId: meeting.id, schoolYear: '2025/26' }, { ...actor, clientKey: `action-${i}` });
    actionIds.push(item.id);
  }
  return { unitId: unit.id, meetingId: meeting.id, templateId: template.id, actionIds };
}

/** Lindskolan: another unit, with OTHER_PRINCIPAL as its principal and OUTSIDER in its staff group. */
export async function seedOtherUnit(store: Store<Entities>): Promise<string> {
  const other = await store.create('units', { name: 'Lindskolan', type: 'grundskola', schoolUnitCode: '87654321', principalIds: [OTHER_PRINCIPAL], staffGroupId: OTHER_STAFF_GROUP }, { actor: OTHER_PRINCIPAL, clientKey: 'unit-lind' });
  return other.id;
}

/** Who is in which staff group, as Entra would say (the bot asks the directory: it gets no token). */
export const testDirectory = new LocalDirectory({
  personas: [
    { userId: PRINCIPAL, name: 'Rut Rektor', groups: [] },
    { userId: TEACHER, name: 'Kim Lärare', groups: [STAFF_GROUP] },
    { userId: OTHER_PRINCIPAL, name: 'Lars Lind', groups: [] },
    { userId: OUTSIDER, name: 'Olle Utanför', groups: [OTHER_STAFF_GROUP] },
  ],
});

/** The services the API uses, over `store`, with the test directory: what the bot's card actions ask. */
export function servicesFor(store: Store<Entities>, readModel: ReadModel<Entities>, now?: () => Date, options: ServicesOptions = {}): Services {
  return createServices(store, readModel, { directory: testDirectory, unitCacheMilliseconds: 0, ...(now ? { now } : {}), ...options });
}

/** What flows read and ask over `store`, as the server wires them: its read model (a mirror) and the API's services. */
export async function wiredFor(store: Store<Entities> & ChangeFeed<Entities>, now?: () => Date): Promise<{ readModel: ReadModel<Entities>; services: Services }> {
  const { readModel } = await startedMirror(store, store);
  return { readModel, services: servicesFor(store, readModel, now) };
}

interface ActivityOptions {
  serviceUrl: string;
  id?: string;
  from?: string;
  locale?: string;
}

const base = (o: ActivityOptions, conversation: Record<string, unknown>) => ({
  id: o.id ?? `f:${Math.random().toString(36).slice(2)}`,
  timestamp: '2026-03-10T09:00:00.000Z',
  serviceUrl: o.serviceUrl,
  channelId: 'msteams',
  from: { id: teamsIdOf(o.from ?? TEACHER), aadObjectId: o.from ?? TEACHER, name: 'Kim Lärare' },
  recipient: { id: BOT, name: 'Kvalitetshjulet' },
  conversation,
  locale: o.locale ?? 'sv-SE',
  entities: [{ type: 'clientInfo', locale: o.locale ?? 'sv-SE', country: 'SE', platform: 'Web' }],
  channelData: { tenant: { id: TENANT } },
});

const personal = (user: string) => ({ conversationType: 'personal', tenantId: TENANT, id: `a:1personal-${user}` });
const meetingChat = { isGroup: true, conversationType: 'groupChat', tenantId: TENANT, id: MEETING_CHAT };

export function messageActivity(o: ActivityOptions & { text: string }) {
  return { ...base(o, personal(o.from ?? TEACHER)), type: 'message', text: o.text, textFormat: 'plain' };
}

export function installActivity(o: ActivityOptions) {
  return { ...base(o, personal(o.from ?? TEACHER)), type: 'conversationUpdate', membersAdded: [{ id: BOT }] };
}

export function meetingEndActivity(o: ActivityOptions & { meetingId?: string }) {
  const meetingId = o.meetingId ?? TEAMS_MEETING_ID;
  const b = base(o, meetingChat);
  return {
    ...b,
    type: 'event',
    name: 'application/vnd.microsoft.meetingEnd',
    channelData: { ...b.channelData, source: null, meeting: { id: meetingId } },
    value: { Id: meetingId, MeetingType: 'Scheduled', JoinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x', Title: 'Resultatkonferens vt', EndTime: '2026-03-10T09:00:00Z' },
  };
}

export function meetingStartActivity(o: ActivityOptions & { meetingId?: string }) {
  const meetingId = o.meetingId ?? TEAMS_MEETING_ID;
  const b = base(o, meetingChat);
  return {
    ...b,
    type: 'event',
    name: 'application/vnd.microsoft.meetingStart',
    channelData: { ...b.channelData, source: null, meeting: { id: meetingId } },
    value: { Id: meetingId, MeetingType: 'Scheduled', JoinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x', Title: 'Resultatkonferens vt', StartTime: '2026-03-10T08:00:00Z' },
  };
}

/** Teams' participant event: `value.members[]` of `{ user, meeting: { inMeeting, role } }`, as "Get participant events" shows it. */
export function participantEventActivity(o: ActivityOptions & { event: 'join' | 'leave'; users: readonly string[]; meetingId?: string }) {
  const meetingId = o.meetingId ?? TEAMS_MEETING_ID;
  const b = base(o, meetingChat);
  return {
    ...b,
    type: 'event',
    name: o.event === 'join' ? 'application/vnd.microsoft.meetingParticipantJoin' : 'application/vnd.microsoft.meetingParticipantLeave',
    channelData: { ...b.channelData, source: null, meeting: { id: meetingId } },
    value: {
      members: o.users.map((aad) => ({
        user: { tenantId: TENANT, objectId: aad, id: teamsIdOf(aad), aadObjectId: aad, name: 'Deltagare' },
        meeting: { inMeeting: o.event === 'join', role: 'Attendee' },
      })),
    },
  };
}

export function cardActionActivity(o: ActivityOptions & { verb: string; data: Record<string, unknown> }) {
  return {
    ...base(o, personal(o.from ?? TEACHER)),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: o.verb, data: o.data }, trigger: 'manual' },
  };
}

/** Microsoft 365 Agents Playground's default current user and tenant, as it ships them (not GUIDs). */
export const PLAYGROUND_USER = { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' };
export const PLAYGROUND_TENANT = '00000000-0000-0000-0000-0000000000001';

/** A message in the Playground's personal chat with its default users, exactly as the Playground sends it. */
export function playgroundDefaultMessage(o: { serviceUrl: string; text: string; conversationId?: string }) {
  return {
    type: 'message',
    text: o.text,
    id: 'bbd57385-edea-4de2-bf0c-afb73366fce6',
    from: PLAYGROUND_USER,
    timestamp: '2026-12-01T18:44:58.529Z',
    localTimestamp: '2026-12-01T18:44:58.529+00:00',
    localTimezone: 'UTC',
    serviceUrl: o.serviceUrl,
    conversation: { conversationType: 'personal', tenantId: PLAYGROUND_TENANT, id: o.conversationId ?? 'e1d4fbab-213d-4ad7-80f3-2497296e6437' },
    recipient: { id: '00000000-0000-0000-0000-00000000000011', name: 'Test Bot' },
    textFormat: 'plain',
    locale: 'en-US',
    entities: [{ type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'UTC' }],
    channelData: { tenant: { id: PLAYGROUND_TENANT } },
    channelId: 'msteams',
  };
}

/** An Action.Execute from `userId`, as the flows see it (the adapter builds this from the invoke). */
export function cardTurn(verb: string, data: Record<string, unknown>, userId: string, locale = 'sv-SE'): Turn {
  const conversation = { id: `a:1personal-${userId}`, conversationType: 'personal', tenantId: TENANT };
  return {
    info: {
      type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      from: { id: teamsIdOf(userId), aadObjectId: userId }, conversationId: conversation.id, conversationType: 'personal', tenantId: TENANT,
      serviceUrl: 'https://smba.trafficmanager.net/emea/', channelId: 'msteams', locale,
      reference: { channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation, user: { id: teamsIdOf(userId), aadObjectId: userId } },
    },
    reply: async () => {},
    members: async () => [],
  };
}

/** A queued message's card attachments (a targeted meeting notification has none). */
export function attachmentsOf(message: OutboundMessage | undefined): unknown {
  return message?.activity.type === 'message' ? message.activity.attachments : undefined;
}
