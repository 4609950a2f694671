import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { I18nProvider } from '../i18n/i18n';
import { reply, stubFetch } from '../testing/fetch-stub';
import type { StubHandler } from '../testing/fetch-stub';
import { AuthGate } from './auth-gate';
import { useSession } from './session';

function Whoami() {
  const { name, switchPerson, api } = useSession();
  return (
    <div>
      <p>Hej {name}</p>
      <button onClick={switchPerson}>Byt person</button>
      <button onClick={() => void api.me().catch(() => undefined)}>Vem är jag?</button>
    </div>
  );
}

const personas = [
  { id: 'principal-bjork', name: 'Cecilia Ek', title: 'Rektor, Björkskolan', roleDescription: 'Rektor' },
  { id: 'staff-bjork', name: 'David Berg', title: 'Lärare', roleDescription: 'Personal' },
];
const localConfig = { mode: 'local', devIdp: { tokenUrl: '/dev-idp/token', personasUrl: '/dev-idp/personas' }, schoolUnitRegister: false };

function renderGate(routes: Record<string, StubHandler>, storage: Storage = window.sessionStorage) {
  const stub = stubFetch(routes);
  render(
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider language="sv">
        <AuthGate inHost={false} fetch={stub.fetch} storage={storage}><Whoami /></AuthGate>
      </I18nProvider>
    </FluentProvider>,
  );
  return stub;
}

describe('AuthGate in local mode', () => {
  afterEach(() => {
    cleanup();
    window.sessionStorage.clear();
  });

  it('lists the personas, signs in as the one picked and keeps the token in sessionStorage', async () => {
    const stub = renderGate({
      'GET /api/config': () => localConfig,
      'GET /dev-idp/personas': () => personas,
      'POST /dev-idp/token': () => ({ access_token: 'token-for-cecilia', expires_in: 3600 }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Logga in som Cecilia Ek' }));
    expect(await screen.findByText('Hej Cecilia Ek')).toBeTruthy();
    expect(stub.seen.find((r) => r.method === 'POST')?.body).toEqual({ persona: 'principal-bjork' });
    expect(window.sessionStorage.getItem('kvalitetshjulet.token')).toContain('token-for-cecilia');
  });

  it('goes back to the picker on "Byt person"', async () => {
    renderGate({
      'GET /api/config': () => localConfig,
      'GET /dev-idp/personas': () => personas,
      'POST /dev-idp/token': () => ({ access_token: 't', expires_in: 3600 }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Logga in som David Berg' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Byt person' }));
    expect(await screen.findByRole('button', { name: 'Logga in som Cecilia Ek' })).toBeTruthy();
    expect(window.sessionStorage.getItem('kvalitetshjulet.token')).toBeNull();
  });

  it('reuses a stored token without asking again', async () => {
    window.sessionStorage.setItem('kvalitetshjulet.token', JSON.stringify({ accessToken: 'kept', expiresAt: Date.now() + 3_600_000, name: 'David Berg' }));
    renderGate({ 'GET /api/config': () => localConfig });
    expect(await screen.findByText('Hej David Berg')).toBeTruthy();
  });

  it('signs in again when the API refuses the stored token', async () => {
    window.sessionStorage.setItem('kvalitetshjulet.token', JSON.stringify({ accessToken: 'from-before-a-restart', expiresAt: Date.now() + 3_600_000, name: 'David Berg' }));
    renderGate({
      'GET /api/config': () => localConfig,
      'GET /api/me': () => reply(401, { title: 'Unauthorized', status: 401, code: 'unauthenticated', detail: 'invalidToken' }),
      'GET /dev-idp/personas': () => personas,
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Vem är jag?' }));
    expect(await screen.findByRole('button', { name: 'Logga in som Cecilia Ek' })).toBeTruthy();
    expect(window.sessionStorage.getItem('kvalitetshjulet.token')).toBeNull();
  });

  it('shows an explicit error with a retry when the server cannot be reached', async () => {
    renderGate({ 'GET /api/config': () => reply(503, { title: 'Unavailable', status: 503, code: 'unavailable', detail: 'Servern startar.' }) });
    expect(await screen.findByText('Servern startar.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Försök igen' })).toBeTruthy();
  });
});
