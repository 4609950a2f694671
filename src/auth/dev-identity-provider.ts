import type { JSONWebKeySet, JWTVerifyGetKey } from 'jose';
import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Router } from 'express';
import { createDevIdentityRouter } from './dev-identity-router';
import { DEV_TENANT_ID, findPersona } from './personas';
import type { TokenValidatorOptions } from './token-validator';

/** The audience of local mode's tokens, standing in for `api://<host>/<client-id>`. */
export const DEV_AUDIENCE = 'api://localhost/0d0d0d0d-0000-4000-8000-00000000a0d1';
/** The `azp` of local mode's tokens: the client app that asked for them (the tab). */
export const DEV_CLIENT_ID = '0d0d0d0d-0000-4000-8000-00000000c11e';
const TOKEN_LIFETIME_SECONDS = 3600;

/** The claims of an Entra ID v2 access token that the app reads or checks. */
export interface DevTokenClaims {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  tid: string;
  oid: string;
  sub: string;
  name: string;
  preferred_username: string;
  scp: string;
  roles: string[];
  groups: string[];
  ver: string;
  azp: string;
  /** Set to `{ groups: 'src1' }` to imitate a groups overage (then also leave `groups` empty). */
  _claim_names?: Record<string, string>;
}

export type DevTokenOverrides = Partial<DevTokenClaims> & { expiresInSeconds?: number };

export interface DevIdentityProviderOptions {
  /** The absolute URL where `router` is mounted, e.g. `http://localhost:3978/dev-idp`; it is the issuer. */
  readonly issuerBaseUrl: string;
  /** Default DEV_AUDIENCE. */
  readonly audience?: string;
  /** Default DEV_TENANT_ID. */
  readonly tenantId?: string;
  /** Default DEV_CLIENT_ID. */
  readonly clientId?: string;
  /** The clock, for tests. */
  readonly now?: () => Date;
}

export interface DevIdentityProvider {
  readonly issuer: string;
  readonly audience: string;
  readonly tenantId: string;
  /** The public keys (never the private one). */
  readonly jwks: JSONWebKeySet;
  /** For the token validator: the same keys, without a network round trip. */
  readonly keySet: JWTVerifyGetKey;
  /**
   * Signs an access token for a persona (see personas.ts).
   * @throws UnknownPersonaError when there is no such persona.
   */
  issue(personaId: string, overrides?: DevTokenOverrides): Promise<string>;
  /** The validator settings that accept exactly this provider's tokens. */
  validatorOptions(): Pick<TokenValidatorOptions, 'jwks' | 'issuer' | 'audiences' | 'allowedTenants'>;
  /** The provider's HTTP endpoints; mount it at the path of `issuerBaseUrl`. */
  readonly router: Router;
}

export class UnknownPersonaError extends Error {
  override readonly name = 'UnknownPersonaError';
  constructor(readonly personaId: string) {
    super(`There is no persona ${personaId}`);
  }
}

/**
 * A stand-in for Entra ID in local mode: it signs tokens shaped like Entra v2 access tokens for the
 * demo personas with a key pair made at start, so the production validator checks them unchanged.
 * It trusts whoever asks: never start it in Microsoft 365 mode.
 */
export async function createDevIdentityProvider(options: DevIdentityProviderOptions): Promise<DevIdentityProvider> {
  const issuer = options.issuerBaseUrl.replace(/\/+$/, '');
  const audience = options.audience ?? DEV_AUDIENCE;
  const tenantId = options.tenantId ?? DEV_TENANT_ID;
  const clientId = options.clientId ?? DEV_CLIENT_ID;
  const now = options.now ?? (() => new Date());

  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const jwks: JSONWebKeySet = { keys: [{ ...publicJwk, kid, alg: 'RS256', use: 'sig' }] };
  const keySet = createLocalJWKSet(jwks);

  async function issue(personaId: string, overrides: DevTokenOverrides = {}): Promise<string> {
    const persona = findPersona(personaId);
    if (persona === undefined) throw new UnknownPersonaError(personaId);
    const { expiresInSeconds = TOKEN_LIFETIME_SECONDS, ...claimOverrides } = overrides;
    const iat = Math.floor(now().getTime() / 1000);
    const claims: DevTokenClaims = {
      aud: audience,
      iss: issuer,
      iat,
      nbf: iat,
      exp: iat + expiresInSeconds,
      tid: tenantId,
      oid: persona.userId,
      sub: persona.userId,
      name: persona.name,
      preferred_username: persona.username,
      scp: 'access_as_user',
      roles: [...persona.appRoles],
      groups: [...persona.groups],
      ver: '2.0',
      azp: clientId,
      ...claimOverrides,
    };
    return new SignJWT({ ...claims }).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(privateKey);
  }

  return {
    issuer,
    audience,
    tenantId,
    jwks,
    keySet,
    issue,
    validatorOptions: () => ({
      jwks: keySet,
      // Any other tenant gets an issuer no token of ours carries, so it fails as wrongIssuer.
      issuer: (tid) => (tid === tenantId ? issuer : `${issuer}/unknown-tenant/${tid}`),
      audiences: [audience],
      allowedTenants: [tenantId],
    }),
    router: createDevIdentityRouter({ issuer, jwks, issue, lifetimeSeconds: TOKEN_LIFETIME_SECONDS }),
  };
}
