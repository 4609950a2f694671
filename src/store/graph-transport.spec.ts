import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnavailableError } from './errors';
import { GraphTransport } from './graph-transport';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

describe('GraphTransport over a loopback fake', () => {
  const seen: Seen[] = [];
  let server: Server;
  let base = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ value: [], '@odata.nextLink': `${base}/sites/s/lists/l/items?$skiptoken=Paged%3DTRUE%26p_ID%3D5&expand=fields` }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const transport = () =>
    new GraphTransport({ baseUrl: base, userAgent: 'NONISV|Kvalitetshjulet|Kvalitetshjulet/9', tokenProvider: async () => 'tok', resourceUnitsPerMinute: 1000 });

  it('sends relative requests under the base URL with auth, user agent and encoded query values', async () => {
    seen.length = 0;
    const filter = encodeURIComponent("fields/name eq 'O''Brien & co'");
    const response = await transport().request('GET', `/sites/s/lists/l/items?expand=fields&$filter=${filter}`, undefined, { Prefer: 'x' });
    expect(response.status).toBe(200);
    const request = seen[0];
    expect(request?.url).toContain('/v1.0/sites/s/lists/l/items?');
    expect(new URL(request?.url ?? '', base).searchParams.get('$filter')).toBe("fields/name eq 'O''Brien & co'");
    expect(request?.headers.authorization).toBe('Bearer tok');
    expect(request?.headers['user-agent']).toBe('NONISV|Kvalitetshjulet|Kvalitetshjulet/9');
    expect(request?.headers.prefer).toBe('x');
  });

  it('follows an absolute http nextLink exactly as given, through the same chain', async () => {
    seen.length = 0;
    const first = await transport().request('GET', '/sites/s/lists/l/items?expand=fields');
    const next = (first.body as { '@odata.nextLink': string })['@odata.nextLink'];
    await transport().requestUrl(next);
    expect(`${new URL(base).origin}${seen[1]?.url}`).toBe(next);
    expect(seen[1]?.headers.authorization).toBe('Bearer tok');
  });

  it('refuses to send the token to a link outside its base URL', async () => {
    await expect(transport().requestUrl('http://example.invalid/v1.0/x')).rejects.toThrow(/outside/);
  });

  it('raises UnavailableError when nothing answers', async () => {
    // a port that was just free: listen on port 0, note the port, close
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const closed = new GraphTransport({ baseUrl: `http://127.0.0.1:${port}/v1.0`, userAgent: 'x', resourceUnitsPerMinute: 100 });
    await expect(closed.request('GET', '/sites/s')).rejects.toBeInstanceOf(UnavailableError);
    await expect(closed.requestUrl(`http://127.0.0.1:${port}/v1.0/sites/s`)).rejects.toBeInstanceOf(UnavailableError);
  });

  it('posts JSON bodies', async () => {
    seen.length = 0;
    await transport().request('POST', '/sites/s/lists/l/items', { fields: { Title: 'x' } });
    expect(seen[0]?.method).toBe('POST');
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ fields: { Title: 'x' } });
    expect(seen[0]?.headers['content-type']).toContain('application/json');
  });
});
