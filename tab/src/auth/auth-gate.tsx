import { Button, Text } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { ApiClient } from '../api/client';
import { ProblemError, problemFrom } from '../api/problem-error';
import type { Answer, DevPersona, PublicConfig } from '../../../src/contract';
import { StatusScreen } from '../components/status-screen';
import { useI18n } from '../i18n/i18n';
import { fetchPersonas, signInAsPersona } from './local-sign-in';
import { PersonaPicker } from './persona-picker';
import { SessionContext } from './session';
import type { Session } from './session';
import { clearToken, readToken, writeToken } from './token-store';
import type { StoredToken } from './token-store';

/** Every state of signing in is explicit: loading, picker, Microsoft sign-in, consent, error, signed in. */
export type AuthState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'choosePersona'; config: PublicConfig; personas: DevPersona[] }
  | { status: 'microsoftSignIn'; config: PublicConfig }
  | { status: 'consent'; config: PublicConfig }
  | { status: 'signingIn' }
  | { status: 'signedIn'; config: PublicConfig; token: StoredToken };

// One function for the life of the page: a new one per render would restart sign-in forever.
const browserFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

/** Options for the gate; tests pass a stub fetch and storage. */
export interface AuthGateProps {
  /** In Teams/Outlook/M365: nested app authentication; standalone: redirect login or personas. */
  inHost: boolean;
  fetch?: typeof fetch;
  storage?: Storage;
  children: ReactNode;
}

/** Signs the user in, then renders `children` inside a session. */
export function AuthGate({ inHost, fetch: fetchImpl = browserFetch, storage, children }: AuthGateProps) {
  const { t, language } = useI18n();
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const store = storage ?? sessionStorage;

  /** Where signing in stands after the configuration, a stored token or MSAL have answered. */
  const signIn = useCallback(async (): Promise<AuthState> => {
    try {
      const response = await fetchImpl('/api/config', { headers: { accept: 'application/json' } });
      if (!response.ok) throw await problemFrom(response);
      const config = (await response.json()) as Answer<'GET /config'>;
      if (config.mode === 'local') {
        const stored = readToken(store);
        if (stored) return { status: 'signedIn', config, token: stored };
        return { status: 'choosePersona', config, personas: await fetchPersonas(config, fetchImpl) };
      }
      const msal = await import('./msal-sign-in');
      if (inHost) {
        try {
          return { status: 'signedIn', config, token: await msal.nestedToken(config) };
        } catch (error) {
          if (error instanceof msal.ConsentRequiredError) return { status: 'consent', config };
          throw error;
        }
      }
      const token = await msal.standaloneToken(config);
      return token ? { status: 'signedIn', config, token } : { status: 'microsoftSignIn', config };
    } catch (error) {
      return { status: 'error', error };
    }
  }, [fetchImpl, inHost, store]);

  // The gate starts in 'loading'; `restart` shows 'loading' again before it signs in anew.
  useEffect(() => {
    let live = true;
    void signIn().then((next) => live && setState(next));
    return () => {
      live = false;
    };
  }, [signIn]);

  const restart = useCallback(() => {
    setState({ status: 'loading' });
    void signIn().then(setState);
  }, [signIn]);

  const handlePickPersona = useCallback(async (config: PublicConfig, persona: DevPersona) => {
    setState({ status: 'signingIn' });
    try {
      const token = await signInAsPersona(config, persona, fetchImpl);
      writeToken(token, store);
      setState({ status: 'signedIn', config, token });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, [fetchImpl, store]);

  const handleConsent = useCallback(async (config: PublicConfig) => {
    try {
      const msal = await import('./msal-sign-in');
      setState({ status: 'signedIn', config, token: await msal.nestedConsent(config) });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, []);

  const handleMicrosoftSignIn = useCallback(async (config: PublicConfig) => {
    setState({ status: 'signingIn' });
    const msal = await import('./msal-sign-in');
    await msal.standaloneLogin(config);
  }, []);

  const handleSwitchPerson = useCallback(() => {
    clearToken(store);
    restart();
  }, [restart, store]);

  // One session per sign-in: a new token always comes with a new signed-in state.
  const signedIn = state.status === 'signedIn' ? state : null;
  const session = useMemo<Session | null>(() => {
    if (!signedIn) return null;
    const { config, token } = signedIn;
    const api = new ApiClient({
      fetch: fetchImpl,
      getToken: async () => token.accessToken,
      // A refused token (expired, or the local server restarted with new keys): sign in again.
      onUnauthorized: handleSwitchPerson,
      language,
    });
    return {
      api,
      config,
      name: token.name,
      ...(config.mode === 'local' ? { switchPerson: handleSwitchPerson } : {}),
    };
  }, [signedIn, fetchImpl, handleSwitchPerson, language]);

  switch (state.status) {
    case 'loading':
    case 'signingIn':
      return <StatusScreen busy message={state.status === 'loading' ? t('common.loadingApp') : t('common.signingIn')} />;
    case 'error':
      return <StatusScreen title={t('common.errorTitle')} message={describe(state.error, t('common.errorNetwork'))} actionLabel={t('common.retry')} onAction={restart} />;
    case 'choosePersona': {
      const { config, personas } = state;
      return (
        <StatusScreen title={t('common.signInTitle')} message={t('common.signInLocalIntro')}>
          <PersonaPicker personas={personas} onPick={(persona) => void handlePickPersona(config, persona)} />
        </StatusScreen>
      );
    }
    case 'microsoftSignIn': {
      const { config } = state;
      return (
        <StatusScreen title={t('common.signInTitle')} message={t('common.signInM365Intro')}>
          <Button appearance="primary" onClick={() => void handleMicrosoftSignIn(config)}>{t('common.signInMicrosoft')}</Button>
        </StatusScreen>
      );
    }
    case 'consent': {
      const { config } = state;
      return (
        <StatusScreen title={t('common.consent')}>
          <Text>{t('common.consentIntro')}</Text>
          <Button appearance="primary" onClick={() => void handleConsent(config)}>{t('common.consent')}</Button>
        </StatusScreen>
      );
    }
    case 'signedIn':
      return session ? <SessionContext.Provider value={session}>{children}</SessionContext.Provider> : null;
  }
}

function describe(error: unknown, networkMessage: string): string {
  if (error instanceof ProblemError) return error.status === 0 ? networkMessage : error.detail;
  if (error instanceof TypeError) return networkMessage;
  return error instanceof Error ? error.message : String(error);
}
