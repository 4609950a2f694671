/** Why a request's identity was refused. Stable: the API and the tab switch on these. */
export type AuthErrorCode =
  | 'missingToken'
  | 'invalidToken'
  | 'expired'
  | 'wrongAudience'
  | 'wrongIssuer'
  | 'tenantNotAllowed'
  | 'missingScope';

/**
 * A token was refused. `status` is what the API answers: 401 when the caller has no usable token
 * (get a new one and retry), 403 when the token is genuine but can never be good enough here (a
 * tenant we do not serve, or a token without our scope), so a client does not loop on sign-in.
 */
export class AuthError extends Error {
  override readonly name = 'AuthError';

  constructor(readonly code: AuthErrorCode, message: string = code, options?: { cause?: unknown }) {
    super(message, options);
  }

  get status(): 401 | 403 {
    return this.code === 'tenantNotAllowed' || this.code === 'missingScope' ? 403 : 401;
  }

  /** The `WWW-Authenticate` value of RFC 6750, so standard clients know whether to sign in again. */
  get challenge(): string {
    if (this.code === 'missingToken') return 'Bearer';
    const error = this.status === 403 ? 'insufficient_scope' : 'invalid_token';
    return `Bearer error="${error}"`;
  }
}

/** Narrows an unknown error to AuthError (for the API's error middleware). */
export function isAuthError(error: unknown): error is AuthError {
  return error instanceof AuthError;
}

/**
 * Who sent a request could not be established right now, for a reason that is ours, not the
 * token's: the signing key set could not be fetched in time (unreachable, hanging, not a key set),
 * or the groups of an overage user could not be read. The API answers 503 with Retry-After.
 */
export class IdentityUnavailableError extends Error {
  override readonly name = 'IdentityUnavailableError';

  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
  }

  /** the cause's name, for the log line (never for the caller) */
  get causeName(): string {
    return this.cause instanceof Error ? this.cause.name : typeof this.cause;
  }
}
