import { describe, expect, it } from 'vitest';
import { item, } from '../testing/render';
import { reply, stubFetch } from '../testing/fetch-stub';
import { ApiClient, attachmentName } from './client';
import { ProblemError } from './problem-error';

describe('ApiClient', () => {
  it('sends the bearer token and answers the parsed body', async () => {
    const stub = stubFetch({ 'GET /api/units/7': () => item('7', { name: 'Björkskolan' }) });
    const api = new ApiClient({ fetch: stub.fetch, getToken: async () => 'tok' });
    await expect(api.unit('7')).resolves.toMatchObject({ id: '7', name: 'Björkskolan' });
    expect(stub.seen[0]?.headers.authorization).toBe('Bearer tok');
  });

  it('asks for answers in the tab\'s language, so that problems come back in it', async () => {
    const stub = stubFetch({ 'GET /api/units/7': () => item('7', { name: 'Björkskolan' }) });
    await new ApiClient({ fetch: stub.fetch, language: 'en' }).unit('7');
    await new ApiClient({ fetch: stub.fetch }).unit('7');
    expect(stub.seen.map((request) => request.headers['accept-language'])).toEqual(['en', undefined]);
  });

  it('downloads the unit\'s report built by the server, in the reader\'s language, under the name the server gives it', async () => {
    const seen: string[] = [];
    const fetchReport: typeof fetch = async (input) => {
      seen.push(String(input));
      return new Response('PK', { status: 200, headers: { 'content-disposition': `attachment; filename="Kvalitetsrapport Bj_rkskolan 2025-26.docx"; filename*=UTF-8''${encodeURIComponent('Kvalitetsrapport Björkskolan 2025-26.docx')}` } });
    };
    const report = await new ApiClient({ fetch: fetchReport }).unitReport('7', 'en');
    expect(seen).toEqual(['/api/units/7/report.docx?language=en']);
    expect(report.fileName).toBe('Kvalitetsrapport Björkskolan 2025-26.docx');
    expect(await report.blob.text()).toBe('PK');
    expect(attachmentName('attachment; filename="plain.docx"')).toBe('plain.docx');
    expect(attachmentName(null)).toBeUndefined();
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

  it('raw: sends the token with the caller\'s method, headers and body, and answers the response as it came', async () => {
    const seen: { url: string; method?: string; headers: Headers; body: unknown }[] = [];
    const api = new ApiClient({
      baseUrl: 'http://api.test',
      getToken: async () => 'tok',
      fetch: async (input, init) => {
        seen.push({ url: String(input), method: init?.method, headers: new Headers(init?.headers), body: init?.body });
        return new Response(new Uint8Array([80, 75, 3, 4]), { status: 200, headers: { 'content-type': 'application/octet-stream' } });
      },
    });
    const response = await api.raw('/api/organizer/imports', { method: 'POST', headers: { accept: 'text/event-stream' }, body: '{"kind":"kolada"}' });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([80, 75, 3, 4]));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ url: 'http://api.test/api/organizer/imports', method: 'POST', body: '{"kind":"kolada"}' });
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer tok');
    expect(seen[0]?.headers.get('accept')).toBe('text/event-stream');
  });

  it('raw: leaves an error status to the caller, tells the app about a 401, and reports a network failure as status 0', async () => {
    let unauthorized = 0;
    const stub = stubFetch({
      'GET /api/report.docx': () => reply(401, { title: 'Unauthorized', status: 401 }),
      'GET /api/missing.docx': () => reply(404, { title: 'Not found', status: 404 }),
    });
    const api = new ApiClient({ fetch: stub.fetch, onUnauthorized: () => unauthorized++ });
    await expect(api.raw('/api/report.docx')).resolves.toMatchObject({ status: 401 });
    expect(unauthorized).toBe(1);
    await expect(api.raw('/api/missing.docx')).resolves.toMatchObject({ status: 404 });
    expect(unauthorized).toBe(1);
    expect(stub.seen[0]?.headers.authorization).toBeUndefined();
    const down = new ApiClient({ fetch: async () => Promise.reject(new TypeError('failed')) });
    await expect(down.raw('/api/report.docx')).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('fails on an unexpected request (the stub is strict)', async () => {
    const api = new ApiClient({ fetch: stubFetch({}).fetch });
    await expect(api.me()).rejects.toBeInstanceOf(ProblemError);
  });
});
