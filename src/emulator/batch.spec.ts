import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startWithTasks, task, type Started } from './spec-helpers';

interface InnerResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
}

describe('emulator: $batch', () => {
  let started: Started;
  let listPath: string;

  beforeAll(async () => {
    started = await startWithTasks();
    listPath = `/sites/${started.emulator.siteId}/lists/Tasks`;
  });
  afterAll(() => started.emulator.close());

  const batch = (requests: unknown[]) => call(`${started.emulator.baseUrl}/$batch`, { method: 'POST', body: { requests } });
  const responses = (reply: { body: Record<string, unknown> }): Map<string, InnerResponse> =>
    new Map((reply.body['responses'] as InnerResponse[]).map((response) => [response.id, response]));

  it('runs each inner request through the router and reports one failing request on its own', async () => {
    const created = await call(started.items, { method: 'POST', body: { fields: task({ unit: 'b1' }) } });
    const reply = await batch([
      { id: '1', method: 'GET', url: `${listPath}/items/${created.body['id'] as string}?expand=fields` },
      { id: '2', method: 'GET', url: `${listPath}/items/99999` },
      { id: '3', method: 'POST', url: `${listPath}/items`, headers: { 'Content-Type': 'application/json' }, body: { fields: task({ unit: 'b2' }) } },
      { id: '4', method: 'GET', url: `${listPath}/items?expand=fields&$filter=fields/owner eq 'x'` },
    ]);
    expect(reply.status).toBe(200);
    const byId = responses(reply);
    expect(byId.get('1')?.status).toBe(200);
    expect((byId.get('1')?.body?.['fields'] as Record<string, unknown>)['unit']).toBe('b1');
    expect(byId.get('2')?.status).toBe(404);
    expect(byId.get('2')?.body?.['error']).toMatchObject({ code: 'itemNotFound' });
    expect(byId.get('3')?.status).toBe(201);
    expect(byId.get('4')?.status).toBe(400);
  });

  it('answers 424 for a request whose dependency failed, and runs one whose dependency succeeded', async () => {
    const created = await call(started.items, { method: 'POST', body: { fields: task() } });
    const id = created.body['id'] as string;
    const reply = await batch([
      { id: 'a', method: 'PATCH', url: `${listPath}/items/${id}/fields`, headers: { 'If-Match': '"stale,1"', 'Content-Type': 'application/json' }, body: { owner: 'x' } },
      { id: 'b', method: 'GET', url: `${listPath}/items/${id}`, dependsOn: ['a'] },
      { id: 'c', method: 'GET', url: `${listPath}/items/${id}` },
      { id: 'd', method: 'DELETE', url: `${listPath}/items/${id}`, dependsOn: ['c'] },
    ]);
    const byId = responses(reply);
    expect(byId.get('a')?.status).toBe(412);
    expect(byId.get('b')?.status).toBe(424);
    expect(byId.get('c')?.status).toBe(200);
    expect(byId.get('d')?.status).toBe(204);
    expect((await call(`${started.items}/${id}`)).status).toBe(404);
  });

  it('refuses more than 20 requests with 400', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: `${listPath}/items` }));
    const reply = await batch(requests);
    expect(reply.status).toBe(400);
    expect(reply.body['error']).toMatchObject({ code: 'BadRequest' });
    expect((await batch(requests.slice(0, 20))).status).toBe(200);
  });

  it('throttles inner requests one by one, each 429 with Retry-After in its inner headers', async () => {
    started.emulator.setFaults({ throttle: { everyNth: 2, retryAfterSeconds: 7 } });
    try {
      const before = started.emulator.stats().requests;
      const roundTrips = started.emulator.stats().roundTrips;
      const reply = await batch(Array.from({ length: 4 }, (_, i) => ({ id: String(i), method: 'GET', url: `${listPath}/items?$top=1` })));
      const statuses = (reply.body['responses'] as InnerResponse[]).map((response) => response.status);
      expect(statuses.filter((status) => status === 429)).toHaveLength(2);
      expect(statuses.filter((status) => status === 200)).toHaveLength(2);
      const throttled = (reply.body['responses'] as InnerResponse[]).find((response) => response.status === 429);
      expect(throttled?.headers['Retry-After']).toBe('7');
      expect(throttled?.body?.['error']).toMatchObject({ code: 'activityLimitReached' });
      expect(started.emulator.stats().requests - before).toBe(4);
      // four requests, one round trip
      expect(started.emulator.stats().roundTrips - roundTrips).toBe(1);
    } finally {
      started.emulator.setFaults({});
    }
  });
});
