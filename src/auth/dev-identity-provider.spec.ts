import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError } from './auth-error';
import { createDevIdentityProvider, DEV_AUDIENCE, UnknownPersonaError, type DevIdentityProvider } from './dev-identity-provider';
import { DEV_TENANT_ID, PERSONA_USER_IDS, PERSONAS, STAFF_GROUP_IDS } from './personas';
import { createTokenValidator } from './token-validator';

const NOW = new Date('2026-03-02T09:00:00Z');

async function rejectionCode(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(() => undefined, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(AuthError);
  return (error as AuthError).code;
}

describe('createDevIdentityProvider', () => {
  let provider: DevIdentityProvider;

  beforeAll(async () => {
    provider = await createDevIdentityProvider({ issuerBaseUrl: 'http://localhost:3978/dev-idp/', now: () => NOW });
  });

  it('issues tokens that the production validator accepts, for every persona', async () => {
    const validator = createTokenValidator({ ...provider.validatorOptions(), now: () => NOW });
    for (const persona of PERSONAS) {
      const principal = await validator.validate(`Bearer ${await provider.issue(persona.id)}`);
      expect(principal).toEqual({
        userId: persona.userId,
        tenantId: DEV_TENANT_ID,
        name: persona.name,
        username: persona.username,
        appRoles: persona.appRoles,
        groups: persona.groups,
        groupsOverage: false,
      });
    }
  });

  it('writes the claims of an Entra v2 access token', async () => {
    const token = await provider.issue('staff-bjork');
    const nowSeconds = NOW.getTime() / 1000;
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', typ: 'JWT', kid: provider.jwks.keys[0]?.kid });
    expect(decodeJwt(token)).toEqual({
      aud: DEV_AUDIENCE,
      iss: 'http://localhost:3978/dev-idp',
      iat: nowSeconds,
      nbf: nowSeconds,
      exp: nowSeconds + 3600,
      tid: DEV_TENANT_ID,
      oid: PERSONA_USER_IDS.staffBjork,
      sub: PERSONA_USER_IDS.staffBjork,
      name: 'Elin Berg',
      preferred_username: 'elin.berg@demokommun.example',
      scp: 'access_as_user',
      roles: [],
      groups: [STAFF_GROUP_IDS.bjorkskolan],
      ver: '2.0',
      azp: expect.any(String) as unknown,
    });
  });

  it('applies overrides, so tests can make bad tokens', async () => {
    const validator = createTokenValidator({ ...provider.validatorOptions(), now: () => NOW });
    expect(await rejectionCode(validator.validate(`Bearer ${await provider.issue('admin', { expiresInSeconds: -120 })}`))).toBe('expired');
    expect(await rejectionCode(validator.validate(`Bearer ${await provider.issue('admin', { scp: 'User.Read' })}`))).toBe('missingScope');
    expect(await rejectionCode(validator.validate(`Bearer ${await provider.issue('admin', { aud: 'api://other' })}`))).toBe('wrongAudience');
    expect(await rejectionCode(validator.validate(`Bearer ${await provider.issue('admin', { tid: '99999999-9999-4999-8999-999999999999' })}`))).toBe('wrongIssuer');
    const overage = await validator.validate(`Bearer ${await provider.issue('staff-lind', { groups: [], _claim_names: { groups: 'src1' } })}`);
    expect(overage.groupsOverage).toBe(true);
  });

  it('refuses an unknown persona', async () => {
    await expect(provider.issue('intruder')).rejects.toBeInstanceOf(UnknownPersonaError);
  });

  it('makes a new key pair per provider, and publishes only the public key', async () => {
    const other = await createDevIdentityProvider({ issuerBaseUrl: 'http://localhost:3978/dev-idp' });
    expect(other.jwks.keys[0]?.kid).not.toBe(provider.jwks.keys[0]?.kid);
    for (const key of provider.jwks.keys) {
      expect(key).not.toHaveProperty('d');
      expect(key).not.toHaveProperty('p');
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    }
    const validator = createTokenValidator(provider.validatorOptions());
    expect(await rejectionCode(validator.validate(`Bearer ${await other.issue('admin')}`))).toBe('invalidToken');
  });

  describe('router over HTTP', () => {
    let server: Server;
    let base: string;
    let served: DevIdentityProvider;

    beforeAll(async () => {
      const app = express();
      server = createServer(app);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dev-idp`;
      served = await createDevIdentityProvider({ issuerBaseUrl: base });
      app.use('/dev-idp', served.router);
    });

    afterAll(async () => {
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    });

    it('serves the OpenID configuration', async () => {
      const response = await fetch(`${base}/.well-known/openid-configuration`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ issuer: base, jwks_uri: `${base}/keys`, token_endpoint: `${base}/token` });
    });

    it('serves the key set', async () => {
      const response = await fetch(`${base}/keys`);
      expect(await response.json()).toEqual(served.jwks);
    });

    it('lists the personas with Swedish titles', async () => {
      const personas = (await (await fetch(`${base}/personas`)).json()) as { id: string; name: string; title: string; roleDescription: string }[];
      expect(personas.map((persona) => persona.id)).toEqual(['admin', 'board', 'principal-bjork', 'principal-lind', 'staff-bjork', 'staff-lind', 'staff-ekbacken']);
      expect(personas[2]).toMatchObject({ name: 'Cecilia Ek', title: 'Rektor, Björkskolan (F–6) och Björkskolans fritidshem' });
      for (const persona of personas) expect(persona.roleDescription).not.toBe('');
    });

    it('issues a token that validates against the published keys', async () => {
      const response = await fetch(`${base}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ persona: 'board' }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
      const validator = createTokenValidator({
        ...served.validatorOptions(),
        jwks: createRemoteJWKSet(new URL(`${base}/keys`)),
      });
      const principal = await validator.validate(`Bearer ${body.access_token}`);
      expect(principal).toMatchObject({ userId: PERSONA_USER_IDS.board, appRoles: ['Board'] });
    });

    it('answers 404 problem+json for an unknown persona', async () => {
      const response = await fetch(`${base}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ persona: 'intruder' }),
      });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ status: 404 });
    });

    it.each([
      ['no persona', JSON.stringify({})],
      ['a body that is not JSON', '{persona'],
    ])('answers 400 problem+json for %s', async (_case, body) => {
      const response = await fetch(`${base}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });
  });
});
