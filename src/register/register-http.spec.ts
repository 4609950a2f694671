import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RegisterUnavailableError } from './register';
import { createHttpRegister } from './register-http';

// A loopback stand-in for Skolverket's register, serving the fixtures; every request recorded.
const list = readFileSync(new URL('../../test/fixtures/skolverket-register/school-units-9961.json', import.meta.url), 'utf8');
const details = JSON.parse(readFileSync(new URL('../../test/fixtures/skolverket-register/school-unit-details-9961.json', import.meta.url), 'utf8')) as { data: { schoolUnitCode: string } }[];

let server: Server;
let baseUrl: string;
let seen: string[];
let answer: (req: IncomingMessage, res: ServerResponse) => void;

function register(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '';
  if (url === '/skolenhetsregistret/v2/school-units?municipality_code=9961') return void res.writeHead(200, { 'content-type': 'application/json' }).end(list);
  const code = /^\/skolenhetsregistret\/v2\/school-units\/(\d{8})$/.exec(url)?.[1];
  const detail = details.find((d) => d.data.schoolUnitCode === code);
  if (detail) return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(detail));
  res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: '404' }));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    answer(req, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/skolenhetsregistret`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  seen = [];
  answer = register;
});

describe('the register over HTTP', () => {
  it('lists a municipality\'s units by municipality code, as the register answers', async () => {
    const units = await createHttpRegister({ baseUrl }).schoolUnits('9961');
    expect(units).toHaveLength(13);
    expect(seen).toEqual(['/skolenhetsregistret/v2/school-units?municipality_code=9961']);
  });

  it('reads one unit\'s details: its school forms and municipality', async () => {
    expect(await createHttpRegister({ baseUrl: `${baseUrl}/` }).schoolUnit('81234506')).toEqual({
      schoolUnitCode: '81234506', name: 'Sjöviksgymnasiet Natur och teknik', status: 'AKTIV', schoolTypes: ['GY'], municipalityCode: '9961',
    });
  });

  it('gives up on a register that does not answer within the timeout', async () => {
    answer = () => undefined;
    const started = Date.now();
    await expect(createHttpRegister({ baseUrl, timeoutMs: 200 }).schoolUnits('9961')).rejects.toThrow(new RegisterUnavailableError('no answer within 200 ms'));
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports an error answer, a missing unit and an answer of another shape as unavailable', async () => {
    answer = (_req, res) => void res.writeHead(500, { 'content-type': 'application/json' }).end('{"status":"500"}');
    await expect(createHttpRegister({ baseUrl }).schoolUnits('9961')).rejects.toMatchObject({ name: 'RegisterUnavailableError', reason: 'answered 500' });
    answer = register;
    await expect(createHttpRegister({ baseUrl }).schoolUnit('99999999')).rejects.toBeInstanceOf(RegisterUnavailableError);
    answer = (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"Skolenheter": []}');
    await expect(createHttpRegister({ baseUrl }).schoolUnits('9961')).rejects.toMatchObject({ reason: 'the list of school units is not shaped as the API describes' });
  });

  it('reports a register it cannot reach', async () => {
    await expect(createHttpRegister({ baseUrl: 'http://127.0.0.1:1/skolenhetsregistret' }).schoolUnits('9961')).rejects.toMatchObject({ reason: 'could not be reached' });
  });
});
