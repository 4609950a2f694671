import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential, type AccessToken } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import { createGraphCredential, graphScope, tokenProviderFrom } from './token-provider';

function fakeCredential(tokens: (AccessToken | null)[]) {
  const scopes: (string | string[])[] = [];
  return {
    scopes,
    getToken: async (scope: string | string[]) => {
      scopes.push(scope);
      return tokens[Math.min(scopes.length - 1, tokens.length - 1)] ?? null;
    },
  };
}

describe('tokenProviderFrom', () => {
  it('asks for the Graph .default scope and reuses the token until shortly before it expires', async () => {
    let now = 0;
    const credential = fakeCredential([
      { token: 'one', expiresOnTimestamp: 60 * 60_000 },
      { token: 'two', expiresOnTimestamp: 120 * 60_000 },
    ]);
    const provider = tokenProviderFrom(credential, { now: () => now });
    expect(await provider()).toBe('one');
    now = 50 * 60_000;
    expect(await provider()).toBe('one');
    now = 56 * 60_000;
    expect(await provider()).toBe('two');
    expect(credential.scopes).toEqual([graphScope, graphScope]);
  });

  it('shares one request among concurrent callers', async () => {
    const credential = fakeCredential([{ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }]);
    const provider = tokenProviderFrom(credential);
    expect(await Promise.all([provider(), provider(), provider()])).toEqual(['t', 't', 't']);
    expect(credential.scopes).toHaveLength(1);
  });

  it('fails when the credential gives no token', async () => {
    await expect(tokenProviderFrom(fakeCredential([null]))()).rejects.toThrow(/no token/);
  });
});

describe('createGraphCredential', () => {
  it('builds the credential each kind names', () => {
    expect(createGraphCredential({ kind: 'managedIdentity', clientId: '11111111-1111-1111-1111-111111111111' })).toBeInstanceOf(ManagedIdentityCredential);
    expect(createGraphCredential({ kind: 'clientSecret', tenantId: '22222222-2222-2222-2222-222222222222', clientId: '11111111-1111-1111-1111-111111111111', clientSecret: 's' })).toBeInstanceOf(ClientSecretCredential);
    expect(createGraphCredential({ kind: 'clientCertificate', tenantId: '22222222-2222-2222-2222-222222222222', clientId: '11111111-1111-1111-1111-111111111111', certificatePath: '/tmp/none.pem' })).toBeInstanceOf(ClientCertificateCredential);
  });
});
