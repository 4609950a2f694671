import { describe, expect, it } from 'vitest';
import { item, } from '../testing/render';
import { reply, stubFetch } from '../testing/fetch-stub';
import { ApiClient } from './client';
import { ProblemError } from './problem-error';

describe('ApiClient', () => {
  it('sends the bearer token and answers the parsed body', async () => {
    const stub = stubFetch({ 'GET /api/units/7': () => item('7', { name: 'Björkskolan' }) });
    const api = new ApiClient({ fetch: stub.fetch, getToken: async () => 'tok' });
    await expect(api.unit('7')).resolves.toMatchObject({ id: '7', name: 'Björkskolan' });
    expect(stub.seen[0]?.headers.authorization).toBe('Bearer tok');
  });

  it('PATCHes only the changes with If-Match', async () => {
    const stub = stubFetch({ 'PATCH /api/actions/3': (req) => item('3', { title: 'x', ...(req.body as object) }, '"3,2"') });
    const api = new ApiClient({ fetch: stub.fetch });
    const saved = await api.updateAction({ id: '3', etag: '"3,1"' }, { status: 'done' });
    expect(stub.seen[0]).toMatchObject({ method: 'PATCH', body: { status: 'done' } });
    expect(stub.seen[0]?.headers['if-match']).toBe('"3,1"');
    expect(saved.etag).toBe('"3,2"');
  });

  it('turns problem+json into a ProblemError with the field and the current version', async () => {
    const current = item('3', { title: 'Theirs' }, '"3,5"');
    const stub = stubFetch({
      'PATCH /api/actions/3': () => reply(409, { type: 'about:blank', title: 'Conflict', status: 409, code: 'conflict', detail: 'Ändrad av någon annan.', current }),
      'POST /api/units/1/actions': () => reply(400, { title: 'Invalid', status: 400, code: 'invalid', detail: 'Rubriken saknas.', field: 'title' }),
    });
    const api = new ApiClient({ fetch: stub.fetch });
    const conflict = await api.updateAction({ id: '3', etag: '"3,1"' }, { title: 'Mine' }).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(ProblemError);
    expect((conflict as ProblemError).isConflict).toBe(true);
    expect((conflict as ProblemError).current).toEqual(current);
    const invalid = await api.createAction('1', { title: '', ownerId: 'o', dueDate: '2026-01-01', status: 'planned', originKind: 'analysis', originId: '2' }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ status: 400, field: 'title', detail: 'Rubriken saknas.' });
  });

  it('sends an idempotency key with creates and encodes query values', async () => {
    const stub = stubFetch({
      'POST /api/units/1/analyses': () => reply(201, item('9', { period: '2025/26' }), false),
      'GET /api/units/1/actions?filter=mine&goalId=4': () => ({ items: [] }),
    });
    const api = new ApiClient({ fetch: stub.fetch });
    await api.createAnalysis('1', { schoolYear: '2025/26', period: '2025/26' });
    await api.actions('1', 'mine', '4');
    expect(stub.seen[0]?.headers['idempotency-key']).toMatch(/.{8,}/);
  });

  it('reports a network failure as status 0 and a 401 to the app', async () => {
    let unauthorized = 0;
    const down = new ApiClient({ fetch: async () => Promise.reject(new TypeError('failed')) });
    await expect(down.me()).rejects.toMatchObject({ status: 0, code: 'network' });
    const stub = stubFetch({ 'GET /api/me': () => reply(401, { title: 'Unauthorized', status: 401, code: 'unauthorized', detail: 'Token saknas.' }) });
    const api = new ApiClient({ fetch: stub.fetch, onUnauthorized: () => unauthorized++ });
    await expect(api.me()).rejects.toMatchObject({ status: 401 });
    expect(unauthorized).toBe(1);
  });

  it('fails on an unexpected request (the stub is strict)', async () => {
    const api = new ApiClient({ fetch: stubFetch({}).fetch });
    await expect(api.me()).rejects.toBeInstanceOf(ProblemError);
  });
});
