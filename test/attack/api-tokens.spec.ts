/**
 * Forged and broken tokens, in both modes: the API's Entra ID tokens and the bot endpoint's Bot
 * Framework tokens. Each forgery is a 401/403 problem+json naming no internals, one log line and
 * nothing on stderr; an outage of the keys behind them is a 503 with Retry-After, never a 500;
 * and the genuine token passes (the control that proves the forgeries fail for being forged).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startHarness, type Harness } from '../api/harness';
import {
  BOT_ID, OTHER_TENANT, SERVICE_URL, TENANT, USER, hs256WithPublicKey, sign, signingKey, startM365, tampered, unsigned, type M365Harness,
} from './m365-harness';
import { entraIssuer } from '../../src/auth/token-validator';

/** What an answer may never hold: the words of the libraries and the code behind it. */
const internals = /Unauthorized\.|No valid identity|Signing Key|botframework|jsonwebtoken|JWKS|JWS|JOSE|Error:|at [\w.<>]+ \(|node_modules|getaddrinfo|ECONNREFUSED/;

interface Answer {
  readonly status: number;
  readonly contentType: string | null;
  readonly retryAfter: string | null;
  readonly text: string;
  readonly body: Record<string, unknown>;
  readonly logLines: number;
}

async function call(base: string, logLines: readonly string[], path: string, init: { method?: string; authorization?: string; body?: unknown } = {}): Promise<Answer> {
  const requestId = `tokens-${Math.random().toString(36).slice(2)}`;
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'x-request-id': requestId,
      ...(init.authorization !== undefined ? { authorization: init.authorization } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = {};
  }
  // the access line is written when the response finishes: it is there once the body has arrived
  return { status: response.status, contentType: response.headers.get('content-type'), retryAfter: response.headers.get('retry-after'), text, body, logLines: logLines.filter((line) => line.includes(requestId)).length };
}

function expectRefusal(answer: Answer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.contentType).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status, code });
  expect(answer.text).not.toMatch(internals);
  expect(answer.logLines).toBe(1);
}

let stderr: MockInstance<typeof console.error>;
beforeEach(() => {
  // botbuilder's own lines would clutter the output; the assertions read the calls
  stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  return () => stderr.mockRestore();
});

describe('Microsoft 365 mode: Entra ID tokens for the API', () => {
  let m: M365Harness;
  beforeAll(async () => {
    m = await startM365();
  });
  afterAll(async () => {
    await m?.close();
  });
  const me = async (authorization?: string): Promise<Answer> => call(m.url, m.logLines, '/api/me', authorization !== undefined ? { authorization } : {});

  // first, before the key set was ever read (a read key set is cached)
  it.each(['hang', 'error', 'garbage'] as const)('answers 503 with Retry-After while the key set %s, never 500 or 401', async (mode) => {
    m.entraKeys(mode);
    const answer = await me(`Bearer ${await sign(m.entraKey, m.entraClaims())}`);
    expectRefusal(answer, 503, 'unavailable');
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    expect(m.logLines.some((line) => line.includes('identityUnavailable'))).toBe(true);
    expect(stderr).not.toHaveBeenCalled();
  });

  it('accepts the genuine token once the key set answers (the control)', async () => {
    m.entraKeys('ok');
    const answer = await me(`Bearer ${await sign(m.entraKey, m.entraClaims())}`);
    expect(answer.status).toBe(200);
    expect(answer.body['userId']).toBe(USER);
  });

  const forgeries: readonly [string, number, string, (m: M365Harness) => Promise<string>][] = [
    ['no token at all', 401, 'missingToken', () => Promise.resolve('')],
    ['not a bearer token', 401, 'invalidToken', () => Promise.resolve('Basic dXNlcjpwYXNz')],
    ['not a JWT', 401, 'invalidToken', () => Promise.resolve('Bearer abc.def.ghi')],
    ['expired', 401, 'expired', (m) => sign(m.entraKey, m.entraClaims({ exp: Math.floor(Date.now() / 1000) - 3600 }))],
    ['not yet valid', 401, 'invalidToken', (m) => sign(m.entraKey, m.entraClaims({ nbf: Math.floor(Date.now() / 1000) + 3600 }))],
    ['for another audience', 401, 'wrongAudience', (m) => sign(m.entraKey, m.entraClaims({ aud: 'api://someone-else/77777777-7777-4777-8777-777777777777' }))],
    ['from another issuer', 401, 'wrongIssuer', (m) => sign(m.entraKey, m.entraClaims({ iss: 'https://evil.example/v2.0' }))],
    ['from the issuer of another tenant than its tid', 401, 'wrongIssuer', (m) => sign(m.entraKey, m.entraClaims({ iss: entraIssuer(OTHER_TENANT) }))],
    ['genuine, of a tenant that is not allowed', 403, 'forbidden', (m) => sign(m.entraKey, m.entraClaims({ tid: OTHER_TENANT, iss: entraIssuer(OTHER_TENANT) }))],
    ['without our scope', 403, 'forbidden', (m) => sign(m.entraKey, m.entraClaims({ scp: 'User.Read' }))],
    ['a v1.0 token', 401, 'invalidToken', (m) => sign(m.entraKey, m.entraClaims({ ver: '1.0' }))],
    ['without an object id', 401, 'invalidToken', (m) => sign(m.entraKey, m.entraClaims({ oid: undefined }))],
    ['unsigned (alg none)', 401, 'invalidToken', (m) => Promise.resolve(unsigned(m.entraClaims()))],
    ['HS256 with the public key as secret', 401, 'invalidToken', (m) => hs256WithPublicKey(m.entraKey, m.entraClaims())],
    ['signed by another key under our kid', 401, 'invalidToken', async (m) => sign(await signingKey('entra-1'), m.entraClaims())],
    ['signed by a key the set does not have', 401, 'invalidToken', async (m) => sign(await signingKey('entra-unknown'), m.entraClaims())],
    ['with a kid that is a path', 401, 'invalidToken', async (m) => sign(await signingKey('x'), m.entraClaims(), '../../../../etc/passwd')],
    ['genuine, then another user put in the payload', 401, 'invalidToken', async (m) => tampered(await sign(m.entraKey, m.entraClaims()), { oid: '88888888-8888-4888-8888-888888888888', roles: ['Administration'] })],
  ];

  it.each(forgeries)('refuses a token %s: %i %s, no internals, one log line, nothing on stderr', async (_name, status, code, forge) => {
    const token = await forge(m);
    const answer = await me(token === '' ? undefined : token.startsWith('Basic') || token.startsWith('Bearer') ? token : `Bearer ${token}`);
    expectRefusal(answer, status, code === 'forbidden' ? 'forbidden' : 'unauthenticated');
    if (code !== 'forbidden') expect(answer.body['detail']).toBe(code);
    expect(stderr).not.toHaveBeenCalled();
  });
});

describe('Microsoft 365 mode: an Entra key set that nobody serves', () => {
  let m: M365Harness;
  beforeAll(async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    m = await startM365({ entraKeysUrl: () => `http://127.0.0.1:${port}/keys` });
  });
  afterAll(async () => {
    await m?.close();
  });

  it('answers 503 with Retry-After as problem+json, never 500', async () => {
    const answer = await call(m.url, m.logLines, '/api/me', { authorization: `Bearer ${await sign(m.entraKey, m.entraClaims())}` });
    expectRefusal(answer, 503, 'unavailable');
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    expect(stderr).not.toHaveBeenCalled();
  });
});

describe('Microsoft 365 mode: Bot Framework tokens at the bot endpoint', () => {
  let m: M365Harness;
  beforeAll(async () => {
    m = await startM365();
  });
  afterAll(async () => {
    await m?.close();
  });

  const activity = (id: string) => ({
    type: 'event', name: 'kvalitetshjulet.probe', id, channelId: 'msteams', serviceUrl: SERVICE_URL,
    from: { id: '29:1forged', aadObjectId: USER }, recipient: { id: `28:${BOT_ID}` },
    conversation: { id: 'a:1forged-conversation', conversationType: 'personal', tenantId: TENANT }, channelData: { tenant: { id: TENANT } },
  });
  let sent = 0;
  const post = (authorization?: string): Promise<Answer> => {
    sent += 1;
    return call(m.url, m.logLines, '/api/messages', { method: 'POST', body: activity(`forged-${sent}`), ...(authorization !== undefined ? { authorization } : {}) });
  };

  // first, before the metadata was ever read (botbuilder caches it)
  it.each(['error', 'garbage'] as const)('answers 503 with Retry-After while the Bot Framework metadata is %s', async (mode) => {
    m.botMetadata(mode);
    const answer = await post(`Bearer ${await sign(m.botKey, m.botClaims())}`);
    expectRefusal(answer, 503, 'unavailable');
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    expect(stderr).not.toHaveBeenCalled();
  });

  it('handles the genuine token once the metadata answers (the control)', async () => {
    m.botMetadata('ok');
    const answer = await post(`Bearer ${await sign(m.botKey, m.botClaims())}`);
    expect(answer.status).toBe(200);
  });

  const forgeries: readonly [string, (m: M365Harness) => Promise<string | undefined>][] = [
    ['no token at all', () => Promise.resolve(undefined)],
    ['not a bearer token', () => Promise.resolve('Basic dXNlcjpwYXNz')],
    ['not a JWT', () => Promise.resolve('Bearer abc.def.ghi')],
    ['expired', async (m) => `Bearer ${await sign(m.botKey, m.botClaims({ exp: Math.floor(Date.now() / 1000) - 3600 }))}`],
    ['not yet valid', async (m) => `Bearer ${await sign(m.botKey, m.botClaims({ nbf: Math.floor(Date.now() / 1000) + 3600 }))}`],
    ['for another bot', async (m) => `Bearer ${await sign(m.botKey, m.botClaims({ aud: '99999999-9999-4999-8999-999999999999' }))}`],
    ['from another issuer', async (m) => `Bearer ${await sign(m.botKey, m.botClaims({ iss: 'https://evil.example' }))}`],
    ['unsigned (alg none)', (m) => Promise.resolve(`Bearer ${unsigned(m.botClaims())}`)],
    ['HS256 with the public key as secret', async (m) => `Bearer ${await hs256WithPublicKey(m.botKey, m.botClaims())}`],
    ['signed by a key the metadata does not have', async (m) => `Bearer ${await sign(await signingKey('bot-unknown'), m.botClaims())}`],
    ['for another service url', async (m) => `Bearer ${await sign(m.botKey, m.botClaims({ serviceurl: 'https://evil.example/' }))}`],
  ];

  it.each(forgeries)('refuses a token %s: 401 problem+json, no library text, one log line, nothing on stderr', async (_name, forge) => {
    const answer = await post(await forge(m));
    expectRefusal(answer, 401, 'unauthenticated');
    expect(stderr).not.toHaveBeenCalled();
  });

  // botbuilder checks the signature itself and, when it fails for a key it holds, writes one line
  // (no stack) to stderr; the answer is still ours
  it.each([
    ['signed by another key under the metadata\'s kid', async (m: M365Harness) => `Bearer ${await sign(await signingKey('bot-1'), m.botClaims())}`],
    ['genuine, then its payload changed', async (m: M365Harness) => `Bearer ${tampered(await sign(m.botKey, m.botClaims()), { serviceurl: 'https://evil.example/' })}`],
  ])('refuses a token %s: 401 problem+json, no library text, one log line, no stack', async (_name, forge) => {
    const answer = await post(await forge(m));
    expectRefusal(answer, 401, 'unauthenticated');
    for (const [first] of stderr.mock.calls) expect(String(first)).not.toMatch(/\n\s+at /);
  });
});

describe('local mode: tokens of the dev identity provider', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.server.stop();
  });

  it('refuses every forgery of its tokens with 401, and passes its genuine one', async () => {
    const genuine = await h.token('admin');
    const claims = JSON.parse(Buffer.from(genuine.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const stranger = await signingKey('dev-idp-forged');
    const forgeries: readonly [string, string][] = [
      ['alg none', unsigned(claims)],
      ['another key', await sign(stranger, claims)],
      ['another key under its kid', await sign(stranger, claims, JSON.parse(Buffer.from(genuine.split('.')[0] ?? '', 'base64url').toString('utf8')).kid as string)],
      ['HS256 with its public key', await hs256WithPublicKey(stranger, claims)],
      ['a staff token made an administration one', tampered(await h.token('staff-bjork'), { roles: ['Administration'] })],
      ['expired', await sign(stranger, { ...claims, exp: Math.floor(Date.now() / 1000) - 3600 })],
    ];
    expect((await call(h.url, h.logLines, '/api/me', { authorization: `Bearer ${genuine}` })).status).toBe(200);
    for (const [name, token] of forgeries) {
      const answer = await call(h.url, h.logLines, '/api/me', { authorization: `Bearer ${token}` });
      expect({ name, status: answer.status }).toEqual({ name, status: 401 });
      expectRefusal(answer, 401, 'unauthenticated');
    }
    expect(stderr).not.toHaveBeenCalled();
  });
});
