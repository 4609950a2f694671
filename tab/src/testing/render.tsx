import './polyfills';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { ApiClient } from '../api/client';
import { SessionContext, useSession } from '../auth/session';
import { OrganizerApi } from '../organizer/organizer-api';
import { OrganizerContext } from '../organizer/organizer-context';
import { I18nProvider } from '../i18n/i18n';
import type { Language } from '../i18n/i18n';
import { stubFetch } from './fetch-stub';
import type { StubHandler } from './fetch-stub';

/** Renders a view inside a signed-in local session whose API is the given stub routes (`switchPerson` as the picker gives it). */
export function renderWithSession(ui: ReactElement, routes: Record<string, StubHandler>, language: Language = 'sv', switchPerson?: () => void) {
  const stub = stubFetch(routes);
  const api = new ApiClient({ fetch: stub.fetch, getToken: async () => 'test-token' });
  const result = render(
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider language={language}>
        <SessionContext.Provider value={{ api, config: { mode: 'local', schoolUnitRegister: false }, name: 'Cecilia Ek', ...(switchPerson ? { switchPerson } : {}) }}>{ui}</SessionContext.Provider>
      </I18nProvider>
    </FluentProvider>,
  );
  return { ...result, seen: stub.seen };
}

/** A represented item: fields plus the server's bookkeeping. */
export function item<T extends object>(id: string, fields: T, etag = `"${id},1"`) {
  return { id, etag, createdAt: '2025-09-01T08:00:00Z', modifiedAt: '2025-09-01T08:00:00Z', ...fields };
}

/** The text a dialog is named by (in jsdom the focus manager may still keep an opening dialog aria-hidden, which hides its name from queries). */
export function dialogTitle(dialog: HTMLElement): string | null | undefined {
  return document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent;
}

/** An organizer view in the organizer session the organizer page gives it, over the signed-in session's API. */
export function InOrganizer({ schoolYear, children }: { schoolYear: string; children: ReactNode }) {
  const { api } = useSession();
  return <OrganizerContext.Provider value={{ api: new OrganizerApi(api), canEdit: true, schoolYear }}>{children}</OrganizerContext.Provider>;
}
