// Loaded only in Microsoft 365 mode (dynamic import): msal-browser never weighs on local mode.
import {
  InteractionRequiredAuthError, PublicClientApplication, createNestablePublicClientApplication,
} from '@azure/msal-browser';
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { PublicConfig } from '../../../src/contract';
import type { StoredToken } from './token-store';

/** Thrown when the user must grant consent in a popup before a token can be had. */
export class ConsentRequiredError extends Error {
  constructor() {
    super('consent required');
    this.name = 'ConsentRequiredError';
  }
}

function msalConfig(config: PublicConfig) {
  return {
    auth: {
      clientId: config.clientId ?? '',
      authority: config.authority ?? `https://login.microsoftonline.com/${config.tenantId ?? 'organizations'}`,
      redirectUri: `${window.location.origin}/auth-end`,
    },
    cache: { cacheLocation: 'sessionStorage' as const },
  };
}

function scopes(config: PublicConfig): string[] {
  return config.apiScope ? [config.apiScope] : [];
}

let nested: Promise<IPublicClientApplication> | undefined;

/** Nested app authentication inside Teams, Outlook or the Microsoft 365 app: silent first. */
export async function nestedToken(config: PublicConfig): Promise<StoredToken> {
  nested ??= createNestablePublicClientApplication(msalConfig(config));
  const pca = await nested;
  const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
  try {
    const result = await pca.acquireTokenSilent({ scopes: scopes(config), ...(account ? { account } : {}) });
    return { accessToken: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? Date.now() + 3_000_000, name: result.account.name };
  } catch (error) {
    if (error instanceof InteractionRequiredAuthError) throw new ConsentRequiredError();
    throw error;
  }
}

/** The consent step: a popup the user starts with a click (hosts block popups otherwise). */
export async function nestedConsent(config: PublicConfig): Promise<StoredToken> {
  nested ??= createNestablePublicClientApplication(msalConfig(config));
  const pca = await nested;
  const result = await pca.acquireTokenPopup({ scopes: scopes(config) });
  pca.setActiveAccount(result.account);
  return { accessToken: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? Date.now() + 3_000_000, name: result.account.name };
}

let standalone: Promise<PublicClientApplication> | undefined;

async function standaloneApp(config: PublicConfig): Promise<PublicClientApplication> {
  standalone ??= (async () => {
    const pca = new PublicClientApplication({ ...msalConfig(config), auth: { ...msalConfig(config).auth, redirectUri: window.location.origin + '/' } });
    await pca.initialize();
    const redirect = await pca.handleRedirectPromise();
    if (redirect) pca.setActiveAccount(redirect.account);
    return pca;
  })();
  return standalone;
}

/** In a plain browser: a token for the signed-in account, or null when a redirect login is needed. */
export async function standaloneToken(config: PublicConfig): Promise<StoredToken | null> {
  const pca = await standaloneApp(config);
  const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
  if (!account) return null;
  try {
    const result = await pca.acquireTokenSilent({ scopes: scopes(config), account });
    return { accessToken: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? Date.now() + 3_000_000, name: account.name };
  } catch (error) {
    if (error instanceof InteractionRequiredAuthError) return null;
    throw error;
  }
}

/** Leaves the page for the Microsoft sign-in; it comes back to `/` with the result. */
export async function standaloneLogin(config: PublicConfig): Promise<void> {
  const pca = await standaloneApp(config);
  await pca.loginRedirect({ scopes: scopes(config), redirectStartPage: window.location.href });
}
