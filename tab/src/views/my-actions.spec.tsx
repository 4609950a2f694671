import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Action } from '../../../src/contract';
import type { ActionStatus } from '../../../src/domain';
import { item, renderWithSession } from '../testing/render';
import { organizerHref } from '../components/organizer-link';
import MyActions, { dueSoonFirst } from './my-actions';

const action = (id: string, dueDate: string, status: ActionStatus = 'planned'): Action => item(id, {
  title: `Åtgärd ${id}`, unitId: '1', ownerId: 'u', dueDate, status, originKind: 'analysis', originId: '5', schoolYear: '2025/26',
});

describe('MyActions', () => {
  afterEach(cleanup);

  it('orders open actions by due date, finished last', () => {
    const sorted = dueSoonFirst([action('a', '2026-01-01', 'done'), action('b', '2026-03-01'), action('c', '2026-02-01', 'inProgress')] );
    expect(sorted.map((a) => a.id)).toEqual(['c', 'b', 'a']);
  });

  it('updates a status in place with If-Match and lists the unanswered follow-ups', async () => {
    const { seen } = renderWithSession(<MyActions />, {
      'GET /api/my/actions': () => ({ items: [action('7', '2099-01-01')] }),
      'GET /api/my/follow-ups': () => ({ items: [item('50', { type: 'resultsConference', title: 'Resultatkonferens HT', startsAt: '2025-11-10T13:00:00Z', schoolYear: '2025/26', participants: [], agenda: [] })] }),
      'GET /api/me': () => ({ userId: 'u', name: 'Elin Berg', appRoles: [], units: [{ unitId: '1', name: 'Björkskolan F–6', roles: ['staff'] }] }),
      'PATCH /api/actions/7': (req) => item('7', { ...action('7', '2099-01-01'), ...(req.body as object) }, '"7,2"'),
    });
    const list = await screen.findByRole('list', { name: 'Mina åtgärder' });
    expect(within(list).getByText(/Björkskolan F–6 · Klart senast/)).toBeTruthy();
    await userEvent.selectOptions(within(list).getByRole('combobox', { name: 'Ändra status för Åtgärd 7' }), 'inProgress');
    await waitFor(() => expect(seen.some((r) => r.method === 'PATCH')).toBe(true));
    expect(seen.find((r) => r.method === 'PATCH')).toMatchObject({ body: { status: 'inProgress' }, headers: { 'if-match': '"7,1"' } });
    // and says so where a screen reader hears it
    await waitFor(() => expect(within(list).getByRole('status').textContent).toBe('Sparat.'));
    expect(screen.getByText('Resultatkonferens HT')).toBeTruthy();
    // staff have no way to the organizer's level; the one link is where the action comes from, in its unit
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['?view=analysis&unitId=1']);
  });

  it('opens the evaluation step when the status becomes done, and marks it done only with "Hur blev det?"', async () => {
    const { seen } = renderWithSession(<MyActions />, {
      'GET /api/my/actions': () => ({ items: [action('7', '2099-01-01')] }),
      'GET /api/my/follow-ups': () => ({ items: [] }),
      'GET /api/me': () => ({ userId: 'u', name: 'Elin Berg', appRoles: [], units: [{ unitId: '1', name: 'Björkskolan F–6', roles: ['staff'] }] }),
      'PATCH /api/actions/7': (req) => item('7', { ...action('7', '2099-01-01'), ...(req.body as object) }, '"7,2"'),
    });
    const list = await screen.findByRole('list', { name: 'Mina åtgärder' });
    await userEvent.selectOptions(within(list).getByRole('combobox', { name: 'Ändra status för Åtgärd 7' }), 'done');
    const evaluation = await within(list).findByRole('textbox', { name: /Hur blev det\?/ });
    expect(seen.some((r) => r.method === 'PATCH')).toBe(false);
    await userEvent.click(within(list).getByRole('button', { name: 'Markera som genomförd' }));
    await waitFor(() => expect(evaluation.getAttribute('aria-invalid')).toBe('true'));
    expect(seen.some((r) => r.method === 'PATCH')).toBe(false);
    await userEvent.type(evaluation, 'Fler elever läser varje dag.');
    await userEvent.click(within(list).getByRole('button', { name: 'Markera som genomförd' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PATCH')).toBe(true));
    expect(seen.find((r) => r.method === 'PATCH')).toMatchObject({ body: { status: 'done', evaluation: 'Fler elever läser varje dag.' }, headers: { 'if-match': '"7,1"' } });
    await waitFor(() => expect(within(list).getByRole('status').textContent).toBe('Sparat.'));
  });

  it('keeps the theme and language on the way to the organizer\'s view', () => {
    expect(organizerHref('?view=my-actions&theme=dark&lang=en')).toBe('?view=organizer&theme=dark&lang=en');
    expect(organizerHref('')).toBe('?view=organizer');
  });

  const mine = (appRoles: string[]) => ({
    'GET /api/my/actions': () => ({ items: [] }),
    'GET /api/my/follow-ups': () => ({ items: [] }),
    'GET /api/me': () => ({ userId: 'a', name: 'X', appRoles, units: [] }),
  });

  it('gives the administration a link to the organizer\'s view', async () => {
    renderWithSession(<MyActions />, mine(['Administration']));
    const nav = await screen.findByRole('navigation', { name: 'Fler vyer' });
    expect(within(nav).getByRole('link', { name: 'Huvudmannens vy (förvaltningen)' }).getAttribute('href')).toBe('?view=organizer');
  });

  it('gives the board a link to its roll-up, in English too', async () => {
    renderWithSession(<MyActions />, mine(['Board']), 'en');
    const nav = await screen.findByRole('navigation', { name: 'More views' });
    expect(within(nav).getByRole('link', { name: "The board's roll-up" }).getAttribute('href')).toBe('?view=organizer');
  });
});
