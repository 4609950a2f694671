import { describe, expect, it } from 'vitest';
import { createGraphClient, GraphRequestError, retryDelayMs } from './provision-http';

function scripted(responses: (() => Response)[]): { fetch: typeof fetch; calls: { url: string; init: RequestInit | undefined }[] } {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetchFake = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(input), init });
    const next = responses.shift();
    if (!next) throw new Error(`unexpected request ${String(input)}`);
    return next();
  };
  return { fetch: fetchFake as typeof fetch, calls };
}

const graphError = (status: number, code: string, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify({ error: { code, message: `${code} happened` } }), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('retryDelayMs', () => {
  it('reads seconds and HTTP dates, and backs off without a header', () => {
    expect(retryDelayMs('7', 1)).toBe(7000);
    expect(retryDelayMs('Thu, 01 Jan 2026 00:00:10 GMT', 1, Date.parse('2026-01-01T00:00:00Z'))).toBe(10_000);
    expect(retryDelayMs(null, 3)).toBe(4000);
  });
});

describe('createGraphClient', () => {
  it('retries 429 and 503 after the Retry-After the server asked for', async () => {
    const { fetch, calls } = scripted([
      () => graphError(429, 'tooManyRequests', { 'Retry-After': '3' }),
      () => graphError(503, 'serviceNotAvailable', { 'Retry-After': '1' }),
      () => Response.json({ value: [] }),
    ]);
    const waits: number[] = [];
    const client = createGraphClient({ baseUrl: 'https://graph.example/v1.0/', fetch, sleep: async (ms) => { waits.push(ms); } });
    await expect(client.request('GET', '/sites/s/lists')).resolves.toEqual({ value: [] });
    expect(waits).toEqual([3000, 1000]);
    expect(calls.map((call) => call.url)).toEqual(Array(3).fill('https://graph.example/v1.0/sites/s/lists'));
  });

  it('gives up after maxAttempts and throws Graph’s error code', async () => {
    const { fetch } = scripted([() => graphError(429, 'tooManyRequests'), () => graphError(429, 'tooManyRequests')]);
    const client = createGraphClient({ baseUrl: 'https://graph.example/v1.0', fetch, maxAttempts: 2, sleep: async () => undefined });
    const error = await client.request('GET', '/x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ status: 429, code: 'tooManyRequests' });
  });

  it('does not retry a client error', async () => {
    const { fetch, calls } = scripted([() => graphError(403, 'accessDenied')]);
    const client = createGraphClient({ baseUrl: 'https://graph.example/v1.0', fetch, sleep: async () => undefined });
    await expect(client.request('POST', '/sites/s/lists', {})).rejects.toMatchObject({ status: 403, code: 'accessDenied' });
    expect(calls).toHaveLength(1);
  });

  it('sends the bearer token, JSON body and User-Agent', async () => {
    const { fetch, calls } = scripted([() => Response.json({ id: '1' }, { status: 201 })]);
    const client = createGraphClient({ baseUrl: 'https://graph.example/v1.0', fetch, tokenProvider: async () => 'tok' });
    await client.request('POST', '/sites/s/lists', { displayName: 'A' });
    const headers = calls[0]?.init?.headers as Record<string, string>;
    expect(headers['Authorization']).toBe('Bearer tok');
    expect(headers['Content-Type']).toBe('application/json');
    expect(headers['User-Agent']).toMatch(/^NONISV\|Kvalitetshjulet\|/);
    expect(calls[0]?.init?.body).toBe('{"displayName":"A"}');
  });
});
