import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createKoladaHttp, KoladaUnavailableError } from './kolada-api';

// Kolada's API as a loopback server on port 0: answers by path, pages by ?page=.
let server: Server | undefined;
async function kolada(handler: (req: IncomingMessage, res: ServerResponse, base: string) => void): Promise<string> {
  let base = '';
  server = createServer((req, res) => handler(req, res, base));
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server?.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return base;
}
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

const entry = (ou: string, value: number | null) => ({ kpi: 'N15503', ou, period: 2025, values: [{ count: 1, gender: 'T', status: '', value }] });

describe('createKoladaHttp', () => {
  it('fetches a KPI for the units in a year and follows next_page to the last page', async () => {
    const paths: string[] = [];
    const base = await kolada((req, res, at) => {
      paths.push(req.url ?? '');
      const second = (req.url ?? '').includes('page=2');
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ count: 2, values: [entry(second ? 'V15E148000201' : 'V15E148000101', second ? null : 231.5)], ...(second ? {} : { next_page: `${at}/v2/oudata/kpi/N15503/ou/V15E148000101,V15E148000201/year/2025?page=2` }) }));
    });
    const answers = await createKoladaHttp({ baseUrl: base }).ouData('N15503', ['V15E148000101', 'V15E148000201'], 2025);
    expect(paths).toEqual(['/v2/oudata/kpi/N15503/ou/V15E148000101,V15E148000201/year/2025', '/v2/oudata/kpi/N15503/ou/V15E148000101,V15E148000201/year/2025?page=2']);
    expect(answers.flatMap((a) => a.values.map((v) => [v.ou, v.values[0]?.value]))).toEqual([['V15E148000101', 231.5], ['V15E148000201', null]]);
  });

  it('asks for the units in groups, since their ids go in the path', async () => {
    const paths: string[] = [];
    const base = await kolada((req, res) => {
      paths.push(req.url ?? '');
      res.end(JSON.stringify({ count: 0, values: [] }));
    });
    await createKoladaHttp({ baseUrl: base, ouIdsPerRequest: 2 }).ouData('N15503', ['V15E148000101', 'V15E148000201', 'V15E148000301'], 2025);
    expect(paths).toEqual(['/v2/oudata/kpi/N15503/ou/V15E148000101,V15E148000201/year/2025', '/v2/oudata/kpi/N15503/ou/V15E148000301/year/2025']);
  });

  it.each([
    ['an error status', (res: ServerResponse) => { res.statusCode = 502; res.end('bad gateway'); }, /502/],
    ['another shape', (res: ServerResponse) => { res.end('{"rows": []}'); }, /form/],
    ['no answer in time', () => undefined, /svarar inte/],
  ])('reports %s as Kolada being unavailable', async (_what, answer, message) => {
    const base = await kolada((_req, res) => answer(res));
    const error = await createKoladaHttp({ baseUrl: base, timeoutMs: 200 }).ouData('N15503', ['V15E148000101'], 2025).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KoladaUnavailableError);
    expect((error as Error).message).toMatch(message);
    server?.closeAllConnections();
  });

  it('follows no next page to another host, and stops after the most pages', async () => {
    const elsewhere = await kolada((_req, res) => res.end(JSON.stringify({ values: [], next_page: 'http://127.0.0.2:1/v2/x' })));
    await expect(createKoladaHttp({ baseUrl: elsewhere }).ouData('N15503', ['V15E148000101'], 2025)).rejects.toThrow(/annan adress/);
    await new Promise((resolve) => server?.close(resolve));
    const endless = await kolada((req, res, at) => res.end(JSON.stringify({ values: [], next_page: `${at}${req.url ?? ''}x` })));
    await expect(createKoladaHttp({ baseUrl: endless, maxPages: 3 }).ouData('N15503', ['V15E148000101'], 2025)).rejects.toThrow(/fler än 3 sidor/);
  });
});
