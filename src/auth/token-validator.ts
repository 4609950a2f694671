import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { decodeJwt, errors, jwtVerify } from 'jose';
import { AuthError, IdentityUnavailableError } from './auth-error';
import type { GroupResolver, Principal } from './principal';
import { principalFromClaims } from './principal-from-claims';

export interface TokenValidatorOptions {
  /**
   * Where signing keys come from. In production `createRemoteJWKSet(new URL(
   * 'https://login.microsoftonline.com/common/discovery/v2.0/keys'))`: it caches the set and
   * refetches it when a token names a kid it lacks, which is how Entra's key rotation is picked up.
   * In local mode and tests, the dev identity provider's `createLocalJWKSet`.
   */
  readonly jwks: JWTVerifyGetKey;
  /** The issuer expected for a token of this tenant; see `entraIssuer`. */
  readonly issuer: (tenantId: string) => string;
  /** Accepted `aud` values: `api://<host>/<client-id>` and the bare client id. */
  readonly audiences: readonly string[];
  /** Tenants whose users may sign in (Entra tenant ids). */
  readonly allowedTenants: readonly string[];
  /** The delegated scope the tab asks for. Default 'access_as_user'. */
  readonly requiredScope?: string;
  /** Allowed clock skew for exp and nbf. Default 60. */
  readonly clockToleranceSeconds?: number;
  /** Accepted signing algorithms. Default ['RS256']: refuses `none` and every HMAC algorithm. */
  readonly algorithms?: readonly string[];
  /**
   * Reads a user's groups when the token carries too many to list (groups overage). The Graph
   * implementation needs the application permission GroupMember.Read.All. Without one, an overage
   * user has no groups and so is staff of no unit.
   */
  readonly groupResolver?: GroupResolver;
  /** The clock, for tests. */
  readonly now?: () => Date;
}

export interface TokenValidator {
  /**
   * Validates the `Authorization` header of a request and returns who sent it.
   * @throws AuthError for every reason a token is refused; IdentityUnavailableError when the key
   *   set could not be read or the group resolver failed (infrastructure, not the token).
   */
  validate(authorizationHeader: string | undefined): Promise<Principal>;
}

/** The v2.0 issuer Entra ID writes into access tokens of a tenant. */
export function entraIssuer(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId}/v2.0`;
}

const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*) *$/i;

function bearerToken(header: string | undefined): string {
  if (header === undefined || header.trim() === '') throw new AuthError('missingToken', 'No bearer token was sent');
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) throw new AuthError('invalidToken', 'The Authorization header is not "Bearer <jwt>"');
  return token;
}

function unverifiedTenant(token: string): string {
  let payload: JWTPayload;
  try {
    payload = decodeJwt(token);
  } catch (error) {
    throw new AuthError('invalidToken', 'The token is not a JWT', { cause: error });
  }
  const tid = payload['tid'];
  if (typeof tid !== 'string' || tid === '') throw new AuthError('invalidToken', 'The token has no tenant id (tid)');
  return tid;
}

/** Translates jose's errors into ours; anything that is not about the token itself is rethrown. */
function toAuthError(error: unknown): unknown {
  if (error instanceof errors.JWTExpired) return new AuthError('expired', 'The token has expired', { cause: error });
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return new AuthError('wrongIssuer', 'The token was not issued for its tenant', { cause: error });
    if (error.claim === 'aud') return new AuthError('wrongAudience', 'The token is not for this API', { cause: error });
    // Not yet valid is not "expired": a new token would not help, the clocks disagree.
    if (error.claim === 'nbf') return new AuthError('invalidToken', 'The token is not valid yet', { cause: error });
    return new AuthError('invalidToken', `The token's ${error.claim} claim is ${error.reason}`, { cause: error });
  }
  if (error instanceof IdentityUnavailableError) return error;
  if (error instanceof errors.JOSEError) return new AuthError('invalidToken', 'The token could not be verified', { cause: error });
  return error;
}

/** What a key lookup refuses because of the token itself (its kid or alg), not because of the key set. */
const aboutTheToken = [errors.JWKSNoMatchingKey, errors.JWKSMultipleMatchingKeys, errors.JOSENotSupported, errors.JOSEAlgNotAllowed, errors.JWSInvalid, errors.JWTInvalid];

/**
 * The key set, with its own failures (unreachable, too slow, an error status, not a key set) made
 * IdentityUnavailableError: our outage is a 503, never a 500 or a 401 that sends users to sign in.
 */
function keySet(jwks: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await jwks(header, token);
    } catch (error) {
      if (aboutTheToken.some((kind) => error instanceof kind)) throw error;
      throw new IdentityUnavailableError('The signing key set could not be read', { cause: error });
    }
  };
}

function scopes(payload: JWTPayload): string[] {
  const scp = payload['scp'];
  return typeof scp === 'string' ? scp.split(' ').filter((scope) => scope !== '') : [];
}

/**
 * Validates Entra ID v2 access tokens for our API: signature and algorithm, issuer of the token's
 * own tenant, allowed tenant, audience, lifetime, token version and scope. Local mode uses the
 * same code with the dev identity provider's keys, issuer and audience.
 */
export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  const requiredScope = options.requiredScope ?? 'access_as_user';
  const clockTolerance = options.clockToleranceSeconds ?? 60;
  const algorithms = [...(options.algorithms ?? ['RS256'])];
  const allowedTenants = new Set(options.allowedTenants);
  const now = options.now ?? (() => new Date());
  const jwks = keySet(options.jwks);
  const groupResolver = options.groupResolver;
  const resolveGroups: GroupResolver | undefined = groupResolver && (async (userId) => {
    try {
      return await groupResolver(userId);
    } catch (error) {
      throw new IdentityUnavailableError('The groups of the user could not be read', { cause: error });
    }
  });

  return {
    async validate(authorizationHeader) {
      const token = bearerToken(authorizationHeader);
      // The issuer depends on the tenant, so the (unverified) tid picks which issuer to expect;
      // the signature check below then proves both.
      const tenantId = unverifiedTenant(token);
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, jwks, {
          algorithms,
          issuer: options.issuer(tenantId),
          audience: [...options.audiences],
          clockTolerance,
          currentDate: now(),
          requiredClaims: ['exp', 'iss', 'aud', 'tid', 'oid'],
        }));
      } catch (error) {
        throw toAuthError(error);
      }
      if (!allowedTenants.has(tenantId)) throw new AuthError('tenantNotAllowed', `Tenant ${tenantId} is not allowed`);
      if (payload['ver'] !== '2.0') throw new AuthError('invalidToken', 'Only v2.0 access tokens are accepted');
      if (!scopes(payload).includes(requiredScope)) throw new AuthError('missingScope', `The token lacks the scope ${requiredScope}`);
      const userId = payload['oid'];
      if (typeof userId !== 'string' || userId === '') throw new AuthError('invalidToken', 'The token has no object id (oid)');
      return principalFromClaims(payload, userId, tenantId, resolveGroups);
    },
  };
}
