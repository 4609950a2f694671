import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { stubFetch } from '../testing/fetch-stub';
import { AuthGate } from './auth-gate';
import { useSession } from './session';

// msal-browser needs a real Entra tenant; its seam (msal-sign-in) is replaced here.
const msal = vi.hoisted(() => {
  class ConsentRequiredError extends Error {}
  return {
    ConsentRequiredError,
    nestedToken: vi.fn(),
    nestedConsent: vi.fn(),
    standaloneToken: vi.fn(),
    standaloneLogin: vi.fn(),
  };
});
vi.mock('./msal-sign-in', () => msal);

const m365Config = { mode: 'm365', clientId: 'c', tenantId: 't', apiScope: 'api://tab.example/c/access_as_user', schoolUnitRegister: true };

function Signed() {
  const { name } = useSession();
  return <p>Inne som {name}</p>;
}

function renderGate(inHost: boolean) {
  const stub = stubFetch({ 'GET /api/config': () => m365Config });
  render(
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider language="sv">
        <AuthGate inHost={inHost} fetch={stub.fetch} storage={window.sessionStorage}><Signed /></AuthGate>
      </I18nProvider>
    </FluentProvider>,
  );
}

describe('AuthGate in Microsoft 365 mode', () => {
  afterEach(() => {
    cleanup();
    vi.clearAllMocks();
  });

  it('in Teams: asks for consent with a clear step when the silent token needs it, then signs in', async () => {
    msal.nestedToken.mockRejectedValue(new msal.ConsentRequiredError('consent'));
    msal.nestedConsent.mockResolvedValue({ accessToken: 'a', expiresAt: Date.now() + 3_600_000, name: 'Anna Lindqvist' });
    renderGate(true);
    await userEvent.click(await screen.findByRole('button', { name: 'Godkänn behörighet' }));
    expect(await screen.findByText('Inne som Anna Lindqvist')).toBeTruthy();
    expect(msal.nestedConsent).toHaveBeenCalledWith(m365Config);
  });

  it('in Teams: signs in silently when it can', async () => {
    msal.nestedToken.mockResolvedValue({ accessToken: 'a', expiresAt: Date.now() + 3_600_000, name: 'Cecilia Ek' });
    renderGate(true);
    expect(await screen.findByText('Inne som Cecilia Ek')).toBeTruthy();
    expect(msal.nestedConsent).not.toHaveBeenCalled();
  });

  it('in a plain browser: offers the Microsoft sign-in (a redirect) when there is no account', async () => {
    msal.standaloneToken.mockResolvedValue(null);
    msal.standaloneLogin.mockResolvedValue(undefined);
    renderGate(false);
    await userEvent.click(await screen.findByRole('button', { name: 'Logga in med Microsoft' }));
    expect(msal.standaloneLogin).toHaveBeenCalledWith(m365Config);
  });
});
