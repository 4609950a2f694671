import { describe, expect, it } from 'vitest';
import { ApiClient } from '../api/client';
import { ProblemError } from '../api/problem-error';
import { OrganizerApi, readEvents } from './organizer-api';

/** A response whose body arrives in the given chunks, as a slow server would send it. */
function streamed(chunks: string[], init: ResponseInit = {}): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' }, ...init });
}

const summary = { kind: 'kolada', rows: 2, create: 2, update: 0, unchanged: 0, skipped: 0, errors: 0, units: 1, indicators: 1, schoolYears: ['2025/26'], ignoredColumns: [] };

describe('readEvents', () => {
  it('reports each progress event, even split across chunks, and answers the result', async () => {
    const progress: [number, number][] = [];
    const result = await readEvents(streamed([
      'event: progress\ndata: {"done":1,"total":2}\n\nevent: prog',
      'ress\ndata: {"done":2,"total":2}\n\n',
      `event: result\ndata: ${JSON.stringify({ created: 2, updated: 0, unchanged: 0, summary })}\n\n`,
    ]), (done, total) => progress.push([done, total]));
    expect(progress).toEqual([[1, 2], [2, 2]]);
    expect(result.created).toBe(2);
  });

  it('throws the problem event as a ProblemError', async () => {
    const reading = readEvents(streamed(['event: progress\ndata: {"done":1,"total":2}\n\n', 'event: problem\ndata: {"status":503,"code":"unavailable","detail":"Importen avbröts"}\n\n']), () => undefined);
    await expect(reading).rejects.toMatchObject({ status: 503, detail: 'Importen avbröts' });
  });

  it('fails when the stream ends without an answer', async () => {
    await expect(readEvents(streamed(['event: progress\ndata: {"done":1,"total":2}\n\n']), () => undefined)).rejects.toBeInstanceOf(ProblemError);
  });
});

describe('OrganizerApi.commitImport', () => {
  it('sends the session client\'s token and asks for the event stream', async () => {
    const seen: { url: string; method?: string; headers: Headers; body: string }[] = [];
    const fetchStub: typeof fetch = async (input, init) => {
      seen.push({ url: String(input), method: init?.method, headers: new Headers(init?.headers), body: String(init?.body) });
      return streamed([`event: result\ndata: ${JSON.stringify({ created: 1, updated: 0, unchanged: 0, summary })}\n\n`]);
    };
    const api = new OrganizerApi(new ApiClient({ fetch: fetchStub, getToken: async () => 'tok' }));
    const result = await api.commitImport({ kind: 'kolada', csv: 'kpi;ou;period;value\n' });
    expect(result.created).toBe(1);
    expect(seen[0]?.url).toBe('/api/organizer/imports');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer tok');
    expect(seen[0]?.headers.get('accept')).toBe('text/event-stream');
    expect(JSON.parse(seen[0]?.body ?? '{}')).toEqual({ kind: 'kolada', csv: 'kpi;ou;period;value\n' });
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
