import { beforeEach, describe, expect, it } from 'vitest';
import { lists, type Entities } from '../../src/lists/lists';
import { createMemoryStore } from '../../src/store/memory-store';
import type { Store, UpdateOptions } from '../../src/store/port';
import type { Clock } from './clock';
import { SendError, type Delivery, type OutboundMessage, type Sender } from './message';
import { claimJob } from './jobs';
import { Outbox } from './outbox';
import { RateLimiter } from './rate-limiter';

const ref = (id: string) => ({ channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1', conversation: { id, conversationType: 'personal' } });
const message = (n: number): OutboundMessage => ({ key: `test:${n}`, target: { kind: 'conversation', reference: ref(`a:${n}`) }, activity: { type: 'message', text: `kort ${n}` } });

/**
 * A connector that records sends, dedupes by delivery id like the fake connector, and fails on
 * demand (after the post: `fail` is the connector's answer). A user target's 1:1 conversation is
 * opened first, unless the outbox hands over the one an earlier attempt opened.
 */
function fakeSender(fail: (deliveryId: string, attempt: number) => SendError | undefined = () => undefined) {
  const sends: string[] = [];
  const delivered = new Set<string>();
  const attempts = new Map<string, number>();
  const opens: string[] = [];
  const sender: Sender = {
    async send(m, deliveryId, steps) {
      let conversation: Omit<Delivery, 'activityId'>;
      if (m.target.kind === 'conversation') conversation = { conversationId: m.target.reference.conversation.id };
      else if (m.target.kind === 'meeting') conversation = { conversationId: m.target.reference.conversation.id };
      else if (steps.opened) conversation = { conversationId: steps.opened.conversation.id, createdReference: steps.opened };
      else {
        await steps.gate(`user:${m.target.userId}`);
        opens.push(m.target.userId);
        conversation = { conversationId: `a:${m.target.userId}`, createdReference: ref(`a:${m.target.userId}`) };
      }
      await steps.gate(conversation.conversationId, conversation);
      const attempt = (attempts.get(deliveryId) ?? 0) + 1;
      attempts.set(deliveryId, attempt);
      const error = fail(deliveryId, attempt);
      if (error) throw error;
      sends.push(deliveryId);
      delivered.add(deliveryId);
      return { ...conversation, activityId: `1:${sends.length}` };
    },
  };
  return { sender, sends, delivered, opens };
}

let now: number;
const clock: Clock = { now: () => now, sleep: async () => {} };
let store: Store<Entities>;

beforeEach(() => {
  now = Date.parse('2026-03-10T09:00:00Z');
  store = createMemoryStore(lists);
});

const outbox = (sender: Sender, more: Partial<ConstructorParameters<typeof Outbox>[0]> = {}) =>
  new Outbox({ store, sender, clock, limiter: new RateLimiter({ clock }), leaseMs: 60_000, backoff: { random: () => 1 }, ...more });

describe('Outbox', () => {
  it('queues a key once, however often it is enqueued', async () => {
    const { sender, sends } = fakeSender();
    const box = outbox(sender);
    await box.enqueue(message(1));
    await box.enqueue(message(1));
    expect(await box.drainAll()).toMatchObject({ sent: 1 });
    expect(sends).toEqual(['outbound:test:1']);
  });

  it('queues many messages at once, a key queued before once, and none of them when one is invalid', async () => {
    const { sender, sends } = fakeSender();
    const box = outbox(sender);
    await box.enqueue(message(1));
    const invalid = { ...message(9), activity: { type: 'message' as const, text: 'kort 9' }, target: { kind: 'user' as const, userId: '' } } as unknown as OutboundMessage;
    await expect(box.enqueueAll([message(7), invalid])).rejects.toThrow();
    expect(await store.queryAll('jobs', {})).toHaveLength(1);
    await box.enqueueAll([message(1), message(2), message(3)]);
    await box.enqueueAll([message(3)]);
    expect(await box.drainAll()).toMatchObject({ sent: 3 });
    expect(sends.sort()).toEqual(['outbound:test:1', 'outbound:test:2', 'outbound:test:3']);
  });

  it('sends each message once when two instances drain the same jobs at the same time', async () => {
    const a = fakeSender();
    const b = fakeSender();
    const first = outbox(a.sender, { instanceId: 'a' });
    const second = outbox(b.sender, { instanceId: 'b' });
    for (let n = 0; n < 30; n++) await first.enqueue(message(n));
    const [ra, rb] = await Promise.all([first.drainAll(), second.drainAll()]);
    expect(ra.sent + rb.sent).toBe(30);
    expect([...a.sends, ...b.sends].sort()).toEqual(Array.from({ length: 30 }, (_, n) => `outbound:test:${n}`).sort());
    expect(ra.skipped + rb.skipped).toBeGreaterThan(0); // they really competed
  });

  it('records the delivery on the job', async () => {
    const { sender } = fakeSender();
    const box = outbox(sender);
    await box.enqueue(message(7));
    await box.drainAll();
    const [job] = await store.queryAll('jobs', { filter: [{ field: 'key', op: 'eq', value: 'outbound:test:7' }] });
    expect(job?.fields).toMatchObject({ status: 'done', attempts: 1, doneAt: new Date(now).toISOString() });
    expect(job?.fields.payload).toMatchObject({ delivery: { activityId: '1:1', by: box.instanceId } });
  });

  it('retries 429 and 5xx after the Retry-After or backoff, then delivers', async () => {
    const { sender, sends } = fakeSender((_id, attempt) => (attempt === 1 ? new SendError('throttled', 429, 3_000) : attempt === 2 ? new SendError('down', 502) : undefined));
    const box = outbox(sender);
    await box.enqueue(message(1));
    expect(await box.drainAll()).toMatchObject({ sent: 0, retried: 1 });
    now += 2_999;
    expect(await box.drainAll()).toMatchObject({ sent: 0, retried: 0 }); // not before Retry-After
    now += 1;
    expect(await box.drainAll()).toMatchObject({ retried: 1 });
    now += 1_000;
    expect(await box.drainAll()).toMatchObject({ sent: 1 });
    expect(sends).toEqual(['outbound:test:1']);
  });

  it('gives up on a 4xx other than 429 at once, and records why', async () => {
    const { sender, sends } = fakeSender(() => new SendError('Forbidden: the bot is not in the conversation', 403));
    const box = outbox(sender);
    await box.enqueue(message(1));
    expect(await box.drainAll()).toMatchObject({ failed: 1 });
    const [job] = await store.queryAll('jobs', { filter: [{ field: 'key', op: 'eq', value: 'outbound:test:1' }] });
    expect(job?.fields.status).toBe('failed');
    expect(job?.fields.lastError).toContain('403');
    expect(sends).toEqual([]);
  });

  it('gives up after maxAttempts of retryable failures', async () => {
    const { sender } = fakeSender(() => new SendError('down', 503));
    const box = outbox(sender, { maxAttempts: 3 });
    await box.enqueue(message(1));
    for (let i = 0; i < 10; i++) {
      await box.drainAll();
      now += 120_000;
    }
    const [job] = await store.queryAll('jobs', { filter: [{ field: 'key', op: 'eq', value: 'outbound:test:1' }] });
    expect(job?.fields).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('after a crash between the send and the done mark, re-sends with the same delivery id once the lease runs out', async () => {
    const { sender, sends, delivered } = fakeSender();
    // the first instance "dies" right after its send: its done mark never reaches the store
    const crashing: Store<Entities> = {
      ...store,
      update: async (list, id, patch, options: UpdateOptions) => {
        if (list === 'jobs' && (patch as { status?: string }).status === 'done') throw new Error('process killed');
        return store.update(list, id, patch, options);
      },
    };
    const dead = new Outbox({ store: crashing, sender, clock, leaseMs: 60_000 });
    await dead.enqueue(message(1));
    await expect(dead.drainAll()).rejects.toThrow('process killed');
    const restarted = outbox(sender, { instanceId: 'restarted' });
    now += 59_999;
    expect(await restarted.drainAll()).toMatchObject({ sent: 0 }); // the lease still holds
    now += 1;
    expect(await restarted.drainAll()).toMatchObject({ sent: 1 });
    // two sends carried one delivery id: a connector that dedupes by it shows the card once
    expect(sends).toEqual(['outbound:test:1', 'outbound:test:1']);
    expect(delivered.size).toBe(1);
    // the job says which attempt may have delivered it too: Teams would show that card twice
    const [job] = await store.queryAll('jobs', { filter: [{ field: 'key', op: 'eq', value: 'outbound:test:1' }] });
    expect(job?.fields.payload).toMatchObject({
      unconfirmed: [{ attempt: 1, by: dead.instanceId, conversationId: 'a:1' }],
      delivery: { activityId: '1:2', by: 'restarted' },
    });
    expect(job?.fields.payload['sending']).toBeUndefined();
  });

  it('records the 1:1 conversation it opened before posting, and a retry posts there without opening it again', async () => {
    const { sender, sends, opens } = fakeSender((_id, attempt) => (attempt === 1 ? new SendError('bad gateway', 502) : undefined));
    const box = outbox(sender);
    await box.enqueue({ key: 'user:1', target: { kind: 'user', userId: '29:elin', serviceUrl: 'http://127.0.0.1:1', channelId: 'msteams' }, activity: { type: 'message', text: 'hej' } });
    expect(await box.drainAll()).toMatchObject({ retried: 1 });
    now += 2_000;
    expect(await box.drainAll()).toMatchObject({ sent: 1 });
    expect(opens).toEqual(['29:elin']);
    expect(sends).toEqual(['outbound:user:1']);
    const [job] = await store.queryAll('jobs', { filter: [{ field: 'key', op: 'eq', value: 'outbound:user:1' }] });
    // a 502 after the post leaves open whether the card arrived; the record keeps that attempt
    expect(job?.fields.payload).toMatchObject({ opened: { conversation: { id: 'a:29:elin' } }, unconfirmed: [{ attempt: 1, conversationId: 'a:29:elin' }], delivery: { conversationId: 'a:29:elin' } });
  });

  it('keeps no unconfirmed attempt when the connector refused the post (429)', async () => {
    const { sender } = fakeSender((_id, attempt) => (attempt === 1 ? new SendError('throttled', 429, 1_000) : undefined));
    const box = outbox(sender);
    await box.enqueue(message(3));
    await box.drainAll();
    now += 1_000;
    expect(await box.drainAll()).toMatchObject({ sent: 1 });
    const [job] = await store.queryAll('jobs', { filter: [{ field: 'key', op: 'eq', value: 'outbound:test:3' }] });
    expect(job?.fields.payload).toMatchObject({ unconfirmed: [], delivery: { activityId: '1:1' } });
  });

  it('posts nothing once another instance has claimed the job (its clock ran ahead), so the card is not sent twice', async () => {
    const { sender, sends } = fakeSender();
    let raced = false;
    const racing: Sender = {
      send: (m, id, steps) => sender.send(m, id, {
        ...steps,
        // the other instance claims the job after this one did, before the post is recorded
        gate: async (key, posting) => {
          if (!raced) {
            raced = true;
            const [job] = await store.queryAll('jobs', { filter: [{ field: 'key', op: 'eq', value: id }] });
            if (job) expect(await claimJob(store, job, 'other', 60_000, now + 61_000)).toBeDefined();
          }
          await steps.gate(key, posting);
        },
      }),
    };
    const logs: string[] = [];
    const box = outbox(racing, { log: (line) => logs.push(line) });
    await box.enqueue(message(5));
    expect(await box.drainAll()).toMatchObject({ sent: 0, skipped: 1 });
    expect(sends).toEqual([]);
    expect(logs.join('\n')).toContain('outbound:test:5 not posted: another instance claimed the job before the post');
    const [job] = await store.queryAll('jobs', { filter: [{ field: 'key', op: 'eq', value: 'outbound:test:5' }] });
    expect(job?.fields).toMatchObject({ status: 'pending', leasedBy: 'other' });
  });
});
