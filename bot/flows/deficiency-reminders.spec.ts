import { beforeEach, describe, expect, it } from 'vitest';
import type { Deficiency } from '../../src/domain';
import { lists, type Entities } from '../../src/lists/lists';
import { createMemoryStore, type MemoryStore } from '../../src/store/memory-store';
import type { Clock } from '../outbox/clock';
import type { OutboundMessage, Sender } from '../outbox/message';
import { Outbox } from '../outbox/outbox';
import { RateLimiter } from '../outbox/rate-limiter';
import { PRINCIPAL, seed, TEACHER, wiredFor } from '../testing/fixtures';
import type { FlowContext } from './context';
import { Conversations } from './conversations';
import { scanDeficiencyReminders } from './deficiency-reminders';
import { scanReminders } from './reminders';

const ENGLISH_PRINCIPAL = '33333333-3333-4333-8333-333333333333';

let store: MemoryStore<Entities>;
let ctx: FlowContext;
let outbox: Outbox;
let now: number;
let unitId: string;
let meetingId: string;
const clock: Clock = { now: () => now, sleep: async () => {} };
const sent: OutboundMessage[] = [];
const sender: Sender = { send: async (message) => { sent.push(message); return { conversationId: 'x' }; } };
const personal = (user: string, locale?: string) => ({ channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation: { id: `a:1${user}`, conversationType: 'personal' }, user: { id: `29:${user}`, aadObjectId: user }, ...(locale ? { locale } : {}) });
const actor = { actor: PRINCIPAL };

beforeEach(async () => {
  now = Date.parse('2026-03-10T06:00:00Z');
  sent.length = 0;
  store = createMemoryStore<Entities>(lists);
  ({ unitId, meetingId } = await seed(store, { today: '2026-03-10' }));
  const unit = await store.get('units', unitId);
  await store.update('units', unitId, { principalIds: [PRINCIPAL, ENGLISH_PRINCIPAL] }, { ...actor, etag: unit.etag });
  const conversations = new Conversations({ store });
  outbox = new Outbox({ store, sender, clock, limiter: new RateLimiter({ clock }) });
  ctx = { store, ...(await wiredFor(store)), conversations, outbox, clock, log: () => {} };
  await conversations.remember(personal(TEACHER), TEACHER);
  await conversations.remember(personal(PRINCIPAL), PRINCIPAL);
  await conversations.remember(personal(ENGLISH_PRINCIPAL, 'en-GB'), ENGLISH_PRINCIPAL);
});

async function deficiency(key: string, fields: Partial<Deficiency>): Promise<string> {
  const item = await store.create('deficiencies', { title: 'Otrygg skolgård', unitId, source: 'inspection', foundOn: '2026-02-01', status: 'open', ...fields }, { ...actor, clientKey: key });
  return item.id;
}

const deficiencyKeys = async (): Promise<string[]> => (await store.queryAll('jobs', { filter: [{ field: 'status', op: 'eq', value: 'pending' }] }))
  .map((j) => j.fields.key).filter((k) => k.startsWith('outbound:deficiency:')).sort();

describe('scanDeficiencyReminders', () => {
  it('tells every principal of the unit about a deficiency without an action a week after it was found, and about one past its deadline', async () => {
    const late = await deficiency('late', { deadline: '2026-03-01', caseNumber: 'SI 2026:1234' });
    const fresh = await deficiency('fresh', { foundOn: '2026-03-06' });
    const result = await scanDeficiencyReminders(ctx);
    expect(await deficiencyKeys()).toEqual([
      `outbound:deficiency:${late}:overdue:2026-03-01:${ENGLISH_PRINCIPAL}`,
      `outbound:deficiency:${late}:overdue:2026-03-01:${PRINCIPAL}`,
      `outbound:deficiency:${late}:withoutAction:${ENGLISH_PRINCIPAL}`,
      `outbound:deficiency:${late}:withoutAction:${PRINCIPAL}`,
    ].sort());
    expect(result).toEqual({ queued: 4, withoutConversation: 0 });
    expect((await deficiencyKeys()).some((k) => k.includes(`:${fresh}:`))).toBe(false);
  });

  it('queues each reminder once however often it scans, and not at all once an action answers the deficiency', async () => {
    const id = await deficiency('once', {});
    await Promise.all([scanDeficiencyReminders(ctx), scanDeficiencyReminders(ctx)]);
    await scanReminders(ctx);
    expect(await deficiencyKeys()).toHaveLength(2);
    await outbox.drainAll();
    const cards = JSON.stringify(sent.filter((m) => m.activity.type === 'message' && m.activity.summary === 'Otrygg skolgård'));
    expect(cards).toContain('Brist: Otrygg skolgård');
    expect(cards).toContain('Saknar åtgärd');
    expect(cards).toContain('Deficiency: Otrygg skolgård');
    expect(cards).toContain('No action yet');
    expect(cards).toContain('Skolinspektionen');

    const other = await deficiency('answered', { title: 'Klagomål om matsalen', source: 'complaint' });
    await store.create('actions', {
      title: 'Vuxna i matsalen', unitId, ownerId: TEACHER, dueDate: '2026-04-01', status: 'planned', originKind: 'deficiency', originId: other, schoolYear: '2025/26',
    }, { ...actor, clientKey: 'answer' });
    await scanDeficiencyReminders(ctx);
    expect((await deficiencyKeys()).some((k) => k.includes(`:${other}:`))).toBe(false);
    expect(id).not.toBe(other);
  });

  it('leaves closed deficiencies, and an action of the same id in another kind, as they are', async () => {
    await deficiency('closed', { status: 'closed', closedOn: '2026-03-01', deadline: '2026-02-15' });
    const id = await deficiency('meeting-origin', {});
    // an action whose originId is the same number but names a meeting does not answer the deficiency
    await store.create('actions', {
      title: 'Från mötet', unitId, ownerId: TEACHER, dueDate: '2026-04-01', status: 'planned', originKind: 'meeting', originId: id, meetingId, schoolYear: '2025/26',
    }, { ...actor, clientKey: 'meeting-action' });
    await scanDeficiencyReminders(ctx);
    expect(await deficiencyKeys()).toEqual([`outbound:deficiency:${id}:withoutAction:${ENGLISH_PRINCIPAL}`, `outbound:deficiency:${id}:withoutAction:${PRINCIPAL}`].sort());
  });

  it('counts principals the bot cannot reach yet instead of failing', async () => {
    await deficiency('unreached', {});
    const bare = { ...ctx, conversations: new Conversations({ store: createMemoryStore(lists) }) };
    expect(await scanDeficiencyReminders(bare)).toEqual({ queued: 0, withoutConversation: 2 });
  });
});
