import { describe, expect, it } from 'vitest';
import { ApiClient } from '../api/client';
import { ProblemError } from '../api/problem-error';
import type { ImportJob } from '../../../src/contract';
import { OrganizerApi, followImport } from './organizer-api';

const job = (state: ImportJob['state'], written: number): ImportJob => ({
  id: '41', state, kind: 'kolada', total: 2, written, created: state === 'done' ? 2 : 0, updated: 0, unchanged: 0, queuedAt: '2026-03-01T08:00:00Z',
  ...(state === 'failed' ? { failure: 'Importen misslyckades: SharePoint svarade inte trots flera försök. Det som hann sparas togs bort igen.' } : {}),
});

describe('OrganizerApi.commitImport and followImport', () => {
  it('sends the session client\'s token, answers the queued job, and follows it to its end', async () => {
    const seen: { url: string; method?: string; headers: Headers; body: string }[] = [];
    const answers = [job('running', 1), job('done', 2)];
    const fetchStub: typeof fetch = async (input, init) => {
      seen.push({ url: String(input), method: init?.method, headers: new Headers(init?.headers), body: String(init?.body) });
      const body = init?.method === 'POST' ? job('queued', 0) : answers.shift();
      return new Response(JSON.stringify(body), { status: init?.method === 'POST' ? 202 : 200, headers: { 'content-type': 'application/json' } });
    };
    const api = new OrganizerApi(new ApiClient({ fetch: fetchStub, getToken: async () => 'tok' }));
    const queued = await api.commitImport({ kind: 'kolada', csv: 'kpi;ou;period;value\n' });
    expect(queued).toMatchObject({ id: '41', state: 'queued' });
    expect(seen[0]?.url).toBe('/api/organizer/imports');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer tok');
    expect(JSON.parse(seen[0]?.body ?? '{}')).toEqual({ kind: 'kolada', csv: 'kpi;ou;period;value\n' });
    const progress: [string, number][] = [];
    const last = await followImport(api, queued, (current) => progress.push([current.state, current.written]), { pollMs: 1 });
    expect(progress).toEqual([['running', 1], ['done', 2]]);
    expect(last).toMatchObject({ state: 'done', created: 2 });
    expect(seen.slice(1).map((s) => s.url)).toEqual(['/api/organizer/imports/41', '/api/organizer/imports/41']);
  });

  it('stops following at a failed import, its reason in words, and when the view closes', async () => {
    const api = { importJob: async () => job('failed', 1) };
    await expect(followImport(api, job('running', 1), () => undefined, { pollMs: 1 })).resolves.toMatchObject({ state: 'failed', failure: expect.stringContaining('togs bort igen') });
    let polls = 0;
    const endless = { importJob: async () => { polls++; return job('running', 1); } };
    await followImport(endless, job('running', 1), () => undefined, { pollMs: 1, stopped: () => polls >= 3 });
    expect(polls).toBe(3);
  });

  it('keeps the rows in error of a refused file', async () => {
    const fetchStub: typeof fetch = async () => new Response(JSON.stringify({
      status: 400, code: 'invalidBody', title: 'Invalid body', detail: 'Filen har 1 fel', errors: [{ line: 3, field: 'value', message: '"x" är inget tal' }],
    }), { status: 400, headers: { 'content-type': 'application/problem+json' } });
    const api = new OrganizerApi(new ApiClient({ fetch: fetchStub, getToken: async () => 'tok' }));
    const refused = await api.commitImport({ kind: 'kolada', csv: 'x' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProblemError);
    expect((refused as ProblemError).current).toEqual([{ line: 3, field: 'value', message: '"x" är inget tal' }]);
  });
});

describe('OrganizerApi.qualityReport', () => {
  it('downloads the file with the session client\'s token', async () => {
    let authorization: string | null = null;
    let url = '';
    const fetchStub: typeof fetch = async (input, init) => {
      url = String(input);
      authorization = new Headers(init?.headers).get('authorization');
      return new Response(new Uint8Array([80, 75]), { status: 200 });
    };
    const api = new OrganizerApi(new ApiClient({ fetch: fetchStub, getToken: async () => 'session-token' }));
    const blob = await api.qualityReport('2025/26');
    expect(blob.size).toBe(2);
    expect(url).toBe('/api/organizer/report.docx?schoolYear=2025%2F26');
    expect(authorization).toBe('Bearer session-token');
  });

  it('asks the app to sign in again on a 401 and throws the problem', async () => {
    let unauthorized = 0;
    const fetchStub: typeof fetch = async () => new Response(JSON.stringify({ status: 401, code: 'unauthorized', title: 'Unauthorized', detail: 'Token saknas.' }), {
      status: 401, headers: { 'content-type': 'application/problem+json' },
    });
    const api = new OrganizerApi(new ApiClient({ fetch: fetchStub, onUnauthorized: () => unauthorized++ }));
    await expect(api.qualityReport('2025/26')).rejects.toMatchObject({ status: 401, detail: 'Token saknas.' });
    expect(unauthorized).toBe(1);
  });
});
