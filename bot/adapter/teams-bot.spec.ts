/** Every handler through botbuilder's TestAdapter: the activity in, the replies and invoke responses out. */
import { TestAdapter, type Activity } from 'botbuilder';
import { beforeEach, describe, expect, it } from 'vitest';
import { lists, type Entities } from '../../src/lists/lists';
import { createMemoryStore, type MemoryStore } from '../../src/store/memory-store';
import { BotFlows } from '../flows/bot-flows';
import { Conversations } from '../flows/conversations';
import type { OutboundMessage } from '../outbox/message';
import { systemClock } from '../outbox/clock';
import {
  attachmentsOf, BOT, cardActionActivity, installActivity, MEETING_CHAT, meetingEndActivity, meetingStartActivity, messageActivity, OUTSIDER, participantEventActivity, PRINCIPAL,
  seed, TEACHER, teamsIdOf, wiredFor,
  type Seeded,
} from '../testing/fixtures';
import { KvalitetshjuletBot } from './teams-bot';

let store: MemoryStore<Entities>;
let queued: OutboundMessage[];
let seeded: Seeded;
let adapter: TestAdapter;
const serviceUrl = 'https://smba.trafficmanager.net/emea/';

const json = (value: unknown): string => JSON.stringify(value);

beforeEach(async () => {
  store = createMemoryStore<Entities>(lists);
  seeded = await seed(store);
  queued = [];
  const flows = new BotFlows({
    store,
    ...(await wiredFor(store)),
    conversations: new Conversations({ store }),
    outbox: { enqueue: async (m) => void queued.push(m), enqueueAll: async (ms) => void queued.push(...ms) },
    clock: systemClock,
    log: () => {},
  });
  const bot = new KvalitetshjuletBot(flows, {
    members: async () => [
      { id: teamsIdOf(PRINCIPAL), aadObjectId: PRINCIPAL, name: 'Rut Rektor' },
      { id: teamsIdOf(TEACHER), aadObjectId: TEACHER, name: 'Kim Lärare' },
      { id: '28:bot', name: 'Kvalitetshjulet' },
    ],
  });
  adapter = new TestAdapter((context) => bot.run(context));
});

const send = (activity: object) => adapter.send(activity as Partial<Activity>);

describe('KvalitetshjuletBot on the TestAdapter', () => {
  it('message "mina åtgärder": replies with the user\'s actions card', async () => {
    await send(messageActivity({ serviceUrl, text: 'mina åtgärder' }))
      .assertReply((reply) => {
        expect(json(reply.attachments)).toContain('Mina åtgärder');
        expect(json(reply.attachments)).toContain('Kartlägg studiero');
      });
  });

  it('message "hjälp" and "help": the help card, in the user\'s language', async () => {
    await send(messageActivity({ serviceUrl, text: 'hjälp' })).assertReply((r) => expect(json(r.attachments)).toContain('Det här kan jag hjälpa till med'));
    await send(messageActivity({ serviceUrl, text: 'help', locale: 'en-US' })).assertReply((r) => expect(json(r.attachments)).toContain('What I can help with'));
  });

  it('an unknown message: the help card, never silence', async () => {
    await send(messageActivity({ serviceUrl, text: 'vad är klockan' })).assertReply((r) => {
      expect(json(r.attachments)).toContain('Jag förstod inte');
      expect(json(r.attachments)).toContain('Det här kan jag hjälpa till med');
    });
  });

  it('conversationUpdate with the bot added to a 1:1 chat: stores the reference and says hello', async () => {
    await send(installActivity({ serviceUrl })).assertReply((r) => expect(json(r.attachments)).toContain('mina åtgärder'));
    const refs = await store.queryAll('botConversations', { filter: [{ field: 'userId', op: 'eq', value: TEACHER }] });
    expect(refs).toHaveLength(1);
    expect(refs[0]?.fields).toMatchObject({ kind: 'personal', conversationId: `a:1personal-${TEACHER}` });
  });

  it('installationUpdate: stores the reference', async () => {
    const install = { ...installActivity({ serviceUrl }), type: 'installationUpdate', action: 'add' };
    delete (install as { membersAdded?: unknown }).membersAdded;
    await send(install).startTest();
    expect(await store.queryAll('botConversations', { filter: [{ field: 'userId', op: 'eq', value: TEACHER }] })).toHaveLength(1);
  });

  it('meetingStart: queues the agenda card for the meeting chat', async () => {
    await send(meetingStartActivity({ serviceUrl })).startTest();
    expect(queued.map((m) => m.key)).toEqual([`agenda:${seeded.meetingId}`]);
    expect(queued[0]?.target).toMatchObject({ kind: 'conversation', reference: { conversation: { id: MEETING_CHAT } } });
  });

  it('meetingEnd: queues the summary for the chat and a follow-up card for each person (not the bot)', async () => {
    await send(meetingEndActivity({ serviceUrl })).startTest();
    expect(queued.map((m) => m.key).sort()).toEqual([
      `followup:${seeded.meetingId}:${PRINCIPAL}`, `followup:${seeded.meetingId}:${TEACHER}`, `summary:${seeded.meetingId}`,
    ].sort());
    const teacher = queued.find((m) => m.key.endsWith(TEACHER));
    expect(teacher?.target).toEqual({
      kind: 'user', userId: teamsIdOf(TEACHER), aadObjectId: TEACHER, serviceUrl, channelId: 'msteams', tenantId: expect.any(String),
      bot: { id: BOT, name: 'Kvalitetshjulet' },
    });
  });

  it('meetingEnd: marks the meeting ended at the event\'s EndTime, once however often it arrives', async () => {
    expect((await store.get('meetings', seeded.meetingId)).fields.endedAt).toBeUndefined();
    await send(meetingEndActivity({ serviceUrl })).startTest();
    expect((await store.get('meetings', seeded.meetingId)).fields.endedAt).toBe('2026-03-10T09:00:00.000Z');
    const redelivered = meetingEndActivity({ serviceUrl });
    await send({ ...redelivered, value: { ...(redelivered.value as object), EndTime: '2026-03-10T11:00:00Z' } }).startTest();
    expect((await store.get('meetings', seeded.meetingId)).fields.endedAt).toBe('2026-03-10T09:00:00.000Z');
  });

  it('meetingEnd: the summary lists the decisions, then the actions with owners and due dates, and says the chat was asked', async () => {
    const current = await store.get('meetings', seeded.meetingId);
    await store.update('meetings', seeded.meetingId, {
      agenda: [{ id: 'a1', title: 'Resultat i matematik', decisions: ['Matematiklyftet fortsätter i åk 4–6'], notes: 'Klyftan växer.' }, { id: 'a2', title: 'Analys av orsaker' }],
    }, { actor: PRINCIPAL, etag: current.etag });
    await send(meetingEndActivity({ serviceUrl })).startTest();
    const summary = json(attachmentsOf(queued.find((m) => m.key.startsWith('summary:'))));
    const at = (text: string) => summary.indexOf(text);
    expect(at('Resultat i matematik: Matematiklyftet fortsätter i åk 4–6')).toBeGreaterThan(at('Beslut'));
    expect(at('Åtgärder från mötet')).toBeGreaterThan(at('Matematiklyftet'));
    expect(at('Läsfrämjande insats åk 4')).toBeGreaterThan(at('Åtgärder från mötet'));
    expect(summary).toContain('Ansvarig: Kim Lärare');
    expect(summary).toContain('Uppföljningsfrågorna skickades till chattens 2 medlemmar');
  });

  it('participant events: follow-ups go to the unit\'s people who joined, not the chat\'s members, and the summary says so', async () => {
    await send(participantEventActivity({ serviceUrl, event: 'join', users: [TEACHER, OUTSIDER] })).startTest();
    await send(participantEventActivity({ serviceUrl, event: 'leave', users: [TEACHER] })).startTest();
    // the outsider (another unit's staff) is not kept; the teacher who left still joined
    expect((await store.get('meetings', seeded.meetingId)).fields.attendees).toEqual([{ userId: TEACHER, teamsId: teamsIdOf(TEACHER), inMeeting: false }]);
    await send(meetingEndActivity({ serviceUrl })).startTest();
    expect(queued.map((m) => m.key).sort()).toEqual([`followup:${seeded.meetingId}:${TEACHER}`, `summary:${seeded.meetingId}`].sort());
    expect(json(attachmentsOf(queued.find((m) => m.key.startsWith('summary:'))))).toContain('Uppföljningsfrågorna skickades till 1 som deltog i mötet.');
  });

  it('participant events: a redelivered join changes nothing; a malformed value is ignored, not a failed turn', async () => {
    await send(participantEventActivity({ serviceUrl, event: 'join', users: [PRINCIPAL] })).startTest();
    const first = await store.get('meetings', seeded.meetingId);
    await send(participantEventActivity({ serviceUrl, event: 'join', users: [PRINCIPAL] })).startTest();
    expect((await store.get('meetings', seeded.meetingId)).etag).toBe(first.etag);
    await send({ ...participantEventActivity({ serviceUrl, event: 'join', users: [TEACHER] }), value: { members: 'x' } }).startTest();
    expect((await store.get('meetings', seeded.meetingId)).fields.attendees?.map((a) => a.userId)).toEqual([PRINCIPAL]);
  });

  it('adaptiveCard/action: answers the invoke with the refreshed card', async () => {
    const activity = cardActionActivity({ serviceUrl, verb: 'followUp.submit', data: { meetingId: seeded.meetingId, templateId: seeded.templateId, q_styrkor: 'Samsyn' } });
    await send(activity).assertReply((r) => {
      expect(r.type).toBe('invokeResponse');
      const value = r.value as { status: number; body: { statusCode: number; type: string; value: unknown } };
      expect(value.status).toBe(200);
      expect(value.body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(json(value.body.value)).toContain('Samsyn');
    });
  });

  it('adaptiveCard/action with a malformed value: a 400 invoke response, not a crash', async () => {
    const activity = { ...cardActionActivity({ serviceUrl, verb: 'x', data: {} }), value: { action: { type: 'Action.Submit' } } };
    await send(activity).assertReply((r) => {
      expect((r.value as { status: number }).status).toBe(400);
    });
  });
});
