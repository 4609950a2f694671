import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, errorOf, startWithTasks, type Started } from './spec-helpers';

describe('emulator: fault switches', () => {
  let started: Started;

  beforeAll(async () => {
    started = await startWithTasks();
  });
  afterAll(() => started.emulator.close());

  it('answers every Nth request 429 with Retry-After and Graph’s throttling body, and counts it', async () => {
    started.emulator.setFaults({ throttle: { everyNth: 3, retryAfterSeconds: 2 } });
    const before = started.emulator.stats();
    const statuses: number[] = [];
    let throttled: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 6; i++) {
      const reply = await call(started.items);
      statuses.push(reply.status);
      if (reply.status === 429) throttled = reply;
    }
    started.emulator.setFaults({});
    expect(statuses.filter((status) => status === 429)).toHaveLength(2);
    expect(throttled?.headers.get('retry-after')).toBe('2');
    expect(errorOf(throttled as NonNullable<typeof throttled>)).toMatchObject({ code: 'activityLimitReached', message: 'The request has been throttled' });
    const after = started.emulator.stats();
    expect(after.requests - before.requests).toBe(6);
    expect(after.throttled - before.throttled).toBe(2);
  });

  it('answers every Nth request 503', async () => {
    started.emulator.setFaults({ unavailableEveryNth: 2 });
    const before = started.emulator.stats();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(started.items)).status);
    started.emulator.setFaults({});
    expect(statuses.filter((status) => status === 503)).toHaveLength(2);
    expect(started.emulator.stats().unavailable - before.unavailable).toBe(2);
  });

  it('answers 503 to the requests whose path matches, and only to them', async () => {
    started.emulator.setFaults({ unavailableMatching: '/items/delta' });
    const delta = await call(`${started.items}/delta`);
    const items = await call(started.items);
    started.emulator.setFaults({});
    expect(delta.status).toBe(503);
    expect(errorOf(delta).code).toBe('serviceNotAvailable');
    expect(items.status).toBe(200);
    expect((await call(`${started.items}/delta`)).status).toBe(200);
  });

  it('a throttled write is not applied', async () => {
    const before = ((await call(started.items)).body['value'] as unknown[]).length;
    started.emulator.setFaults({ throttle: { everyNth: 1, retryAfterSeconds: 1 } });
    const reply = await call(started.items, { method: 'POST', body: { fields: { Title: 'x', clientKey: 'throttled' } } });
    started.emulator.setFaults({});
    expect(reply.status).toBe(429);
    expect(((await call(started.items)).body['value'] as unknown[]).length).toBe(before);
  });

  it('applies a write and answers 503 instead, every Nth write that succeeded, and counts it', async () => {
    const created = await call(started.items, { method: 'POST', body: { fields: { Title: 'kvar', clientKey: 'lost-503' } } });
    const id = String(created.body['id']);
    const before = started.emulator.stats();
    started.emulator.setFaults({ lostAnswer: { everyNth: 1, as: 'unavailable' } });
    const patched = await call(`${started.items}/${id}/fields`, { method: 'PATCH', body: { owner: 'efter' } });
    started.emulator.setFaults({});
    expect(patched.status).toBe(503);
    expect((await call(`${started.items}/${id}?expand=fields`)).body['fields']).toMatchObject({ owner: 'efter' });
    expect(started.emulator.stats().lostAnswers - before.lostAnswers).toBe(1);
  });

  it('applies a write and resets the connection instead of answering', async () => {
    const created = await call(started.items, { method: 'POST', body: { fields: { Title: 'borta', clientKey: 'lost-reset' } } });
    const id = String(created.body['id']);
    started.emulator.setFaults({ lostAnswer: { everyNth: 1, as: 'reset' } });
    const reset = await fetch(`${started.items}/${id}`, { method: 'DELETE' }).then(() => 'answered', (error: unknown) => (error instanceof TypeError ? 'reset' : 'other'));
    started.emulator.setFaults({});
    expect(reset).toBe('reset');
    expect((await call(`${started.items}/${id}`)).status).toBe(404);
  });

  it('loses no answer of a write that failed, and none of a read', async () => {
    started.emulator.setFaults({ lostAnswer: { everyNth: 1, as: 'unavailable' } });
    const read = await call(started.items);
    const refused = await call(`${started.items}/999999/fields`, { method: 'PATCH', body: { owner: 'x' } });
    started.emulator.setFaults({});
    expect(read.status).toBe(200);
    expect(refused.status).toBe(404);
  });

  it('still answers correctly with latency switched on', async () => {
    started.emulator.setFaults({ latencyMs: 20 });
    const reply = await call(`${started.emulator.baseUrl}/sites/root`);
    started.emulator.setFaults({});
    expect(reply.status).toBe(200);
  });
});
