import { beforeEach, describe, expect, it } from 'vitest';
import { lists, type Entities } from '../../src/lists/lists';
import { createMemoryStore, type MemoryStore } from '../../src/store/memory-store';
import { SyncingError } from '../../src/store/errors';
import { startedMirror } from '../../src/store/test-kit';
import type { Store } from '../../src/store/port';
import type { Clock } from '../outbox/clock';
import type { Sender } from '../outbox/message';
import { Outbox } from '../outbox/outbox';
import { RateLimiter } from '../outbox/rate-limiter';
import { PRINCIPAL, seed, TEACHER, type Seeded } from '../testing/fixtures';
import { onActionUpdate } from './action-updates';
import type { FlowContext } from './context';
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
  const conversations = new Conversations({ store });
  outbox = new Outbox({ store, sender, clock, limiter: new RateLimiter({ clock }) });
  ctx = { store, readModel: (await startedMirror(store, store)).readModel, conversations, outbox, clock, log: () => {} };
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
    const broken: FlowContext = { ...ctx, outbox: { enqueue: async () => { throw new Error('process killed'); } } };
    await expect(runScheduledScan(broken, 'dead', { leaseMs: 60_000 })).rejects.toThrow('process killed');
    expect(await runScheduledScan(ctx, 'alive', { leaseMs: 60_000 })).toBeUndefined(); // leased
    now += 60_000;
    expect(await runScheduledScan(ctx, 'alive', { leaseMs: 60_000 })).toEqual({ queued: 3, withoutConversation: 0 });
  });
});

describe('reminder card actions', () => {
  const act = (verb: string, data: Record<string, unknown>, userId = TEACHER) =>
    onActionUpdate(ctx, 'sv', { action: { type: 'Action.Execute', verb, data } }, userId);

  it('marks the action done', async () => {
    const id = seeded.actionIds[0] ?? '';
    const result = await act('action.done', { actionId: id });
    expect(JSON.stringify(result)).toContain('Åtgärden är markerad som klar.');
    expect((await store.get('actions', id)).fields.status).toBe('done');
  });

  it('sets a new due date, and appends a dated comment to the description', async () => {
    const id = seeded.actionIds[1] ?? '';
    await act('action.newDate', { actionId: id, dueDate: '2026-04-30' });
    await act('action.comment', { actionId: id, comment: 'Väntar på enkätsvar' });
    await act('action.comment', { actionId: id, comment: 'Enkäten är klar' });
    const action = (await store.get('actions', id)).fields;
    expect(action.dueDate).toBe('2026-04-30');
    expect(action.description).toBe('2026-03-10: Väntar på enkätsvar\n2026-03-10: Enkäten är klar');
  });

  it.each(['Gäller 20121212–1212', 'eleven 19121212 1212', 'se 121212 - 1212'])('refuses a comment holding a personnummer (%j) and keeps the description', async (comment) => {
    const id = seeded.actionIds[1] ?? '';
    const before = await store.get('actions', id);
    expect(JSON.stringify(await act('action.comment', { actionId: id, comment }))).toContain('Texten innehåller ett personnummer');
    expect((await store.get('actions', id)).etag).toBe(before.etag);
  });

  it('refuses someone who is not the owner', async () => {
    const id = seeded.actionIds[0] ?? '';
    expect(JSON.stringify(await act('action.done', { actionId: id }, PRINCIPAL))).toContain('Bara den som är ansvarig');
    expect((await store.get('actions', id)).fields.status).toBe('planned');
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
    const result = await onActionUpdate({ ...ctx, store: racing }, 'sv', { action: { type: 'Action.Execute', verb: 'action.done', data: { actionId: id } } }, TEACHER);
    const text = JSON.stringify(result);
    expect(text).toContain('Åtgärden ändrades av någon annan');
    expect(text).toContain('Läsfrämjande insats åk 4–5');
    expect((await store.get('actions', id)).fields.status).toBe('planned');
  });

  it('answers a bad date or a missing action with an error card', async () => {
    expect(JSON.stringify(await act('action.newDate', { actionId: seeded.actionIds[0], dueDate: '30/4' }))).toContain('känner igen');
    expect(JSON.stringify(await act('action.done', { actionId: '9999' }))).toContain('känner igen');
  });
});
