/**
 * App-only tokens for Graph (Sites.Selected): the app's managed identity in Azure, or client
 * credentials (secret or certificate) elsewhere.
 */
import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { UnavailableError } from './errors';

export const graphScope = 'https://graph.microsoft.com/.default';

export type GraphCredentialOptions =
  /** a user-assigned managed identity, by its client id */
  | { readonly kind: 'managedIdentity'; readonly clientId: string }
  | { readonly kind: 'clientSecret'; readonly tenantId: string; readonly clientId: string; readonly clientSecret: string }
  /** a PEM file holding the private key and the certificate */
  | { readonly kind: 'clientCertificate'; readonly tenantId: string; readonly clientId: string; readonly certificatePath: string };

/** Builds the @azure/identity credential the options describe. */
export function createGraphCredential(options: GraphCredentialOptions): TokenCredential {
  switch (options.kind) {
    case 'managedIdentity':
      return new ManagedIdentityCredential({ clientId: options.clientId });
    case 'clientSecret':
      return new ClientSecretCredential(options.tenantId, options.clientId, options.clientSecret);
    case 'clientCertificate':
      return new ClientCertificateCredential(options.tenantId, options.clientId, { certificatePath: options.certificatePath });
  }
}

export interface TokenProviderOptions {
  readonly scope?: string;
  /** renew this long before expiry */
  readonly renewBeforeMs?: number;
  readonly now?: () => number;
}

/**
 * A token provider for the Graph store over any credential. It keeps the token until shortly
 * before it expires and shares one request among concurrent callers.
 */
export function tokenProviderFrom(credential: Pick<TokenCredential, 'getToken'>, options: TokenProviderOptions = {}): () => Promise<string> {
  const { scope = graphScope, renewBeforeMs = 5 * 60_000, now = Date.now } = options;
  let cached: { token: string; expiresOn: number } | undefined;
  let pending: Promise<string> | undefined;
  return async () => {
    if (cached && cached.expiresOn - renewBeforeMs > now()) return cached.token;
    pending ??= credential
      .getToken(scope)
      .then((token) => {
        if (!token) throw new UnavailableError(`no token for ${scope}`);
        cached = { token: token.token, expiresOn: token.expiresOnTimestamp };
        return token.token;
      })
      .finally(() => (pending = undefined));
    return pending;
  };
}

/** The usual composition: a credential from plain options, wrapped as a token provider. */
export function createTokenProvider(options: GraphCredentialOptions, providerOptions: TokenProviderOptions = {}): () => Promise<string> {
  return tokenProviderFrom(createGraphCredential(options), providerOptions);
}
