import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CryptoKey, JSONWebKeySet, JWK } from 'jose';
import { base64url, createLocalJWKSet, createRemoteJWKSet, exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError, IdentityUnavailableError, type AuthErrorCode } from './auth-error';
import { createTokenValidator, entraIssuer, type TokenValidatorOptions } from './token-validator';

const TENANT = '11111111-1111-4111-8111-111111111111';
const OTHER_TENANT = '22222222-2222-4222-8222-222222222222';
const CLIENT_ID = '33333333-3333-4333-8333-333333333333';
const AUDIENCE = `api://kvalitetshjulet.example/${CLIENT_ID}`;
const USER = '44444444-4444-4444-8444-444444444444';
const NOW = new Date('2026-03-02T09:00:00Z');
const nowSeconds = Math.floor(NOW.getTime() / 1000);

interface KeyPair { readonly kid: string; readonly privateKey: CryptoKey; readonly publicJwk: JWK; readonly publicKey: CryptoKey }

async function makeKey(kid: string): Promise<KeyPair> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, publicJwk, publicKey };
}

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    aud: AUDIENCE,
    iss: entraIssuer(TENANT),
    iat: nowSeconds - 60,
    nbf: nowSeconds - 60,
    exp: nowSeconds + 3600,
    tid: TENANT,
    oid: USER,
    sub: 'pairwise-subject',
    name: 'Anna Lindqvist',
    preferred_username: 'anna@example.se',
    scp: 'access_as_user',
    ver: '2.0',
    azp: CLIENT_ID,
    ...overrides,
  };
}

function sign(key: KeyPair, overrides: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(claims(overrides)).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid }).sign(key.privateKey);
}

async function rejection(promise: Promise<unknown>): Promise<AuthErrorCode> {
  const error: unknown = await promise.then(() => undefined, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(AuthError);
  return (error as AuthError).code;
}

let signing: KeyPair;
let options: TokenValidatorOptions;

beforeAll(async () => {
  signing = await makeKey('key-1');
  options = {
    jwks: createLocalJWKSet({ keys: [signing.publicJwk] }),
    issuer: entraIssuer,
    audiences: [AUDIENCE, CLIENT_ID],
    allowedTenants: [TENANT],
    now: () => NOW,
  };
});

describe('createTokenValidator', () => {
  it('accepts a good token and returns the principal', async () => {
    const validator = createTokenValidator(options);
    const principal = await validator.validate(`Bearer ${await sign(signing, { roles: ['Board', 'Unknown.Role'], groups: ['g1', 'g2'] })}`);
    expect(principal).toEqual({
      userId: USER,
      tenantId: TENANT,
      name: 'Anna Lindqvist',
      username: 'anna@example.se',
      appRoles: ['Board'],
      groups: ['g1', 'g2'],
      groupsOverage: false,
    });
  });

  it('accepts the bare client id as audience, and a scope among others', async () => {
    const principal = await createTokenValidator(options).validate(`bearer ${await sign(signing, { aud: CLIENT_ID, scp: 'User.Read access_as_user' })}`);
    expect(principal.userId).toBe(USER);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
  ])('refuses %s as missingToken', async (_case, header) => {
    expect(await rejection(createTokenValidator(options).validate(header))).toBe('missingToken');
  });

  it.each([
    ['another scheme', 'Basic YWxhZGRpbjpvcGVuc2VzYW1l'],
    ['a scheme without token', 'Bearer'],
    ['a token that is not a JWT', 'Bearer not-a-jwt'],
    ['a JWT whose payload is not JSON', 'Bearer eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln'],
  ])('refuses %s as invalidToken', async (_case, header) => {
    expect(await rejection(createTokenValidator(options).validate(header))).toBe('invalidToken');
  });

  it('refuses a token signed by another key with the same kid', async () => {
    const impostor = await makeKey(signing.kid);
    expect(await rejection(createTokenValidator(options).validate(`Bearer ${await sign(impostor)}`))).toBe('invalidToken');
  });

  it('refuses an unsigned token (alg none)', async () => {
    const encode = (value: object): string => base64url.encode(JSON.stringify(value));
    const token = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims())}.`;
    expect(await rejection(createTokenValidator(options).validate(`Bearer ${token}`))).toBe('invalidToken');
  });

  it('refuses HS256 signed with the public key as the secret', async () => {
    const secret = new TextEncoder().encode(await exportSPKI(signing.publicKey));
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: signing.kid }).sign(secret);
    expect(await rejection(createTokenValidator(options).validate(`Bearer ${token}`))).toBe('invalidToken');
  });

  it('refuses a token for another audience', async () => {
    const token = await sign(signing, { aud: 'api://someone-else/00000003-0000-0000-c000-000000000000' });
    expect(await rejection(createTokenValidator(options).validate(`Bearer ${token}`))).toBe('wrongAudience');
  });

  it('refuses an issuer that is not the one of the token\'s tenant', async () => {
    const validator = createTokenValidator(options);
    expect(await rejection(validator.validate(`Bearer ${await sign(signing, { iss: entraIssuer(OTHER_TENANT) })}`))).toBe('wrongIssuer');
    expect(await rejection(validator.validate(`Bearer ${await sign(signing, { iss: `https://sts.windows.net/${TENANT}/` })}`))).toBe('wrongIssuer');
  });

  it('refuses a genuine token from a tenant that is not allowed', async () => {
    const token = await sign(signing, { tid: OTHER_TENANT, iss: entraIssuer(OTHER_TENANT) });
    const error = await createTokenValidator(options).validate(`Bearer ${token}`).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('tenantNotAllowed');
    expect((error as AuthError).status).toBe(403);
  });

  it('refuses a token without a tenant id', async () => {
    expect(await rejection(createTokenValidator(options).validate(`Bearer ${await sign(signing, { tid: undefined })}`))).toBe('invalidToken');
  });

  it('refuses an expired token beyond the clock tolerance, and accepts one within it', async () => {
    const validator = createTokenValidator(options);
    expect(await rejection(validator.validate(`Bearer ${await sign(signing, { exp: nowSeconds - 61 })}`))).toBe('expired');
    expect((await validator.validate(`Bearer ${await sign(signing, { exp: nowSeconds - 59 })}`)).userId).toBe(USER);
  });

  it('refuses a token without exp', async () => {
    expect(await rejection(createTokenValidator(options).validate(`Bearer ${await sign(signing, { exp: undefined })}`))).toBe('invalidToken');
  });

  it('refuses a token that is not yet valid beyond the clock tolerance', async () => {
    const validator = createTokenValidator(options);
    expect(await rejection(validator.validate(`Bearer ${await sign(signing, { nbf: nowSeconds + 61 })}`))).toBe('invalidToken');
    expect((await validator.validate(`Bearer ${await sign(signing, { nbf: nowSeconds + 59 })}`)).userId).toBe(USER);
  });

  it('refuses a token without the required scope, with 403', async () => {
    const validator = createTokenValidator(options);
    const error = await validator.validate(`Bearer ${await sign(signing, { scp: 'User.Read access_as_user_not' })}`).catch((reason: unknown) => reason);
    expect((error as AuthError).code).toBe('missingScope');
    expect((error as AuthError).status).toBe(403);
    expect(await rejection(validator.validate(`Bearer ${await sign(signing, { scp: undefined, roles: ['Administration'] })}`))).toBe('missingScope');
  });

  it('honours a configured scope', async () => {
    const validator = createTokenValidator({ ...options, requiredScope: 'Quality.Read' });
    expect(await rejection(validator.validate(`Bearer ${await sign(signing)}`))).toBe('missingScope');
    expect((await validator.validate(`Bearer ${await sign(signing, { scp: 'Quality.Read' })}`)).userId).toBe(USER);
  });

  it('refuses a v1.0 token', async () => {
    expect(await rejection(createTokenValidator(options).validate(`Bearer ${await sign(signing, { ver: '1.0' })}`))).toBe('invalidToken');
  });

  it('refuses a token without an object id', async () => {
    expect(await rejection(createTokenValidator(options).validate(`Bearer ${await sign(signing, { oid: undefined })}`))).toBe('invalidToken');
  });

  describe('groups overage', () => {
    const overage = { groups: undefined, _claim_names: { groups: 'src1' }, _claim_sources: { src1: { endpoint: 'https://graph.microsoft.com/v1.0/users/x/getMemberObjects' } } };

    it('asks the group resolver for the groups of the user', async () => {
      const asked: string[] = [];
      const validator = createTokenValidator({ ...options, groupResolver: (userId) => { asked.push(userId); return Promise.resolve(['from-graph']); } });
      const principal = await validator.validate(`Bearer ${await sign(signing, overage)}`);
      expect(asked).toEqual([USER]);
      expect(principal.groups).toEqual(['from-graph']);
      expect(principal.groupsOverage).toBe(true);
    });

    it('gives no groups without a resolver, and notes the overage', async () => {
      const principal = await createTokenValidator(options).validate(`Bearer ${await sign(signing, overage)}`);
      expect(principal.groups).toEqual([]);
      expect(principal.groupsOverage).toBe(true);
    });

    it('makes a failing resolver an outage (IdentityUnavailableError), not a refused token', async () => {
      const validator = createTokenValidator({ ...options, groupResolver: () => Promise.reject(new TypeError('fetch failed')) });
      const error: unknown = await validator.validate(`Bearer ${await sign(signing, overage)}`).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(IdentityUnavailableError);
      expect((error as IdentityUnavailableError).causeName).toBe('TypeError');
    });

    it('does not ask the resolver when the token carries the groups', async () => {
      let asked = 0;
      const validator = createTokenValidator({ ...options, groupResolver: () => { asked += 1; return Promise.resolve([]); } });
      expect((await validator.validate(`Bearer ${await sign(signing, { groups: ['g1'] })}`)).groups).toEqual(['g1']);
      expect(asked).toBe(0);
    });
  });

  describe('a key set that cannot be read', () => {
    let server: Server;
    let mode: 'hang' | 'error' | 'garbage' = 'hang';
    let base: string;
    const hanging: ServerResponse[] = [];

    beforeAll(async () => {
      server = createServer((_req, res) => {
        if (mode === 'hang') hanging.push(res);
        else if (mode === 'error') res.writeHead(500, { 'content-type': 'text/plain' }).end('upstream trouble');
        else res.writeHead(200, { 'content-type': 'application/json' }).end('{"keys": "not a list"}');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    async function outage(jwks: TokenValidatorOptions['jwks']): Promise<unknown> {
      return createTokenValidator({ ...options, jwks }).validate(`Bearer ${await sign(signing)}`).then(() => undefined, (reason: unknown) => reason);
    }

    it.each(['hang', 'error', 'garbage'] as const)('is an outage when the key set is %s, never a refused token', async (how) => {
      mode = how;
      const error = await outage(createRemoteJWKSet(new URL(`${base}/keys-${how}`), { timeoutDuration: 200 }));
      expect(error).toBeInstanceOf(IdentityUnavailableError);
      expect(error).not.toBeInstanceOf(AuthError);
    });

    it('is an outage when nothing listens where the key set should be', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const url = new URL(`http://127.0.0.1:${(closed.address() as AddressInfo).port}/keys`);
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      expect(await outage(createRemoteJWKSet(url, { timeoutDuration: 500 }))).toBeInstanceOf(IdentityUnavailableError);
    });

    it('still refuses a token whose kid the key set does not have as a token problem', async () => {
      const stranger = await makeKey('unknown-kid');
      expect(await rejection(createTokenValidator(options).validate(`Bearer ${await sign(stranger)}`))).toBe('invalidToken');
    });
  });

  describe('key rotation', () => {
    let server: Server;
    let served: JSONWebKeySet;
    let fetches = 0;
    let jwksUrl: URL;

    beforeAll(async () => {
      served = { keys: [signing.publicJwk] };
      server = createServer((_req, res) => {
        fetches += 1;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(served));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      jwksUrl = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`);
    });

    afterAll(async () => {
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    });

    it('accepts a token signed by a new key once the published key set has it', async () => {
      // No cooldown so that the refetch on an unknown kid happens at once rather than after 30 s.
      const validator = createTokenValidator({ ...options, jwks: createRemoteJWKSet(jwksUrl, { cooldownDuration: 0 }) });
      expect((await validator.validate(`Bearer ${await sign(signing)}`)).userId).toBe(USER);
      const fetchesBefore = fetches;

      const rotated = await makeKey('key-2');
      const tokenFromNewKey = `Bearer ${await sign(rotated)}`;
      expect(await rejection(validator.validate(tokenFromNewKey))).toBe('invalidToken');

      served = { keys: [signing.publicJwk, rotated.publicJwk] };
      expect((await validator.validate(tokenFromNewKey)).userId).toBe(USER);
      expect(fetches).toBeGreaterThan(fetchesBefore);
      // The old key is still published during the rollover, so its tokens keep working.
      expect((await validator.validate(`Bearer ${await sign(signing)}`)).userId).toBe(USER);
    });
  });
});
