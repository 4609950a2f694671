import { beforeEach, describe, expect, it } from 'vitest';
import { lists, type Entities } from '../../src/lists/lists';
import { createMemoryStore, type MemoryStore } from '../../src/store/memory-store';
import { SyncingError } from '../../src/store/errors';
import type { Store } from '../../src/store/port';
import type { Clock } from '../outbox/clock';
import type { Sender } from '../outbox/message';
import { Outbox } from '../outbox/outbox';
import { RateLimiter } from '../outbox/rate-limiter';
import { cardTurn, OTHER_PRINCIPAL, OUTSIDER, PRINCIPAL, seed, seedOtherUnit, TEACHER, wiredFor, type Seeded } from '../testing/fixtures';
import { BotFlows } from './bot-flows';
import type { FlowContext } from './context';
import type { Turn } from './turn';
import { Conversations } from './conversations';
import { runScheduledScan, scanReminders } from './reminders';

let store: MemoryStore<Entities>;
let seeded: Seeded;
let ctx: FlowContext;
let outbox: Outbox;
let now: number;
const clock: Clock = { now: () => now, sleep: async () => {} };
const sent: string[] = [];
const sender: Sender = { send: async (_m, id) => { sent.push(id); return { conversationId: 'x' }; } };
const personal = (user: string) => ({ channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation: { id: `a:1${user}`, conversationType: 'personal' }, user: { id: `29:${user}`, aadObjectId: user } });

beforeEach(async () => {
  now = Date.parse('2026-03-10T06:00:00Z');
  sent.length = 0;
  store = createMemoryStore<Entities>(lists);
  seeded = await seed(store, { today: '2026-03-10' });
  await seedOtherUnit(store);
  const conversations = new Conversations({ store });
  outbox = new Outbox({ store, sender, clock, limiter: new RateLimiter({ clock }) });
  ctx = { store, ...(await wiredFor(store, () => new Date(now))), conversations, outbox, clock, log: () => {} };
  await conversations.remember(personal(TEACHER), TEACHER);
  await conversations.remember(personal(PRINCIPAL), PRINCIPAL);
});

const jobKeys = async (): Promise<string[]> => (await store.queryAll('jobs', { filter: [{ field: 'status', op: 'eq', value: 'pending' }] }))
  .filter((j) => j.fields.kind === 'outbound').map((j) => j.fields.key).sort();

describe('scanReminders', () => {
  it('reminds the owner before the due date and when overdue, and tells the principal about a long-overdue action', async () => {
    const result = await scanReminders(ctx, { daysBefore: 3, escalateAfterDays: 14 });
    const [soon, overdue] = seeded.actionIds;
    expect(await jobKeys()).toEqual([
      `outbound:escalation:${overdue}:2026-02-01:${PRINCIPAL}`,
      `outbound:reminder:${overdue}:overdue:2026-02-01`,
      `outbound:reminder:${soon}:dueSoon:2026-03-12`,
    ].sort());
    expect(result).toEqual({ queued: 3, withoutConversation: 0 });
  });

  it('queues nothing twice when it runs again, or on two instances at once', async () => {
    await Promise.all([scanReminders(ctx), scanReminders(ctx)]);
    await scanReminders(ctx);
    expect(await jobKeys()).toHaveLength(3);
    await outbox.drainAll();
    expect(sent).toHaveLength(3);
  });

  it('does not remind about an action that is not due within the set days', async () => {
    now = Date.parse('2026-03-05T06:00:00Z');
    await scanReminders(ctx, { daysBefore: 3, escalateAfterDays: 100 });
    expect((await jobKeys()).filter((k) => k.includes('dueSoon'))).toEqual([]);
  });

  it('leaves done and cancelled actions alone', async () => {
    const [soon] = seeded.actionIds;
    const item = await store.get('actions', soon ?? '');
    await store.update('actions', item.id, { status: 'cancelled' }, { actor: TEACHER, etag: item.etag });
    await scanReminders(ctx, { daysBefore: 3, escalateAfterDays: 14 });
    expect((await jobKeys()).some((k) => k.includes(`:${soon}:`))).toBe(false);
  });

  it('counts owners the bot cannot reach yet instead of failing', async () => {
    const bare = { ...ctx, conversations: new Conversations({ store: createMemoryStore(lists) }) };
    expect(await scanReminders(bare)).toEqual({ queued: 0, withoutConversation: 2 });
  });
});

describe('runScheduledScan', () => {
  it('lets one instance scan per period; the others skip', async () => {
    const results = await Promise.all([runScheduledScan(ctx, 'a'), runScheduledScan(ctx, 'b'), runScheduledScan(ctx, 'c')]);
    expect(results.filter((r) => r !== undefined)).toHaveLength(1);
    expect(await runScheduledScan(ctx, 'a')).toBeUndefined(); // done for this period
    now += 3_600_000;
    expect(await runScheduledScan(ctx, 'b')).toBeDefined();
  });

  it('leaves the scan free when this instance\'s mirror is still syncing: another instance runs it at once', async () => {
    const syncing: FlowContext = { ...ctx, readModel: { read: async () => { throw new SyncingError(2); } } };
    await expect(runScheduledScan(syncing, 'syncing', { leaseMs: 60_000 })).rejects.toBeInstanceOf(SyncingError);
    expect(await runScheduledScan(ctx, 'alive', { leaseMs: 60_000 })).toEqual({ queued: 3, withoutConversation: 0 });
  });

  it('runs again when the instance that held the scan died before finishing', async () => {
    // dies mid-scan, after it claimed the scan: at its first reminder
    const broken: FlowContext = { ...ctx, outbox: { enqueue: async () => { throw new Error('process killed'); }, enqueueAll: async () => { throw new Error('process killed'); } } };
    await expect(runScheduledScan(broken, 'dead', { leaseMs: 60_000 })).rejects.toThrow('process killed');
    expect(await runScheduledScan(ctx, 'alive', { leaseMs: 60_000 })).toBeUndefined(); // leased
    now += 60_000;
    expect(await runScheduledScan(ctx, 'alive', { leaseMs: 60_000 })).toEqual({ queued: 3, withoutConversation: 0 });
  });
});

/** The turn as Teams sends it with the person's name in `from`. */
const named = (turn: Turn, name: string): Turn => ({ ...turn, info: { ...turn.info, from: { ...turn.info.from, name } } });

describe('reminder card actions', () => {
  const act = (verb: string, data: Record<string, unknown>, userId = TEACHER) => new BotFlows(ctx).onCardAction(cardTurn(verb, data, userId));

  it('marks the action done with its evaluation', async () => {
    const id = seeded.actionIds[0] ?? '';
    const result = await act('action.done', { actionId: id, evaluation: 'Fler elever läser varje dag.' });
    expect(JSON.stringify(result)).toContain('Åtgärden är markerad som klar.');
    // where the action comes from shows on the card
    expect(JSON.stringify(result)).toMatch(/Utgår från: (Analys|Möte|Brist)/);
    expect((await store.get('actions', id)).fields).toMatchObject({ status: 'done', evaluation: 'Fler elever läser varje dag.' });
  });

  it.each([undefined, '', '   '])('refuses to mark the action done without an evaluation (%j), shows the evaluation field, and changes nothing', async (evaluation) => {
    const id = seeded.actionIds[0] ?? '';
    const before = await store.get('actions', id);
    const text = JSON.stringify(await act('action.done', { actionId: id, ...(evaluation === undefined ? {} : { evaluation }) }));
    expect(text).toContain('en åtgärd markeras som klar först när den är utvärderad');
    expect(text).toContain('"id":"evaluation"');
    expect((await store.get('actions', id)).etag).toBe(before.etag);
  });

  it('keeps a refused evaluation as it was typed (a personnummer), under why', async () => {
    const id = seeded.actionIds[0] ?? '';
    const text = JSON.stringify(await act('action.done', { actionId: id, evaluation: 'Eleven 121212-1212 läser mer' }));
    expect(text).toContain('Texten innehåller ett personnummer');
    expect(text).toContain('"value":"Eleven 121212-1212 läser mer"');
    expect((await store.get('actions', id)).fields.status).toBe('planned');
  });

  it('sets a new due date, and adds each comment to the action\'s history with its author and time, leaving the description alone', async () => {
    const id = seeded.actionIds[1] ?? '';
    const description = (await store.get('actions', id)).fields.description;
    await act('action.newDate', { actionId: id, dueDate: '2026-04-30' });
    await act('action.comment', { actionId: id, comment: 'Väntar på enkätsvar' });
    await new BotFlows(ctx).onCardAction(named(cardTurn('action.comment', { actionId: id, comment: 'Enkäten är klar' }, TEACHER), 'Kim Lärare'));
    const action = (await store.get('actions', id)).fields;
    expect(action.dueDate).toBe('2026-04-30');
    expect(action.description).toBe(description);
    expect(action.comments).toEqual([
      { authorId: TEACHER, at: '2026-03-10T06:00:00.000Z', text: 'Väntar på enkätsvar' },
      { authorId: TEACHER, authorName: 'Kim Lärare', at: '2026-03-10T06:00:00.000Z', text: 'Enkäten är klar' },
    ]);
  });

  it.each(['Gäller 20121212–1212', 'eleven 19121212 1212', 'se 121212 - 1212'])('refuses a comment holding a personnummer (%j) and keeps the description', async (comment) => {
    const id = seeded.actionIds[1] ?? '';
    const before = await store.get('actions', id);
    expect(JSON.stringify(await act('action.comment', { actionId: id, comment }))).toContain('Texten innehåller ett personnummer');
    expect((await store.get('actions', id)).etag).toBe(before.etag);
  });

  it('refuses someone who is neither the owner nor the unit\'s principal, as PATCH /api/actions/:id does', async () => {
    const id = seeded.actionIds[0] ?? '';
    // another unit's principal sees the action (collegial learning) but may not change it: 403
    expect(await act('action.done', { actionId: id }, OTHER_PRINCIPAL)).toMatchObject({ kind: 'error', status: 403 });
    // another unit's staff do not see it at all: 404
    expect(await act('action.done', { actionId: id }, OUTSIDER)).toMatchObject({ kind: 'error', status: 404 });
    expect((await store.get('actions', id)).fields.status).toBe('planned');
  });

  it('lets the unit\'s principal mark a staff member\'s action done, as the tab does', async () => {
    const id = seeded.actionIds[0] ?? '';
    expect(JSON.stringify(await act('action.done', { actionId: id, evaluation: 'Klart.' }, PRINCIPAL))).toContain('Åtgärden är markerad som klar.');
    const action = await store.get('actions', id);
    expect(action.fields.status).toBe('done');
    expect(action.modifiedByUser).toBe(PRINCIPAL);
  });

  it('shows the latest version when someone else changed the action in between (eTag conflict)', async () => {
    const id = seeded.actionIds[0] ?? '';
    const racing: Store<Entities> = {
      ...store,
      get: async (list, itemId) => {
        const item = await store.get(list, itemId);
        // someone edits the action between our read and our write
        if (list === 'actions') await store.update('actions', itemId, { title: 'Läsfrämjande insats åk 4–5' }, { actor: PRINCIPAL, etag: item.etag });
        return item;
      },
    };
    const result = await new BotFlows({ ...ctx, store: racing }).onCardAction(cardTurn('action.done', { actionId: id, evaluation: 'Klart.' }, TEACHER));
    const text = JSON.stringify(result);
    expect(text).toContain('Åtgärden ändrades av någon annan');
    expect(text).toContain('Läsfrämjande insats åk 4–5');
    expect((await store.get('actions', id)).fields.status).toBe('planned');
  });

  it('answers a bad date with the card again, the date as typed and why under it; a missing action is not found', async () => {
    const bad = JSON.stringify(await act('action.newDate', { actionId: seeded.actionIds[0], dueDate: '30/4' }));
    expect(bad).toContain('Ange ett datum som ÅÅÅÅ-MM-DD.');
    expect(bad).toContain('"value":"30/4"');
    expect(await act('action.done', { actionId: '9999' })).toMatchObject({ kind: 'error', status: 404 });
  });
});
