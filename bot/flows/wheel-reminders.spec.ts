import { beforeEach, describe, expect, it } from 'vitest';
import type { YearWheelActivity } from '../../src/domain';
import { lists, type Entities } from '../../src/lists/lists';
import { createMemoryStore, type MemoryStore } from '../../src/store/memory-store';
import { startedMirror } from '../../src/store/test-kit';
import type { Clock } from '../outbox/clock';
import type { OutboundMessage, Sender } from '../outbox/message';
import { Outbox } from '../outbox/outbox';
import { RateLimiter } from '../outbox/rate-limiter';
import { PRINCIPAL, seed, TEACHER } from '../testing/fixtures';
import type { FlowContext } from './context';
import { Conversations } from './conversations';
import { runScheduledScan } from './reminders';
import { scanWheelReminders } from './wheel-reminders';

const OTHER_PRINCIPAL = '33333333-3333-4333-8333-333333333333';
const UNREACHABLE = '44444444-4444-4444-8444-444444444444';

let store: MemoryStore<Entities>;
let ctx: FlowContext;
let outbox: Outbox;
let now: number;
let unitId: string;
let otherUnitId: string;
const logs: string[] = [];
const clock: Clock = { now: () => now, sleep: async () => {} };
const sent: { message: OutboundMessage; id: string }[] = [];
const sender: Sender = { send: async (message, id) => { sent.push({ message, id }); return { conversationId: 'x' }; } };
const personal = (user: string, locale?: string) => ({ channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation: { id: `a:1${user}`, conversationType: 'personal' }, user: { id: `29:${user}`, aadObjectId: user }, ...(locale ? { locale } : {}) });
const actor = { actor: PRINCIPAL };

beforeEach(async () => {
  now = Date.parse('2026-03-10T06:00:00Z');
  sent.length = 0;
  logs.length = 0;
  store = createMemoryStore<Entities>(lists);
  unitId = (await seed(store, { today: '2026-03-10' })).unitId;
  // PRINCIPAL leads both units: a municipality-wide activity must still reach them once
  otherUnitId = (await store.create('units', { name: 'Ekskolan', type: 'grundskola', schoolUnitCode: '87654321', principalIds: [OTHER_PRINCIPAL, PRINCIPAL, UNREACHABLE] }, { ...actor, clientKey: 'unit-2' })).id;
  const conversations = new Conversations({ store });
  outbox = new Outbox({ store, sender, clock, limiter: new RateLimiter({ clock }) });
  ctx = { store, readModel: (await startedMirror(store, store)).readModel, conversations, outbox, clock, log: (m) => logs.push(m) };
  await conversations.remember(personal(TEACHER), TEACHER);
  await conversations.remember(personal(PRINCIPAL), PRINCIPAL);
  await conversations.remember(personal(OTHER_PRINCIPAL, 'en-US'), OTHER_PRINCIPAL);
});

async function activity(fields: Partial<YearWheelActivity> & { date: string }): Promise<string> {
  const item = await store.create('yearWheel', { title: 'Resultatkonferens ht', kind: 'resultsConference', schoolYear: '2025/26', ...fields }, { ...actor, clientKey: `wheel-${fields.title ?? ''}-${fields.date}-${fields.unitId ?? 'all'}` });
  return item.id;
}

const wheelKeys = async (): Promise<string[]> => (await store.queryAll('jobs', { filter: [{ field: 'status', op: 'eq', value: 'pending' }] }))
  .map((j) => j.fields.key).filter((k) => k.startsWith('outbound:wheel:')).sort();

describe('scanWheelReminders', () => {
  it("reminds a unit's own principal of the unit's activity, once, on the remind day", async () => {
    const id = await activity({ unitId: otherUnitId, date: '2026-03-17', remindDaysBefore: 7 });
    const result = await scanWheelReminders(ctx);
    expect(await wheelKeys()).toEqual([`outbound:wheel:${id}:${OTHER_PRINCIPAL}:2026-03-17`, `outbound:wheel:${id}:${PRINCIPAL}:2026-03-17`].sort());
    expect(result).toEqual({ queued: 2, withoutConversation: 1 });
    await activity({ title: 'Björkskolans egen', unitId, date: '2026-03-12' });
    await scanWheelReminders(ctx);
    expect((await wheelKeys()).filter((k) => !k.startsWith(`outbound:wheel:${id}:`))).toEqual([expect.stringMatching(new RegExp(`:${PRINCIPAL}:2026-03-12$`))]);
  });

  it('reminds every principal of a municipality-wide activity once, however many units they lead', async () => {
    const id = await activity({ date: '2026-03-20' }); // default: 14 days before
    expect(await scanWheelReminders(ctx)).toEqual({ queued: 2, withoutConversation: 1 });
    expect(await wheelKeys()).toEqual([`outbound:wheel:${id}:${OTHER_PRINCIPAL}:2026-03-20`, `outbound:wheel:${id}:${PRINCIPAL}:2026-03-20`].sort());
    await outbox.drainAll();
    expect(sent.map((s) => s.id).sort()).toEqual([`outbound:wheel:${id}:${OTHER_PRINCIPAL}:2026-03-20`, `outbound:wheel:${id}:${PRINCIPAL}:2026-03-20`].sort());
  });

  it('sends nothing before the remind day', async () => {
    await activity({ date: '2026-03-25' }); // remind day 2026-03-11 by default
    await activity({ title: 'Kort varsel', unitId, date: '2026-03-13', remindDaysBefore: 2 });
    expect(await scanWheelReminders(ctx)).toEqual({ queued: 0, withoutConversation: 0 });
    expect(await wheelKeys()).toEqual([]);
    now = Date.parse('2026-03-11T06:00:00Z');
    expect((await scanWheelReminders(ctx)).queued).toBe(3); // two principals, and the unit's one
  });

  it('sends nothing after the date, and still reminds on the day itself', async () => {
    await activity({ title: 'Igår', date: '2026-03-09' });
    expect(await scanWheelReminders(ctx)).toEqual({ queued: 0, withoutConversation: 0 });
    const id = await activity({ title: 'I dag', unitId, date: '2026-03-10', remindDaysBefore: 0 });
    await scanWheelReminders(ctx);
    expect(await wheelKeys()).toEqual([`outbound:wheel:${id}:${PRINCIPAL}:2026-03-10`]);
  });

  it('queues and sends nothing new on a second scan, or on two instances at once', async () => {
    await activity({ date: '2026-03-20' });
    await Promise.all([scanWheelReminders(ctx), scanWheelReminders(ctx)]);
    await outbox.drainAll();
    expect(sent).toHaveLength(2);
    now += 86_400_000; // the next day's scan sees the same activity again
    await scanWheelReminders(ctx);
    await outbox.drainAll();
    expect(sent).toHaveLength(2);
    expect(await wheelKeys()).toEqual([]);
  });

  it('skips and logs a principal the bot has no personal conversation with', async () => {
    const id = await activity({ unitId: otherUnitId, date: '2026-03-17' });
    await scanWheelReminders(ctx);
    expect((await wheelKeys()).some((k) => k.includes(UNREACHABLE))).toBe(false);
    expect(logs).toEqual([`wheel reminder ${id}: no personal conversation with ${UNREACHABLE}, skipped`]);
  });

  it("names the activity, its date and days left, and what to have ready, in the person's language", async () => {
    await activity({ title: 'Rapport till huvudmannen', kind: 'reportDeadline', date: '2026-03-15' });
    await scanWheelReminders(ctx);
    await outbox.drainAll();
    const cardOf = (user: string) => JSON.stringify(sent.find((s) => s.id.includes(user))?.message.activity);
    expect(cardOf(`:${PRINCIPAL}:`)).toContain('Årshjulet: Rapport till huvudmannen');
    expect(cardOf(`:${PRINCIPAL}:`)).toContain('15 mars 2026');
    expect(cardOf(`:${PRINCIPAL}:`)).toContain('Det är om 5 dagar.');
    expect(cardOf(`:${PRINCIPAL}:`)).toContain('analys vara inlämnad');
    expect(cardOf(`:${PRINCIPAL}:`)).toContain('hela kommunen');
    expect(cardOf(`:${OTHER_PRINCIPAL}:`)).toContain('Year wheel: Rapport till huvudmannen');
    expect(cardOf(`:${OTHER_PRINCIPAL}:`)).toContain('15 Mar 2026');
    expect(cardOf(`:${OTHER_PRINCIPAL}:`)).toContain('It is in 5 days.');
    expect(cardOf(`:${OTHER_PRINCIPAL}:`)).toContain('analysis should be submitted');
  });

  it('runs inside the scheduled, leased reminder scan', async () => {
    const id = await activity({ unitId, title: 'Resultatkonferens vt', date: '2026-03-20' });
    const results = await Promise.all([runScheduledScan(ctx, 'a'), runScheduledScan(ctx, 'b')]);
    expect(results.filter((r) => r !== undefined)).toHaveLength(1);
    expect(await wheelKeys()).toEqual([`outbound:wheel:${id}:${PRINCIPAL}:2026-03-20`]);
  });
});
