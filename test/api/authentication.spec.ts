import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.server.stop();
});

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

async function forged(overrides: Parameters<NonNullable<Harness['started']['devIdp']>['issue']>[1]): Promise<string> {
  const idp = h.started.devIdp;
  if (!idp) throw new Error('local mode has a dev identity provider');
  return idp.issue('staff-bjork', overrides);
}

async function expectRefused(authorization: string | undefined, status: number, reason: string): Promise<void> {
  const response = await h.request('GET', '/api/me', authorization === undefined ? {} : { authorization });
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body['code']).toBe(status === 401 ? 'unauthenticated' : 'forbidden');
  expect(response.body['detail']).toBe(reason);
  expect(response.body).not.toHaveProperty('userId');
}

describe('authentication', () => {
  it('accepts a token from the dev identity provider', async () => {
    const response = await h.request('GET', '/api/me', { persona: 'staff-bjork' });
    expect(response.status).toBe(200);
    expect(response.body['name']).toBe('Elin Berg');
  });

  it('refuses a request without a token, with a Bearer challenge', async () => {
    await expectRefused(undefined, 401, 'missingToken');
    const response = await h.request('GET', '/api/units');
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('refuses a token with a bad signature', async () => {
    const [header, payload, signature] = (await h.token('staff-bjork')).split('.');
    const other = randomBytes(Buffer.from(signature ?? '', 'base64url').length).toString('base64url');
    await expectRefused(`Bearer ${header}.${payload}.${other}`, 401, 'invalidToken');
  });

  it('refuses alg none', async () => {
    const [, payload] = (await h.token('admin')).split('.');
    await expectRefused(`Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`, 401, 'invalidToken');
  });

  it('refuses a token for another audience', async () => {
    await expectRefused(`Bearer ${await forged({ aud: 'api://elsewhere.example/11111111-1111-4111-8111-111111111111' })}`, 401, 'wrongAudience');
  });

  it('refuses a token from another issuer', async () => {
    await expectRefused(`Bearer ${await forged({ iss: 'https://login.example.com/evil/v2.0' })}`, 401, 'wrongIssuer');
  });

  it('refuses a token of another tenant', async () => {
    // the dev provider's validator knows no issuer for another tenant, as Entra would not sign for it
    await expectRefused(`Bearer ${await forged({ tid: 'ffffffff-0000-4000-8000-000000000000' })}`, 401, 'wrongIssuer');
  });

  it('refuses an expired token', async () => {
    await expectRefused(`Bearer ${await forged({ expiresInSeconds: -3600 })}`, 401, 'expired');
  });

  it('refuses a token without the API scope with 403', async () => {
    await expectRefused(`Bearer ${await forged({ scp: 'User.Read' })}`, 403, 'missingScope');
  });

  it('never writes a token into the log, and logs a request id per request', async () => {
    const token = await h.token('principal-bjork');
    const response = await h.request('GET', '/api/units', { persona: 'principal-bjork' });
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[\w.-]+$/);
    const lines = h.logLines.filter((line) => line.includes(requestId ?? '-'));
    expect(lines.length).toBeGreaterThan(0);
    const entry = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({ event: 'request', method: 'GET', path: '/api/units', status: 200 });
    const all = h.logLines.join('\n');
    expect(all).not.toContain(token);
    expect(all).not.toContain(token.split('.')[2]);
    expect(all).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });
});
